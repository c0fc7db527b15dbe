"""The words a document is searched by, besides its own text.

Withdrawn and superseded documents are left out of search and out of the topic listings (no tags for the tags
plugin to file them under). For every other document, the search feature (manual_site.features.search) gives
the search index two lists of words, which its ranking weighs above the text:

- keywords: the document's keywords, each acronym followed by the glossary's expansion, then the glossary's terms
  whose `see` is this document (so "LADO" and "designated officer" both find the LADO procedure);
- phrases: the everyday words practitioners type for it (docs/data/search-phrases.yml), such as "baby sleeping on
  the sofa" for the safer sleeping guidance.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from manual.model.document import Document
from manual.reading.search_phrases import SearchPhrases, load_search_phrases

# The build's log, as the entry point writes it (MkDocs's logger for the hook, its messages headed "manual: ").
_log = logging.getLogger("mkdocs.plugins.manual")


def markdown(site, page, markdown: str) -> str:
    if page.document is not None and page.document.is_retired:
        page.meta["tags"] = []
        page.meta["search"] = {"exclude": True}
    return markdown


def words_of(site, doc: Document) -> tuple[list[str], tuple[str, ...]]:
    """The document's keywords (with the glossary's words for it) and its phrases."""
    words = site.once("search words", lambda: SearchWords(site.manual.vocabulary.glossary))
    return words.of(doc), phrases(site).of(doc.id)


def phrases(site) -> SearchPhrases:
    """docs/data/search-phrases.yml, read once per build; keys naming no document here are said in the log."""

    def read() -> SearchPhrases:
        found = load_search_phrases(site.manual.settings.root, {doc.id for doc in site.manual.documents})
        if found.unknown:  # information, not a failure: see manual.reading.search_phrases
            _log.info(f"manual: {found.unknown_said()}")
        return found

    return site.once("search phrases", read)


class SearchWords:
    """The glossary read once for the whole build: acronyms' expansions, and the terms that point at each document."""

    def __init__(self, glossary: tuple = ()):
        self._expansions = {entry.term.lower(): entry.stands_for for entry in glossary if entry.stands_for}
        self._pointing: dict[str, list] = defaultdict(list)
        for entry in glossary:
            if entry.see:
                self._pointing[entry.see].append(entry)

    def of(self, doc: Document) -> list[str]:
        """Keywords, then each acronym's expansion, then glossary terms whose `see` is this document; no repeats."""
        words: list[str] = []
        seen: set[str] = set()

        def add(word: str | None) -> None:
            if word and word.strip() and word.strip().lower() not in seen:
                words.append(word.strip())
                seen.add(word.strip().lower())

        for keyword in doc.keywords:
            add(keyword)
            add(self._expansions.get(keyword.lower()))
        for entry in self._pointing.get(doc.id, ()):
            add(entry.term)
            add(entry.stands_for)
        return words
