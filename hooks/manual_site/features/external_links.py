"""Every link to another site, in content or templates, gets rel="noopener noreferrer"."""

from __future__ import annotations

from manual_site.html import make_external_links_safe


def output(site, page, output: str) -> str:
    return make_external_links_safe(output)
