"""Markdown for the pages the build generates from data (contacts, indexes, schedule, changes...).

A generated page's long listings are HTML already (one item per document), and putting thousands of
lines of HTML through Python-Markdown only costs time: it parses every tag to pass it through. A
template marks such HTML with `{% call html_block() %}...{% endcall %}`; render_page leaves a one-line
placeholder in the Markdown and returns the HTML beside it, and insert_html_blocks puts it back in
the page's HTML once Markdown has run (hooks/html_blocks.py). Headings stay Markdown, so they still
reach the page's table of contents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from manual.model.formatting import join_words, uk_date

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


_PLACEHOLDER = "<!-- manual-html-block {} -->"
_PLACEHOLDERS = re.compile(r"<!-- manual-html-block (\d+) -->")


@dataclass
class GeneratedPage:
    markdown: str
    html_blocks: list[str] = field(default_factory=list)  # put in place of their placeholders after Markdown


def render_markdown(template: str, **context: object) -> str:
    return _env.get_template(template).render(**context)


def render_page(template: str, **context: object) -> GeneratedPage:
    """The page's Markdown with each html_block() call left as a placeholder, and the blocks' HTML."""
    page = GeneratedPage("")

    def html_block(caller) -> str:
        page.html_blocks.append(caller().strip())
        return "\n" + _PLACEHOLDER.format(len(page.html_blocks) - 1) + "\n"  # a block of its own, between blank lines

    page.markdown = _env.get_template(template).render(html_block=html_block, **context)
    return page


def insert_html_blocks(html: str, blocks: list[str]) -> str:
    """The page's HTML with each placeholder replaced by its block."""
    return _PLACEHOLDERS.sub(lambda match: blocks[int(match.group(1))], html)


def stream_markdown(template: str, **context: object) -> Iterator[str]:
    """The same text in pieces, for a page too large to hold in memory at once (the whole manual)."""
    return _env.get_template(template).generate(**context)
