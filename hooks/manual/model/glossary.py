"""The glossary: one data file (docs/data/glossary.yml) for the glossary page and every abbreviation's expansion.

It is read and checked, with the other data files, by manual.reading.data_files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

GLOSSARY_FILE = "docs/data/glossary.yml"


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    meaning: str
    stands_for: str | None = None
    see: str | None = None
    ambiguous: bool = False
    see_line: int | None = None  # where `see` is written in the glossary file, for messages

    @property
    def is_abbreviation(self) -> bool:
        return self.stands_for is not None


def abbreviations(glossary: tuple[GlossaryEntry, ...]) -> dict[str, str]:
    """What every page expands: unambiguous abbreviations only (DA is domestic abuse in one paper, a plan's area in another)."""
    return {e.term: e.stands_for for e in glossary if e.is_abbreviation and not e.ambiguous}


class AbbreviationFinder:
    """Which abbreviations a page can contain, cheaply: Python-Markdown's abbr extension tries every
    abbreviation at every place in every piece of a page's text, so each page is given only those whose
    words all occur in it (a superset of what the extension then finds; it still decides)."""

    def __init__(self, abbreviations: dict[str, str]):
        self.abbreviations = abbreviations
        self._words = {term: frozenset(_WORD.findall(term)) for term in abbreviations}
        # Only words starting as some abbreviation's words start are collected from the page.
        starts = sorted({word[0] for words in self._words.values() for word in words})
        self._page_words = re.compile(r"\b[" + "".join(re.escape(c) for c in starts) + r"]\w*") if starts else None

    def in_text(self, text: str) -> dict[str, str]:
        if self._page_words is None:
            return {}
        present = set(self._page_words.findall(text))
        return {term: meaning for term, meaning in self.abbreviations.items() if self._words[term] <= present}

    def splitter(self, texts: list[str]) -> Callable[[str], list[tuple[str, str | None]]]:
        """For HTML written without Markdown (a page's html_block): a function that splits one of `texts`
        into pieces, each with the expansion to show when it is an abbreviation (None otherwise). It
        finds what the abbr extension finds: the longest abbreviation first, on word boundaries."""
        present = self.in_text("\n".join(texts))
        if not present:
            return lambda text: [(text, None)]
        pattern = re.compile(
            r"\b(?:" + "|".join(re.escape(term) for term in sorted(present, key=len, reverse=True)) + r")\b"
        )

        def split(text: str) -> list[tuple[str, str | None]]:
            pieces: list[tuple[str, str | None]] = []
            start = 0
            for match in pattern.finditer(text):
                pieces += [(text[start : match.start()], None), (match.group(0), present[match.group(0)])]
                start = match.end()
            pieces.append((text[start:], None))
            return pieces

        return split


_WORD = re.compile(r"\w+")
