"""Changing a few fields of a YAML text and nothing else.

Editors' files carry comments, their own quoting and their own list styles. Rather than load
the YAML and write all of it out again (which reflows what it does not understand), each edit
finds the field with the manual's own parser (yamlfile.ManualLoader, so what is edited is read
exactly as the build reads it), and replaces or inserts only the characters of that field.
Everything else in the file stays byte for byte as it was.
"""

from __future__ import annotations

import re

import yaml

from manual.model.problems import ManualError, Problem
from manual.reading.yamlfile import ManualLoader, yaml_error_problem

_PLAIN_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,.;()/'’&+-]*$")
_FLOW_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .;()/'’&+-]*$")


def scalar(value: str, flow: bool = False) -> str:
    """A string written as a YAML scalar that the manual's loader reads back as the same text."""
    pattern = _FLOW_SAFE if flow else _PLAIN_SAFE
    if pattern.match(value) and not value.endswith(" ") and _reads_as_text(value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quoted(value: str) -> str:
    """Always in double quotes (versions: "2.10" must stay text, not become the number 2.1)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _reads_as_text(value: str) -> bool:
    try:
        return yaml.load(value, Loader=ManualLoader) == value
    except yaml.YAMLError:
        return False


class YamlText:
    """A YAML mapping held as text (the whole file, or the part of it between offsets)."""

    def __init__(self, text: str, path: str, start: int = 0, end: int | None = None, line_offset: int = 0):
        self.text = text
        self.path = path
        self.start = start  # the YAML is text[start:end]
        self.end = len(text) if end is None else end
        self.line_offset = line_offset

    # -- reading -----------------------------------------------------------------------------

    def _root(self) -> yaml.MappingNode:
        loader = ManualLoader(self.text[self.start : self.end])
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as error:
            raise ManualError(yaml_error_problem(self.path, error, self.line_offset)) from None
        finally:
            loader.dispose()
        if not isinstance(node, yaml.MappingNode):
            raise ManualError(Problem(self.path, self.line_offset + 1, None, "expected 'field: value' lines"))
        return node

    def node(self, *path: str | int) -> yaml.Node | None:
        node: yaml.Node | None = self._root()
        for part in path:
            node = _child(node, part)
            if node is None:
                return None
        return node

    def key_node(self, *path: str) -> yaml.Node | None:
        parent = self.node(*path[:-1]) if len(path) > 1 else self._root()
        if not isinstance(parent, yaml.MappingNode):
            return None
        for key, _ in parent.value:
            if key.value == path[-1]:
                return key
        return None

    def keys(self, *path: str) -> list[str]:
        parent = self.node(*path) if path else self._root()
        return [key.value for key, _ in parent.value] if isinstance(parent, yaml.MappingNode) else []

    # -- positions ---------------------------------------------------------------------------

    def _at(self, index: int) -> int:
        """A node mark's index as an index into the whole text."""
        return self.start + index

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _line_end(self, index: int) -> int:
        """Just after the newline ending the line that holds index."""
        end = self.text.find("\n", index)
        return len(self.text) if end == -1 else end + 1

    def _after(self, node: yaml.Node) -> int:
        """Start of the line after the last character of a value (trailing comments stay with it)."""
        return self._line_end(self._at(_last_index(node)))

    def _indent_of(self, node: yaml.Node) -> int:
        return node.start_mark.column

    def _splice(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]
        self.end += len(new) - (end - start)

    # -- editing -----------------------------------------------------------------------------

    def set(self, path: tuple[str, ...], value_text: str, after: tuple[str, ...] = ()) -> None:
        """Give a field a scalar value (written as value_text): replaced in place, or inserted.

        A new field goes after the last of the fields named in `after` that exists, else at the end.
        """
        node = self.node(*path)
        if node is not None:
            if not isinstance(node, yaml.ScalarNode):
                self.replace_value(path, value_text)
                return
            self._splice(self._at(node.start_mark.index), self._at(node.end_mark.index), value_text)
            return
        self.insert(path, f"{path[-1]}: {value_text}", after)

    def replace_value(self, path: tuple[str, ...], value_text: str) -> None:
        """Replace a field's whole value (a list or set of fields, too) with a one-line value."""
        key = self.key_node(*path)
        value = self.node(*path)
        start = self._at(key.end_mark.index)
        end = self._after(value) - 1 if not isinstance(value, yaml.ScalarNode) else self._at(value.end_mark.index)
        self._splice(start, end, f": {value_text}")

    def insert(self, path: tuple[str, ...], lines: str, after: tuple[str, ...] = ()) -> None:
        """Insert a new field (its full text, first line unindented) into the mapping at path[:-1]."""
        parent_path = path[:-1]
        parent = self.node(*parent_path) if parent_path else self._root()
        if not isinstance(parent, yaml.MappingNode) or not parent.value:
            raise ManualError(
                Problem(self.path, None, ".".join(parent_path) or None, "expected a set of 'field: value' lines here")
            )
        indent = self._indent_of(parent.value[0][0])
        anchor = None
        for key, value in parent.value:
            if key.value in after:
                anchor = value
        position = self._after(anchor if anchor is not None else parent.value[-1][1])
        self._insert_lines(position, _indent(lines, indent))

    def _insert_lines(self, position: int, text: str) -> None:
        """Insert whole lines at the start of a line (after the last one, even without a final newline)."""
        position = min(position, self.end)
        if position > 0 and self.text[position - 1] != "\n":
            text = "\n" + text.rstrip("\n")
        self._splice(position, position, text)

    def delete(self, *path: str) -> None:
        """Remove a field (its key line to the end of its value) from a block mapping."""
        key = self.key_node(*path)
        if key is None:
            return
        value = self.node(*path)
        self._splice(self._line_start(self._at(key.start_mark.index)), self._after(value), "")

    def rename_key(self, old: str, new: str) -> None:
        key = self.key_node(old)
        self._splice(self._at(key.start_mark.index), self._at(key.end_mark.index), new)

    def prepend_item(self, path: tuple[str, ...], item_lines: str, after: tuple[str, ...] = ()) -> None:
        """Put an item (its text: '- a: 1\\n  b: 2') first in a list, creating the list if need be."""
        node = self.node(*path)
        if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
            first = node.value[0]
            dash_line = self._line_start(self._at(first.start_mark.index))
            self._splice(dash_line, dash_line, _indent(item_lines, self._dash_column(first)))
            return
        offset = self._list_offset()
        block = f"{path[-1]}:\n" + _indent(item_lines, offset)
        if node is None:
            self.insert(path, block, after)
        else:  # an empty or one-line list: write it as a block list
            if isinstance(node, yaml.SequenceNode) and node.value:
                existing = "".join(
                    _indent(f"- {self.text[self._at(i.start_mark.index) : self._at(i.end_mark.index)]}\n", offset)
                    for i in node.value
                )
                block += existing
            key = self.key_node(*path)
            start = self._line_start(self._at(key.start_mark.index))
            indent = key.start_mark.column
            self._splice(start, self._after(node), _indent(block, indent))

    def append_item(self, path: tuple[str, ...], item_text: str, after: tuple[str, ...] = ()) -> None:
        """Add a scalar item at the end of a list, in the list's own style; a new list is [item]."""
        node = self.node(*path)
        if node is None:
            self.insert(path, f"{path[-1]}: [{item_text}]", after)
        elif isinstance(node, yaml.SequenceNode) and node.flow_style:
            close = self._at(node.end_mark.index) - 1  # the ']'
            self._splice(close, close, (", " if node.value else "") + item_text)
        elif isinstance(node, yaml.SequenceNode) and node.value:
            last = node.value[-1]
            self._insert_lines(self._after(last), " " * self._dash_column(last) + f"- {item_text}\n")
        else:
            self.replace_value(path, f"[{item_text}]")

    def replace_item(self, path: tuple[str, ...], index: int, item_text: str) -> None:
        item = self.node(*path, index)
        self._splice(self._at(item.start_mark.index), self._at(item.end_mark.index), item_text)

    def remove_item(self, path: tuple[str, ...], index: int) -> None:
        node = self.node(*path)
        item = node.value[index]
        if node.flow_style:
            rest = [
                self.text[self._at(i.start_mark.index) : self._at(i.end_mark.index)]
                for n, i in enumerate(node.value)
                if n != index
            ]
            self._splice(self._at(node.start_mark.index), self._at(node.end_mark.index), "[" + ", ".join(rest) + "]")
        else:
            start = self._line_start(self._at(item.start_mark.index))
            self._splice(start, self._after(item), "")
            if len(node.value) == 1:
                self.replace_value(path, "[]")

    def _list_offset(self) -> int:
        """How far this file indents a block list under its key ('  - ' or '- '); two spaces unless it shows otherwise."""
        for _, value in self._root().value:
            if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
                return self._dash_column(value.value[0]) - self._indent_of(self._root().value[0][0])
        return 2

    def _dash_column(self, item: yaml.Node) -> int:
        """Column of the '-' that starts a block list item."""
        start = self._at(item.start_mark.index)
        line_start = self._line_start(start)
        dash = self.text.rfind("-", line_start, start)
        return (dash if dash != -1 else start) - line_start


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if key.value == part:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def _last_index(node: yaml.Node) -> int:
    """Index just past the last character that belongs to a value (not the next field's)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return max(node.end_mark.index - 1, node.start_mark.index)
    if isinstance(node, yaml.MappingNode) and node.value:
        return _last_index(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value:
        return _last_index(node.value[-1])
    return node.start_mark.index


def _indent(lines: str, by: int) -> str:
    pad = " " * by
    return "".join(pad + line if line.strip() else line for line in lines.splitlines(keepends=True)) + (
        "" if lines.endswith("\n") else "\n"
    )
