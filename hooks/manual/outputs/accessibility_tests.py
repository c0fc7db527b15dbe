"""The record of the last run of the browser accessibility suite, read by the accessibility statement.

tests/test_accessibility.py writes docs/data/accessibility-tests.yml after it has checked every page
of the site in every view; the build puts its date and findings into docs/accessibility.md, so the
statement's "last tested" date is never typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from manual.model.problems import ManualError, Problem

RECORD_FILE = "docs/data/accessibility-tests.yml"
HEADER = (
    "# Written by `make accessibility-record` (tests/test_accessibility.py) after it has checked every page\n"
    "# of the site; the accessibility statement (docs/accessibility.md) reads it. Do not edit by hand.\n"
)


@dataclass(frozen=True)
class TestRecord:
    __test__ = False  # not a pytest test class

    date: date
    pages: int
    views: tuple[str, ...]
    standard: tuple[str, ...]
    axe_core: str
    browser: str
    problems: int
    pages_with_problems: int

    @property
    def passed(self) -> bool:
        return self.problems == 0


def load_test_record(root: Path | str) -> TestRecord | None:
    """The last run's record, or None when the suite has not written one yet."""
    path = Path(root) / RECORD_FILE
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return TestRecord(
            date=_date(data["date"]),
            pages=int(data["pages"]),
            views=tuple(str(v) for v in data["views"]),
            standard=tuple(str(v) for v in data["standard"]),
            axe_core=str(data["axe_core"]),
            browser=str(data["browser"]),
            problems=int(data["problems"]),
            pages_with_problems=int(data["pages_with_problems"]),
        )
    except (KeyError, TypeError, ValueError, yaml.YAMLError) as error:
        raise ManualError(
            Problem(
                RECORD_FILE,
                None,
                None,
                f"cannot be read ({error}); delete it and run `make accessibility-record` to write it again",
            )
        ) from None


def write_test_record(path: Path | str, record: TestRecord) -> Path:
    path = Path(path)
    data = {
        "date": record.date.isoformat(),
        "pages": record.pages,
        "views": list(record.views),
        "standard": list(record.standard),
        "axe_core": record.axe_core,
        "browser": record.browser,
        "problems": record.problems,
        "pages_with_problems": record.pages_with_problems,
    }
    text = HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def _date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def render_statement(markdown: str, record: TestRecord | None) -> str:
    """The statement's Markdown, with the last run's record filled in (`test`: a TestRecord or None)."""
    from jinja2 import Environment, StrictUndefined

    from manual.model.formatting import join_words, uk_date

    env = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters["uk_date"] = uk_date
    env.filters["join_words"] = join_words
    return env.from_string(markdown).render(test=record)
