"""The maintained lists documents refer to: owners (and approving bodies), tags and contacts.

They are read and checked, with the other data files, by manual.reading.data_files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from manual.model.glossary import GlossaryEntry

OWNERS_FILE = "docs/data/owners.yml"
TAGS_FILE = "docs/data/tags.yml"
CONTACTS_FILE = "docs/data/contacts.yml"
RETIRED_TERMS_FILE = "docs/data/retired-terms.yml"
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Owner:
    key: str
    name: str
    kind: str = ""
    contact: str | None = None
    formerly: tuple[str, ...] = ()
    github_team: str | None = None  # "@organisation/team": reviews this owner's documents (CODEOWNERS)


@dataclass(frozen=True)
class Contact:
    key: str
    name: str
    description: str = ""
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    hours: str | None = None
    source: str = ""
    confirmed: bool = False


@dataclass(frozen=True)
class RetiredTerm:
    term: str
    use: str
    source: str
    retired: int | None = None

    @property
    def pattern(self) -> re.Pattern:
        return re.compile(rf"(?<![\w-]){re.escape(self.term)}(?![\w-])", re.IGNORECASE)

    def as_history(self, line: str, in_history: bool) -> bool:
        if self.retired is None:
            return False
        return in_history or any(int(year) <= self.retired for year in _YEAR.findall(line))


@dataclass(frozen=True)
class Vocabulary:
    owners: dict[str, Owner]
    tags: dict[str, str]
    contacts: dict[str, Contact]
    glossary: tuple[GlossaryEntry, ...] = ()
    retired_terms: tuple[RetiredTerm, ...] = ()  # refused in documents (manual.reading.terms)

    def renamed_owner(self, key: str) -> Owner | None:
        """The owner now known by another key, if key is a former one."""
        for owner in self.owners.values():
            if key in owner.formerly:
                return owner
        return None


def __getattr__(name: str):
    # The loader lives with the other data files' and imports this module, so it is found here only when asked for.
    if name == "load_vocabulary":
        from manual.reading.data_files import load_vocabulary

        return load_vocabulary
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
