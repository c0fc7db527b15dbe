"""Reading YAML safely: the manual's one YAML loader.

Dates stay as text (so "2025-02-31" is reported, not crashed on), only plain data is built
(no Python objects from tags), and every node keeps its line so messages can point at it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import ManualError, Problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ManualLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader without implicit timestamps: dates are validated as text by the schema."""


ManualLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


def yaml_error_problem(path: str, error: yaml.YAMLError, line_offset: int = 0) -> Problem:
    """Turn a YAML error into a message naming the line and what went wrong."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 + line_offset if mark is not None else None
    what = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    hint = ""
    if "\t" in what or "tab" in what:
        hint = "; use spaces, not tabs, to indent"
    elif "mapping values are not allowed" in what:
        hint = "; a value containing ': ' must be put in quotes"
    message = f"the YAML cannot be read: {what}{' ' + context if context else ''}{hint}"
    return Problem(path, line, None, message)


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML text once: the data, and the line of each key (path tuple -> 1-based line)."""
    loader = ManualLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        data = loader.construct_document(node)
    except yaml.YAMLError as error:
        raise ManualError(yaml_error_problem(path, error, line_offset)) from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    _collect_lines(node, (), lines, line_offset)
    return data, lines


def _collect_lines(node: yaml.Node, prefix: tuple, lines: dict[tuple, int], offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = prefix + (key_node.value,)
            lines[key] = key_node.start_mark.line + 1 + offset
            _collect_lines(value_node, key, lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = prefix + (index,)
            lines[key] = item.start_mark.line + 1 + offset
            _collect_lines(item, key, lines, offset)


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
