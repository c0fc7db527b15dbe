"""Checks across documents: what no single file's schema can see."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from functools import partial

from manual.model.addresses import reserved_id_problems
from manual.model.document import Document
from manual.model.links import doc_link_offsets
from manual.model.problems import Problem
from manual.model.vocabulary import OWNERS_FILE, TAGS_FILE, Vocabulary
from manual.reading.redirects import redirect_problems
from manual.reading.supersession import supersession_problems
from manual.words import did_you_mean


def cross_checks(documents: list[Document], vocabulary: Vocabulary, today: date) -> list[Problem]:
    problems: list[Problem] = []
    by_id: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        by_id[doc.id].append(doc)
    for doc_id, docs in by_id.items():
        if len(docs) < 2:
            continue
        regional = [doc for doc in docs if doc.is_regional]
        for doc in docs:
            others = ", ".join(other.path for other in docs if other is not doc)
            if regional and not doc.is_regional:
                message = (
                    f"{doc_id!r} is the id of the regional chapter {regional[0].path}; expected an id of the partnership's "
                    "own (to add local information to that chapter, write a local addition)"
                )
            elif regional and len(regional) == 1:
                continue  # the local document that took the region's id is told
            else:
                message = f"{doc_id!r} is also the id of {others}; expected an id no other document uses"
            problems.append(Problem(doc.path, doc.line_of("id"), "id", message))
    known = {doc_id: docs[0] for doc_id, docs in by_id.items()}
    for doc in documents:
        problems += _vocabulary_problems(doc, vocabulary)
        problems += _date_problems(doc, today)
        problems += _reference_problems(doc, known)
    problems += reserved_id_problems(documents)
    problems += supersession_problems(documents)
    problems += redirect_problems(documents)
    return problems


def _owner_problem(doc: Document, key: str, field_path: tuple, vocabulary: Vocabulary) -> Problem | None:
    if key in vocabulary.owners:
        return None
    renamed = vocabulary.renamed_owner(key)
    if renamed is not None:
        message = f"{key!r} has been renamed; use {renamed.key!r} ({renamed.name})"
    else:
        message = f"{key!r} is not a known owner; expected a key from {OWNERS_FILE}{did_you_mean(key, list(vocabulary.owners))}"
    return Problem(doc.path, doc.line_of(*field_path), ".".join(field_path), message)


def _vocabulary_problems(doc: Document, vocabulary: Vocabulary) -> list[Problem]:
    found = [_owner_problem(doc, doc.owner, ("owner",), vocabulary)]
    if doc.approved_by is not None:
        found.append(_owner_problem(doc, doc.approved_by, ("approved", "by"), vocabulary))
    for index, tag in enumerate(doc.tags):
        if tag not in vocabulary.tags:
            found.append(
                Problem(
                    doc.path,
                    doc.line_of("tags", index),
                    "tags",
                    f"{tag!r} is not an allowed tag; expected a tag from {TAGS_FILE}{did_you_mean(tag, list(vocabulary.tags))}",
                )
            )
    return [p for p in found if p is not None]


def _date_problems(doc: Document, today: date) -> list[Problem]:
    found = []
    if doc.next_review_given and doc.last_reviewed and doc.next_review_given < doc.last_reviewed:
        found.append(
            Problem(
                doc.path,
                doc.line_of("next_review"),
                "next_review",
                f"{doc.next_review_given.isoformat()} is before last_reviewed ({doc.last_reviewed.isoformat()}); expected a later date",
            )
        )
    if doc.approved_on and doc.approved_on > today:
        found.append(
            Problem(
                doc.path,
                doc.line_of("approved", "date"),
                "approved.date",
                f"{doc.approved_on.isoformat()} is in the future (today is {today.isoformat()}); expected the date it was approved",
            )
        )
    if doc.last_reviewed and doc.last_reviewed > today:
        found.append(
            Problem(
                doc.path,
                doc.line_of("last_reviewed"),
                "last_reviewed",
                f"{doc.last_reviewed.isoformat()} is in the future (today is {today.isoformat()}); expected the date of the last review",
            )
        )
    return found


def _reference_problems(doc: Document, known: dict[str, Document]) -> list[Problem]:
    """Each reference checked; its line is looked up only for a problem (most documents have none)."""
    found = []

    def check(target: str, field_name: str, line: Callable[[], int | None], link: bool) -> None:
        if target == doc.id and field_name in ("related", "supersedes", "superseded_by"):
            message = "the document names itself; expected the id of another document"
        else:
            other = known.get(target)
            if other is None:
                message = f"{target!r} is not the id of any document{did_you_mean(target, list(known))}"
            elif link and other.status == "withdrawn":
                message = f"links to {target!r}, which is withdrawn; expected a link to a document in force"
            elif link and other.status == "superseded" and not doc.is_retired:
                message = f"links to {target!r}, which is superseded; link to {other.superseded_by or 'its replacement'!r} instead"
            else:
                return
        found.append(Problem(doc.path, line(), field_name, message))

    for index, target in enumerate(doc.related):
        check(target, "related", partial(doc.line_of, "related", index), link=True)
    for index, target in enumerate(doc.supersedes):
        check(target, "supersedes", partial(doc.line_of, "supersedes", index), link=False)
    if doc.superseded_by:
        check(doc.superseded_by, "superseded_by", partial(doc.line_of, "superseded_by"), link=True)
    for target, offset in doc_link_offsets(doc.body):
        check(target, "link", partial(_body_line, doc, offset), link=True)
    return found


def _body_line(doc: Document, offset: int) -> int:
    return doc.body_line + doc.body.count("\n", 0, offset)
