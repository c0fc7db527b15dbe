"""The glossary: one data file (docs/data/glossary.yml) for the glossary page and every abbreviation's expansion.

It is read and checked, with the other data files, by manual.reading.data_files.
"""

from __future__ import annotations

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
