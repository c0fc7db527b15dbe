"""When a document is next due for review, and what state its review is in on a given day.

Like the GOV.UK documentation template's page review: a small object that answers
"when is it due?", "is it overdue?" and "how many days?". Every decision takes "today".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from manual.model.problems import ManualError, Problem

_INTERVAL = re.compile(r"^([1-9][0-9]?) (month|months|year|years)$")


@lru_cache(maxsize=256)  # a manual uses a handful of intervals; building a relativedelta is slow
def parse_interval(text: str, path: str = "", field: str = "review_interval") -> relativedelta:
    """'6 months' or '2 years' as a calendar interval."""
    match = _INTERVAL.match(text.strip())
    if not match:
        raise ManualError(
            Problem(path, None, field, f"{text!r} is not an interval; expected for example '6 months' or '2 years'")
        )
    count, unit = int(match.group(1)), match.group(2)
    return relativedelta(months=count) if unit.startswith("month") else relativedelta(years=count)


def add_interval(start: date, interval: str) -> date:
    """The date an interval after start. From 29 February, a year on is 28 February."""
    try:
        return start + parse_interval(interval)
    except (OverflowError, ValueError):  # past the year 9999: a start date that absurd is reported as in the future
        return date.max


class ReviewState(Enum):
    CURRENT = "current"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    NOT_REVIEWED = "not-reviewed"  # drafts, withdrawn and superseded documents are not on the review cycle

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ReviewState.CURRENT: "Current",
    ReviewState.DUE_SOON: "Review due soon",
    ReviewState.OVERDUE: "Review overdue",
    ReviewState.NOT_REVIEWED: "Not on the review cycle",
}


@dataclass(frozen=True)
class Review:
    """A document's review as of one day."""

    next_review: date | None
    today: date
    state: ReviewState

    @property
    def days_left(self) -> int | None:
        """Days until the review is due: 0 on the day, negative once overdue."""
        if self.next_review is None or self.state is ReviewState.NOT_REVIEWED:
            return None
        return (self.next_review - self.today).days

    @property
    def days_overdue(self) -> int:
        days = self.days_left
        return -days if days is not None and days < 0 else 0

    @property
    def in_words(self) -> str:
        """The state in words, for people who cannot see the colour."""
        days = self.days_left
        if self.state is ReviewState.NOT_REVIEWED or days is None:
            return self.state.label
        if days < 0:
            return f"Review overdue by {_days(-days)}"
        if days == 0:
            return "Review due today"
        if self.state is ReviewState.DUE_SOON:
            return f"Review due in {_days(days)}"
        return "Current"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def review_state(next_review: date | None, today: date, due_soon_days: int, on_cycle: bool = True) -> Review:
    """Current until the window before the due date; due soon up to and including the due date; overdue after."""
    if not on_cycle or next_review is None:
        return Review(next_review, today, ReviewState.NOT_REVIEWED)
    days = (next_review - today).days
    if days < 0:
        state = ReviewState.OVERDUE
    elif days <= due_soon_days:
        state = ReviewState.DUE_SOON
    else:
        state = ReviewState.CURRENT
    return Review(next_review, today, state)
