"""A document body's prose: its lines outside fenced code blocks, where the checks and markers apply."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def prose_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, line) of each line outside fenced code blocks."""
    fence = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)[0]
            fence = None if fence == marker else (fence or marker)
        elif fence is None:
            yield index, line
