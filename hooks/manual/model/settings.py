"""The partnership's settings (docs/data/settings.yml) and where the manual's files live.

They are read and checked, with the other data files, by manual.reading.data_files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SETTINGS_FILE = Path("docs/data/settings.yml")
DATA_DIR = Path("docs/data")
SCHEMA_FILE = Path("docs/schema/document.schema.json")


@dataclass(frozen=True)
class EmergencyLine:
    """Where the "Worried about a child?" line on every page points."""

    contact: str  # a key of docs/data/contacts.yml
    text: str  # the link's words
    out_of_hours: str  # a key of docs/data/contacts.yml: urgent concerns outside office hours


@dataclass(frozen=True)
class ReportProblem:
    """Where "Report a problem with this page" goes: one of a contact's email (a key of contacts.yml) or a new
    issue in the manual's repository (its web address)."""

    contact: str | None = None
    repository: str | None = None


@dataclass(frozen=True)
class Settings:
    root: Path
    partnership: str
    description: str  # what the site is, in one sentence (the pages' meta description)
    area: str  # the place the partnership serves: "services in {area}"
    local_label: str  # the label of local (scope C) content
    emergency_line: EmergencyLine
    default_owner: str  # the owner whose GitHub team reviews what no other team owns
    procedures_dir: Path
    default_review_interval: str
    due_soon_days: int
    timezone: str
    updated_days: int  # a document amended within this many days is marked "Updated"
    update_months: tuple[int, ...]  # months in which the partnership publishes its planned updates
    consultation: bool = False  # a consultation draft, not yet approved for use: a banner on every page
    report_problem: ReportProblem | None = None  # None: to the document's owner's contact

    @property
    def scope_labels(self) -> dict[str, str]:
        """What each scope is called on the page: the region's core and guidance, and the partnership's own."""
        return {"A": "Regional core procedure", "B": "Regional guidance", "C": self.local_label}

    @property
    def data_dir(self) -> Path:
        return self.root / DATA_DIR

    @property
    def schema_file(self) -> Path:
        return self.root / SCHEMA_FILE

    @property
    def sections_file(self) -> Path:
        return self.procedures_dir / "sections.yml"


@dataclass(frozen=True)
class Section:
    """A section of the manual: a folder of procedures/ (listed in its sections.yml) and its title."""

    folder: str
    title: str


def __getattr__(name: str):
    # The loader lives with the other data files' and imports this module, so it is found here only when asked for.
    if name == "load_settings":
        from manual.reading.data_files import load_settings

        return load_settings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
