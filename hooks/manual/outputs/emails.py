"""Email-ready reminders: one message (a subject and a plain-text body) per owner with something due.

The report writes the files; a mail step in the scheduled workflow sends them, with addresses and
credentials kept outside the repository.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from manual.model.formatting import uk_date
from manual.outputs.pages import render_markdown
from manual.outputs.report import OwnerSection, ReviewReport

MANIFEST = "messages.json"


@dataclass(frozen=True)
class Message:
    owner: str  # the owner's key in docs/data/owners.yml: the mail step maps it to an address
    owner_name: str
    subject: str
    body: str


def message_subject(section: OwnerSection, report: ReviewReport) -> str:
    overdue, due = len(section.overdue), len(section.due)
    parts = []
    if overdue:
        parts.append(f"{overdue} overdue")
    if due:
        parts.append(f"{due} due within {report.due_within} days")
    return f"Document reviews for the {section.name}: {' and '.join(parts)} ({uk_date(report.today)})"


def owner_messages(report: ReviewReport) -> list[Message]:
    messages = []
    for section in report.sections:
        if not section.overdue and not section.due:
            continue
        body = render_markdown("review-email.txt.j2", report=report, section=section, uk_date=uk_date)
        messages.append(Message(section.key, section.name, message_subject(section, report), body))
    return messages


def write_messages(messages: list[Message], directory: Path) -> list[Path]:
    """<owner>.subject.txt and <owner>.body.txt per message, and messages.json listing them."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    manifest = []
    for message in messages:
        stem = re.sub(r"[^A-Za-z0-9_-]", "-", message.owner)
        subject, body = directory / f"{stem}.subject.txt", directory / f"{stem}.body.txt"
        subject.write_text(message.subject + "\n", encoding="utf-8")
        body.write_text(message.body, encoding="utf-8")
        written += [subject, body]
        manifest.append(
            {
                "owner": message.owner,
                "owner_name": message.owner_name,
                "subject_file": subject.name,
                "body_file": body.name,
            }
        )
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return written
