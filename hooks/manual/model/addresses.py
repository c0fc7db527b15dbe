"""Where each page of the site is: the one home for a page's address, relative and absolute.

A document's page is at procedures/<id>/ (procedures/<id>.html without directory URLs), from its id,
whatever its file is called. Two things can already be at such an address: the section's own index
page (procedures/ itself, which is procedures/index.html on disk), and any site page or generated page
someone puts under procedures/. The first is ruled out by the reserved ids below; the second is found by
comparing every page's output file once all pages are known (address_clash_problems).
"""

from __future__ import annotations

from dataclasses import dataclass

from manual.model.document import Document
from manual.model.problems import Problem
from manual.words import slug

# 'index' would make procedures/index/ (or, without directory URLs, procedures/index.html,
# the address of procedures/ itself).
RESERVED_IDS = frozenset({"index"})
DOCUMENTS_FOLDER = "procedures"


def document_source(doc_id: str) -> str:
    """The path MkDocs gives a document's page (and redirect maps name): procedures/<id>.md."""
    return f"{DOCUMENTS_FOLDER}/{doc_id}.md"


@dataclass(frozen=True)
class Addresses:
    """Addresses of the site's pages, as the site is configured: directory URLs or not, and the site's own
    address (site_url) when known, for links read away from the site (the feed, register, report, emails)."""

    directory_urls: bool = True
    base: str = ""

    def page(self, src_path: str) -> str:
        """'indexes/a-to-z.md' -> 'indexes/a-to-z/' (or 'indexes/a-to-z.html'); 'index.md' -> ''."""
        stem, _, _ = src_path.rpartition(".")
        folder, _, name = stem.rpartition("/")
        if not self.directory_urls:
            return f"{stem}.html"
        if name == "index":
            return f"{folder}/" if folder else ""
        return f"{stem}/"

    def output(self, src_path: str) -> str:
        """The file a page is written to: 'indexes/a-to-z/index.html'."""
        url = self.page(src_path)
        return url + "index.html" if url.endswith("/") or not url else url

    def document(self, doc: Document | str) -> str:
        """A document's page, from its id: 'procedures/<id>/'."""
        return self.page(document_source(doc if isinstance(doc, str) else doc.id))

    def absolute(self, url: str) -> str:
        """A site-relative address made absolute against the published site, when its address is known."""
        return f"{self.base.rstrip('/')}/{url.lstrip('/')}" if self.base else url

    @staticmethod
    def relative(url: str, from_url: str) -> str:
        """url as a link written on the page at from_url (both site-relative), as MkDocs writes links."""
        to = url.split("/")
        start = from_url.split("/")[:-1]  # the folder the page's links start from
        common = 0
        while common < min(len(to) - 1, len(start)) and to[common] == start[common]:
            common += 1
        found = "/".join([".."] * (len(start) - common) + to[common:])
        return found or "./"


def reserved_id_problems(documents: list[Document]) -> list[Problem]:
    return [
        Problem(
            doc.path,
            doc.line_of("id"),
            "id",
            f"{doc.id!r} is reserved for the site's own pages; expected another id, such as {slug(doc.title, 60) or 'a-new-id'!r}",
        )
        for doc in documents
        if doc.id in RESERVED_IDS
    ]


def address_clash_problems(
    documents: list[Document], output_of: dict[str, str], others: dict[str, str]
) -> list[Problem]:
    """Documents whose page would be written over another page's file, or have its written over theirs.

    output_of: document path -> the file its page is written to; others: output file -> the other page's source.
    """
    problems = []
    for doc in documents:
        output = output_of.get(doc.path)
        if output is not None and output in others:
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of("id"),
                    "id",
                    f"the page for {doc.id!r} would be written to {output}, which is also where the page {others[output]} goes; expected an id no other page uses",
                )
            )
    return problems


SITE_RELATIVE = Addresses()  # directory URLs, links relative to the site's root: when nothing else is known
