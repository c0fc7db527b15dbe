"""Reading docs/data/editions.yml: checked against its JSON Schema, then for what a schema cannot say.

The file is optional (a manual with no editions yet). Each name is used once (and so each edition's tag
and archive folder, made from the name), and each edition is dated on or after the one before it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from manual.model.editions import EDITIONS_FILE, Edition
from manual.model.formatting import uk_date
from manual.model.problems import ManualError, Problem
from manual.reading.data_files import SCHEMA_DIR
from manual.reading.schema import schema_problems
from manual.reading.yamlfile import parse_yaml
from manual.words import field_path

SCHEMA_FILE = SCHEMA_DIR / "editions.schema.json"
ARCHIVE_ENV = "MANUAL_ARCHIVED_EDITION"  # set by scripts/build_editions.py: this build is that edition's archived copy


def parse_editions(text: str, root: Path) -> tuple[list[Edition], list[Problem]]:
    """The editions written in text (the file's content), or the problems that stop them being read."""
    try:
        data, lines = parse_yaml(text, EDITIONS_FILE)
    except ManualError as error:
        return [], error.problems
    if data is None:  # an empty file (comments only): no editions yet
        return [], []
    problems = schema_problems(data, lines, EDITIONS_FILE, root / SCHEMA_FILE)
    if problems:
        return [], problems
    editions = [
        Edition(" ".join(entry["name"].split()), date.fromisoformat(entry["date"]), lines.get((index, "name")))
        for index, entry in enumerate(data)
    ]
    problems += _order_problems(editions, lines)
    return ([] if problems else editions), problems


def _order_problems(editions: list[Edition], lines: dict[tuple, int]) -> list[Problem]:
    problems = []
    seen: dict[str, Edition] = {}
    for index, edition in enumerate(editions):
        where = EDITIONS_FILE, lines.get((index, "name")), field_path((index, "name"))
        same = seen.get(edition.slug)
        if same is not None:
            alike = "is listed twice" if same.name.casefold() == edition.name.casefold() else f"reads as {same.name!r}"
            problems.append(
                Problem(
                    *where,
                    f"{edition.name!r} {alike} (lines {same.line} and {edition.line}); expected each edition's name once",
                )
            )
        seen.setdefault(edition.slug, edition)
        before = editions[index - 1] if index else None
        if before is not None and edition.date < before.date:
            problems.append(
                Problem(
                    EDITIONS_FILE,
                    lines.get((index, "date")),
                    field_path((index, "date")),
                    f"{edition.date.isoformat()} is before the previous edition ({before.name}, {uk_date(before.date)}); "
                    "expected editions oldest first, each dated on or after the one before",
                )
            )
    return problems


def read_editions(root: Path | str, problems: list[Problem]) -> tuple[Edition, ...]:
    """The published editions in root's docs/data/editions.yml (none when there is no such file); its problems
    are added to problems."""
    path = Path(root) / EDITIONS_FILE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ()
    except UnicodeDecodeError:
        problems.append(Problem(EDITIONS_FILE, None, None, "not UTF-8 text; save the file as UTF-8"))
        return ()
    editions, found = parse_editions(text, Path(root))
    problems += found
    return tuple(editions)


def load_editions(root: Path | str) -> tuple[Edition, ...]:
    problems: list[Problem] = []
    editions = read_editions(root, problems)
    if problems:
        raise ManualError(problems)
    return editions


def archived_edition(editions: tuple[Edition, ...]) -> Edition | None:
    """The edition this build is the archived copy of, when MANUAL_ARCHIVED_EDITION names one (by its slug)."""
    wanted = os.environ.get(ARCHIVE_ENV, "").strip()
    if not wanted:
        return None
    for edition in editions:
        if edition.slug == wanted:
            return edition
    known = ", ".join(edition.slug for edition in editions) or "none"
    raise ManualError(
        Problem(ARCHIVE_ENV, None, None, f"{wanted!r} is not an edition in {EDITIONS_FILE} (its editions: {known})")
    )
