"""A document body's prose: its lines outside fenced code blocks, where the checks and markers apply."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def prose_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, line) of each line outside fenced code blocks (a fence closes with at least as many of its marks)."""
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        yield index, line


def lines_outside_code(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Each line of Markdown with its number in the file, skipping fenced code and removing code spans."""
    for index, line in prose_lines(body.split("\n")):
        yield first_line + index, _CODE_SPAN.sub("", line)
