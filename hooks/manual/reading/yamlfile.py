"""Reading YAML safely: the manual's one YAML loader.

Dates stay as text (so "2025-02-31" is reported, not crashed on), only plain data is built
(no Python objects from tags), and every node keeps its line so messages can point at it.

Hostile or mistaken YAML is refused before anything is built from it, each with its own message:
anchors and aliases (a "billion laughs" alias bomb expands from a few lines to gigabytes),
tags other than YAML's plain ones (``!!python/object`` and friends), nesting deeper than any
front matter needs, field names that are not text, and a field given twice (PyYAML would
silently keep the last one).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from manual.model.problems import ManualError, Problem
from manual.words import field_path

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Plain YAML types only; anything else (python/object, python/name, custom '!foo' tags) is refused.
_YAML_TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    {None, "!"} | {_YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")}
)
MAX_DEPTH = 10  # front matter needs 3 (amendments -> item -> field); data files need a few more


class ManualLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader without implicit timestamps: dates are validated as text by the schema."""


ManualLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


def _field(path: tuple) -> str | None:
    return field_path(path) or None


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag


# --- unreadable YAML -------------------------------------------------------------------------

_KEY_AT_START = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:")


def _hint(what: str, context: str, line_text: str, column: int | None) -> str:
    """What the editor most likely did, in plain words."""
    indent = line_text[: len(line_text) - len(line_text.lstrip())]
    if "tab" in what or "\t" in indent:
        return "the line is indented with a tab; use spaces, not tabs, to indent"
    if "mapping values are not allowed" in what:
        first_colon = line_text.find(": ")
        key = _KEY_AT_START.match(line_text)
        if key and column is not None and first_colon != -1 and column > first_colon:
            value = line_text[first_colon + 2 :].strip().replace('"', '\\"')
            return f"a value containing ': ' must be put in quotes, for example {key.group(1)}: \"{value}\""
        return (
            "this line is indented more than the field above it; fields at the same level must start in the same column"
        )
    if "quoted scalar" in context:
        return "a quotation mark is opened but not closed"
    if "flow sequence" in context or "flow mapping" in context:
        return "a list in [ ] or { } is not closed, or an item in it needs quotes"
    if ("block mapping" in context or "block sequence" in context) and ('"' in line_text or "'" in line_text):
        return "text after a closing quote must go inside the quotes, or check the indentation"
    if "block mapping" in context or "block sequence" in context:
        return "check the indentation: fields at the same level must start in the same column"
    if "cannot start any token" in what:
        return "a value cannot start with '@', '`' or '%'; put the value in quotes"
    return "check the line for a missing quote, a stray character or wrong indentation"


def yaml_error_problem(path: str, error: yaml.YAMLError, line_offset: int = 0, text: str = "") -> Problem:
    """Turn a YAML error into a message naming the line, the field where known and the likely fix."""
    what = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if "quoted scalar" in context and getattr(error, "context_mark", None) is not None:
        mark = error.context_mark  # where the quote was opened, not the end of the file
    line_text = ""
    if mark is not None:
        lines = text.split("\n")
        line_text = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    key = _KEY_AT_START.match(line_text)
    line = mark.line + 1 + line_offset if mark is not None else None
    hint = _hint(what, context, line_text, mark.column if mark is not None else None)
    return Problem(path, line, key.group(1) if key else None, f"the YAML cannot be read ({what}); {hint}")


# --- refusing hostile constructs before anything is built ------------------------------------


def _scan_events(text: str, path: str, offset: int) -> list[Problem]:
    """Anchors, aliases, foreign tags and deep nesting, found from the parser's events alone."""
    problems: list[Problem] = []
    anchors: list[tuple[int, str | None, str]] = []  # (line, field, '&name' or '*name')
    stack: list[list] = []  # [kind, key-or-index, expecting_key] per open mapping/sequence
    loader = ManualLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                _advance(stack)
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            is_key = bool(stack) and stack[-1][0] == "map" and stack[-1][2]
            line = event.start_mark.line + 1 + offset
            if event.anchor is not None:
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                anchors.append((line, _where(stack), sign + event.anchor))
            tag = getattr(event, "tag", None)
            if tag not in ALLOWED_TAGS:
                problems.append(
                    Problem(
                        path,
                        line,
                        _where(stack),
                        f"uses the YAML tag '{_show_tag(tag)}', which is not allowed; expected plain text, numbers, lists and 'field: value' lines",
                    )
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    problems.append(
                        Problem(
                            path,
                            line,
                            _where(stack),
                            f"lists and fields are nested more than {MAX_DEPTH} levels deep; expected a flat list of fields",
                        )
                    )
                    break
                stack.append(["map" if isinstance(event, yaml.MappingStartEvent) else "seq", None, True])
                if stack[-1][0] == "seq":
                    stack[-1][1] = 0
                if is_key:
                    stack[-2][1] = "?"  # a list or mapping as a field name: reported when the nodes are checked
                continue
            if is_key and isinstance(event, yaml.ScalarEvent):
                stack[-1][1] = event.value
                stack[-1][2] = False
                continue
            _advance(stack)
    except yaml.YAMLError as error:
        raise ManualError(yaml_error_problem(path, error, offset, text)) from None
    finally:
        loader.dispose()
    if anchors:  # one problem, however many: an alias bomb is one mistake, not thousands
        line, field, _ = anchors[0]
        names = sorted({name for _, _, name in anchors})
        shown = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
        problems.insert(
            0,
            Problem(
                path,
                line,
                field,
                f"uses YAML anchors or aliases ({shown}: {len(anchors)} in all); they are not allowed, so write each value out in full",
            ),
        )
    return problems


def _where(stack: list[list]) -> str | None:
    """The field the parser is in, for a message."""
    return _field(tuple(entry[1] for entry in stack if entry[1] is not None))


def _advance(stack: list[list]) -> None:
    """A value has ended: a mapping now expects a key, a sequence its next item."""
    if not stack:
        return
    top = stack[-1]
    if top[0] == "map":
        top[2] = not top[2]  # after a value, a key; after a list or mapping used as a key, its value
    else:
        top[1] += 1


def _check_nodes(node: yaml.Node, prefix: tuple, path: str, offset: int, problems: list, lines: dict) -> None:
    """Field names that are not text, and fields given twice in the same place; the line of each field and item."""
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[prefix + (index,)] = item.start_mark.line + 1 + offset
            _check_nodes(item, prefix + (index,), path, offset, problems, lines)
    if not isinstance(node, yaml.MappingNode):
        return
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1 + offset
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _YAML_TAG + "str":
            shown = repr(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "a list or set of fields"
            problems.append(
                Problem(
                    path,
                    line,
                    _field(prefix),
                    f"{shown} cannot be a field name; expected a name made of letters, such as 'title'",
                )
            )
            continue
        key = key_node.value
        if key in seen:
            problems.append(
                Problem(
                    path,
                    line,
                    _field(prefix + (key,)),
                    f"given twice (lines {seen[key]} and {line}); YAML would silently keep only the last, so keep one",
                )
            )
        seen.setdefault(key, line)
        lines[prefix + (key,)] = line
        _check_nodes(value_node, prefix + (key,), path, offset, problems, lines)


# --- parsing ---------------------------------------------------------------------------------


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML text once: the data, and the line of each key (path tuple -> 1-based line).

    Raises ManualError with one Problem per hostile construct, or one for unreadable YAML.
    """
    problems = _scan_events(text, path, line_offset)  # before any node is built
    if problems:
        raise ManualError(problems)
    loader = ManualLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: dict[tuple, int] = {}
        _check_nodes(node, (), path, line_offset, problems, lines)
        if problems:
            raise ManualError(problems)
        return loader.construct_document(node), lines
    except yaml.YAMLError as error:
        raise ManualError(yaml_error_problem(path, error, line_offset, text)) from None
    finally:
        loader.dispose()


def load_yaml_file(root: Path, relative: Path | str, expect: type = dict) -> Any:
    """Load one of the manual's data files, or raise ManualError naming it."""
    relative = str(relative)
    try:
        text = (root / relative).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ManualError(Problem(relative, None, None, "file not found")) from None
    except UnicodeDecodeError:
        raise ManualError(Problem(relative, None, None, "not UTF-8 text; save the file as UTF-8")) from None
    data, _ = parse_yaml(text, relative)
    if not isinstance(data, expect):
        kind = "a list" if expect is list else "a set of named entries"
        raise ManualError(Problem(relative, None, None, f"expected {kind} at the top of the file"))
    return data
