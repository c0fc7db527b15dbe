"""Reading local-additions/: each addition validated by its schema and checked against the regional chapter
it names (the chapter exists and is regional, the heading is in it, and additions sharing a heading say
which comes first)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from manual.model.additions import ADDITIONS_DIR, DEFAULT_INTERVAL, LocalAddition, headings
from manual.model.document import Amendment, Document
from manual.model.problems import ManualError, Problem
from manual.model.vocabulary import Contact
from manual.reading.checks import _owner_problem
from manual.reading.frontmatter import decode, parse_document_text
from manual.reading.safety import content_problems
from manual.reading.schema import schema_problems
from manual.reading.terms import retired_term_problems
from manual.words import did_you_mean

SCHEMA = Path("docs/schema/local-addition.schema.json")


def load_additions(
    root: Path, documents: list[Document], vocabulary, contacts: dict[str, Contact]
) -> tuple[list[LocalAddition], list[Problem]]:
    additions, problems = [], []
    for file in sorted((root / ADDITIONS_DIR).glob("*.md")):
        relative = file.relative_to(root).as_posix()
        try:
            parsed = parse_document_text(decode(file.read_bytes(), relative), relative)
        except ManualError as error:
            problems += error.problems
            continue
        found = schema_problems(parsed.data, parsed.lines, relative, root / SCHEMA)
        problems += content_problems(relative, parsed.body, parsed.body_line, contacts)
        problems += retired_term_problems(relative, parsed.body, parsed.body_line, vocabulary.retired_terms)
        if found:
            problems += found
            continue
        data = parsed.data
        additions.append(
            LocalAddition(
                id=data["id"],
                path=relative,
                adds_to=data["adds_to"],
                at=data["at"].strip(),
                owner=data["owner"],
                last_reviewed=date.fromisoformat(data["last_reviewed"]),
                body=parsed.body,
                body_line=parsed.body_line,
                order=data.get("order"),
                review_interval=data.get("review_interval", DEFAULT_INTERVAL),
                checked=date.fromisoformat(data["checked"]) if "checked" in data else None,
                amendments=tuple(
                    Amendment(date.fromisoformat(a["date"]), a["summary"].strip(), None)
                    for a in data.get("amendments", ())
                ),
                field_lines=parsed.lines,
            )
        )
    return additions, problems + _placement_problems(additions, documents, vocabulary)


def _placement_problems(additions: list[LocalAddition], documents: list[Document], vocabulary) -> list[Problem]:
    problems = []
    chapters = {doc.id: doc for doc in documents if doc.is_regional}
    places: dict[tuple[str, str], list[LocalAddition]] = {}
    for addition in additions:
        owner = _owner_problem(addition, addition.owner, ("owner",), vocabulary)
        if owner:
            problems.append(owner)
        chapter = chapters.get(addition.adds_to)
        if chapter is None:
            problems.append(
                Problem(
                    addition.path,
                    addition.line_of("adds_to"),
                    "adds_to",
                    f"{addition.adds_to!r} is not the id of a regional chapter{did_you_mean(addition.adds_to, list(chapters))}",
                )
            )
            continue
        titles = [text for _, _, text in headings(chapter.body)]
        if addition.at not in titles:
            problems.append(
                Problem(
                    addition.path,
                    addition.line_of("at"),
                    "at",
                    f"the chapter {chapter.path} has no heading {addition.at!r}{did_you_mean(addition.at, titles)}; "
                    "expected one of its headings, written exactly as the chapter writes it",
                )
            )
            continue
        places.setdefault((addition.adds_to, addition.at), []).append(addition)
    for (chapter_id, heading), sharing in places.items():
        orders = [addition.order for addition in sharing]
        if len(sharing) > 1 and (None in orders or len(set(orders)) < len(orders)):
            for addition in sharing:
                others = ", ".join(other.path for other in sharing if other is not addition)
                problems.append(
                    Problem(
                        addition.path,
                        addition.line_of("order") or addition.line_of("at"),
                        "order",
                        f"{others} also goes under {heading!r} in {chapter_id!r}; give each an order (1 first) so the page says which comes first",
                    )
                )
    return problems
