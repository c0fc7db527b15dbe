"""Local additions: the partnership's own information, placed inside a regional chapter under one of its headings.

A regional chapter is the region's text and is never edited here (manual.reading.regional). What the
partnership adds to it (its contacts, its referral route, what its inspectors found) is written in
local-additions/, one file per addition, naming the chapter and the heading it belongs under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from manual.model.document import Amendment
from manual.model.prose import prose_lines
from manual.model.review import add_interval

ADDITIONS_DIR = "local-additions"
DEFAULT_INTERVAL = "12 months"

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*(?:\{:?[^}]*\})?[ \t]*#*[ \t]*$")


@dataclass(frozen=True)
class LocalAddition:
    id: str
    path: str
    adds_to: str
    at: str
    owner: str
    last_reviewed: date
    body: str = field(repr=False)
    body_line: int = 1
    order: int | None = None
    review_interval: str = DEFAULT_INTERVAL
    checked: date | None = None
    amendments: tuple[Amendment, ...] = ()
    field_lines: dict[tuple, int] = field(default_factory=dict, repr=False, compare=False)

    def line_of(self, *field_path: str | int) -> int | None:
        return self.field_lines.get(tuple(field_path))

    @property
    def next_review(self) -> date:
        return add_interval(self.last_reviewed, self.review_interval)

    def regional_change(self, changed_on: date | None) -> date | None:
        """The day the regional text it sits in changed, when that is after its owner last checked it."""
        checked = self.checked or self.last_reviewed
        return changed_on if changed_on is not None and changed_on > checked else None


def headings(markdown: str) -> list[tuple[int, int, str]]:
    """(line index, level, text) of each heading outside code blocks."""
    return [
        (index, len(match.group(1)), match.group(2).strip())
        for index, line in prose_lines(markdown.split("\n"))
        if (match := _HEADING.match(line))
    ]


def place(markdown: str, heading: str, block: str) -> str:
    """markdown with block at the end of the section under heading (before the next heading of its level or
    above). The heading must be there: the checks refuse an addition whose heading is missing."""
    lines = markdown.split("\n")
    found = headings(markdown)
    start = next(i for i, (_, _, text) in enumerate(found) if text == heading)
    level = found[start][1]
    end = next((line for line, lvl, _ in found[start + 1 :] if lvl <= level), len(lines))
    return "\n".join(lines[:end] + ["", block, ""] + lines[end:])


def heading_level(markdown: str, heading: str) -> int:
    return next(level for _, level, text in headings(markdown) if text == heading)
