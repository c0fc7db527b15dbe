"""MkDocs hook: every link to another site, in content or templates, gets rel="noopener noreferrer"."""

from __future__ import annotations

from manual.outputs.external_links import make_external_links_safe


def on_post_page(output: str, *, page, config) -> str:
    return make_external_links_safe(output)
