"""The editions page's records: every published edition, newest first, with what changed in it.

What changed in an edition is every amendment dated after the previous edition and on or before this one
(manual.outputs.changes); the first edition is the manual as it then stood, so it lists none. The changes
made since the latest edition go into the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from manual.model.editions import Edition, edition_on, published
from manual.model.manual import Manual
from manual.outputs.changes import Change, all_changes


@dataclass(frozen=True)
class EditionEntry:
    edition: Edition
    previous: Edition | None
    changes: tuple[Change, ...]

    @property
    def documents_changed(self) -> int:
        return len({change.document.id for change in self.changes})


def edition_entries(manual: Manual) -> list[EditionEntry]:
    """The editions published by the manual's today, newest first."""
    editions = published(manual.editions, manual.today)
    entries = []
    for index, edition in enumerate(editions):
        previous = editions[index - 1] if index else None
        changes = () if previous is None else tuple(changes_between(manual, previous, edition))
        entries.append(EditionEntry(edition, previous, changes))
    return entries[::-1]


def changes_between(manual: Manual, previous: Edition, edition: Edition) -> list[Change]:
    """Amendments dated after the previous edition and on or before this one, newest first."""
    return all_changes(manual, edition.date, since=previous.date + timedelta(days=1))


def changes_since(manual: Manual, edition: Edition) -> list[Change]:
    """Amendments made after the edition, up to today: what the next edition will bring."""
    return all_changes(manual, since=edition.date + timedelta(days=1))


def site_edition(manual: Manual) -> Edition | None:
    """The edition a site built today is built from: the latest published by today."""
    return edition_on(manual.editions, manual.today)
