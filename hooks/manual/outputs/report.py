"""The review report: what is overdue or due soon, grouped by owner, as of one day.

Written by `manual report` (Markdown, JSON, CSV); read by the reminder issues and by the emails.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from manual.model.additions import LocalAddition
from manual.model.addresses import SITE_RELATIVE, Addresses
from manual.model.formatting import uk_date
from manual.model.manual import Manual
from manual.model.review import ReviewState
from manual.outputs.pages import markdown_text, render_markdown
from manual.outputs.schedule import ScheduleEntry, owner_name, records_csv, schedule_entries
from manual.words import plural

FORMATS = ("markdown", "json", "csv")

SHORT_LABELS = {
    ReviewState.OVERDUE: "Overdue",
    ReviewState.DUE_SOON: "Due soon",
    ReviewState.CURRENT: "Current",
    ReviewState.NOT_REVIEWED: "Not on the review cycle",
}

# A document's fields in the JSON report (under its owner) and the CSV's columns (one row per document).
JSON_FIELDS = [
    "id",
    "title",
    "url",
    "path",
    "status",
    "version",
    "next_review",
    "state",
    "state_label",
    "days_left",
    "timing",
]
CSV_FIELDS = [
    "owner",
    "owner_name",
    "id",
    "title",
    "url",
    "status",
    "version",
    "next_review",
    "state",
    "days_left",
    "timing",
    "path",
]


@dataclass(frozen=True)
class OwnerSection:
    """One owner's part of the report."""

    key: str
    name: str
    entries: tuple[ScheduleEntry, ...]

    @property
    def overdue(self) -> list[ScheduleEntry]:
        return [entry for entry in self.entries if entry.overdue]

    @property
    def due(self) -> list[ScheduleEntry]:
        """Due within the report's window but not yet overdue."""
        return [entry for entry in self.entries if entry.on_cycle and not entry.overdue]

    @property
    def has_overdue(self) -> bool:
        return any(entry.overdue for entry in self.entries)


@dataclass(frozen=True)
class ReviewReport:
    today: date
    due_within: int
    partnership: str
    sections: tuple[OwnerSection, ...]
    owners: dict[str, str]  # every owner key -> name, so reminders can close issues of owners with nothing listed
    include_all: bool = False
    # The regional chapters due or overdue: the region reviews them, so they are listed for information and
    # never reach an owner's reminder.
    regional: tuple[ScheduleEntry, ...] = ()
    # Local additions whose regional chapter changed after their owner last checked them: (addition, chapter title, day).
    additions_to_check: tuple[tuple[LocalAddition, str, date], ...] = ()

    @property
    def entries(self) -> list[ScheduleEntry]:
        return [entry for section in self.sections for entry in section.entries]

    @property
    def overdue_count(self) -> int:
        return sum(len(section.overdue) for section in self.sections)

    @property
    def due_count(self) -> int:
        return sum(len(section.due) for section in self.sections)

    def section(self, owner_key: str) -> OwnerSection | None:
        return next((section for section in self.sections if section.key == owner_key), None)

    @property
    def summary(self) -> str:
        return summary_sentence(
            self.overdue_count, self.due_count, self.due_within, len([s for s in self.sections if s.overdue or s.due])
        )


def summary_sentence(overdue: int, due: int, due_within: int, owners: int) -> str:
    if not overdue and not due:
        return f"Nothing is overdue for review or due within {plural(due_within, 'day')}."
    parts = []
    if overdue:
        parts.append(f"{plural(overdue, 'document')} {'is' if overdue == 1 else 'are'} overdue for review")
    if due:
        noun = str(due) if overdue else plural(due, "document")
        parts.append(f"{noun} {'is' if due == 1 else 'are'} due within {plural(due_within, 'day')}")
    sentence = " and ".join(parts)
    if owners > 1:
        sentence += f", across {owners} owners"
    return sentence[0].upper() + sentence[1:] + "."


def build_report(
    manual: Manual, due_within: int | None = None, addresses: Addresses = SITE_RELATIVE, include_all: bool = False
) -> ReviewReport:
    """Documents overdue or due within `due_within` days (the manual's due-soon window by default), by owner.

    With include_all, every document is listed, whatever its state.
    """
    window = manual.settings.due_soon_days if due_within is None else due_within
    by_owner: dict[str, list[ScheduleEntry]] = {}
    regional: list[ScheduleEntry] = []
    for entry in schedule_entries(manual, addresses):
        if not (include_all or entry.due_within(window)):
            continue
        if entry.layer == "regional":
            regional.append(entry)
        else:
            by_owner.setdefault(entry.owner, []).append(entry)
    sections = sorted(
        (OwnerSection(key, owner_name(manual, key), tuple(entries)) for key, entries in by_owner.items()),
        key=lambda section: (section.name.lower(), section.key),
    )
    owners = {key: owner.name for key, owner in manual.vocabulary.owners.items()}
    to_check = tuple(
        (addition, manual.get(addition.adds_to).title, changed)
        for addition in manual.additions
        if (changed := manual.regional_change(addition)) is not None
    )
    return ReviewReport(
        manual.today,
        window,
        manual.settings.partnership,
        tuple(sections),
        owners,
        include_all,
        tuple(regional),
        to_check,
    )


def entry_line(entry: ScheduleEntry) -> str:
    """One document as a Markdown list item's text: label, linked title, due date and days."""
    label = SHORT_LABELS[entry.state]
    link = f"[{markdown_text(entry.title)}]({entry.url})"
    if not entry.on_cycle:
        return f"**{label}** ({entry.status_label.lower()}): {link}"
    return f"**{label}:** {link}: due {uk_date(entry.next_review)}, {entry.timing}"


def report_markdown(report: ReviewReport) -> str:
    return render_markdown("review-report.md.j2", report=report, uk_date=uk_date, entry_line=entry_line)


def report_json(report: ReviewReport) -> str:
    data = {
        "today": report.today.isoformat(),
        "due_within_days": report.due_within,
        "overdue": report.overdue_count,
        "due": report.due_count,
        "summary": report.summary,
        "owners": [
            {
                "key": section.key,
                "name": section.name,
                "overdue": len(section.overdue),
                "due": len(section.due),
                "documents": [entry.record(JSON_FIELDS) for entry in section.entries],
            }
            for section in report.sections
        ],
        "regional_for_information": [entry.record(JSON_FIELDS) for entry in report.regional],
        "additions_to_check": [
            {
                "id": addition.id,
                "path": addition.path,
                "owner": addition.owner,
                "chapter": addition.adds_to,
                "regional_text_changed": changed.isoformat(),
            }
            for addition, _, changed in report.additions_to_check
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_csv(report: ReviewReport) -> str:
    return records_csv(report.entries, CSV_FIELDS)


RENDERERS = {"markdown": report_markdown, "json": report_json, "csv": report_csv}


def render_report(report: ReviewReport, output_format: str) -> str:
    return RENDERERS[output_format](report)
