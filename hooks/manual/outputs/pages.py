"""The one Jinja environment: every text the manual generates from templates/ (pages, feed, report, emails...).

Templates named *.html.j2 are HTML, and Jinja escapes every value put into them. Markdown pages are not
escaped by Jinja (Python-Markdown escapes when it renders them); text written into Markdown from the
records goes through `markdown_text`, so it reads as itself and never as markup.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from manual.model.formatting import join_words, uk_date

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def markdown_text(value: object) -> str:
    """Plain text for a Markdown page: '<', '>' and '&' as entities, Markdown's own marks escaped, so a
    title is never read as a link, emphasis, a tag or the end of a table cell."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


FILTERS = {"uk_date": uk_date, "join_words": join_words, "markdown_text": markdown_text}


def register_filters(env: Environment) -> None:
    """Give another Jinja environment (the theme's) the same filters."""
    env.filters.update(FILTERS)


_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=StrictUndefined,
    autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False, default=False),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
register_filters(_env)


def render_markdown(template: str, **context: object) -> str:
    return _env.get_template(template).render(**context)
