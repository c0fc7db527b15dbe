"""Review state from a record and "today", without MkDocs."""

from datetime import date

import pytest

from manual import ManualError, ReviewState, resolve_today
from manual.model.review import add_interval, review_state


@pytest.mark.parametrize(
    ("today", "state", "words"),
    [
        (date(2026, 3, 1), ReviewState.CURRENT, "Current"),  # 61 days before: outside the 60-day window
        (date(2026, 3, 2), ReviewState.DUE_SOON, "Review due in 60 days"),  # first day of the window
        (date(2026, 4, 30), ReviewState.DUE_SOON, "Review due in 1 day"),  # due tomorrow
        (date(2026, 5, 1), ReviewState.DUE_SOON, "Review due today"),  # due today is not yet overdue
        (date(2026, 5, 2), ReviewState.OVERDUE, "Review overdue by 1 day"),
        (date(2026, 11, 24), ReviewState.OVERDUE, "Review overdue by 207 days"),
    ],
)
def test_state_at_the_boundaries(today, state, words):
    review = review_state(date(2026, 5, 1), today, due_soon_days=60)
    assert review.state is state
    assert review.in_words == words


def test_window_is_configurable():
    assert review_state(date(2026, 5, 1), date(2026, 4, 1), due_soon_days=30).state is ReviewState.DUE_SOON
    assert review_state(date(2026, 5, 1), date(2026, 3, 31), due_soon_days=30).state is ReviewState.CURRENT


def test_documents_off_the_cycle_have_no_state():
    review = review_state(date(2020, 1, 1), date(2026, 1, 1), 60, on_cycle=False)
    assert review.state is ReviewState.NOT_REVIEWED
    assert review.days_overdue == 0


@pytest.mark.parametrize(
    ("start", "interval", "due"),
    [
        (date(2024, 2, 29), "1 year", date(2025, 2, 28)),
        (date(2024, 2, 29), "12 months", date(2025, 2, 28)),
        (date(2024, 2, 29), "4 years", date(2028, 2, 29)),
        (date(2025, 8, 31), "6 months", date(2026, 2, 28)),
        (date(2025, 1, 15), "3 months", date(2025, 4, 15)),
    ],
)
def test_intervals_are_calendar_months(start, interval, due):
    assert add_interval(start, interval) == due


def test_today_comes_from_the_flag_then_the_environment(monkeypatch):
    monkeypatch.setenv("MANUAL_TODAY", "2026-02-01")
    assert resolve_today() == date(2026, 2, 1)
    assert resolve_today("2025-12-25") == date(2025, 12, 25)


def test_a_bad_today_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("MANUAL_TODAY", "1/3/2026")
    with pytest.raises(ManualError) as caught:
        resolve_today()
    assert "MANUAL_TODAY" in str(caught.value)
    assert "YYYY-MM-DD" in str(caught.value)
