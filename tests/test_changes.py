"""The change records behind "What's changed", the feed, the bulletin and the "Updated" mark."""

from __future__ import annotations

from datetime import date

import pytest

from manual.model.additions import LocalAddition
from manual.model.document import Amendment, Document
from manual.outputs.changes import next_update, recently_updated


def doc(status: str = "approved", *changed: str) -> Document:
    return Document(
        id="d",
        title="D",
        type="procedure",
        owner="o",
        status=status,
        version="1.0",
        scope="C",
        levels=(),
        audience=("police",),
        tags=(),
        summary="s",
        path="procedures/x/d.md",
        section="x",
        body="",
        amendments=tuple(Amendment(date.fromisoformat(day), "changed") for day in changed),
    )


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-11-24", "2027-03-01"),
        ("2026-02-28", "2026-03-01"),
        ("2026-03-01", "2026-09-01"),  # the first of the month itself is not "next"
        ("2026-08-31", "2026-09-01"),
    ],
)
def test_the_next_planned_update(today, expected):
    assert next_update(date.fromisoformat(today), (3, 9)) == date.fromisoformat(expected)


def test_no_planned_months_means_no_date():
    assert next_update(date(2026, 11, 24), ()) is None


@pytest.mark.parametrize(
    ("today", "updated"),
    [("2026-11-10", True), ("2026-12-09", True), ("2026-12-10", False), ("2026-11-09", False)],  # amended 10 November
)
def test_updated_within_the_last_n_days_counting_today(today, updated):
    assert recently_updated(doc("approved", "2026-11-10", "2025-01-01"), date.fromisoformat(today), 30) is updated


def test_withdrawn_documents_are_never_marked_updated():
    assert not recently_updated(doc("withdrawn", "2026-11-10"), date(2026, 11, 20), 30)


def test_a_chapter_whose_local_information_changed_is_marked_updated():
    local = LocalAddition(
        id="a",
        path="local-additions/a.md",
        adds_to="d",
        at="Who does what",
        owner="o",
        last_reviewed=date(2026, 1, 1),
        body="",
        amendments=(Amendment(date(2026, 11, 10), "Local contact added."),),
    )
    chapter = doc("approved", "2025-01-01")
    assert not recently_updated(chapter, date(2026, 11, 20), 30)
    assert recently_updated(chapter, date(2026, 11, 20), 30, [local])
