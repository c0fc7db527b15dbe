"""The glossary: one data file (docs/data/glossary.yml) for the glossary page and every abbreviation's expansion."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from manual.model.problems import ManualError, Problem
from manual.reading.yamlfile import load_yaml_file

GLOSSARY_FILE = "docs/data/glossary.yml"


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    meaning: str
    stands_for: str | None = None
    see: str | None = None
    ambiguous: bool = False

    @property
    def is_abbreviation(self) -> bool:
        return self.stands_for is not None


def load_glossary(root: Path) -> tuple[GlossaryEntry, ...]:
    entries = load_yaml_file(root, GLOSSARY_FILE, expect=list)
    problems: list[Problem] = []
    glossary: list[GlossaryEntry] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("term") or not entry.get("meaning"):
            problems.append(Problem(GLOSSARY_FILE, None, f"[{index}]", "expected a 'term' and its 'meaning'"))
            continue
        term = str(entry["term"]).strip()
        if term in seen:
            problems.append(Problem(GLOSSARY_FILE, None, term, "the term is listed twice; expected each term once"))
        seen.add(term)
        glossary.append(
            GlossaryEntry(
                term=term,
                meaning=str(entry["meaning"]).strip(),
                stands_for=str(entry["stands_for"]).strip() if entry.get("stands_for") else None,
                see=entry.get("see"),
                ambiguous=bool(entry.get("ambiguous", False)),
            )
        )
    if problems:
        raise ManualError(problems)
    return tuple(sorted(glossary, key=lambda e: e.term.lower()))


def abbreviations(glossary: tuple[GlossaryEntry, ...]) -> dict[str, str]:
    """What every page expands: unambiguous abbreviations only (DA is domestic abuse in one paper, a plan's area in another)."""
    return {e.term: e.stands_for for e in glossary if e.is_abbreviation and not e.ambiguous}


def glossary_problems(glossary: tuple[GlossaryEntry, ...], known_ids: set[str]) -> list[Problem]:
    return [
        Problem(GLOSSARY_FILE, None, f"{entry.term}.see", f"{entry.see!r} is not the id of any document")
        for entry in glossary
        if entry.see and entry.see not in known_ids
    ]
