"""Reviews and changes, for owners and the workflows: report, reminders, pr-summary and bulletin."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

from manual.cli import (
    EXIT_FINDINGS,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TOOL_FAILED,
    Failure,
    add_dry_run,
    add_site_url,
    date_argument,
    days_argument,
    run_tool,
    sound_manual,
    write_output,
)
from manual.model.manual import load_manual
from manual.model.problems import ManualError
from manual.outputs.bulletin import bulletin as make_bulletin
from manual.outputs.emails import owner_messages, write_messages
from manual.outputs.pull_request import changed_documents, summary_markdown
from manual.outputs.reminders import LABEL, IssueAction, plan_issues
from manual.outputs.report import FORMATS, build_report, render_report
from manual.reading.site_config import site_addresses
from manual.words import plural


def add_commands(command) -> None:
    sub = command("report", report, "The review report: documents overdue for review or due soon, by owner.")
    sub.add_argument(
        "--due-within",
        type=days_argument,
        metavar="DAYS",
        help="list documents due within this many days (default: due_soon_days in docs/data/settings.yml)",
    )
    sub.add_argument("--format", choices=FORMATS, default="markdown", help="output format (default: markdown)")
    sub.add_argument("--output", type=Path, metavar="FILE", help="write the report to FILE instead of standard output")
    sub.add_argument(
        "--emails",
        type=Path,
        metavar="DIR",
        help="also write one message (subject and body files) per owner with something due into DIR",
    )
    sub.add_argument("--all", action="store_true", help="list every document, whatever its review state")
    add_site_url(sub)

    sub = command("reminders", reminders, "Open, update and close one review reminder issue per owner, with gh.")
    sub.add_argument("--due-within", type=days_argument, metavar="DAYS", help="also list documents due within DAYS")
    sub.add_argument("--repo", metavar="OWNER/NAME", help="the GitHub repository (default: the one gh finds)")
    add_site_url(sub)
    add_dry_run(sub)

    sub = command("pr-summary", pr_summary, "A pull request's job summary: the documents it changes, in Markdown.")
    sub.add_argument("paths", nargs="*", metavar="PATH", help="changed paths (default: one a line on standard input)")

    sub = command("bulletin", bulletin, "Changes to the manual since a date, for the bulletin: Markdown and HTML.")
    sub.add_argument(
        "--since", type=date_argument, required=True, metavar="YYYY-MM-DD", help="list changes on or after this date"
    )
    sub.add_argument(
        "--output-dir", type=Path, default=Path("."), metavar="DIR", help="where to write the files (default: here)"
    )
    add_site_url(sub)


def report(args: Namespace) -> int:
    manual = sound_manual(args)
    result = build_report(manual, args.due_within, site_addresses(args.root, args.site_url), include_all=args.all)
    write_output(render_report(result, args.format), args.output)
    if args.emails:
        write_messages(owner_messages(result), args.emails)
    return EXIT_FINDINGS if result.overdue_count else EXIT_OK


def reminders(args: Namespace) -> int:
    """gh reads its token from GH_TOKEN (the workflow's own); nothing is stored in the repository."""
    result = build_report(sound_manual(args), args.due_within, site_addresses(args.root, args.site_url))
    repo = ["--repo", args.repo] if args.repo else []

    def gh(*words: str, stdin: str | None = None) -> str:
        return run_tool(["gh", *words, *repo], args.root, stdin)

    listed = gh("issue", "list", "--label", LABEL, "--state", "open", "--json", "number,title,body", "--limit", "500")
    try:
        open_issues = json.loads(listed or "[]")
    except json.JSONDecodeError:
        raise Failure(f"`gh issue list` did not answer with JSON: {listed[:200]!r}", status=EXIT_TOOL_FAILED) from None
    actions = plan_issues(result, open_issues)
    if not actions:
        print("Reminder issues are up to date.")
        return EXIT_OK
    if not args.dry_run:
        description = "Documents overdue for review, by owner"
        gh("label", "create", LABEL, "--color", "B60205", "--description", description, "--force")
    for action in actions:
        print(("would " if args.dry_run else "") + describe(action))
        if args.dry_run:
            continue
        if action.action == "open":
            gh("issue", "create", "--title", action.title, "--label", LABEL, "--body-file", "-", stdin=action.body)
        elif action.action == "update":
            gh("issue", "edit", str(action.number), "--title", action.title, "--body-file", "-", stdin=action.body)
        else:
            gh("issue", "close", str(action.number), "--comment", action.body)
    return EXIT_OK


def describe(action: IssueAction) -> str:
    if action.action == "open":
        return f"open: {action.title}"
    if action.action == "update":
        return f"update #{action.number}: {action.title}"
    return f"close #{action.number} ({action.owner})"


def pr_summary(args: Namespace) -> int:
    """Problems in the changed documents are listed, not fatal: the strict build fails the pull request for them."""
    paths = args.paths or sys.stdin.read().splitlines()
    try:
        manual = load_manual(args.root, args.today)
    except ManualError as error:  # said in the summary, where the pull request's author looks
        print("## Documents this pull request changes\n\nThe manual cannot be read:\n")
        print("\n".join(f"- {problem}" for problem in error.problems))
        return EXIT_INVALID
    sys.stdout.write(summary_markdown(manual, changed_documents(manual, paths, site_addresses(args.root))))
    return EXIT_OK


def bulletin(args: Namespace) -> int:
    manual = sound_manual(args)
    since, today = args.since.isoformat(), manual.today.isoformat()
    if args.since > manual.today:
        raise Failure(f"--since {since} is after today ({today}); expected an earlier date")
    digest = make_bulletin(manual, args.since, site_addresses(args.root, args.site_url))
    args.output_dir.mkdir(parents=True, exist_ok=True)
    md, html = (args.output_dir / f"bulletin-{since}-to-{today}.{suffix}" for suffix in ("md", "html"))
    md.write_text(digest.markdown, encoding="utf-8")
    html.write_text(digest.html, encoding="utf-8")
    print(f"{plural(len(digest.changes), 'change')} since {since}: wrote {md} and {html}")
    return EXIT_OK
