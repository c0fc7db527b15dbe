"""How dates and lists read on the page: UK style."""

from __future__ import annotations

from datetime import date


def uk_date(value: date | None) -> str:
    """24 November 2026."""
    if value is None:
        return "not set"
    return f"{value.day} {value:%B %Y}"


def join_words(items: list[str] | tuple[str, ...]) -> str:
    """a, b and c."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
