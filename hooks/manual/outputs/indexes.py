"""The ways into the manual: every document listed A to Z, by owner, by agency, by level of need and by type.

Plain data for the index templates; the decisions (order, grouping, what is in force) live here.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from manual.model.document import TYPE_LABELS, Document
from manual.model.levels import LevelsOfNeed
from manual.model.vocabulary import Vocabulary
from manual.words import slug

AUDIENCE_LABELS = {
    "all-agencies": "All agencies",
    "childrens-social-care": "Children's social care",
    "early-help": "Early help services",
    "police": "Police",
    "health": "Health",
    "education": "Schools and colleges",
    "early-years": "Early years",
    "probation": "Probation",
    "youth-justice": "Youth justice",
    "voluntary-sector": "Voluntary and community sector",
    "housing": "Housing",
    "adult-services": "Adult services",
}

NO_LEVEL = "Not tied to a level of need"


@dataclass(frozen=True)
class Group:
    """A heading and the documents under it."""

    title: str
    anchor: str
    documents: tuple[Document, ...]
    description: str = ""


def _by_title(documents: list[Document]) -> list[Document]:
    return sorted(documents, key=lambda doc: (doc.title.lower(), doc.id))


def listed(documents: list[Document]) -> list[Document]:
    """Documents the indexes group: in force and drafts. Withdrawn and superseded ones are listed apart."""
    return [doc for doc in documents if doc.is_listed]


def no_longer_in_force(documents: list[Document]) -> list[Document]:
    return _by_title([doc for doc in documents if doc.is_retired])


def a_to_z(documents: list[Document]) -> list[Group]:
    """Documents under the first letter of their title (digits under "0-9")."""

    def letter(doc: Document) -> str:
        first = doc.title.strip()[:1].upper()
        return first if first.isalpha() else "0-9"

    ordered = sorted(_by_title(listed(documents)), key=lambda doc: (letter(doc) != "0-9", letter(doc)))
    return [Group(key, f"letter-{slug(key)}", tuple(items)) for key, items in groupby(ordered, key=letter)]


def by_owner(documents: list[Document], vocabulary: Vocabulary) -> list[Group]:
    groups = []
    for key in {doc.owner for doc in listed(documents)}:
        owner = vocabulary.owners.get(key)
        name = owner.name if owner else key
        docs = tuple(_by_title([doc for doc in listed(documents) if doc.owner == key]))
        groups.append(Group(name, f"owner-{key}", docs, owner.kind if owner else ""))
    return sorted(groups, key=lambda group: group.title.lower())


def by_audience(documents: list[Document]) -> list[Group]:
    """One group per agency, in the schema's order. Documents for all agencies are also listed under each agency."""
    docs = listed(documents)
    groups = []
    for key, label in AUDIENCE_LABELS.items():
        members = [
            doc for doc in docs if key in doc.audience or (key != "all-agencies" and "all-agencies" in doc.audience)
        ]
        if members:
            groups.append(Group(label, f"audience-{key}", tuple(_by_title(members))))
    return groups


def by_level(documents: list[Document], levels: LevelsOfNeed | None) -> list[Group]:
    """One group per level, named as the manual's Levels of Need name it; then documents not tied to one."""
    docs = listed(documents)
    names = {level.number: level.name for level in levels.levels} if levels is not None else {}
    numbers = sorted(set(names) | {number for doc in docs for number in doc.levels})
    groups = [
        Group(
            f"Level {number}: {names[number]}" if number in names else f"Level {number}",
            f"level-{number}",
            tuple(_by_title([doc for doc in docs if number in doc.levels])),
        )
        for number in numbers
    ]
    untied = tuple(_by_title([doc for doc in docs if not doc.levels]))
    groups.append(Group(NO_LEVEL, "level-none", untied))
    return [group for group in groups if group.documents]


def by_type(documents: list[Document]) -> list[Group]:
    docs = listed(documents)
    groups = [
        Group(label, f"type-{key}", tuple(_by_title([doc for doc in docs if doc.type == key])))
        for key, label in TYPE_LABELS.items()
    ]
    return [group for group in groups if group.documents]
