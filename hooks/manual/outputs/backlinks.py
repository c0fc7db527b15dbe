""" "What links here": for every document, the documents that link to it or list it as related.

Computed once for the whole manual (one pass over every document's links), then looked up per page.
"""

from __future__ import annotations

from collections import defaultdict

from manual.model.document import Document
from manual.model.links import doc_link_offsets


def links_here(documents: list[Document]) -> dict[str, tuple[Document, ...]]:
    """Document id -> the other documents that link to it (doc: links in the body, or `related`), by title."""
    sources: dict[str, dict[str, Document]] = defaultdict(dict)
    for doc in documents:
        targets = {target for target, _offset in doc_link_offsets(doc.body)} | set(doc.related)
        for target in targets - {doc.id}:
            sources[target][doc.id] = doc
    return {
        target: tuple(sorted(found.values(), key=lambda d: (d.title.lower(), d.id)))
        for target, found in sources.items()
    }
