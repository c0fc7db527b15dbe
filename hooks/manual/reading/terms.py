"""Retired terms (docs/data/retired-terms.yml): words current guidance has replaced, refused in documents.

A term with the year it was retired may still be written as history: on a line naming that year or an
earlier one, or under a heading containing "history". Everything else names the file, the line and the
term to use instead.
"""

from __future__ import annotations

import re

from manual.model.problems import Problem
from manual.model.prose import lines_outside_code
from manual.model.vocabulary import RetiredTerm

_HEADING = re.compile(r"^#{1,6}\s")


def retired_term_problems(path: str, body: str, first_line: int, terms: tuple[RetiredTerm, ...]) -> list[Problem]:
    problems, in_history = [], False
    each = [(term, term.pattern, term.term.lower()) for term in terms]
    for number, line in lines_outside_code(body, first_line):
        if _HEADING.match(line):
            in_history = "history" in line.lower()
        lowered = line.lower()
        for term, pattern, word in each:
            if word not in lowered:  # most lines: a plain search first, the word-boundary pattern only after it
                continue
            match = pattern.search(line)
            if match and not term.as_history(line, in_history):
                problems.append(
                    Problem(
                        path,
                        number,
                        None,
                        f"{match.group(0)!r} is a retired term; write {term.use!r} ({term.source})"
                        + (f"; as history, name the year, {term.retired} or before" if term.retired else ""),
                    )
                )
    return problems
