"""Which documents replace which: a chain of replacements must end, never go round in a circle.

`supersedes` (this document replaces those) and `superseded_by` (that document replaces this one)
are two ways of writing the same arrow. A circle, such as A supersedes B while B supersedes A,
would leave no document in force; each document in it gets one message.
"""

from __future__ import annotations

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
    """Strongly connected groups of more than one document (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0
    for start in sorted(arrows):
        if start in index:
            continue
        work = [(start, iter(sorted(arrows[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(arrows[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


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
