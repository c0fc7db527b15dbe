"""Old addresses that must keep working: each document's `redirect_from` ids point at its page."""

from __future__ import annotations

from manual.model.document import Document
from manual.model.problems import Problem


def redirect_map(documents: list[Document]) -> dict[str, Document]:
    """Former id -> the document now at that address (first claim wins; conflicts are reported by redirect_problems)."""
    current = {doc.id for doc in documents}
    found: dict[str, Document] = {}
    for doc in documents:
        for old in doc.redirect_from:
            if old not in current:
                found.setdefault(old, doc)
    return found


def redirect_problems(documents: list[Document]) -> list[Problem]:
    """A former id that is still some document's id, or that two documents both claim."""
    current = {doc.id: doc for doc in documents}
    claimed: dict[str, Document] = {}
    problems = []
    for doc in documents:
        for index, old in enumerate(doc.redirect_from):
            line = doc.line_of("redirect_from", index)
            if old in current:
                other = current[old]
                problems.append(
                    Problem(
                        doc.path,
                        line,
                        "redirect_from",
                        f"{old!r} is the id of {other.path}; expected an id no document uses any more",
                    )
                )
            elif old in claimed and claimed[old] is not doc:
                problems.append(
                    Problem(
                        doc.path,
                        line,
                        "redirect_from",
                        f"{old!r} is also listed in redirect_from of {claimed[old].path}; an old address can lead to one document only",
                    )
                )
            else:
                claimed[old] = doc
    return problems
