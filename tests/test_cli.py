"""`manual` as a whole: every subcommand keeps the one exit-status table, and the editors' guide shows the same table."""

from __future__ import annotations

import argparse
import json
import re

import pytest
from cli_helpers import manual, smoke
from conftest import REPO, make_project
from fixture_documents import document

from manual.cli import EXIT_TABLE, parser

TODAY = "2026-11-24"

# Every subcommand, with arguments it accepts on the basic fixture.
SUBCOMMANDS = {
    "check": [],
    "new": ["--title", "Some guidance", "--type", "guidance", "--owner", "policy-procedures"],
    "reviewed": ["fixture-referral", "--summary", "Reviewed."],
    "withdraw": ["fixture-draft", "--summary", "Not going ahead."],
    "rename-owner": ["icb", "icb-new"],
    "report": [],
    "reminders": ["--dry-run"],
    "pr-summary": ["procedures/responding-to-concerns/referral.md"],
    "bulletin": ["--since", "2026-01-01"],
    "codeowners": ["--check"],
    "links": [],
    "readiness": [],
    "sync-regional": ["--source", "no-such-folder"],
    "new-partnership": ["no-such-parent/new", "--name", "X", "--area", "X", "--regional-source", "no-such-folder"],
    "edition": ["March 2027 edition", "--date", "2026-11-01", "--dry-run"],
    "in-force": ["--on", "2026-11-01"],
}


def table(text: str) -> dict[int, str]:
    """Exit status -> meaning, from the help's table (a meaning may run on over indented lines)."""
    rows: dict[int, str] = {}
    for line in text.splitlines()[1:]:
        if match := re.match(r"^  (\d)  (.+)$", line):
            status = int(match.group(1))
            rows[status] = match.group(2)
        elif line.startswith("     ") and rows:
            rows[status] += " " + line.strip()
    return rows


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("cli"))


@pytest.fixture(scope="module")
def unreadable_data(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("unreadable"))
    (root / "docs/data/owners.yml").unlink()
    return root


def test_every_subcommand_is_in_this_test():
    subparsers = next(action for action in parser()._actions if isinstance(action, argparse._SubParsersAction))
    assert set(subparsers.choices) == set(SUBCOMMANDS)


def test_the_help_ends_with_the_exit_table():
    assert table(EXIT_TABLE) == {
        0: "all well",
        1: "findings: problems in the manual (check), something overdue (report), CODEOWNERS out of date "
        "(codeowners --check), not ready to publish (readiness)",
        2: "usage or invalid input: a wrong option or date, an unknown id or owner, data files that cannot be read, "
        "a manual with problems where the output needs a sound one, a file that cannot be read or written",
        3: "an outside tool failed: git or gh is missing or refused",
    }
    for args in [["--help"], *([name, "--help"] for name in SUBCOMMANDS)]:
        run = manual(*args)
        assert run.returncode == 0
        assert run.stdout.endswith(EXIT_TABLE)


def test_the_editors_guide_shows_the_same_exit_table():
    guide = (REPO / "docs/editing.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\d) \| (.+) \|$", guide, re.M))
    assert {int(status): meaning for status, meaning in rows.items()} == table(EXIT_TABLE)


def test_no_subcommand_is_a_usage_error():
    run = manual()
    assert run.returncode == 2
    assert "the following arguments are required: SUBCOMMAND" in run.stderr


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_a_date_that_is_not_a_date_is_invalid_input_everywhere(project, name):
    run = manual(name, *SUBCOMMANDS[name], root=project, today="24/11/2026")
    assert run.returncode == 2
    assert run.stdout == ""
    assert "error: argument --today: '24/11/2026' is not a date; expected YYYY-MM-DD, for example 2026-03-01" in (
        run.stderr
    )


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_a_folder_that_is_not_a_manual_is_invalid_input_everywhere(tmp_path, name):
    run = manual(name, *SUBCOMMANDS[name], root=tmp_path, today=TODAY)
    assert run.returncode == 2
    assert f"argument --root: '{tmp_path}' is not a copy of the manual (it has no docs/data/settings.yml)" in run.stderr


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_data_files_that_cannot_be_read_are_invalid_input_everywhere(unreadable_data, name):
    before = {path: path.read_bytes() for path in unreadable_data.rglob("*") if path.is_file()}
    run = manual(name, *SUBCOMMANDS[name], root=unreadable_data, today=TODAY)
    assert run.returncode == 2
    # the pull request's summary says it where the author reads it; everything else on standard error
    said = run.stdout if name == "pr-summary" else run.stderr
    assert "docs/data/owners.yml: file not found" in said
    assert {path: path.read_bytes() for path in unreadable_data.rglob("*") if path.is_file()} == before


def test_a_problem_in_a_document_is_a_finding_for_check_and_stops_the_outputs_that_need_a_sound_manual(tmp_path):
    broken = "procedures/child-protection/broken.md"
    root = make_project(tmp_path, files={broken: document(id="broken", owner="nobody")})
    statuses = {name: manual(name, *SUBCOMMANDS[name], root=root, today=TODAY) for name in SUBCOMMANDS}
    assert statuses["check"].returncode == 1
    assert statuses["check"].stdout.startswith(f"{broken}, line 5, field 'owner': 'nobody' is not a known owner")
    for name in ("report", "bulletin", "reminders"):
        assert statuses[name].returncode == 2, name
        assert statuses[name].stderr.startswith(
            f"error: the manual has 1 problem; fix it first:\n  {broken}, line 5, field 'owner'"
        ), name
    assert statuses["pr-summary"].returncode == 0  # it lists the problems of the documents it changes


def test_findings_are_one(project):
    assert manual("report", root=project, today=TODAY).returncode == 1  # fixture-referral is overdue
    codeowners = manual("codeowners", "--check", root=project)
    assert codeowners.returncode == 1
    assert codeowners.stderr == ".github/CODEOWNERS is missing; run: manual codeowners\n"


def test_an_output_that_cannot_be_written_is_invalid_input(project):
    run = manual("report", "--output", "mkdocs.yml/report.md", root=project, today=TODAY)
    assert run.returncode == 2
    assert run.stderr == "error: mkdocs.yml: File exists\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--changed"], "error: `git status --porcelain` failed: fatal: not a git repository"),
        (["reminders"], "error: `gh` is not installed"),
    ],
)
def test_an_outside_tool_that_fails_or_is_missing_is_three(tmp_path, args, message):
    root = make_project(tmp_path)
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {"PATH": str(empty)} if args[0] == "reminders" else {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    run = manual(*args, root=root, today=TODAY, env=env)
    assert run.returncode == 3
    assert run.stderr.startswith(message)


def test_links_runs_as_installed(project):
    run = smoke("links", root=project, today=TODAY)
    assert run.returncode == 0, run.output
    assert run.stdout.startswith("# External links\n\n")
    assert run.stderr == ""


def test_the_workflows_pre_commit_and_editor_tasks_call_real_subcommands():
    callers = [*(REPO / ".github/workflows").glob("*.yml"), REPO / ".pre-commit-config.yaml"]
    texts = [path.read_text(encoding="utf-8") for path in callers]
    tasks = json.loads(re.sub(r"^\s*//.*$", "", (REPO / ".vscode/tasks.json").read_text(encoding="utf-8"), flags=re.M))
    texts += [f"{task['command']} {' '.join(task['args'])}" for task in tasks["tasks"]]
    called = {name for text in texts for name in re.findall(r"\.venv/bin/manual ([a-z-]+)", text)}
    assert called == {"check", "codeowners", "pr-summary", "readiness", "report", "reminders"}
    assert called <= set(SUBCOMMANDS)
