"""Reminder issues: one GitHub issue per owner with overdue documents, kept up to date every week.

Decisions only: what each issue says, and which issues to open, update or close, given the report and
the reminder issues already open. `manual reminders` carries the plan out with the `gh` CLI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from manual.model.formatting import uk_date
from manual.outputs.pages import render_markdown
from manual.outputs.report import OwnerSection, ReviewReport, entry_line
from manual.words import plural

LABEL = "review-reminder"
_MARKER = "<!-- review-reminder owner={owner} -->"
_MARKER_PATTERN = re.compile(r"<!-- review-reminder owner=([A-Za-z0-9_.-]+) -->")


@dataclass(frozen=True)
class IssueText:
    owner: str
    title: str
    body: str


@dataclass(frozen=True)
class IssueAction:
    """What to do with one owner's reminder issue."""

    action: str  # "open", "update" or "close"
    owner: str
    number: int | None = None  # the existing issue, for update and close
    title: str = ""
    body: str = ""  # the issue's new body (open, update) or the closing comment (close)


def marker(owner: str) -> str:
    """A hidden line in the issue body naming the owner, so the issue is found again next week."""
    return _MARKER.format(owner=owner)


def owner_of_issue(body: str | None) -> str | None:
    match = _MARKER_PATTERN.search(body or "")
    return match.group(1) if match else None


def issue_title(section: OwnerSection) -> str:
    count = len(section.overdue)
    return f"Reviews overdue: {section.name} ({plural(count, 'document')})"


def issue_text(section: OwnerSection, report: ReviewReport) -> IssueText:
    body = render_markdown(
        "review-issue.md.j2",
        report=report,
        section=section,
        marker=marker(section.key),
        uk_date=uk_date,
        entry_line=entry_line,
    )
    return IssueText(section.key, issue_title(section), body)


def closing_comment(owner_name: str, report: ReviewReport) -> str:
    return (
        f"Nothing owned by the {owner_name} is overdue for review as of {uk_date(report.today)}, so this reminder is closed. "
        "The weekly review reminders will open a new issue if a document becomes overdue."
    )


def plan_issues(report: ReviewReport, open_issues: list[dict]) -> list[IssueAction]:
    """Open or update one issue per owner with something overdue; close the others' open reminders.

    open_issues: the open issues labelled review-reminder, as `gh issue list --json number,title,body` gives them.
    An owner with two open reminders keeps the older one; the newer is closed as a duplicate.
    """
    existing: dict[str, list[dict]] = {}
    for issue in sorted(open_issues, key=lambda issue: issue["number"]):
        owner = owner_of_issue(issue.get("body"))
        if owner is not None:
            existing.setdefault(owner, []).append(issue)
    actions: list[IssueAction] = []
    overdue_owners = set()
    for section in report.sections:
        if not section.has_overdue:
            continue
        overdue_owners.add(section.key)
        text = issue_text(section, report)
        issues = existing.get(section.key, [])
        if not issues:
            actions.append(IssueAction("open", section.key, None, text.title, text.body))
            continue
        first, duplicates = issues[0], issues[1:]
        if first.get("title") != text.title or _plain(first.get("body")) != _plain(text.body):
            actions.append(IssueAction("update", section.key, first["number"], text.title, text.body))
        for duplicate in duplicates:
            comment = f"A duplicate of #{first['number']}, which carries this owner's review reminders."
            actions.append(IssueAction("close", section.key, duplicate["number"], duplicate.get("title", ""), comment))
    for owner, issues in sorted(existing.items()):
        if owner in overdue_owners:
            continue
        name = report.owners.get(owner, owner)
        for issue in issues:
            actions.append(
                IssueAction("close", owner, issue["number"], issue.get("title", ""), closing_comment(name, report))
            )
    return actions


def _plain(body: str | None) -> str:
    """A body as GitHub may hand it back (Windows line endings, trailing space) compared as text."""
    return "\n".join(line.rstrip() for line in (body or "").replace("\r\n", "\n").strip().split("\n"))
