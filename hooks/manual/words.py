"""How the manual words things: one home for slugs, "did you mean", plurals, shortening and field paths.

Every message, page and command uses these, so the same thing is always said the same way.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from markdown.extensions.toc import slugify as _toc_slugify


def slug(text: str, max_length: int | None = None) -> str:
    """'Children missing education (CME)' -> 'children-missing-education-cme'.

    Python-Markdown's toc slugify, the one that makes the site's heading ids. With max_length, cut at
    the last whole word that fits, so an id is never a word cut in half.
    """
    made = _toc_slugify(text.replace("'", "").replace("\u2019", ""), "-").strip("-")
    if max_length is None or len(made) <= max_length:
        return made
    return made[: max_length + 1].rsplit("-", 1)[0]


def close_match(value: str, choices: Iterable[str]) -> str | None:
    """The one choice that value was most likely meant to be, if any is close."""
    found = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a choice is close to value, else ''. Ends a message's first clause."""
    close = close_match(value, choices)
    return f" (did you mean {close!r}?)" if close else ""


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 document', '2 documents'; nouns for an irregular plural ('1 entry', '2 entries')."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def shorten(text: str, limit: int = 60) -> str:
    """Text for a message: whole when short, else cut with '...'."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def field_path(path: Iterable[str | int]) -> str:
    """('amendments', 0, 'date') -> 'amendments[0].date': how a message names a field."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name
