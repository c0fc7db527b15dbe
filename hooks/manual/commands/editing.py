"""Editing, with the manual.editing core: new, reviewed, withdraw and rename-owner. Each checks the files it would
write against the schema first, and changes nothing when it refuses."""

from __future__ import annotations

import sys
from argparse import Namespace

from manual.cli import EXIT_OK, add_dry_run
from manual.editing import edits
from manual.model.document import TYPE_LABELS
from manual.outputs.codeowners import refresh_codeowners


def add_commands(command) -> None:
    sub = command("new", new, "Create a draft document with valid front matter and an id made from its title.")
    sub.add_argument("--title", required=True, help="the title practitioners will see")
    sub.add_argument("--type", required=True, choices=list(TYPE_LABELS), help="what kind of document it is")
    sub.add_argument("--owner", required=True, help="a key from docs/data/owners.yml")
    sub.add_argument("--section", help="the folder of procedures/ to put it in (default: the first section)")
    sub.add_argument(
        "--tag", action="append", dest="tags", metavar="TAG", help="a topic from docs/data/tags.yml (repeat for more)"
    )
    sub.add_argument("--summary", help="one or two plain-English sentences (default: a placeholder to replace)")
    sub.add_argument("--scope", default="C", choices=["A", "B", "C"], help="regional layer (default: C, local content)")
    add_dry_run(sub)

    sub = command(
        "reviewed",
        reviewed,
        "Record a review: the dates, an amendments entry and the version (a local addition: its dates and an amendment).",
    )
    sub.add_argument("id", metavar="ID", help="the document's id, or a local addition's")
    sub.add_argument("--summary", required=True, help="what the review changed, in a sentence (goes into amendments)")
    sub.add_argument("--major", action="store_true", help="a major revision: 2.1 -> 3.0 (default: 2.1 -> 2.2)")
    sub.add_argument(
        "--approved-by",
        metavar="OWNER",
        help="also record the approval of this version today, by this body (a key from docs/data/owners.yml)",
    )
    add_dry_run(sub)

    sub = command("withdraw", withdraw, "Withdraw a document, or mark it superseded by another; links move with it.")
    sub.add_argument("id", metavar="ID", help="the document's id")
    sub.add_argument("--superseded-by", metavar="OTHER", help="the id of the document that replaces it")
    sub.add_argument("--summary", required=True, help="why, in a sentence (goes into amendments)")
    add_dry_run(sub)

    sub = command("rename-owner", rename_owner, "Rename an owner in docs/data/owners.yml and in every document.")
    sub.add_argument("old", metavar="OLD", help="the owner's key now")
    sub.add_argument("new", metavar="NEW", help="its new key (an owner's key already: the two are merged)")
    sub.add_argument("--name", help="its new display name")
    add_dry_run(sub)


def new(args: Namespace) -> int:
    edit = edits.new_document(
        args.root, args.title, args.type, args.owner, args.section, args.today, args.tags, args.summary, args.scope
    )
    return apply(edit, args, codeowners_may_change=True)


def reviewed(args: Namespace) -> int:
    return apply(edits.mark_reviewed(args.root, args.id, args.summary, args.today, args.major, args.approved_by), args)


def withdraw(args: Namespace) -> int:
    return apply(edits.withdraw(args.root, args.id, args.summary, args.today, args.superseded_by), args)


def rename_owner(args: Namespace) -> int:
    edit = edits.rename_owner(args.root, args.old, args.new, args.name, args.today)
    return apply(edit, args, codeowners_may_change=True)


def apply(edit: edits.Edit, args: Namespace, codeowners_may_change: bool = False) -> int:
    """Write the edit (unless --dry-run), say what changed, and keep .github/CODEOWNERS in step with owners."""
    if not args.dry_run:
        edits.write_edit(edit)
    for note in edit.notes:
        print(note)
    for warning in edit.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.dry_run:
        print("Nothing written (--dry-run).")
    elif codeowners_may_change and (note := refresh_codeowners(args.root, args.today)):
        print(note)
    return EXIT_OK
