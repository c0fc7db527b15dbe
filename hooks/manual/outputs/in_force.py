"""What was in force on a day: the edition then in force, and each document's version on that day.

A document's history is its amendments (each a date, and usually the version it produced). On a day:

- a document is left out when it was not yet issued: its first amendment (or, with none, its approval or
  last review) is later than the day. A draft's own revision (the amendments giving its draft version) was
  never in force, so a draft with nothing else in its history is left out;
- its version is the one the latest amendment on or before the day produced; when nothing has changed
  since the day, the version it has now;
- a withdrawn or superseded document stopped being in force on its last amendment (manual withdraw records
  one) or last review, whichever is later, and a superseded one no earlier than its replacement was first
  issued; on or after that day it is shown as withdrawn or superseded;
- it is marked as changed since the edition when an amendment falls after the edition and on or before the day.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from manual.model.addresses import Addresses
from manual.model.document import Document
from manual.model.editions import EDITIONS_FILE, Edition, edition_on
from manual.model.formatting import uk_date
from manual.model.manual import Manual
from manual.model.problems import ManualError, Problem
from manual.outputs.pages import render_markdown

FORMATS = ("markdown", "json")


@dataclass(frozen=True)
class DocumentOn:
    document: Document
    url: str
    version: str | None  # None when its amendments do not say
    status: str  # approved (in force), withdrawn or superseded
    since: date | None  # the date of the entry that gave the version, or the date it stopped being in force
    changed_since_edition: bool
    replacement: Document | None = None

    @property
    def in_force(self) -> bool:
        return self.status == "approved"


@dataclass(frozen=True)
class InForce:
    day: date
    edition: Edition
    documents: tuple[DocumentOn, ...]


def in_force_on(manual: Manual, day: date, addresses: Addresses) -> InForce:
    """Raises ManualError when no edition was in force on the day, or the day is after today."""
    if day > manual.today:
        raise ManualError(
            Problem(
                "--on",
                None,
                None,
                f"{day.isoformat()} is after today ({manual.today.isoformat()}); expected a date on or before today",
            )
        )
    if not manual.editions:
        message = f"no editions are recorded in {EDITIONS_FILE}; record one with: manual edition NAME --date YYYY-MM-DD"
        raise ManualError(Problem("--on", None, None, message))
    edition = edition_on(manual.editions, day)
    if edition is None:
        first = manual.editions[0]
        message = f"{day.isoformat()} is before the first edition ({first.name}, {uk_date(first.date)}); expected a date on or after {first.date.isoformat()}"
        raise ManualError(Problem("--on", None, None, message))
    found = (_document_on(manual, doc, day, edition, addresses) for doc in manual.documents)
    return InForce(day, edition, tuple(entry for entry in found if entry is not None))


def _document_on(manual: Manual, doc: Document, day: date, edition: Edition, addresses: Addresses) -> DocumentOn | None:
    history = sorted(doc.amendments, key=lambda amendment: amendment.date)  # oldest first; ties keep their order
    if doc.is_draft:  # its own revision was never in force
        history = [amendment for amendment in history if amendment.version != doc.version]
        if not history:
            return None
    issued = history[0].date if history else (doc.approved_on or doc.last_reviewed)
    if issued is None or issued > day:
        return None
    dated = [amendment for amendment in history if amendment.date <= day]
    if len(dated) < len(history) or doc.is_draft:  # changed since the day: the version its amendments gave
        version = next((amendment.version for amendment in reversed(dated) if amendment.version), None)
    else:
        version = doc.version
    since = dated[-1].date if dated else None
    status, replacement = "approved", None
    if doc.is_retired:
        replaced_by = manual.get(doc.superseded_by) if doc.superseded_by else None
        stopped = max(
            [amendment.date for amendment in history]
            + ([doc.last_reviewed] if doc.last_reviewed else [])
            + ([min(a.date for a in replaced_by.amendments)] if replaced_by and replaced_by.amendments else [])
        )
        if stopped <= day:
            status, since, replacement = doc.status, stopped, replaced_by
    return DocumentOn(
        document=doc,
        url=addresses.absolute(addresses.document(doc)),
        version=version,
        status=status,
        since=since,
        changed_since_edition=since is not None and edition.date < since <= day,
        replacement=replacement,
    )


def render_in_force(result: InForce, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(_data(result), indent=2, ensure_ascii=False) + "\n"
    return render_markdown("in-force.md.j2", result=result)


def _data(result: InForce) -> dict:
    edition = result.edition
    return {
        "on": result.day.isoformat(),
        "edition": {"name": edition.name, "date": edition.date.isoformat(), "tag": edition.tag},
        "count": len(result.documents),
        "documents": [
            {
                "id": entry.document.id,
                "title": entry.document.title,
                "url": entry.url,
                "version": entry.version,
                "status": entry.status,
                "since": entry.since.isoformat() if entry.since else None,
                "superseded_by": entry.replacement.id if entry.replacement else None,
                "changed_since_edition": entry.changed_since_edition,
            }
            for entry in result.documents
        ],
    }
