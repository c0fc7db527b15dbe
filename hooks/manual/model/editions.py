"""Published editions of the manual (docs/data/editions.yml), and which edition a document belongs to.

The partnership publishes the manual in editions (twice a year, in its update months). An edition is a
name and a date: it holds every document as it stood at the end of that day. Editions are listed oldest
first. Only an edition dated on or before today is published; one dated later is not yet.

A document's last change is the latest of its last review and its amendments' dates, up to today. It
belongs to the first published edition dated on or after that change: the edition its current text was
first published in (the first edition, when it has not changed since). A document changed after the
latest edition belongs to none yet: it has "changed since" that edition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from manual.model.document import Document
from manual.words import slug

EDITIONS_FILE = "docs/data/editions.yml"
TAG_PREFIX = "edition/"
ARCHIVE_FOLDER = "editions"  # the published site keeps each edition's copy at editions/<slug>/


def edition_slug(name: str) -> str:
    """'September 2026 edition' -> 'september-2026': the edition's tag, anchor and archive folder."""
    made = slug(name)
    return made.removesuffix("-edition") if made.endswith("-edition") and made != "edition" else made


@dataclass(frozen=True)
class Edition:
    name: str
    date: date
    line: int | None = field(default=None, compare=False)  # of its entry in docs/data/editions.yml

    @property
    def slug(self) -> str:
        return edition_slug(self.name)

    @property
    def tag(self) -> str:
        """The git tag that marks the content it was published from."""
        return TAG_PREFIX + self.slug

    @property
    def archive(self) -> str:
        """Where its archived copy is published, relative to the site's root."""
        return f"{ARCHIVE_FOLDER}/{self.slug}/"


def published(editions: Sequence[Edition], today: date) -> list[Edition]:
    """The editions published by today, oldest first."""
    return [edition for edition in editions if edition.date <= today]


def edition_on(editions: Sequence[Edition], day: date) -> Edition | None:
    """The edition in force on a day: the latest dated on or before it (the one listed later, on the same date)."""
    found = None
    for edition in editions:
        if edition.date <= day:
            found = edition
    return found


def last_change(doc: Document, today: date) -> date | None:
    """The latest of the document's last review and its amendments' dates, up to today."""
    dates = [day for day in (doc.last_reviewed, *(a.date for a in doc.amendments)) if day and day <= today]
    return max(dates) if dates else None


@dataclass(frozen=True)
class DocumentEdition:
    """The edition a document belongs to, or the latest edition it has changed since."""

    edition: Edition
    changed_since: bool

    @property
    def in_words(self) -> str:
        return f"Changed since {self.edition.name}" if self.changed_since else self.edition.name


def document_edition(doc: Document, editions: Sequence[Edition], today: date) -> DocumentEdition | None:
    """None when nothing is published yet, or for a draft (not in force, so in no edition)."""
    editions = published(editions, today)
    if not editions or doc.is_draft:
        return None
    changed = last_change(doc, today)
    for edition in editions:
        if changed is None or changed <= edition.date:
            return DocumentEdition(edition, changed_since=False)
    return DocumentEdition(editions[-1], changed_since=True)
