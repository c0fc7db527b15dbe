"""MkDocs hook: generated pages' long HTML listings are put into the page after Markdown (manual.pages).

A hook that generates a page with render_page() files its blocks under the page's path in
config.extra["manual_html_blocks"]; here each placeholder is replaced, before any other hook or plugin
(search, the print page, the external-link fixer) sees the page's HTML.
"""

from __future__ import annotations

from manual.outputs.pages import insert_html_blocks
from mkdocs.plugins import event_priority


def on_config(config):
    config.extra["manual_html_blocks"] = {}
    return config


@event_priority(100)
def on_page_content(html: str, *, page, config, files) -> str:
    blocks = config.extra["manual_html_blocks"].pop(page.file.src_uri, None)  # once in the page, not kept twice
    return insert_html_blocks(html, blocks) if blocks else html
