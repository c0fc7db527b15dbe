"""The words a practitioner types to find a document: its keywords, and the glossary's acronyms that point at it.

Material's search gives its `tags` field the heaviest weight, so these terms go there: a search for
"LADO" puts the document whose keywords or glossary entry name LADO above every page that only
mentions it in passing.
"""

from __future__ import annotations

from .document import Document


def search_terms(doc: Document, glossary: tuple = ()) -> list[str]:
    """Keywords, then each acronym's expansion, then glossary terms whose `see` is this document; no repeats."""
    expansions = {entry.term.lower(): entry.stands_for for entry in glossary if getattr(entry, "stands_for", None)}
    terms: list[str] = []

    def add(term: str | None) -> None:
        if term and term.strip() and term.strip().lower() not in {t.lower() for t in terms}:
            terms.append(term.strip())

    for keyword in doc.keywords:
        add(keyword)
        add(expansions.get(keyword.lower()))
    for entry in glossary:
        if getattr(entry, "see", None) == doc.id:
            add(entry.term)
            add(getattr(entry, "stands_for", None))
    return terms
