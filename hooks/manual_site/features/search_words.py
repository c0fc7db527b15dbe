"""What Material's search indexes for each document.

Withdrawn and superseded documents are left out of search and out of the topic listings (no tags for
the tags plugin to file them under). Once the tags plugin has filed a document under its topics, the
page's `tags` become its topics plus its search words: keywords, and the glossary's acronyms and
expansions for it. Material's search weights `tags` above titles and titles above body text, so
"LADO" finds the LADO procedure before every page that only mentions it.
"""

from __future__ import annotations

from collections import defaultdict

from manual.model.document import Document
from manual_site.html import theme_text


def markdown(site, page, markdown: str) -> str:
    if page.document is not None and page.document.is_retired:
        page.meta["tags"] = []
        page.meta["search"] = {"exclude": True}
    return markdown


def context(site, page, context: dict) -> None:
    """After the tags plugin has read the page's topics (on its Markdown), before search indexes it."""
    doc = page.document
    if doc is None or doc.is_retired:
        return
    words = site.once("search words", lambda: SearchWords(site.manual.vocabulary.glossary))
    page.meta["tags"] = [theme_text(word) for word in (*doc.tags, *(w for w in words.of(doc) if w not in doc.tags))]


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
