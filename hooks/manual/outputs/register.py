"""The register: one record per document, published with the site as register.json and register.csv.

The open-data equivalent of the GOV.UK documentation template's pages.json: what is in the manual,
who owns each document, and whether its review is current as of the build.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from manual.outputs.schedule import ScheduleEntry

JSON_FILE = "register.json"
CSV_FILE = "register.csv"

# The CSV's columns, in order (the JSON nests the owner and keeps the same names otherwise).
CSV_FIELDS = [
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
]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def register_record(entry: ScheduleEntry) -> dict:
    doc = entry.document
    return {
        "id": doc.id,
        "title": doc.title,
        "url": entry.url,
        "owner": {"key": doc.owner, "name": entry.owner_name},
        "status": doc.status,
        "version": doc.version,
        "approved": _iso(doc.approved_on),
        "last_reviewed": _iso(doc.last_reviewed),
        "next_review": _iso(entry.next_review),
        "state": entry.state.value,
        "state_label": entry.review.in_words,
        "days_left": entry.days_left,
        "type": doc.type,
        "scope": doc.scope,
    }


def _by_id(entries: list[ScheduleEntry]) -> list[ScheduleEntry]:
    return sorted(entries, key=lambda entry: entry.id)


def register_json(entries: list[ScheduleEntry], today: date, site_name: str = "") -> str:
    data = {
        "title": site_name,
        "as_of": today.isoformat(),
        "count": len(entries),
        "documents": [register_record(entry) for entry in _by_id(entries)],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def register_csv(entries: list[ScheduleEntry]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for entry in _by_id(entries):
        record = register_record(entry)
        owner = record.pop("owner")
        record.update(owner=owner["key"], owner_name=owner["name"])
        writer.writerow({key: "" if value is None else value for key, value in record.items()})
    return out.getvalue()
