"""Markdown for the pages the build generates from data (contacts, and later the indexes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .formatting import join_words, uk_date

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=StrictUndefined,
    autoescape=False,  # the output is Markdown; Python-Markdown escapes it when rendering
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_env.filters["uk_date"] = uk_date
_env.filters["join_words"] = join_words


def render_markdown(template: str, **context: object) -> str:
    return _env.get_template(template).render(**context)


def stream_markdown(template: str, **context: object) -> Iterator[str]:
    """The same text in pieces, for a page too large to hold in memory at once (the whole manual)."""
    return _env.get_template(template).generate(**context)
