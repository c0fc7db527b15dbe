"""The whole manual on one page (print.md), for printing or saving as a PDF.

The manual goes through Markdown once: each document's HTML is kept as its own page is converted, and
put into the print page when that page is written, adapted to its place there (manual_site.html).
MkDocs converts every page before it writes any, so every document is ready by then.
"""

from __future__ import annotations

from dataclasses import dataclass

from manual.model.document import Document
from manual.model.problems import ManualError, Problem
from manual.outputs.pages import render_markdown
from manual_site.html import PageIds, ids_in, place_document
from manual_site.page import NewPage

PAGE = "print.md"
# Written into print.md; replaced by the documents when the page is written.
PLACEHOLDER = '<div class="manual-print-placeholder" data-manual-print-documents></div>'


@dataclass(frozen=True)
class PrintedSection:
    title: str
    anchor: str
    documents: tuple[tuple[Document, str, str], ...]  # (document, its anchor, its HTML placed on the page)


def pages(site):
    yield NewPage(PAGE, render_markdown("print.md.j2", today=site.manual.today, placeholder=PLACEHOLDER))


def html(site, page, html: str) -> str:
    doc = page.document
    if doc is not None and doc.in_force:
        site.rendered[doc.id] = (page.url, html)
    return html


def output(site, page, output: str) -> str:
    if page.path != PAGE:
        return output
    before, found, after = output.partition(PLACEHOLDER)
    if not found:
        raise ManualError(
            Problem(f"docs/{PAGE}", None, None, "the whole manual's placeholder is missing from the page's HTML")
        )
    manual = site.manual
    owners = {key: owner.name for key, owner in manual.vocabulary.owners.items()}
    documents = render_markdown(
        "print-documents.html.j2",
        sections=_sections(site, page.url, taken=ids_in(before) | ids_in(after)),
        owners={doc.owner: owners.get(doc.owner, doc.owner) for doc in manual.documents},
        reviews={doc.id: doc.next_review for doc in manual.documents},
        scope_labels=manual.settings.scope_labels,
    )
    return before + documents + after


def _anchor(doc: Document) -> str:
    return f"doc-{doc.id}"


def _sections(site, print_url: str, taken: set[str]) -> list[PrintedSection]:
    """The manual's sections in order, each with its documents in force (sections with none left out)."""
    manual = site.manual
    docs = [doc for doc in manual.documents if doc.in_force and doc.id in site.rendered]
    printed = {site.rendered[doc.id][0]: _anchor(doc) for doc in docs}
    ids = PageIds(taken | set(printed.values()))
    sections = []
    for section in manual.sections:
        members = tuple(
            (
                doc,
                _anchor(doc),
                place_document(site.rendered[doc.id][1], site.rendered[doc.id][0], print_url, printed, ids),
            )
            for doc in docs
            if doc.section == section.folder
        )
        if members:
            sections.append(PrintedSection(section.title, f"section-{section.folder}", members))
    return sections
