"""The partnership's settings (docs/data/settings.yml) and where the manual's files live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from manual.model.problems import ManualError, Problem
from manual.model.review import parse_interval
from manual.reading.yamlfile import load_yaml_file

SETTINGS_FILE = Path("docs/data/settings.yml")
DATA_DIR = Path("docs/data")
SCHEMA_FILE = Path("docs/schema/document.schema.json")


@dataclass(frozen=True)
class Settings:
    root: Path
    partnership: str
    procedures_dir: Path
    default_review_interval: str
    due_soon_days: int
    timezone: str
    updated_days: int = 30  # a document amended within this many days is marked "Updated"
    update_months: tuple[int, ...] = (3, 9)  # months in which the partnership publishes its planned updates

    @property
    def data_dir(self) -> Path:
        return self.root / DATA_DIR

    @property
    def schema_file(self) -> Path:
        return self.root / SCHEMA_FILE


def load_settings(root: Path | str) -> Settings:
    root = Path(root).resolve()
    data = load_yaml_file(root, SETTINGS_FILE, expect=dict)
    interval = str(data.get("default_review_interval", "12 months"))
    parse_interval(interval, str(SETTINGS_FILE), "default_review_interval")
    return Settings(
        root=root,
        partnership=str(data.get("partnership", "Safeguarding Children Partnership")),
        procedures_dir=root / str(data.get("procedures_dir", "procedures")),
        default_review_interval=interval,
        due_soon_days=_whole_number(data.get("due_soon_days", 60), "due_soon_days", 0, 366),
        timezone=_timezone(data.get("timezone", "Europe/London")),
        updated_days=_whole_number(data.get("updated_days", 30), "updated_days", 0, 366),
        update_months=_months(data.get("update_months", [3, 9])),
    )


def _timezone(value: object) -> str:
    try:
        ZoneInfo(str(value))
    except (ValueError, OSError, ZoneInfoNotFoundError):
        raise ManualError(
            Problem(
                str(SETTINGS_FILE), None, "timezone", f"got {value!r}; expected a time zone name such as Europe/London"
            )
        ) from None
    return str(value)


def _whole_number(value: object, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ManualError(
            Problem(str(SETTINGS_FILE), None, field, f"got {value!r}; expected a whole number from {low} to {high}")
        )
    return value


def _months(value: object) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise ManualError(
            Problem(
                str(SETTINGS_FILE),
                None,
                "update_months",
                f"got {value!r}; expected a list of months, 1 to 12, for example [3, 9]",
            )
        )
    return tuple(_whole_number(month, "update_months", 1, 12) for month in value)
