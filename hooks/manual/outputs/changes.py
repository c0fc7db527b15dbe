"""What has changed in the manual: every amendment entry, newest first, and which documents count as updated.

The amendments page, the feed, the bulletin, the editions page and the "Updated" marks all read these records.
A change belongs to a layer: a regional chapter's amendment is the region's; a local document's, or a local
addition's inside a regional chapter, is the partnership's. Readers see the two apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from manual.model.additions import LocalAddition
from manual.model.document import Amendment, Document

REGIONAL, LOCAL = "regional", "local"
LAYER_LABELS = {REGIONAL: "Regional chapters", LOCAL: "Local documents and local information"}


@dataclass(frozen=True)
class Change:
    """One amendment to one document, or to a local addition inside a regional chapter (`document` is then the
    chapter, where readers find it)."""

    document: Document
    amendment: Amendment
    addition: LocalAddition | None = None

    @property
    def layer(self) -> str:
        return LOCAL if self.addition is not None else self.document.layer

    @property
    def title(self) -> str:
        """What changed, in words: the document's title, or the local information in a regional chapter."""
        if self.addition is not None:
            return f"{self.document.title}: local information under \u201c{self.addition.at}\u201d"
        return self.document.title

    @property
    def date(self) -> date:
        return self.amendment.date

    @property
    def key(self) -> str:
        """Stable identity of the change, for the feed: the document, the date and the version."""
        owner = self.document.id if self.addition is None else f"{self.document.id}+{self.addition.id}"
        return f"{owner}/{self.amendment.date.isoformat()}/{self.amendment.version or ''}"


@dataclass(frozen=True)
class LayerChanges:
    """The changes of one layer, in the order given."""

    layer: str
    changes: tuple[Change, ...]

    @property
    def label(self) -> str:
        return LAYER_LABELS[self.layer]


def by_layer(changes: Iterable[Change]) -> list[LayerChanges]:
    """The changes split by layer, regional first (the region's core, then what the partnership adds), each
    keeping its order; a layer with no changes is left out."""
    changes = tuple(changes)
    groups = [LayerChanges(layer, tuple(c for c in changes if c.layer == layer)) for layer in (REGIONAL, LOCAL)]
    return [group for group in groups if group.changes]


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


def all_changes(manual, until: date | None = None, since: date | None = None) -> list[Change]:
    """Every amendment to the manual's documents and local additions up to `until` (the manual's today unless
    given) and from `since`, if given: newest first, ties by title."""
    until = until or manual.today

    def wanted(amendment: Amendment) -> bool:
        return amendment.date <= until and (since is None or amendment.date >= since)

    changes = [
        Change(doc, amendment)
        for doc in manual.documents
        if not doc.is_draft
        for amendment in doc.amendments
        if wanted(amendment)
    ]
    for addition in manual.additions:
        chapter = manual.get(addition.adds_to)
        if chapter is not None and not chapter.is_draft:
            changes += [Change(chapter, amendment, addition) for amendment in addition.amendments if wanted(amendment)]
    changes.sort(key=lambda change: (change.title.lower(), change.document.id))
    changes.sort(key=lambda change: change.date, reverse=True)
    return changes


def by_month(changes: list[Change]) -> list[Month]:
    """Changes grouped by calendar month, keeping their order (newest month first)."""
    return [
        Month(first_day, tuple(items))
        for first_day, items in groupby(changes, key=lambda change: change.date.replace(day=1))
    ]


def last_changed(doc: Document, today: date, additions: Iterable[LocalAddition] = ()) -> date | None:
    """The date of the document's latest amendment up to today, its local additions' included."""
    amendments = (*doc.amendments, *(a for addition in additions for a in addition.amendments))
    dates = [a.date for a in amendments if a.date <= today]
    return max(dates) if dates else None


def recently_updated(doc: Document, today: date, days: int, additions: Iterable[LocalAddition] = ()) -> bool:
    """Amended within the last `days` days (today included), and in force or a draft: what the "Updated" mark
    says. A regional chapter whose local information changed counts as updated."""
    if not doc.is_listed:
        return False
    changed = last_changed(doc, today, additions)
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
    """The latest change to each recently updated document in each layer (the region's text of a chapter, and
    the partnership's information in it, are separate news), newest first."""
    seen: set[tuple[str, str]] = set()
    recent = []
    for change in changes:  # newest first, so the first change seen is the latest
        key = (change.document.id, change.layer)
        if key not in seen and change.document.is_listed and change.date > today - timedelta(days=days):
            recent.append(change)
        seen.add(key)
    return recent
