"""Published editions: `manual edition` records one (and tags it), `manual in-force` says what was in force
on a day, and docs/data/editions.yml is checked as the other data files are. Run as an editor runs them."""

from __future__ import annotations

import json
import subprocess

import pytest
from cli_helpers import manual, smoke
from conftest import make_project

from manual import ManualError, load_manual

TODAY = "2026-11-24"
EDITIONS = "docs/data/editions.yml"
# The finding fixture: find-referral 3.0 (2 March 2026) and 3.1 (10 November 2026); find-conference 2.0, first
# issued 15 March 2026, superseding find-old-protocol (1.0, 2011); find-voice 1.2 (1 December 2025); a draft.
TWO_EDITIONS = """\
# Our editions.
- name: March 2026 edition
  date: 2026-03-10
- name: September 2026 edition
  date: 2026-09-30
"""


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, "finding", files={EDITIONS: TWO_EDITIONS})


def edition(root, *args: str, today: str = TODAY):
    return manual("edition", *args, root=root, today=today)


def in_force(root, *args: str, today: str = TODAY):
    return manual("in-force", *args, root=root, today=today)


def git(root, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=60).stdout


def git_repository(root):
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "config", "user.email", "editor@example.org")
    git(root, "config", "user.name", "An editor")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "The manual")


# -- manual edition ------------------------------------------------------------------------------------------


def test_an_edition_is_added_at_the_end_and_the_git_commands_are_printed(project):
    result = smoke("edition", "March 2027 edition", "--date", "2026-11-20", root=project, today=TODAY)
    assert result.returncode == 0, result.output
    assert (project / EDITIONS).read_text(encoding="utf-8") == (
        TWO_EDITIONS + "- name: March 2027 edition\n  date: 2026-11-20\n"
    )  # the comment and the entries before it are kept as they were
    assert result.stdout == (
        "Recorded the March 2027 edition, published 20 November 2026, in docs/data/editions.yml.\n"
        "To publish it, commit the file and tag that commit (the site then keeps this edition's copy):\n"
        "  git add docs/data/editions.yml\n"
        '  git commit -m "Record the March 2027 edition" -- docs/data/editions.yml\n'
        '  git tag -a edition/march-2027 -m "March 2027 edition (20 November 2026)"\n'
        "  git push origin HEAD edition/march-2027\n"
    )
    assert result.stderr == ""
    assert [e.name for e in load_manual(project, TODAY).editions][-1] == "March 2027 edition"


def test_the_date_defaults_to_today_and_a_new_file_is_made_with_its_comment(tmp_path):
    root = make_project(tmp_path, "finding")
    (root / EDITIONS).unlink()
    assert load_manual(root, TODAY).editions == ()  # the file is optional
    result = edition(root, "Winter edition")
    assert result.returncode == 0, result.output
    text = (root / EDITIONS).read_text(encoding="utf-8")
    assert text.startswith("# The editions of the manual")
    assert text.endswith("\n- name: Winter edition\n  date: 2026-11-24\n")


def test_a_dry_run_writes_nothing(project):
    result = edition(project, "March 2027 edition", "--dry-run")
    assert result.returncode == 0
    assert "Would record the March 2027 edition, published 24 November 2026" in result.stdout
    assert (project / EDITIONS).read_text(encoding="utf-8") == TWO_EDITIONS


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["september 2026 EDITION"],
            "error: docs/data/editions.yml, line 4, field '[1].name': 'september 2026 EDITION' is already the name of "
            "an edition (September 2026 edition, published 30 September 2026); expected a new name\n",
        ),
        (
            ["September 2026"],  # the same tag and archive folder as the September 2026 edition
            "error: docs/data/editions.yml, line 4, field '[1].name': 'September 2026' reads the same as the name of "
            "an edition (September 2026 edition, published 30 September 2026); expected a new name\n",
        ),
        (
            ["Late edition", "--date", "2026-09-29"],
            "error: docs/data/editions.yml, field '[2].date': 2026-09-29 is before the previous edition (September "
            "2026 edition, 30 September 2026); expected 2026-09-30 or later\n",
        ),
        (
            ["Future edition", "--date", "2026-11-25"],
            "error: docs/data/editions.yml, field '[2].date': 2026-11-25 is after today (2026-11-24); record an "
            "edition once it is published: expected a date on or before today\n",
        ),
        (
            ["--- ---"],
            "error: docs/data/editions.yml, field '[2].name': '--- ---' has no letters or digits; expected a name "
            "such as 'March 2027 edition'\n",
        ),
    ],
)
def test_bad_input_is_refused_naming_file_and_field_and_nothing_is_written(project, args, message):
    result = edition(project, *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.endswith(message)
    assert (project / EDITIONS).read_text(encoding="utf-8") == TWO_EDITIONS


def test_an_edition_on_the_same_day_as_the_previous_one_is_allowed(project):
    assert edition(project, "Correction", "--date", "2026-09-30").returncode == 0


def test_with_tag_the_record_is_committed_and_the_commit_tagged(project):
    git_repository(project)
    (project / "notes.txt").write_text("not part of the edition's commit\n", encoding="utf-8")
    git(project, "add", "notes.txt")
    result = edition(project, "March 2027 edition", "--tag")
    assert result.returncode == 0, result.output
    assert result.stdout.endswith(
        "Committed docs/data/editions.yml and tagged the commit edition/march-2027. To publish it:\n"
        "  git push origin HEAD edition/march-2027\n"
    )
    assert git(project, "tag", "--list", "edition/*") == "edition/march-2027\n"
    assert git(project, "cat-file", "-t", "edition/march-2027") == "tag\n"  # annotated
    assert "March 2027 edition (24 November 2026)" in git(project, "tag", "-n1", "edition/march-2027")
    assert git(project, "show", "--name-only", "--format=%s", "edition/march-2027^{commit}").split() == [
        "Record",
        "the",
        "March",
        "2027",
        "edition",
        "docs/data/editions.yml",
    ]
    assert "March 2027 edition" in git(project, "show", "edition/march-2027:docs/data/editions.yml")
    assert git(project, "status", "--porcelain") == "A  notes.txt\n"  # what else was staged stays staged


def test_with_tag_a_new_editions_file_is_committed_too(tmp_path):
    root = make_project(tmp_path, "finding")
    (root / EDITIONS).unlink()
    git_repository(root)
    result = edition(root, "First edition", "--tag")
    assert result.returncode == 0, result.output
    assert "- name: First edition\n" in git(root, "show", "edition/first:docs/data/editions.yml")
    assert git(root, "status", "--porcelain") == ""


def test_a_tag_that_exists_already_is_a_git_refusal_and_nothing_is_written(project):
    git_repository(project)
    git(project, "tag", "edition/march-2027")
    result = edition(project, "March 2027 edition", "--tag")
    assert result.returncode == 3
    assert result.stderr == "error: the git tag edition/march-2027 already exists; nothing was recorded\n"
    assert (project / EDITIONS).read_text(encoding="utf-8") == TWO_EDITIONS


def test_with_tag_outside_a_repository_git_fails_with_three_and_nothing_is_written(project, tmp_path):
    result = manual(
        "edition",
        "March 2027 edition",
        "--tag",
        root=project,
        today=TODAY,
        env={"GIT_CEILING_DIRECTORIES": str(tmp_path)},
    )
    assert result.returncode == 3
    assert result.stderr.startswith("error: `git rev-parse --git-dir` failed: fatal: not a git repository")
    assert (project / EDITIONS).read_text(encoding="utf-8") == TWO_EDITIONS


def test_a_commit_git_refuses_puts_the_file_back(project):
    git_repository(project)
    (project / ".git/hooks/pre-commit").write_text("#!/bin/sh\necho 'no commits today' >&2\nexit 1\n")
    (project / ".git/hooks/pre-commit").chmod(0o755)
    result = edition(project, "March 2027 edition", "--tag")
    assert result.returncode == 3
    assert "no commits today" in result.stderr
    assert (project / EDITIONS).read_text(encoding="utf-8") == TWO_EDITIONS
    assert git(project, "tag", "--list") == ""
    assert git(project, "status", "--porcelain") == ""  # nothing left staged


# -- docs/data/editions.yml, as the build and every command read it -------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- name: Spring edition\n  date: 2026-03-10\n- name: Autumn edition\n  date: 2026-03-09\n",
            "docs/data/editions.yml, line 4, field '[1].date': 2026-03-09 is before the previous edition (Spring "
            "edition, 10 March 2026); expected editions oldest first, each dated on or after the one before",
        ),
        (
            "- name: Spring edition\n  date: 2026-03-10\n- name: spring  edition\n  date: 2026-09-09\n",
            "docs/data/editions.yml, line 3, field '[1].name': 'spring edition' is listed twice (lines 1 and 3); "
            "expected each edition's name once",
        ),
        ("- name: Spring edition\n  date: 10/03/2026\n", "docs/data/editions.yml, line 2, field '[0].date'"),
        (
            "- name: Spring edition\n",
            "docs/data/editions.yml, line 1, field '[0].date': missing; expected a date written YYYY-MM-DD",
        ),
    ],
)
def test_a_bad_editions_file_is_a_problem_naming_file_line_and_field(tmp_path, text, message):
    root = make_project(tmp_path, "finding", files={EDITIONS: text})
    with pytest.raises(ManualError) as raised:
        load_manual(root, TODAY)
    assert message in str(raised.value)
    check = manual("check", root=root, today=TODAY)
    assert check.returncode == 2
    assert message in check.stderr


# -- manual in-force ---------------------------------------------------------------------------------------


def rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| [")]


def test_what_was_in_force_just_after_the_first_edition(project):
    result = smoke("in-force", "--on", "2026-03-12", root=project, today=TODAY)
    assert result.returncode == 0, result.output
    assert result.stdout.startswith(
        "# What was in force on 12 March 2026\n\n"
        "Edition in force: **March 2026 edition**, published on 10 March 2026.\n"
    )
    assert rows(result.stdout) == [
        "| [Making a referral to the MASH](procedures/find-referral/) | 3.0 | 2 March 2026 | In force |",
        "| [Conference protocol 2011](procedures/find-old-protocol/) | 1.0 | 1 May 2011 | In force |",
        "| [Voice of the child](procedures/find-voice/) | 1.2 | 1 December 2025 | In force |",
    ]  # the conference procedure was first issued on 15 March; the draft never was


def test_later_versions_changes_since_the_edition_and_a_superseded_document(project):
    result = in_force(project, "--on", "2026-11-20", "--site-url", "https://manual.example/")
    assert result.returncode == 0, result.output
    assert "Edition in force: **September 2026 edition**, published on 30 September 2026." in result.stdout
    assert "Documents changed after that edition, and on or before 20 November 2026, say so." in result.stdout
    assert rows(result.stdout) == [
        "| [Making a referral to the MASH](https://manual.example/procedures/find-referral/) | 3.1 | 10 November 2026 "
        "| In force; changed since the edition |",
        "| [Child protection conferences](https://manual.example/procedures/find-conference/) | 2.0 | 15 March 2026 "
        "| In force |",
        "| [Conference protocol 2011](https://manual.example/procedures/find-old-protocol/) | 1.0 | 15 March 2026 "
        "| Superseded by Child protection conferences |",
        "| [Voice of the child](https://manual.example/procedures/find-voice/) | 1.2 | 1 December 2025 | In force |",
    ]


def test_in_force_as_json(project, tmp_path):
    out = tmp_path / "answer.json"
    result = in_force(project, "--on", "2026-03-20", "--format", "json", "--output", str(out))
    assert result.returncode == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["on"] == "2026-03-20"
    assert data["edition"] == {"name": "March 2026 edition", "date": "2026-03-10", "tag": "edition/march-2026"}
    by_id = {entry["id"]: entry for entry in data["documents"]}
    assert set(by_id) == {"find-referral", "find-conference", "find-old-protocol", "find-voice"}
    assert by_id["find-conference"] | {"url": None} == {
        "id": "find-conference",
        "title": "Child protection conferences",
        "url": None,
        "version": "2.0",
        "status": "approved",
        "since": "2026-03-15",
        "superseded_by": None,
        "changed_since_edition": True,
    }
    assert by_id["find-old-protocol"]["status"] == "superseded"
    assert by_id["find-old-protocol"]["superseded_by"] == "find-conference"


def test_a_withdrawn_document_is_shown_as_withdrawn_from_its_withdrawal(project):
    assert (
        manual("withdraw", "find-voice", "--summary", "No longer needed.", root=project, today="2026-11-01").returncode
        == 0
    )
    before, after = (in_force(project, "--on", day).stdout for day in ("2026-10-31", "2026-11-01"))
    assert "| [Voice of the child](procedures/find-voice/) | 1.2 | 1 December 2025 | In force |" in before
    assert "| [Voice of the child](procedures/find-voice/) | 1.3 | 1 November 2026 | Withdrawn |" in after


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (
            "2026-03-09",
            "error: --on: 2026-03-09 is before the first edition (March 2026 edition, 10 March 2026); expected a date "
            "on or after 2026-03-10\n",
        ),
        ("2026-11-25", "error: --on: 2026-11-25 is after today (2026-11-24); expected a date on or before today\n"),
    ],
)
def test_a_day_no_edition_answers_for_is_invalid_input(project, day, message):
    result = in_force(project, "--on", day)
    assert result.returncode == 2
    assert (result.stdout, result.stderr) == ("", message)


def test_in_force_with_no_editions_says_how_to_record_one(tmp_path):
    root = make_project(tmp_path, "finding", files={EDITIONS: "# None yet.\n"})
    result = in_force(root, "--on", "2026-11-01")
    assert result.returncode == 2
    assert "no editions are recorded in docs/data/editions.yml; record one with: manual edition NAME" in result.stderr
