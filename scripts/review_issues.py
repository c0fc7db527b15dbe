#!/usr/bin/env python3
"""Reminder issues for the weekly review job: one GitHub issue per owner with overdue documents.

    python scripts/review_issues.py [--today YYYY-MM-DD] [--due-within DAYS] [--site-url URL]
                                    [--repo OWNER/NAME] [--dry-run] [--root DIR]

Opens an issue (label review-reminder) for each owner with something overdue, updates it while
anything stays overdue, and closes it with a comment once nothing is. Uses the `gh` CLI, which reads
its token from GH_TOKEN (the workflow's own token; nothing is stored in the repository). With
--dry-run it only prints what it would do. Exit status: 0 done, 2 invalid input, 3 `gh` failed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from manual import ManualError, load_manual  # noqa: E402
from manual.outputs.reminders import LABEL, IssueAction, plan_issues  # noqa: E402
from manual.outputs.report import EXIT_INVALID_INPUT, build_report  # noqa: E402
from manual.reading.site_config import site_url  # noqa: E402

EXIT_GH_FAILED = 3


class GhError(Exception):
    pass


class Gh:
    """The few `gh` commands the reminders need."""

    def __init__(self, repo: str | None):
        self.repo_args = ["--repo", repo] if repo else []

    def run(self, *args: str, stdin: str | None = None) -> str:
        command = ["gh", *args, *self.repo_args]
        try:
            result = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120)
        except FileNotFoundError:
            raise GhError("the GitHub CLI `gh` is not installed") from None
        if result.returncode != 0:
            raise GhError(f"`gh {' '.join(args[:3])}` failed: {result.stderr.strip() or result.stdout.strip()}")
        return result.stdout

    def open_reminders(self) -> list[dict]:
        out = self.run(
            "issue", "list", "--label", LABEL, "--state", "open", "--json", "number,title,body", "--limit", "500"
        )
        try:
            return json.loads(out or "[]")
        except json.JSONDecodeError:
            raise GhError(f"`gh issue list` did not answer with JSON: {out[:200]!r}") from None

    def ensure_label(self) -> None:
        self.run(
            "label",
            "create",
            LABEL,
            "--color",
            "B60205",
            "--description",
            "Documents overdue for review, by owner",
            "--force",
        )

    def carry_out(self, action: IssueAction) -> None:
        if action.action == "open":
            self.run(
                "issue", "create", "--title", action.title, "--label", LABEL, "--body-file", "-", stdin=action.body
            )
        elif action.action == "update":
            self.run(
                "issue", "edit", str(action.number), "--title", action.title, "--body-file", "-", stdin=action.body
            )
        elif action.action == "close":
            self.run("issue", "close", str(action.number), "--comment", action.body)


def describe(action: IssueAction) -> str:
    if action.action == "open":
        return f"open: {action.title}"
    if action.action == "update":
        return f"update #{action.number}: {action.title}"
    return f"close #{action.number} ({action.owner})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="review_issues.py", description="Open, update and close review reminder issues, one per owner."
    )
    parser.add_argument(
        "--today", help="the date to report as of, YYYY-MM-DD (default: MANUAL_TODAY, else today in Europe/London)"
    )
    parser.add_argument(
        "--due-within", type=int, metavar="DAYS", help="also list documents due within this many days in each issue"
    )
    parser.add_argument("--site-url", help="address of the published site, for links (default: site_url in mkdocs.yml)")
    parser.add_argument(
        "--repo", help="OWNER/NAME of the GitHub repository (default: the one gh finds from the checkout)"
    )
    parser.add_argument("--dry-run", action="store_true", help="print what would be done, and do nothing")
    parser.add_argument(
        "--root", type=Path, default=REPO, metavar="DIR", help="the repository to read (default: this one)"
    )
    args = parser.parse_args(argv)
    try:
        manual = load_manual(args.root, args.today)
    except ManualError as error:
        print(f"review_issues.py: the input cannot be used:\n  {error}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    if manual.problems:
        print(f"review_issues.py: the manual has {len(manual.problems)} problem(s); fix them first:", file=sys.stderr)
        for problem in manual.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    report = build_report(manual, args.due_within, args.site_url or site_url(args.root))
    gh = Gh(args.repo)
    try:
        actions = plan_issues(report, gh.open_reminders())
        if not actions:
            print("Reminder issues are up to date.")
            return 0
        if not args.dry_run:
            gh.ensure_label()
        for action in actions:
            print(("would " if args.dry_run else "") + describe(action))
            if not args.dry_run:
                gh.carry_out(action)
    except GhError as error:
        print(f"review_issues.py: {error}", file=sys.stderr)
        return EXIT_GH_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
