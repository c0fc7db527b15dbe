"""Recording a published edition in docs/data/editions.yml: one entry added at the end, nothing else touched.

The new text is checked as the build reads the file (schema, names used once, dates in order) before
anything is written, so a refused edition leaves the file as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from manual.editing.yamledit import scalar
from manual.model.editions import EDITIONS_FILE, Edition, edition_slug
from manual.model.formatting import uk_date
from manual.model.manual import Manual
from manual.model.problems import ManualError, Problem
from manual.reading.editions import parse_editions
from manual.words import field_path

HEADER = (
    "# The editions of the manual the partnership has published, oldest first: docs/schema/editions.schema.json\n"
    "# describes each field. Record a new edition with `manual edition NAME --date YYYY-MM-DD`.\n"
)
_FIRST_ITEM = re.compile(r"^([ \t]*)- ", re.M)


@dataclass(frozen=True)
class EditionRecord:
    edition: Edition
    path: Path
    text: str  # the file's new content
    old_text: str | None  # its content before (None: there was no file)


def record_edition(manual: Manual, name: str, day: date | None) -> EditionRecord:
    """The new content of docs/data/editions.yml with the edition added, or a ManualError saying why not."""
    name = " ".join(name.split())
    day = day or manual.today
    editions = manual.editions
    index = len(editions)  # the new entry's place in the list
    if not re.search(r"[A-Za-z0-9]", name):
        raise ManualError(
            Problem(
                EDITIONS_FILE,
                None,
                field_path((index, "name")),
                f"{name!r} has no letters or digits; expected a name such as 'March 2027 edition'",
            )
        )
    for at, edition in enumerate(editions):
        if edition.slug == edition_slug(name):
            same = "is already" if edition.name.casefold() == name.casefold() else "reads the same as"
            raise ManualError(
                Problem(
                    EDITIONS_FILE,
                    edition.line,
                    field_path((at, "name")),
                    f"{name!r} {same} the name of an edition ({edition.name}, published {uk_date(edition.date)}); expected a new name",
                )
            )
    if day > manual.today:
        raise ManualError(
            Problem(
                EDITIONS_FILE,
                None,
                field_path((index, "date")),
                f"{day.isoformat()} is after today ({manual.today.isoformat()}); record an edition once it is published: expected a date on or before today",
            )
        )
    if editions and day < editions[-1].date:
        last = editions[-1]
        raise ManualError(
            Problem(
                EDITIONS_FILE,
                None,
                field_path((index, "date")),
                f"{day.isoformat()} is before the previous edition ({last.name}, {uk_date(last.date)}); expected {last.date.isoformat()} or later",
            )
        )
    path = manual.settings.root / EDITIONS_FILE
    old_text = path.read_text(encoding="utf-8-sig") if path.exists() else None
    text = _with_entry(old_text, name, day, bool(editions))
    added, problems = parse_editions(text, manual.settings.root)
    if problems or [(e.name, e.date) for e in added] != [(e.name, e.date) for e in editions] + [(name, day)]:
        raise ManualError(
            problems
            or Problem(
                EDITIONS_FILE,
                None,
                None,
                "the list cannot be added to as it is written; expected one '- name: ...' entry after another",
            )
        )
    return EditionRecord(added[-1], path, text, old_text)


def _with_entry(text: str | None, name: str, day: date, has_entries: bool) -> str:
    if text is None:
        text = HEADER
    if not has_entries:  # only comments (or an empty list, []): keep the comments
        text = "".join(line for line in text.splitlines(keepends=True) if line.lstrip().startswith("#"))
    first = _FIRST_ITEM.search(text)
    indent = first.group(1) if first else ""
    if text and not text.endswith("\n"):
        text += "\n"
    return text + f"{indent}- name: {scalar(name)}\n{indent}  date: {day.isoformat()}\n"


def write_record(record: EditionRecord) -> None:
    """Written whole or not at all: the new text goes to a file beside it, which then replaces it."""
    record.path.parent.mkdir(parents=True, exist_ok=True)
    partial = record.path.with_name(record.path.name + ".writing")
    partial.write_text(record.text, encoding="utf-8")
    partial.replace(record.path)


def restore(record: EditionRecord) -> None:
    """Put the file back as it was (when what should have followed the writing failed)."""
    if record.old_text is None:
        record.path.unlink(missing_ok=True)
    else:
        record.path.write_text(record.old_text, encoding="utf-8")
