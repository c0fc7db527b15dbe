"""The whole manual on one page, for printing: every document in force, in section order.

Each body's headings move down two levels (the page has section and document headings above them),
doc: links point at the document further down the same page, and relative links are rebased from the
document's folder to the page's.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .document import Document

PRINT_PAGE = "print.md"

_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)
_FENCE = re.compile(r"^(```|~~~)")
_LINK = re.compile(r"\]\(([^)\s]+)((?:\s+\"[^\"]*\")?)\)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class PrintedDocument:
    document: Document
    anchor: str
    body: str


@dataclass(frozen=True)
class PrintedSection:
    title: str
    documents: tuple[PrintedDocument, ...]


def anchor_for(doc_id: str) -> str:
    return f"doc-{doc_id}"


def shift_headings(body: str, levels: int = 2) -> str:
    """Move every ATX heading down `levels` levels (at most h6), leaving fenced code alone."""
    out, fenced = [], False
    for line in body.split("\n"):
        if _FENCE.match(line.lstrip()):
            fenced = not fenced
        if not fenced:
            line = _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + levels), line, count=1)
        out.append(line)
    return "\n".join(out)


def rebase_links(body: str, from_file: str, to_file: str, printed_ids: set[str]) -> str:
    """Links as they must read from `to_file`: doc: links to anchors on the page (or to the document's file)."""
    from_dir, to_dir = posixpath.dirname(from_file), posixpath.dirname(to_file)

    def replace(match: re.Match) -> str:
        target, title = match.group(1), match.group(2)
        if target.startswith("doc:"):
            doc_id = target[4:].split("#", 1)[0]
            if doc_id in printed_ids:
                return f"](#{anchor_for(doc_id)}{title})"
            return match.group(0)  # left for the build's doc: link handling (and its checks)
        if target.startswith(("#", "/")) or _SCHEME.match(target):
            return match.group(0)
        path, hash_, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(from_dir, path))
        relative = posixpath.relpath(resolved, to_dir or ".")
        return f"]({relative}{hash_}{fragment}{title})"

    return _LINK.sub(replace, body)


def printed_sections(manual, page: str = PRINT_PAGE) -> list[PrintedSection]:
    """The manual's sections in order, each with its documents in force (sections with none are left out)."""
    in_force = [source.document for source in manual.sources if source.document is not None and source.document.in_force]
    ids = {doc.id for doc in in_force}
    sections = []
    for section in manual.sections:
        docs = tuple(
            PrintedDocument(doc, anchor_for(doc.id), rebase_links(shift_headings(doc.body), doc.path, page, ids))
            for doc in in_force
            if doc.section == section.folder
        )
        if docs:
            sections.append(PrintedSection(section.title, docs))
    return sections
