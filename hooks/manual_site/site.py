"""One build of the site: the manual's records, where every page goes, and the features in their order.

The entry point (hooks/mkdocs_entry.py) makes a Site when MkDocs starts a build and hands it each page
as MkDocs reaches it. The Site asks every feature, in the order of FEATURES, for the pages it adds and
what it does to a page. Features are plain modules; none of them knows MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from manual.model.addresses import Addresses
from manual.model.document import Document
from manual.model.manual import Manual
from manual_site.features import FEATURES
from manual_site.page import NewPage, PageView

PREVIEW_ENV = "MANUAL_PREVIEW"


@dataclass(frozen=True)
class TemplateContext:
    """What the theme's templates read on every page, besides a page's own document."""

    today: date
    due_soon_days: int
    scope_labels: dict[str, str]
    emergency_line: tuple[str, str]  # (address of the contact, the link's words)
    consultation: bool = False  # the settings say the manual is a consultation draft
    preview: bool = False  # built as a preview of a manual not ready to publish (PREVIEW_ENV)


@dataclass
class Site:
    manual: Manual
    addresses: Addresses
    site_name: str
    warn: Callable[[str], None]  # a problem on a site page: it fails a strict build
    # Each printed document's page address and HTML, by id. Kept by the entry point between the rebuilds
    # of `mkdocs serve --dirty`, which render only the pages that changed.
    rendered: dict[str, tuple[str, str]] = field(default_factory=dict)
    page_statuses: dict[str, str] = field(default_factory=dict)  # Material's page status: name -> tooltip

    def __post_init__(self) -> None:
        self.sources = {source.path: source for source in self.manual.sources}
        self._made: dict[str, Any] = {}
        self.listing_blocks: dict[str, tuple[str, ...]] = {}  # generated page -> its listings' HTML

    def once(self, name: str, make: Callable[[], Any]) -> Any:
        """What make() gives, made the first time a feature asks in this build (the glossary's lookups, say)."""
        if name not in self._made:
            self._made[name] = make()
        return self._made[name]

    # -- addresses ------------------------------------------------------------------------------

    def url(self, doc: Document | str) -> str:
        return self.addresses.document(doc)

    def hrefs_from(self, page_path: str) -> dict[str, str]:
        """Every document's address as a link written on the page at page_path."""
        here = self.addresses.page(page_path)
        return {doc.id: self.addresses.relative(self.url(doc), here) for doc in self.manual.documents}

    # -- the features, in order -------------------------------------------------------------------

    def new_pages(self) -> Iterable[NewPage]:
        for feature in _having("pages"):
            for page in feature.pages(self):
                if page.listing_blocks:
                    self.listing_blocks[page.path] = page.listing_blocks
                yield page

    def page_view(self, path: str, url: str, meta: dict[str, Any]) -> PageView:
        return PageView(path, url, meta, self.sources.get(path))

    def markdown(self, page: PageView, markdown: str) -> str:
        for feature in _having("markdown"):
            markdown = feature.markdown(self, page, markdown)
        return markdown

    def html(self, page: PageView, html: str) -> str:
        for feature in _having("html"):
            html = feature.html(self, page, html)
        return html

    def context(self, page: PageView, context: dict[str, Any]) -> None:
        for feature in _having("context"):
            feature.context(self, page, context)

    def output(self, page: PageView, output: str) -> str:
        for feature in _having("output"):
            output = feature.output(self, page, output)
        return output

    def finished(self, site_dir: Path) -> None:
        """Once every page is written into site_dir: features that read the built site (a search index of the
        finished pages, say) add their files to it."""
        for feature in _having("finished"):
            feature.finished(self, site_dir)

    def template_context(self) -> TemplateContext:
        settings = self.manual.settings
        return TemplateContext(
            today=self.manual.today,
            due_soon_days=settings.due_soon_days,
            scope_labels=settings.scope_labels,
            emergency_line=(f"contacts/#{settings.emergency_line.contact}", settings.emergency_line.text),
            consultation=settings.consultation,
            # set by the deploy when `manual readiness` finds the manual not ready: it is published only as a preview
            preview=os.environ.get(PREVIEW_ENV, "") not in ("", "0"),
        )


def _having(step: str) -> list:
    return [feature for feature in FEATURES if hasattr(feature, step)]
