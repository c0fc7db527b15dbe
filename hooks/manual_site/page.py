"""The pages features add, and what a feature sees of a page being built."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from manual.model.document import Document
from manual.model.manual import Source


@dataclass
class NewPage:
    """A page (path ends .md) or another file a feature adds to the site."""

    path: str
    content: str | bytes
    listing_blocks: tuple[str, ...] = ()  # HTML put into the page after Markdown (manual_site.listings)

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")


@dataclass
class PageView:
    """What a feature sees of a page: where it is from and goes, its metadata (MkDocs's own dict, so a
    feature's changes reach the theme and the plugins), and the document it shows, if any."""

    path: str
    url: str
    meta: dict[str, Any]
    source: Source | None = None
    # What Python-Markdown is told for this page alone (an extension's settings), when it converts it
    markdown_config: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def document(self) -> Document | None:
        return self.source.document if self.source is not None else None
