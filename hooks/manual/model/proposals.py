"""Proposed statements: a local standard, timescale or indicator the partnership has not agreed.

An editor writes `[proposed: Reports go to parents two working days before the conference.]` in a document.
Nothing invented may read as agreed, so the page shows it marked "proposed, for the sub-group to agree"; the
"to be agreed" page gathers every one for the sub-group, and the readiness check counts them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from manual.model.prose import prose_lines

# One line; the text may hold links ([words](doc:id)), so the closing bracket is the first not opening a link.
PROPOSED = re.compile(r"\[proposed:[ \t]*(?P<text>.+?)\](?![(\[])")


@dataclass(frozen=True)
class Proposal:
    text: str
    line: int  # in the body, 1-based


def proposals(body: str) -> list[Proposal]:
    """Each proposed statement in a body, outside code blocks."""
    return [
        Proposal(match.group("text").strip(), index + 1)
        for index, line in prose_lines(body.split("\n"))
        for match in PROPOSED.finditer(line)
    ]


def mark_proposals(body: str, mark: Callable[[str], str]) -> str:
    """The body with each proposed statement replaced by mark(text), outside code blocks."""
    lines = body.split("\n")
    for index, line in list(prose_lines(lines)):
        if "[proposed:" in line:
            lines[index] = PROPOSED.sub(lambda match: mark(match.group("text").strip()), line)
    return "\n".join(lines)
