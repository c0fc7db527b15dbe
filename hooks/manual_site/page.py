"""The pages features add, and what a feature sees of a page being built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from manual.model.document import Document
from manual.model.manual import Source


@dataclass
class NewPage:
    """A page (path ends .md) or another file a feature adds to the site."""

    path: str
    content: str | bytes

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

    @property
    def document(self) -> Document | None:
        return self.source.document if self.source is not None else None
