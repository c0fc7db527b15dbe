"""Generated pages' listings, kept out of Markdown, go into their page's HTML (manual_site.listings)."""

from __future__ import annotations

from manual_site.listings import insert_blocks


def html(site, page, html: str) -> str:
    blocks = site.listing_blocks.pop(page.path, None)  # once in the page, not kept twice
    return insert_blocks(html, blocks) if blocks else html
