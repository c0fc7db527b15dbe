"""Generated pages' long listings skip Markdown: they are HTML already, one item per document.

Python-Markdown parses every tag of raw HTML only to pass it through, and at a few hundred documents the
index pages and the review schedule are thousands of tags (the benchmark measures the difference). A
template marks such HTML with `{% call html_block() %}...{% endcall %}`; render_listing_page leaves a
one-line placeholder in the Markdown and keeps the HTML beside it, and the listings feature puts it back
in the page's HTML once Markdown has run. Headings stay Markdown, so they reach the table of contents.
Nothing inside a block is touched by Markdown (abbreviations included), so blocks hold only listings.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from manual.outputs.pages import render_markdown
from manual_site.page import NewPage

_PLACEHOLDER = "<!-- manual-html-block {} -->"
_PLACEHOLDERS = re.compile(r"<!-- manual-html-block (\d+) -->")


def render_listing_page(path: str, template: str, **context: object) -> NewPage:
    blocks: list[str] = []

    def html_block(caller) -> str:
        blocks.append(caller().strip())
        return Markup("\n" + _PLACEHOLDER.format(len(blocks) - 1) + "\n")  # a block of its own; Markup: not escaped

    return NewPage(path, render_markdown(template, html_block=html_block, **context), tuple(blocks))


def insert_blocks(html: str, blocks: tuple[str, ...]) -> str:
    return _PLACEHOLDERS.sub(lambda match: blocks[int(match.group(1))], html)
