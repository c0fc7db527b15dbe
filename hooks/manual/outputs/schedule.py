"""The review schedule: every document and every local addition, with its owner and its review, as of one day.

The report, the register, the review schedule page and the reminders all read these entries,
so they cannot disagree about a document's state; the report and the register write them as data
with the one ScheduleEntry.record. A local addition is reviewed by its own owner on its own dates, inside
a regional chapter the region reviews: its entry names it, and links to its chapter.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from manual.model.additions import LocalAddition
from manual.model.addresses import SITE_RELATIVE, Addresses
from manual.model.document import Document
from manual.model.manual import Manual
from manual.model.review import Review, ReviewState, review_state

ADDITION_TYPE = "local-addition"  # an addition's `type` in the records, beside the documents' types


@dataclass(frozen=True)
class ScheduleEntry:
    document: Document  # for a local addition, the regional chapter it sits in
    owner_name: str
    review: Review
    url: str  # absolute when the site's address is known, else site-relative (procedures/<id>/)
    addition: LocalAddition | None = None
    regional_change: date | None = None  # an addition's chapter changed on this day, after its owner checked it

    @property
    def id(self) -> str:
        return self.addition.id if self.addition else self.document.id

    @property
    def title(self) -> str:
        if self.addition:
            return f"{self.document.title}: local information under \u201c{self.addition.at}\u201d"
        return self.document.title

    @property
    def owner(self) -> str:
        return self.addition.owner if self.addition else self.document.owner

    @property
    def path(self) -> str:
        return self.addition.path if self.addition else self.document.path

    @property
    def layer(self) -> str:
        return "local" if self.addition else self.document.layer

    @property
    def status_label(self) -> str:
        return "Local information" if self.addition else self.document.status_label

    @property
    def state(self) -> ReviewState:
        return self.review.state

    @property
    def next_review(self) -> date | None:
        """When the next review is due; None for documents off the review cycle (drafts, withdrawn, superseded)."""
        return self.review.next_review if self.on_cycle else None

    @property
    def days_left(self) -> int | None:
        return self.review.days_left

    @property
    def overdue(self) -> bool:
        return self.review.state is ReviewState.OVERDUE

    @property
    def on_cycle(self) -> bool:
        return self.review.state is not ReviewState.NOT_REVIEWED

    @property
    def timing(self) -> str:
        """'318 days overdue', 'due today', '12 days left', or the state when off the cycle."""
        return timing_in_words(self.review)

    def due_within(self, days: int) -> bool:
        """Overdue, or due within the next `days` days (on the review cycle only)."""
        return self.days_left is not None and self.days_left <= days

    def record(self, fields: list[str]) -> dict:
        """The named fields of the entry as plain data, for JSON and CSV; dates as YYYY-MM-DD, None when unset."""
        doc, addition = self.document, self.addition
        every = {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "path": self.path,
            "owner": self.owner,
            "owner_name": self.owner_name,
            "status": doc.status,
            "version": None if addition else doc.version,
            "approved": None if addition else _iso(doc.approved_on),
            "last_reviewed": _iso(addition.last_reviewed if addition else doc.last_reviewed),
            "next_review": _iso(self.next_review),
            "state": self.state.value,
            "state_label": self.review.in_words,
            "days_left": self.days_left,
            "timing": self.timing,
            "type": ADDITION_TYPE if addition else doc.type,
            "scope": "C" if addition else doc.scope,
            "layer": self.layer,
        }
        return {name: every[name] for name in fields}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def records_csv(entries: list[ScheduleEntry], fields: list[str]) -> str:
    """One row per entry, the fields as columns; an unset value is an empty cell."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        writer.writerow({key: "" if value is None else value for key, value in entry.record(fields).items()})
    return out.getvalue()


def timing_in_words(review: Review) -> str:
    days = review.days_left
    if days is None:
        return review.state.label.lower()
    if days < 0:
        return f"{_days(-days)} overdue"
    if days == 0:
        return "due today"
    return f"{_days(days)} left"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def owner_name(manual: Manual, key: str) -> str:
    owner = manual.vocabulary.owners.get(key)
    return owner.name if owner else key


def schedule_entries(
    manual: Manual, addresses: Addresses = SITE_RELATIVE, additions: bool = True
) -> list[ScheduleEntry]:
    """Every document, and (unless additions is False) every local addition: soonest review first (overdue at
    the top; off-cycle entries last), then by title. An addition is on the review cycle while its chapter is
    in force."""
    entries = [
        ScheduleEntry(
            doc, owner_name(manual, doc.owner), manual.review(doc), addresses.absolute(addresses.document(doc))
        )
        for doc in manual.documents
    ]
    for addition in manual.additions if additions else ():
        chapter = manual.get(addition.adds_to)
        if chapter is None:  # refused by the checks; a report of a manual with problems is never made
            continue
        review = review_state(addition.next_review, manual.today, manual.settings.due_soon_days, chapter.in_force)
        url = addresses.absolute(addresses.document(chapter))
        entries.append(
            ScheduleEntry(
                chapter, owner_name(manual, addition.owner), review, url, addition, manual.regional_change(addition)
            )
        )
    return sorted(entries, key=_order)


def _order(entry: ScheduleEntry) -> tuple:
    days = entry.days_left
    return (days is None, days if days is not None else 0, entry.title.lower(), entry.id)


COMING_UP_DAYS = 90


def coming_up(entries: list[ScheduleEntry], days: int = COMING_UP_DAYS) -> list[ScheduleEntry]:
    """Documents due for review from today to `days` days ahead (overdue ones are listed apart)."""
    return [entry for entry in entries if entry.days_left is not None and 0 <= entry.days_left <= days]


def overdue(entries: list[ScheduleEntry]) -> list[ScheduleEntry]:
    return [entry for entry in entries if entry.overdue]


def owners_of(entries: list[ScheduleEntry]) -> list[tuple[str, str]]:
    """(key, name) of every owner with a document in the schedule, by name."""
    return sorted({(entry.owner, entry.owner_name) for entry in entries}, key=lambda pair: (pair[1].lower(), pair[0]))
