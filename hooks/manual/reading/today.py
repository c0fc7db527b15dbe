""" "Today" is an input: from --today, else the MANUAL_TODAY environment variable, else the clock in Europe/London."""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

from manual.model.problems import ManualError, Problem

ENV_VAR = "MANUAL_TODAY"
DEFAULT_TIMEZONE = "Europe/London"


def resolve_today(explicit: str | date | None = None, timezone: str = DEFAULT_TIMEZONE) -> date:
    """The date the manual's review state is decided against."""
    if isinstance(explicit, date):
        return explicit
    source, value = ("--today", explicit) if explicit else (ENV_VAR, os.environ.get(ENV_VAR))
    if value:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ManualError(
                Problem(source, None, None, f"{value!r} is not a date; expected YYYY-MM-DD, for example 2026-03-01")
            ) from None
    return datetime.now(ZoneInfo(timezone)).date()
