"""The whole manual on one page, for printing: every document in force, in section order.

The page is put together from the HTML the build has already rendered for each document page, so the
manual goes through Markdown once. Each document's HTML is adapted to its place on the page: headings
move down two levels (the page has section and document headings above them), ids repeated from an
earlier document get a suffix (as the toc extension would give them), links to a printed document
point at it further down the page, and other relative links are rebased from the document's address
to the page's.

The documents' HTML waits for the page in a temporary file (RenderedDocuments), not in memory, so a
document page's own copy can be let go as soon as the page is written (hooks/print_page.py).
"""

from __future__ import annotations

import os
import posixpath
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import BinaryIO

from manual.model.document import Document

PRINT_PAGE = "print.md"
# Written into print.md; replaced by the documents once every page has been rendered.
PLACEHOLDER = '<div class="manual-print-placeholder" data-manual-print-documents></div>'

_HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s>])")
_ID = re.compile(r'\bid="([^"]+)"')
_URL = re.compile(r'\b(href|src)="([^"]*)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class PrintedDocument:
    document: Document
    anchor: str
    place: Callable[[], str]  # the document's HTML placed on the page; made when it is written

    def html(self) -> str:
        return self.place()


@dataclass(frozen=True)
class PrintedSection:
    title: str
    anchor: str
    documents: tuple[PrintedDocument, ...]


class RenderedDocuments:
    """Each document page's address and rendered HTML, kept for the print page in a temporary file.

    Only the address and where the HTML lies in the file are held in memory. A document rendered again is
    written again and its new HTML used; once the file holds more superseded HTML than current, compact()
    rewrites it without. The file has no name (it is removed as soon as it is made), so nothing is left
    on disk however the process ends.
    """

    def __init__(self) -> None:
        self._file: BinaryIO | None = None
        self._where: dict[str, tuple[str, int, int]] = {}  # id -> (page address, offset, length in bytes)
        self._superseded = 0  # bytes in the file that no entry points at

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._where

    def __len__(self) -> int:
        return len(self._where)

    def add(self, doc_id: str, url: str, html: str) -> None:
        old = self._where.get(doc_id)
        self._write(doc_id, url, html.encode("utf-8", "surrogatepass"))  # any str comes back as it went in
        if old is not None:
            self._superseded += old[2]

    def url(self, doc_id: str) -> str:
        return self._where[doc_id][0]

    def html(self, doc_id: str) -> str:
        _, offset, length = self._where[doc_id]
        assert self._file is not None
        self._file.seek(offset)
        return self._file.read(length).decode("utf-8", "surrogatepass")

    def compact(self) -> None:
        """Rewrite the file without superseded HTML, if it holds more of that than current."""
        if self._file is None or self._superseded <= sum(length for _, _, length in self._where.values()):
            return
        old, entries = self._file, list(self._where.items())
        self._file, self._where, self._superseded = None, {}, 0
        with old:
            for doc_id, (url, offset, length) in entries:
                old.seek(offset)
                self._write(doc_id, url, old.read(length))

    def clear(self) -> None:
        """Forget every document and remove the file."""
        if self._file is not None:
            self._file.close()
        self._file, self._where, self._superseded = None, {}, 0

    def _write(self, doc_id: str, url: str, data: bytes) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="manual-print-")  # noqa: SIM115 - kept open for the whole build
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(data)
        self._where[doc_id] = (url, offset, len(data))


def anchor_for(doc_id: str) -> str:
    return f"doc-{doc_id}"


def in_force(manual) -> list[Document]:
    return [source.document for source in manual.sources if source.document is not None and source.document.in_force]


def shift_headings(html: str, levels: int = 2) -> str:
    """Every heading `levels` levels down (at most h6). Code is escaped in HTML, so it is left alone."""
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + levels)}", html)


def _folder(url: str) -> str:
    """The folder a page's relative links start from: "procedures/x/" -> "procedures/x"; "a/b.html" -> "a"."""
    return url[:-1] if url.endswith("/") else posixpath.dirname(url)


def ids_in(html: str) -> set[str]:
    return set(_ID.findall(html))


class PageIds:
    """The ids used on the print page so far. An id used again gets the first free suffix, as the toc
    extension numbers repeated headings; the last suffix of each id is kept, so the search does not
    start from 1 again (every document has "what-to-do-now": counting up each time was quadratic)."""

    def __init__(self, taken: set[str]):
        self._taken = set(taken)
        self._last: dict[str, int] = {}

    def claim(self, wanted: str) -> str:
        if wanted not in self._taken:
            self._taken.add(wanted)
            return wanted
        n = self._last.get(wanted, 0)
        while True:
            n += 1
            new = f"{wanted}_{n}"
            if new not in self._taken:
                break
        self._last[wanted] = n
        self._taken.add(new)
        return new


def _relative(path: str, start: str) -> str:
    """posixpath.relpath for the site's own relative addresses, without its calls to the file system's
    idea of the current folder (most of the cost of placing a document)."""
    if path.startswith("..") or start.startswith(".."):
        return posixpath.relpath(path or ".", start or ".")
    to, base = (path.split("/") if path not in ("", ".") else []), (start.split("/") if start not in ("", ".") else [])
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def place_document(html: str, page_url: str, print_url: str, printed: dict[str, str], ids: PageIds) -> str:
    """A document page's HTML as it must read on the print page.

    printed maps a printed document's page address to its anchor on the print page; ids holds the ids
    already used on the print page (this document's are added).
    """
    renamed: dict[str, str] = {}
    for old in dict.fromkeys(_ID.findall(html)):
        new = ids.claim(old)
        if new != old:
            renamed[old] = new
    if renamed:
        html = _ID.sub(lambda m: f'id="{renamed.get(m.group(1), m.group(1))}"', html)

    from_dir, to_dir = _folder(page_url), _folder(print_url)

    def rebase(match: re.Match) -> str:
        attr, target = match.group(1), match.group(2)
        if not target or target.startswith("/") or _SCHEME.match(target):
            return match.group(0)
        if target.startswith("#"):
            fragment = target[1:]
            return f'{attr}="#{renamed.get(fragment, fragment)}"'
        path, hash_, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(from_dir, path)) if path else page_url.rstrip("/")
        if resolved == ".":
            resolved = ""
        slash = "/" if path.endswith("/") and resolved else ""
        anchor = printed.get(resolved + slash)
        if anchor is not None:
            return f'{attr}="#{anchor}"'
        return f'{attr}="{_relative(resolved, to_dir)}{slash}{hash_}{fragment}"'

    return shift_headings(_URL.sub(rebase, html))


def printed_sections(manual, rendered: RenderedDocuments, print_url: str, taken: set[str]) -> list[PrintedSection]:
    """The manual's sections in order, each with its documents in force (sections with none are left out).

    rendered holds each document's page address and rendered HTML; a document not rendered (none is
    missing, in a normal build) is left out. Each document's HTML is read and placed only when asked for,
    in page order, so the whole page need never be in memory at once.
    """
    docs = [doc for doc in in_force(manual) if doc.id in rendered]
    printed = {rendered.url(doc.id): anchor_for(doc.id) for doc in docs}
    ids = PageIds(taken | {anchor_for(doc.id) for doc in docs})
    sections = []
    for section in manual.sections:
        members = tuple(
            PrintedDocument(doc, anchor_for(doc.id), partial(_place, rendered, doc.id, print_url, printed, ids))
            for doc in docs
            if doc.section == section.folder
        )
        if members:
            sections.append(PrintedSection(section.title, f"section-{section.folder}", members))
    return sections


def _place(rendered: RenderedDocuments, doc_id: str, print_url: str, printed: dict[str, str], ids: PageIds) -> str:
    return place_document(rendered.html(doc_id), rendered.url(doc_id), print_url, printed, ids)
