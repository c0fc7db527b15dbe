"""`manual pr-summary`: the pull request's job summary of the documents it changes."""

from __future__ import annotations

from cli_helpers import manual, smoke
from conftest import make_project
from fixture_documents import document

TODAY = "2026-11-24"


def test_the_summary_lists_changed_documents_with_their_review_state(tmp_path):
    root = make_project(tmp_path, "review-reminders")
    changed = "\n".join(
        [
            "procedures/responding/referral.md",
            "README.md",  # not a document
            "docs/data/owners.yml",  # not a document
            "procedures/guidance/draft.md",
            "procedures/guidance/removed-in-this-pr.md",
            "procedures/responding/referral.md",  # listed twice by git: shown once
        ]
    )
    result = smoke("pr-summary", root=root, today=TODAY, stdin=changed + "\n")  # as the workflow pipes git's list
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "## Documents this pull request changes"
    assert "Review states as of 24 November 2026." in lines
    rows = [
        line
        for line in lines
        if line.startswith("| ") and not line.startswith("| Document") and not line.startswith("| ---")
    ]
    assert rows == [
        "| Making a referral<br>`procedures/responding/referral.md` | MASH Strategic Group | Approved | 1.0 | Review overdue by 318 days | 10 January 2026 |",
        "| Supervision standards<br>`procedures/guidance/draft.md` | Policy and Procedures sub-group (to be confirmed) | Draft | 1.0 | Not on the review cycle | Not scheduled |",
        "| `procedures/guidance/removed-in-this-pr.md` | | Removed | | | |",
    ]


def test_paths_can_be_given_as_arguments_and_problems_are_listed(tmp_path):
    root = make_project(
        tmp_path, "review-reminders", files={"procedures/guidance/broken.md": document(id="rr-broken", version="one")}
    )
    result = manual(
        "pr-summary", "procedures/guidance/broken.md", "procedures/guidance/neglect.md", root=root, today=TODAY
    )
    assert result.returncode == 0, result.stderr
    assert "| `procedures/guidance/broken.md` | | Cannot be read: see the problems below | | | |" in result.stdout
    assert (
        "| Neglect<br>`procedures/guidance/neglect.md` | Neglect Strategic Group | Approved | 1.0 | Current | 24 January 2027 |"
        in result.stdout
    )
    assert "### Problems in the changed documents" in result.stdout
    assert "- procedures/guidance/broken.md, line" in result.stdout
    assert "field 'version'" in result.stdout


def test_a_pull_request_that_changes_no_documents(tmp_path):
    root = make_project(tmp_path, "review-reminders")
    result = manual("pr-summary", root=root, today=TODAY, stdin="README.md\nhooks/documents.py\n")
    assert result.returncode == 0
    assert "This pull request changes no documents in the manual." in result.stdout


def test_a_manual_whose_data_cannot_be_read_says_so_in_the_summary(tmp_path):
    root = make_project(tmp_path, "review-reminders")
    (root / "docs/data/owners.yml").unlink()
    result = manual("pr-summary", "procedures/responding/referral.md", root=root, today=TODAY)
    assert result.returncode == 2
    assert result.stdout.startswith("## Documents this pull request changes\n\nThe manual cannot be read:\n\n- ")
    assert "- docs/data/owners.yml: file not found" in result.stdout
