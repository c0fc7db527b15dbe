"""The one Jinja environment: every text the manual generates from templates/ (pages, feed, report, emails...).

Templates named *.html.j2 (HTML) and *.xml.j2 (the feed) are escaped by Jinja: every value put into them,
unless it is Markup. Markdown pages are not escaped by Jinja; plain text written into Markdown from the
records goes through `markdown_text`, so it reads as itself and never as markup. Fields whose schema says
they are Markdown (the Levels of Need's guidance) go in as they are. Text emails are not escaped at all.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from manual.model.formatting import join_words, uk_date
from manual.outputs.changes import by_layer

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|#])")
# What starts a list, a definition, an admonition, a setext underline or a fence where it begins a line, and
# the indent that starts code. Each mark is written so that it is only text: a backslash where Markdown
# allows one, else a character reference.
_LINE_START = re.compile(r"^[ \t]*(?:([+!-])|(\d+)([.)])|([:=~?]))?", re.MULTILINE)


def _line_start(match: re.Match) -> str:
    mark, number, after_number, other = match.groups()
    if mark:
        return "\\" + mark
    if number:
        return number + "\\" + after_number
    return f"&#{ord(other)};" if other else ""


def markdown_text(value: object) -> Markup:
    """Plain text for Markdown: '<', '>' and '&' as entities, and Markdown's own marks escaped, so a title is
    never read as a link, emphasis, a tag, attributes, the end of a table cell or (at the start of a line) a
    list or code. White space around it is dropped: a reader never sees it, and '**text **' is no emphasis.
    Markup: it is safe in HTML too, so an HTML template that writes Markdown (a heading in an index page's
    macro) does not escape it again."""
    text = str(value).strip().replace("\r\n", "\n").replace("\r", "\n")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return Markup(_LINE_START.sub(_line_start, text))


FILTERS = {"uk_date": uk_date, "join_words": join_words, "markdown_text": markdown_text, "by_layer": by_layer}


def register_filters(env: Environment) -> None:
    """Give another Jinja environment (the theme's) the same filters."""
    env.filters.update(FILTERS)


_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=StrictUndefined,
    autoescape=select_autoescape(enabled_extensions=("html.j2", "xml.j2"), default_for_string=False, default=False),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
register_filters(_env)


def render_markdown(template: str, **context: object) -> str:
    return _env.get_template(template).render(**context)
