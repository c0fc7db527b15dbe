"""Search phrases: the words practitioners type for a document that its title, summary and keywords do not say.

docs/data/search-phrases.yml maps a document's id to its phrases ("baby sleeping on the sofa" for the safer
sleeping guidance). The file is optional (a manual without it has no phrases) and is checked against
docs/schema/search-phrases.schema.json, with the messages front matter gets: file, line, field, what was expected.

A key that is not the id of a document in this manual is set aside, not refused: the file is copied with the
machinery into fixture and synthetic manuals and into other partnerships' manuals, which hold other documents.
The build says which keys it set aside (with a did-you-mean), so a mistyped id is seen in the build's log.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from manual.model.problems import ManualError, Problem
from manual.reading.data_files import read_data_file
from manual.words import did_you_mean

PHRASES_FILE = "docs/data/search-phrases.yml"


SAID_IN_FULL = 5  # set-aside keys named one by one, with a did-you-mean; past this, only how many


@dataclass(frozen=True)
class SearchPhrases:
    by_id: dict[str, tuple[str, ...]]  # a document's id -> its phrases, as written
    # Keys naming no document of this manual, set aside: "'key' (line 12)", with a did-you-mean when one is close.
    unknown: tuple[str, ...] = ()

    def unknown_said(self) -> str:
        """The keys set aside, for the build's log: each with its did-you-mean when there are a few (a mistyped
        id), only how many when there are more (the file of another manual, as a fixture or synthetic manual has)."""
        if len(self.unknown) <= SAID_IN_FULL:
            return f"{PHRASES_FILE}: phrases not used, as no document here has the id: {'; '.join(self.unknown)}"
        return f"{PHRASES_FILE}: phrases of {len(self.unknown)} ids not used, as no document here has them"

    def of(self, doc_id: str) -> tuple[str, ...]:
        return self.by_id.get(doc_id, ())


def load_search_phrases(root: Path | str, known_ids: Collection[str]) -> SearchPhrases:
    """The phrases of each known document, or a ManualError listing every problem in the file."""
    root = Path(root)
    if not (root / PHRASES_FILE).is_file():
        return SearchPhrases({})
    problems: list[Problem] = []
    data, lines = read_data_file(root, PHRASES_FILE, problems)
    if problems:
        raise ManualError(problems)
    data = data or {}
    by_id = {key: tuple(phrase.strip() for phrase in phrases) for key, phrases in data.items() if key in known_ids}
    unknown = [key for key in data if key not in known_ids]
    # A did-you-mean compares the key with every id: only for the few keys the log names one by one.
    close = (lambda key: did_you_mean(key, known_ids)) if len(unknown) <= SAID_IN_FULL else (lambda key: "")
    return SearchPhrases(by_id, tuple(f"{key!r} (line {lines.get((key,))}){close(key)}" for key in unknown))
