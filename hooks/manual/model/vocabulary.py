"""The maintained lists documents refer to: owners (and approving bodies), tags and contacts.

They are read and checked, with the other data files, by manual.reading.data_files.
"""

from __future__ import annotations

from dataclasses import dataclass

from manual.model.glossary import GlossaryEntry

OWNERS_FILE = "docs/data/owners.yml"
TAGS_FILE = "docs/data/tags.yml"
CONTACTS_FILE = "docs/data/contacts.yml"


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
class Vocabulary:
    owners: dict[str, Owner]
    tags: dict[str, str]
    contacts: dict[str, Contact]
    glossary: tuple[GlossaryEntry, ...] = ()

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
