"""The register: one record per document, published with the site as register.json and register.csv.

The open-data equivalent of the GOV.UK documentation template's pages.json: what is in the manual,
who owns each document, and whether its review is current as of the build.
"""

from __future__ import annotations

import json
from datetime import date

from manual.outputs.schedule import ScheduleEntry, records_csv

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


def register_record(entry: ScheduleEntry) -> dict:
    record = entry.record(FIELDS)
    record["owner"] = {"key": record["owner"], "name": record.pop("owner_name")}
    return record


def _by_id(entries: list[ScheduleEntry]) -> list[ScheduleEntry]:
    return sorted(entries, key=lambda entry: entry.id)


def register_json(
    entries: list[ScheduleEntry], today: date, site_name: str = "", regional_release: str | None = None
) -> str:
    data = {
        "title": site_name,
        "as_of": today.isoformat(),
        "regional_core_release": regional_release,  # the release in regional/ the site was built from
        "count": len(entries),
        "documents": [register_record(entry) for entry in _by_id(entries)],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def register_csv(entries: list[ScheduleEntry]) -> str:
    return records_csv(_by_id(entries), FIELDS)
