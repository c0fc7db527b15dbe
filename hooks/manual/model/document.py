"""A reviewed document as a typed record: what every page, index and report reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from manual.model.review import Review, add_interval, review_state

# A document's status decides where it appears. Listed: in the navigation, the indexes and search.
# Retired: kept at its address (with a banner) and listed apart, never in search or the navigation.
LISTED = ("approved", "draft")
RETIRED = ("withdrawn", "superseded")

STATUS_LABELS = {
    "draft": "Draft",
    "approved": "Approved",
    "withdrawn": "Withdrawn",
    "superseded": "Superseded",
}

TYPE_LABELS = {
    "procedure": "Procedure",
    "protocol": "Protocol",
    "guidance": "Practice guidance",
    "threshold-framework": "Threshold framework",
    "strategy": "Strategy",
    "policy": "Policy",
    "tool": "Tool",
    "form": "Form",
}


@dataclass(frozen=True)
class Amendment:
    date: date
    summary: str
    version: str | None = None


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    type: str
    owner: str
    status: str
    version: str
    scope: str
    levels: tuple[int, ...]
    audience: tuple[str, ...]
    tags: tuple[str, ...]
    summary: str
    path: str  # relative to the repository root, for messages and "edit this page"
    section: str  # the folder of procedures/ the document sits in
    body: str = field(repr=False)
    body_line: int = 1  # line of the file on which the body starts
    approved_on: date | None = None
    approved_by: str | None = None
    last_reviewed: date | None = None
    next_review_given: date | None = None
    review_interval: str | None = None
    family_summary: str | None = None
    keywords: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    superseded_by: str | None = None
    redirect_from: tuple[str, ...] = ()
    legislation: tuple[str, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    default_review_interval: str = "12 months"
    layer: str = "local"  # "regional": synced from the regional core into regional/, reviewed by the region
    field_lines: dict[tuple, int] = field(default_factory=dict, repr=False, compare=False)  # for messages

    def line_of(self, *field_path: str | int) -> int | None:
        return self.field_lines.get(tuple(field_path))

    @property
    def next_review(self) -> date | None:
        """The given date, or the last review plus the document's (or the default) interval."""
        if self.next_review_given is not None:
            return self.next_review_given
        if self.last_reviewed is None:
            return None
        return add_interval(self.last_reviewed, self.review_interval or self.default_review_interval)

    @property
    def is_regional(self) -> bool:
        return self.layer == "regional"

    @property
    def in_force(self) -> bool:
        return self.status == "approved"

    @property
    def is_listed(self) -> bool:
        return self.status in LISTED

    @property
    def is_retired(self) -> bool:
        return self.status in RETIRED

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @property
    def is_local(self) -> bool:
        return self.scope == "C"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]

    def review(self, today: date, due_soon_days: int) -> Review:
        return review_state(self.next_review, today, due_soon_days, on_cycle=self.in_force)
