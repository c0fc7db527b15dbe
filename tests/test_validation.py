"""Validation of front matter and cross-document checks, through the core (no MkDocs)."""

from __future__ import annotations

import pytest
from conftest import make_project
from fixture_documents import DELETE, document

from manual import load_manual

TODAY = "2026-11-24"
PATH = "procedures/responding-to-concerns/test.md"


def problems_for(tmp_path, files: dict[str, str]) -> list:
    root = make_project(
        tmp_path, None, {"procedures/sections.yml": "- folder: responding-to-concerns\n  title: Responding\n", **files}
    )
    return load_manual(root, TODAY).problems


def one_problem(tmp_path, text: str):
    problems = problems_for(tmp_path, {PATH: text})
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.path == PATH
    return problem


def test_a_valid_document_has_no_problems(tmp_path):
    assert problems_for(tmp_path, {PATH: document()}) == []


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"owner": DELETE}, "owner", "missing"),
        ({"status": "published"}, "status", "one of: draft, approved, withdrawn, superseded"),
        ({"version": 2.1}, "version", "text"),
        ({"last_reviewed": "2025-02-31"}, "last_reviewed", "not a real date"),
        ({"last_reviewed": "2025-13-01"}, "last_reviewed", "YYYY-MM-DD"),
        ({"last_reviewed": "1 March 2025"}, "last_reviewed", "YYYY-MM-DD"),
        ({"levels": [5]}, "levels[0]", "from 1 to 4"),
        ({"audience": "police"}, "audience", "a list"),
        ({"scope": "D"}, "scope", "one of: A, B, C"),
        ({"approved": DELETE}, "approved", "required when status is approved"),
        ({"next_review": "2026-06-01"}, "next_review", "not both"),
        ({"status": "superseded"}, "superseded_by", "required when status is superseded"),
    ],
)
def test_each_schema_problem_names_the_field_and_what_was_expected(tmp_path, changes, field, expected):
    problem = one_problem(tmp_path, document(**changes))
    assert problem.field == field
    assert expected in problem.message
    assert problem.line is None or problem.line >= 2


def test_an_unknown_field_suggests_the_nearest_name(tmp_path):
    problem = one_problem(tmp_path, document(ower="policy-procedures"))
    assert problem.field == "ower"
    assert "did you mean 'owner'" in problem.message


def test_every_problem_in_a_file_is_reported_in_one_run(tmp_path):
    problems = problems_for(tmp_path, {PATH: document(owner=DELETE, status="live", scope="Z")})
    assert {p.field for p in problems} == {"owner", "status", "scope"}


def test_problems_give_the_line_of_the_field(tmp_path):
    problem = one_problem(tmp_path, document(scope="Z"))
    lines = document(scope="Z").splitlines()
    assert lines[problem.line - 1].startswith("scope:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "empty"),
        ("## What to do now\n\nNo front matter here.\n", "no front matter"),
        ("---\nid: x\ntitle: Unclosed\n\n## What to do now\n", "not closed"),
        ("---\nid: x\n\ttitle: Tabbed\n---\nBody\n", "tabs"),
        ("---\nid: x\ntitle: Safeguarding: a guide\n---\nBody\n", "quotes"),
    ],
)
def test_broken_files_get_a_clear_message(tmp_path, text, expected):
    problem = one_problem(tmp_path, text)
    assert expected in problem.message


def test_cross_document_checks(tmp_path):
    files = {
        "procedures/responding-to-concerns/a.md": document(id="doc-a", related=["doc-missing"]),
        "procedures/responding-to-concerns/b.md": document(id="doc-a", title="Duplicate"),
        "procedures/responding-to-concerns/c.md": document(id="doc-c", owner="policy-procedure", tags=["Referals"]),
        "procedures/responding-to-concerns/d.md": document(
            id="doc-d", next_review="2025-01-01", review_interval=DELETE
        ),
        "procedures/responding-to-concerns/e.md": document(
            id="doc-e", approved={"date": "2027-01-01", "by": "partnership-executive"}, last_reviewed="2026-01-01"
        ),
        "procedures/responding-to-concerns/f.md": document(id="doc-f", status="withdrawn", approved=DELETE),
        "procedures/responding-to-concerns/g.md": document(
            id="doc-g", body="## What to do now\n\nSee [f](doc:doc-f).\n", supersedes=["doc-nowhere"]
        ),
        "procedures/responding-to-concerns/h.md": document(id="doc-h", owner="safeguarding-board", related=["doc-h"]),
    }
    found = {(p.path.rsplit("/", 1)[1], p.field): p.message for p in problems_for(tmp_path, files)}
    assert "not the id of any document" in found[("a.md", "related")]
    assert "also the id of" in found[("a.md", "id")] and "also the id of" in found[("b.md", "id")]
    assert "did you mean 'policy-procedures'" in found[("c.md", "owner")]
    assert "did you mean 'Referrals'" in found[("c.md", "tags")]
    assert "before last_reviewed" in found[("d.md", "next_review")]
    assert "in the future" in found[("e.md", "approved.date")]
    assert "withdrawn" in found[("g.md", "link")]
    assert "not the id of any document" in found[("g.md", "supersedes")]
    assert "renamed; use 'partnership-executive'" in found[("h.md", "owner")]
    assert "names itself" in found[("h.md", "related")]


def test_a_file_outside_the_sections_is_reported(tmp_path):
    problems = problems_for(tmp_path, {"procedures/elsewhere/x.md": document()})
    assert any("not a section" in p.message for p in problems)


def test_next_review_is_derived_from_the_interval_or_the_default(tmp_path):
    files = {
        "procedures/responding-to-concerns/a.md": document(id="doc-a", review_interval="6 months"),
        "procedures/responding-to-concerns/b.md": document(id="doc-b", review_interval=DELETE),
        "procedures/responding-to-concerns/c.md": document(
            id="doc-c", review_interval=DELETE, next_review="2026-02-01"
        ),
    }
    root = make_project(
        tmp_path, None, {"procedures/sections.yml": "- folder: responding-to-concerns\n  title: R\n", **files}
    )
    manual = load_manual(root, TODAY)
    assert manual.problems == []
    assert str(manual.get("doc-a").next_review) == "2025-12-01"
    assert str(manual.get("doc-b").next_review) == "2026-06-01"  # the partnership's default, 12 months
    assert str(manual.get("doc-c").next_review) == "2026-02-01"
