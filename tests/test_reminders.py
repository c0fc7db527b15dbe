"""Reminder issues: what each owner's issue says, and which to open, update or close (and the `gh` calls)."""

from __future__ import annotations

import json
import os
import sys
import textwrap

import pytest
from cli_helpers import manual, smoke
from conftest import make_project

from manual import load_manual
from manual.model.addresses import Addresses
from manual.outputs.reminders import LABEL, marker, owner_of_issue, plan_issues
from manual.outputs.report import build_report

TODAY = "2026-11-24"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("reminders"), "review-reminders")


def report_for(project, today=TODAY, **options):
    return build_report(load_manual(project, today), **options)


def issue(number, owner, title="old title", body="old body"):
    return {"number": number, "title": title, "body": f"{marker(owner)}\n{body}" if owner else body}


def test_an_issue_is_opened_for_each_owner_with_something_overdue(project):
    actions = plan_issues(report_for(project, addresses=Addresses(base="https://example.org/")), [])
    assert [(a.action, a.owner, a.title) for a in actions] == [
        ("open", "lado-service", "Reviews overdue: LADO service (1 document)"),
        ("open", "mash-strategic-group", "Reviews overdue: MASH Strategic Group (1 document)"),
    ]  # children's services has a review due today but nothing overdue: no issue
    body = actions[1].body
    assert owner_of_issue(body) == "mash-strategic-group"
    assert (
        "As of 24 November 2026, these documents owned by the **MASH Strategic Group** are overdue for review or due within 60 days."
        in body
    )
    assert (
        "- **Overdue:** [Making a referral](https://example.org/procedures/rr-referral/): due 10 January 2026, 318 days overdue"
        in body
    )
    assert (
        "- **Due soon:** [Screening contacts \\[MASH\\]](https://example.org/procedures/rr-screening/): due 10 December 2026, 16 days left"
        in body
    )
    assert "Allegations" not in body
    assert "or due within" not in actions[0].body  # the LADO service has nothing merely due soon


def test_an_open_issue_is_updated_not_duplicated(project):
    report = report_for(project)
    actions = plan_issues(report, [issue(7, "mash-strategic-group"), issue(8, "lado-service")])
    assert [(a.action, a.number, a.owner) for a in actions] == [
        ("update", 8, "lado-service"),
        ("update", 7, "mash-strategic-group"),
    ]
    assert actions[1].title == "Reviews overdue: MASH Strategic Group (1 document)"


def test_an_issue_already_up_to_date_is_left_alone(project):
    report = report_for(project)
    opened = {a.owner: a for a in plan_issues(report, [])}
    current = [
        {"number": 3, "title": opened["lado-service"].title, "body": opened["lado-service"].body.replace("\n", "\r\n")},
        {"number": 4, "title": opened["mash-strategic-group"].title, "body": opened["mash-strategic-group"].body},
    ]
    assert plan_issues(report, current) == []


def test_an_issue_is_closed_when_its_owner_has_nothing_overdue(project):
    report = report_for(project)
    actions = plan_issues(report, [issue(5, "childrens-services"), issue(6, "neglect-strategic-group"), issue(9, None)])
    closes = [(a.action, a.number, a.owner) for a in actions if a.action == "close"]
    assert closes == [
        ("close", 5, "childrens-services"),
        ("close", 6, "neglect-strategic-group"),
    ]  # issue 9 is not a reminder
    comment = next(a.body for a in actions if a.number == 5)
    assert comment.startswith(
        "Nothing owned by the Council children's services is overdue for review as of 24 November 2026"
    )


def test_everything_is_closed_once_nothing_is_overdue(project):
    report = report_for(project, today="2025-06-01")
    actions = plan_issues(
        report, [issue(1, "mash-strategic-group"), issue(2, "lado-service"), issue(3, "safeguarding-board")]
    )
    assert [(a.action, a.number) for a in actions] == [("close", 2), ("close", 1), ("close", 3)]


def test_a_duplicate_reminder_is_closed_in_favour_of_the_older(project):
    actions = plan_issues(report_for(project), [issue(12, "lado-service"), issue(10, "lado-service")])
    lado = [(a.action, a.number) for a in actions if a.owner == "lado-service"]
    assert lado == [("update", 10), ("close", 12)]
    assert (
        next(a.body for a in actions if a.number == 12)
        == "A duplicate of #10, which carries this owner's review reminders."
    )


# ---- `manual reminders` with a stand-in for the `gh` CLI that records its calls ------------------------

FAKE_GH = textwrap.dedent(
    """\
    #!{python}
    import json, os, sys
    with open(os.environ["FAKE_GH_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps({{"args": sys.argv[1:], "stdin": sys.stdin.read() if "-" in sys.argv else None}}) + "\\n")
    if os.environ.get("FAKE_GH_FAIL"):
        sys.stderr.write("HTTP 401: Bad credentials\\n")
        sys.exit(1)
    if sys.argv[1:3] == ["issue", "list"]:
        print(os.environ.get("FAKE_GH_ISSUES", "[]"))
    """
)


@pytest.fixture
def fake_gh(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH.format(python=sys.executable), encoding="utf-8")
    gh.chmod(0o755)
    log = tmp_path / "gh.log"

    def run(project, *args, issues=(), fail=False, installed=False):
        env = {
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "FAKE_GH_LOG": str(log),
            "FAKE_GH_ISSUES": json.dumps(list(issues)),
        }
        if fail:
            env["FAKE_GH_FAIL"] = "1"
        result = (smoke if installed else manual)("reminders", *args, root=project, env=env)
        calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
        return result, calls

    return run


def test_the_command_opens_updates_and_closes_issues_with_gh(project, fake_gh):
    result, calls = fake_gh(
        project,
        "--today",
        TODAY,
        "--repo",
        "partnership/manual",
        issues=[issue(4, "lado-service"), issue(5, "childrens-services")],
        installed=True,  # as the weekly workflow runs it
    )
    assert result.returncode == 0, result.stderr
    commands = [call["args"] for call in calls]
    assert commands[0] == [
        "issue",
        "list",
        "--label",
        LABEL,
        "--state",
        "open",
        "--json",
        "number,title,body",
        "--limit",
        "500",
        "--repo",
        "partnership/manual",
    ]
    assert commands[1][:3] == ["label", "create", LABEL]
    assert commands[2][:3] == ["issue", "edit", "4"]
    assert commands[3][:6] == [
        "issue",
        "create",
        "--title",
        "Reviews overdue: MASH Strategic Group (1 document)",
        "--label",
        LABEL,
    ]
    assert marker("mash-strategic-group") in calls[3]["stdin"]
    assert commands[4][:3] == ["issue", "close", "5"]
    assert len(commands) == 5
    assert "open: Reviews overdue: MASH Strategic Group (1 document)" in result.stdout


def test_a_dry_run_changes_nothing(project, fake_gh):
    result, calls = fake_gh(project, "--today", TODAY, "--dry-run")
    assert result.returncode == 0
    assert [call["args"][:2] for call in calls] == [["issue", "list"]]
    assert "would open: Reviews overdue: LADO service (1 document)" in result.stdout


def test_a_gh_failure_is_reported_without_a_traceback(project, fake_gh):
    result, _ = fake_gh(project, "--today", TODAY, fail=True)
    assert result.returncode == 3
    assert result.stderr == "error: `gh issue list` failed: HTTP 401: Bad credentials\n"
