"""Which documents replace which: a chain of replacements must end, never go round in a circle.

`supersedes` (this document replaces those) and `superseded_by` (that document replaces this one)
are two ways of writing the same arrow. A circle, such as A supersedes B while B supersedes A,
would leave no document in force; each document in it gets one message.
"""

from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from manual.model.document import Document
from manual.model.problems import Problem


def replacement_arrows(documents: list[Document]) -> dict[str, set[str]]:
    """Id -> the ids it replaces, from both fields. Names that are not documents are left to other checks."""
    known = {doc.id for doc in documents}
    arrows: dict[str, set[str]] = {doc_id: set() for doc_id in known}
    for doc in documents:
        for old in doc.supersedes:
            if old in known and old != doc.id:
                arrows[doc.id].add(old)
        if doc.superseded_by in known and doc.superseded_by != doc.id:
            arrows[doc.superseded_by].add(doc.id)
    return arrows


def _circles(arrows: dict[str, set[str]]) -> list[list[str]]:
    """The groups of documents that replace one another in a circle, each sorted. graphlib names one
    circle at a time; its documents are merged into one node and the search goes on, until none is left."""
    group = {doc_id: frozenset([doc_id]) for doc_id in arrows}
    while True:
        graph: dict[frozenset, set[frozenset]] = {members: set() for members in group.values()}
        for doc_id, olds in arrows.items():
            graph[group[doc_id]].update(group[old] for old in olds if group[old] != group[doc_id])
        try:
            TopologicalSorter(graph).prepare()
        except CycleError as error:
            merged = frozenset().union(*error.args[1])
            group.update(dict.fromkeys(merged, merged))
            continue
        return sorted(sorted(members) for members in set(group.values()) if len(members) > 1)


def supersession_problems(documents: list[Document]) -> list[Problem]:
    arrows = replacement_arrows(documents)
    by_id = {doc.id: doc for doc in documents}
    problems = []
    for group in _circles(arrows):
        members = set(group)
        chain = ", ".join(f"{doc_id} replaces {', '.join(sorted(arrows[doc_id] & members))}" for doc_id in group)
        message = f"the chain of replacements goes round in a circle ({chain}); expected each document to replace only older ones"
        for doc_id in group:
            doc = by_id[doc_id]
            index = next((i for i, old in enumerate(doc.supersedes) if old in members), None)
            if index is not None:
                problems.append(Problem(doc.path, doc.line_of("supersedes", index), "supersedes", message))
            elif doc.superseded_by in members:
                problems.append(Problem(doc.path, doc.line_of("superseded_by"), "superseded_by", message))
    return problems
