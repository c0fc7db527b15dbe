"""Retired terms (docs/data/retired-terms.yml): refused in documents, naming file, line and the current term,
except as history."""

from __future__ import annotations

from cli_helpers import manual
from conftest import make_project, run_build
from fixture_documents import document

TODAY = "2026-11-24"
TERMS = """\
- term: lead professional
  use: lead practitioner
  source: Working Together to Safeguard Children 2023
- term: serious case review
  use: child safeguarding practice review
  source: Children and Social Work Act 2017
  retired: 2019
"""


def project(tmp_path, body: str):
    return make_project(
        tmp_path,
        files={
            "docs/data/retired-terms.yml": TERMS,
            "procedures/child-protection/terms.md": document(id="fixture-terms", body=body),
        },
    )


def test_a_retired_term_fails_the_check_and_the_build_naming_file_line_and_replacement(tmp_path):
    root = project(tmp_path, "## What to do now\n\nAct.\n\n## Who does what\n\nThe Lead Professional coordinates.\n")
    check = manual("check", root=root, today=TODAY)
    line = next(
        n
        for n, text in enumerate((root / "procedures/child-protection/terms.md").read_text().splitlines(), 1)
        if "Lead" in text
    )
    assert check.returncode == 1
    assert (
        f"procedures/child-protection/terms.md, line {line}: 'Lead Professional' is a retired term; "
        "write 'lead practitioner' (Working Together to Safeguard Children 2023)"
    ) in check.stdout
    build = run_build(root, TODAY)
    assert build.returncode == 1 and "'Lead Professional' is a retired term" in build.output


def test_a_retired_term_is_allowed_as_history_and_in_code(tmp_path):
    body = (
        "## What to do now\n\nAct.\n\n## Who does what\n\n"
        "Serious case reviews were replaced by practice reviews in 2019. A serious case review from 2015 still stands.\n\n"
        "## History\n\nThe serious case review that led to this procedure.\n\n"
        "```\nlead professional\n```\n"
    )
    assert manual("check", root=project(tmp_path, body), today=TODAY).returncode == 0


def test_history_ends_at_the_next_heading_and_a_later_year_is_not_history(tmp_path):
    body = (
        "## What to do now\n\nAct.\n\n## History\n\nOnce a serious case review.\n\n"
        "## Who does what\n\nIn 2024 a serious case review was held.\n"
    )
    check = manual("check", root=project(tmp_path, body), today=TODAY)
    assert check.returncode == 1 and check.stdout.count("is a retired term") == 1
    assert "as history, name the year, 2019 or before" in check.stdout
