"""The words a practitioner types to find a document: its keywords, and the glossary's acronyms that point at it.

Material's search gives its `tags` field the heaviest weight, so these terms go there: a search for
"LADO" puts the document whose keywords or glossary entry name LADO above every page that only
mentions it in passing.
"""

from __future__ import annotations

from collections import defaultdict

from manual.model.document import Document


class SearchTerms:
    """The glossary read once for the whole build: acronyms' expansions, and the terms that point at each document."""

    def __init__(self, glossary: tuple = ()):
        self._expansions = {
            entry.term.lower(): entry.stands_for for entry in glossary if getattr(entry, "stands_for", None)
        }
        self._pointing: dict[str, list] = defaultdict(list)
        for entry in glossary:
            if getattr(entry, "see", None):
                self._pointing[entry.see].append(entry)

    def of(self, doc: Document) -> list[str]:
        """Keywords, then each acronym's expansion, then glossary terms whose `see` is this document; no repeats."""
        terms: list[str] = []
        seen: set[str] = set()

        def add(term: str | None) -> None:
            if term and term.strip() and term.strip().lower() not in seen:
                terms.append(term.strip())
                seen.add(term.strip().lower())

        for keyword in doc.keywords:
            add(keyword)
            add(self._expansions.get(keyword.lower()))
        for entry in self._pointing.get(doc.id, ()):
            add(entry.term)
            add(getattr(entry, "stands_for", None))
        return terms
