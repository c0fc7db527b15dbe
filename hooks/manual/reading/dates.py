"""Why a date an editor wrote is not a date the manual accepts, and the exact YYYY-MM-DD form when it can tell.

The manual accepts only YYYY-MM-DD. Other forms are refused, never guessed silently, because
01/03/2025 is 1 March in the UK and 3 January in the US. When the text reads as exactly one
real date in UK order (day, month, year, with the year in full), the message gives that date
in YYYY-MM-DD so the editor can copy it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from manual.model.problems import describe

EXPECTED = "expected a date written YYYY-MM-DD, for example 2025-03-01"

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month_name>[A-Za-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

_ISO_LIKE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_ISO_WITH_TIME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}")
_NUMERIC_UK = re.compile(r"^(?P<day>\d{1,2})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})$")
_YEAR_FIRST = re.compile(r"^(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})$")
_DAY_MONTH_YEAR = re.compile(rf"^{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})$", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})$", re.IGNORECASE)


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _not_real(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
    return f"{calendar.month_name[month]} {year} has {days} days"


def _suggest(text: str, found: date, how: str) -> str:
    return f"{text!r} is {how}; write it as {found.isoformat()} (YYYY-MM-DD)"


def date_message(value: object) -> str:
    """The message for a value that should have been a date written YYYY-MM-DD."""
    if not isinstance(value, str):
        return f"got {describe(value)}; {EXPECTED}"
    text = value.strip()

    match = _ISO_LIKE.match(text)
    if match:
        year, month, day = (int(match.group(name)) for name in ("year", "month", "day"))
        found = _real(year, month, day)
        if found is None:
            return f"{value!r} is not a real date ({_not_real(year, month, day)}); {EXPECTED}"
        return _suggest(value, found, "missing a leading zero in the month or day")

    match = _ISO_WITH_TIME.match(text)
    if match and _real(*(int(part) for part in match.group("date").split("-"))):
        return f"{value!r} has a time as well; write the date only, {match.group('date')}"

    match = _YEAR_FIRST.match(text)
    if match:
        year, month, day = (int(match.group(name)) for name in ("year", "month", "day"))
        found = _real(year, month, day)
        if found is not None:
            return _suggest(value, found, "written with the wrong separators")
        return f"{value!r} is not a real date ({_not_real(year, month, day)}); {EXPECTED}"

    match = _NUMERIC_UK.match(text)
    if match:
        day, month, year_text = int(match.group("day")), int(match.group("month")), match.group("year")
        if len(year_text) == 2:
            return f"{value!r} has a two-digit year; write the year in full, as YYYY-MM-DD, for example 2025-03-01"
        found = _real(int(year_text), month, day)
        if found is not None:
            return _suggest(value, found, "a UK-style date (day/month/year), which other countries read differently")
        return (
            f"{value!r} is not a real date read as day/month/year ({_not_real(int(year_text), month, day)}); {EXPECTED}"
        )

    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.match(text)
        if match and match.group("month_name").lower() in _MONTHS:
            year, month, day = (
                int(match.group("year")),
                _MONTHS[match.group("month_name").lower()],
                int(match.group("day")),
            )
            found = _real(year, month, day)
            if found is not None:
                return _suggest(value, found, "written in words")
            return f"{value!r} is not a real date ({_not_real(year, month, day)}); {EXPECTED}"

    shown = value if len(value) <= 60 else value[:57] + "..."
    return f"{shown!r} is not a date; {EXPECTED}"
