"""What has changed in the manual: every amendment entry, newest first, and which documents count as updated.

The amendments page, the feed, the bulletin and the "Updated" marks all read these records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from manual.model.document import Amendment, Document


@dataclass(frozen=True)
class Change:
    """One amendment to one document."""

    document: Document
    amendment: Amendment

    @property
    def date(self) -> date:
        return self.amendment.date

    @property
    def key(self) -> str:
        """Stable identity of the change, for the feed: the document, the date and the version."""
        return f"{self.document.id}/{self.amendment.date.isoformat()}/{self.amendment.version or ''}"


@dataclass(frozen=True)
class Month:
    """The changes made in one calendar month, for a heading on the amendments page."""

    first_day: date
    changes: tuple[Change, ...]

    @property
    def label(self) -> str:
        return f"{self.first_day:%B %Y}"

    @property
    def anchor(self) -> str:
        return f"{self.first_day:%Y-%m}"


def all_changes(documents: list[Document], today: date, since: date | None = None) -> list[Change]:
    """Every amendment up to today (and from `since`, if given), newest first; ties by document title."""
    changes = [
        Change(doc, amendment)
        for doc in documents
        if not doc.is_draft
        for amendment in doc.amendments
        if amendment.date <= today and (since is None or amendment.date >= since)
    ]
    changes.sort(key=lambda change: (change.document.title.lower(), change.document.id))
    changes.sort(key=lambda change: change.date, reverse=True)
    return changes


def by_month(changes: list[Change]) -> list[Month]:
    """Changes grouped by calendar month, keeping their order (newest month first)."""
    return [
        Month(first_day, tuple(items))
        for first_day, items in groupby(changes, key=lambda change: change.date.replace(day=1))
    ]


def last_changed(doc: Document, today: date) -> date | None:
    """The date of the document's latest amendment up to today."""
    dates = [a.date for a in doc.amendments if a.date <= today]
    return max(dates) if dates else None


def recently_updated(doc: Document, today: date, days: int) -> bool:
    """Amended within the last `days` days (today included), and in force or a draft: what the "Updated" mark says."""
    if not doc.is_listed:
        return False
    changed = last_changed(doc, today)
    return changed is not None and changed > today - timedelta(days=days)


def next_update(today: date, months: tuple[int, ...]) -> date | None:
    """The first day of the next month in which the partnership publishes its planned updates, after today."""
    if not months:
        return None
    for offset in range(1, 13):
        year, month = divmod(today.month - 1 + offset, 12)
        candidate = date(today.year + year, month + 1, 1)
        if candidate.month in months:
            return candidate
    return None


def recent_changes(changes: list[Change], today: date, days: int) -> list[Change]:
    """The latest change to each recently updated document, newest first."""
    seen: set[str] = set()
    recent = []
    for change in changes:  # newest first
        if change.document.id not in seen and recently_updated(change.document, today, days):
            recent.append(change)
        seen.add(change.document.id)
    return recent
