"""The register: one record per document, published with the site as register.json and register.csv.

The open-data equivalent of the GOV.UK documentation template's pages.json: what is in the manual,
who owns each document, and whether its review is current as of the build. Both record the edition the
site was built from (the latest published by the build's day) and whether each document has changed since.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from manual.model.editions import Edition, last_change
from manual.outputs.schedule import ScheduleEntry

JSON_FILE = "register.json"
CSV_FILE = "register.csv"

# The CSV's columns, in order; the JSON has the same fields with the owner's key and name nested as `owner`.
FIELDS = [
    "id",
    "title",
    "url",
    "owner",
    "owner_name",
    "status",
    "version",
    "approved",
    "last_reviewed",
    "next_review",
    "state",
    "state_label",
    "days_left",
    "type",
    "scope",
    "layer",
]
EDITION_FIELDS = ["edition", "changed_since_edition"]  # the CSV's last columns; in the JSON, "edition" is at the top


def register_record(entry: ScheduleEntry, today: date | None = None, edition: Edition | None = None) -> dict:
    record = entry.record(FIELDS)
    record["owner"] = {"key": record["owner"], "name": record.pop("owner_name")}
    if today is not None:
        record["changed_since_edition"] = _changed_since(entry, today, edition)
    return record


def _changed_since(entry: ScheduleEntry, today: date, edition: Edition | None) -> bool | None:
    """Whether the document changed after the edition (None when there is no edition)."""
    if edition is None:
        return None
    changed = last_change(entry.document, today)
    return changed is not None and changed > edition.date


def _by_id(entries: list[ScheduleEntry]) -> list[ScheduleEntry]:
    return sorted(entries, key=lambda entry: entry.id)


def register_json(
    entries: list[ScheduleEntry],
    today: date,
    site_name: str = "",
    edition: Edition | None = None,
    regional_release: str | None = None,
) -> str:
    data = {
        "title": site_name,
        "as_of": today.isoformat(),
        "edition": {"name": edition.name, "date": edition.date.isoformat(), "tag": edition.tag} if edition else None,
        "regional_core_release": regional_release,  # the release in regional/ the site was built from
        "count": len(entries),
        "documents": [register_record(entry, today, edition) for entry in _by_id(entries)],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def register_csv(entries: list[ScheduleEntry], today: date | None = None, edition: Edition | None = None) -> str:
    """One row per document; the edition's name is in every row (empty when there is none)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS + EDITION_FIELDS, lineterminator="\n")
    writer.writeheader()
    for entry in _by_id(entries):
        changed = _changed_since(entry, today, edition) if today else None
        row = entry.record(FIELDS) | {
            "edition": edition.name if edition else None,
            "changed_since_edition": {True: "yes", False: "no"}.get(changed),
        }
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()
