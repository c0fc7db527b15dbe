"""A problem found in the manual's input, said so that an editor can fix it."""

from __future__ import annotations

from dataclasses import dataclass

from manual.words import shorten


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One problem: which file, where, which field, and what was expected."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, line {self.line}"
        if self.field:
            return f"{where}, field '{self.field}': {self.message}"
        return f"{where}: {self.message}"


class ManualError(Exception):
    """Input the manual cannot use. Carries the problems; never a traceback for users."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def describe(value: object) -> str:
    """A short, readable rendering of an input value for messages."""
    if isinstance(value, str):
        return repr(shorten(value))
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a set of fields"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return repr(value)
