"""The glossary page, and the abbreviations expanded on every page, from one data file (docs/data/glossary.yml).

Python-Markdown's abbr extension looks for every abbreviation it is given in every piece of a page's
text, so each page is given only those whose words all occur in it (the benchmark measures the
difference); the extension still decides where each one is.
"""

from __future__ import annotations

import re
from itertools import groupby

from manual.model.glossary import abbreviations
from manual.outputs.pages import render_markdown
from manual.words import slug
from manual_site.page import NewPage

_WORD = re.compile(r"\w+")


def pages(site):
    manual = site.manual
    entries = [{"anchor": "term-" + slug(entry.term), **entry.__dict__} for entry in manual.vocabulary.glossary]
    groups = [(letter, list(items)) for letter, items in groupby(entries, key=lambda e: e["term"][0].upper())]
    titles = {doc.id: doc.title for doc in manual.documents}
    yield NewPage("glossary.md", render_markdown("glossary.md.j2", groups=groups, titles=titles))


def markdown(site, page, markdown: str) -> str:
    finder = site.once("abbreviations", lambda: AbbreviationFinder(abbreviations(site.manual.vocabulary.glossary)))
    page.markdown_config["abbr"] = {"glossary": finder.in_text(markdown)}
    return markdown


class AbbreviationFinder:
    """Which abbreviations a text can contain: those whose words all occur in it."""

    def __init__(self, abbreviations: dict[str, str]):
        self.abbreviations = abbreviations
        self._words = {term: frozenset(_WORD.findall(term)) for term in abbreviations}

    def in_text(self, text: str) -> dict[str, str]:
        present = set(_WORD.findall(text))
        return {term: meaning for term, meaning in self.abbreviations.items() if self._words[term] <= present}
