"""The maintained lists documents refer to: owners (and approving bodies), tags and contacts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from manual.model.glossary import GlossaryEntry, load_glossary
from manual.model.problems import ManualError, Problem
from manual.reading.yamlfile import load_yaml_file

OWNERS_FILE = "docs/data/owners.yml"
TAGS_FILE = "docs/data/tags.yml"
CONTACTS_FILE = "docs/data/contacts.yml"
GITHUB_TEAM = re.compile(r"^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Owner:
    key: str
    name: str
    kind: str
    contact: str | None
    formerly: tuple[str, ...] = ()
    github_team: str | None = None  # "@organisation/team": reviews this owner's documents (CODEOWNERS)


@dataclass(frozen=True)
class Contact:
    key: str
    name: str
    description: str
    phone: str | None
    email: str | None
    address: str | None
    hours: str | None
    source: str
    confirmed: bool


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


def load_vocabulary(root: Path) -> Vocabulary:
    problems: list[Problem] = []
    contacts = {key: _contact(key, entry, problems) for key, entry in load_yaml_file(root, CONTACTS_FILE).items()}
    owners = {key: _owner(key, entry, contacts, problems) for key, entry in load_yaml_file(root, OWNERS_FILE).items()}
    tags = {str(name): str(text or "") for name, text in load_yaml_file(root, TAGS_FILE).items()}
    if problems:
        raise ManualError(problems)
    return Vocabulary(owners, tags, contacts, load_glossary(root))


def _owner(key: str, entry: object, contacts: dict[str, Contact], problems: list[Problem]) -> Owner:
    if not isinstance(entry, dict) or not entry.get("name"):
        problems.append(Problem(OWNERS_FILE, None, f"{key}.name", "missing; expected the owner's display name"))
        entry = entry if isinstance(entry, dict) else {}
    contact = entry.get("contact")
    if contact is not None and (not isinstance(contact, str) or contact not in contacts):
        problems.append(Problem(OWNERS_FILE, None, f"{key}.contact", f"{contact!r} is not in {CONTACTS_FILE}"))
        contact = None
    formerly = entry.get("formerly") or []
    if not isinstance(formerly, list) or not all(isinstance(old, str) for old in formerly):
        problems.append(
            Problem(
                OWNERS_FILE, None, f"{key}.formerly", f"got {formerly!r}; expected a list of the owner's former keys"
            )
        )
        formerly = []
    team = entry.get("github_team")
    if team is not None and not (isinstance(team, str) and GITHUB_TEAM.match(team)):
        problems.append(
            Problem(
                OWNERS_FILE,
                None,
                f"{key}.github_team",
                f"{team!r} is not a GitHub team; expected @organisation/team-name",
            )
        )
        team = None
    return Owner(key, str(entry.get("name", key)), str(entry.get("kind", "")), contact, tuple(formerly), team)


def _contact(key: str, entry: object, problems: list[Problem]) -> Contact:
    if not isinstance(entry, dict) or not entry.get("name"):
        problems.append(Problem(CONTACTS_FILE, None, f"{key}.name", "missing; expected the service's name"))
        entry = entry if isinstance(entry, dict) else {}
    text = {}
    for field in ("phone", "email", "address", "hours"):
        value = entry.get(field)
        if value is not None and not isinstance(value, str):
            problems.append(Problem(CONTACTS_FILE, None, f"{key}.{field}", f"got {value!r}; expected text in quotes"))
            value = None
        text[field] = value
    return Contact(
        key=key,
        name=str(entry.get("name", key)),
        description=str(entry.get("description", "")),
        phone=text["phone"],
        email=text["email"],
        address=text["address"],
        hours=text["hours"],
        source=str(entry.get("source", "")),
        confirmed=bool(entry.get("confirmed", False)),
    )
