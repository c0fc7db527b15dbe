"""Published editions: `edition` records one (and tags it with --tag), `in-force` says what was in force on a day."""

from __future__ import annotations

import contextlib
from argparse import Namespace
from pathlib import Path

from manual.cli import (
    EXIT_OK,
    EXIT_TOOL_FAILED,
    Failure,
    add_dry_run,
    add_site_url,
    date_argument,
    run_tool,
    sound_manual,
    write_output,
)
from manual.editing.editions import record_edition, restore, write_record
from manual.model.editions import EDITIONS_FILE, Edition
from manual.model.formatting import uk_date
from manual.outputs.in_force import FORMATS, in_force_on, render_in_force
from manual.reading.site_config import site_addresses


def add_commands(command) -> None:
    sub = command("edition", edition, "Record a published edition in docs/data/editions.yml, and tag it in git.")
    sub.add_argument("name", metavar="NAME", help="the edition's name, for example 'March 2027 edition'")
    sub.add_argument(
        "--date", type=date_argument, metavar="YYYY-MM-DD", help="the day it was published (default: today)"
    )
    sub.add_argument(
        "--tag",
        action="store_true",
        help="also commit docs/data/editions.yml and make the annotated git tag edition/<name> on that commit",
    )
    add_dry_run(sub)

    sub = command("in-force", in_force, "What was in force on a day: the edition, and each document's version.")
    sub.add_argument("--on", type=date_argument, required=True, metavar="YYYY-MM-DD", help="the day to ask about")
    sub.add_argument("--format", choices=FORMATS, default="markdown", help="output format (default: markdown)")
    sub.add_argument("--output", type=Path, metavar="FILE", help="write the answer to FILE instead of standard output")
    add_site_url(sub)


def git_commands(edition: Edition) -> list[str]:
    message = f"{edition.name} ({uk_date(edition.date)})"
    return [
        f"git add {EDITIONS_FILE}",
        f'git commit -m "Record the {edition.name}" -- {EDITIONS_FILE}',
        f'git tag -a {edition.tag} -m "{message}"',
        f"git push origin HEAD {edition.tag}",
    ]


def edition(args: Namespace) -> int:
    record = record_edition(sound_manual(args), args.name, args.date)
    new = record.edition
    said = f"the {new.name}, published {uk_date(new.date)}, in {EDITIONS_FILE}"
    commands = git_commands(new)
    if args.dry_run:
        print(f"Would record {said}.\nNothing written (--dry-run).")
        return EXIT_OK
    if args.tag:
        _check_tag_is_free(args.root, new)  # before anything is written
    write_record(record)
    print(f"Recorded {said}.")
    if not args.tag:
        print("To publish it, commit the file and tag that commit (the site then keeps this edition's copy):")
        for line in commands:
            print(f"  {line}")
        return EXIT_OK
    try:
        run_tool(["git", "add", "--", EDITIONS_FILE], args.root)
        run_tool(["git", "commit", "--quiet", "-m", f"Record the {new.name}", "--", EDITIONS_FILE], args.root)
    except Failure:  # as it was: the file, and what is staged of it
        restore(record)
        with contextlib.suppress(Failure):
            run_tool(["git", "reset", "--quiet", "--", EDITIONS_FILE], args.root)
        raise
    run_tool(["git", "tag", "-a", new.tag, "-m", f"{new.name} ({uk_date(new.date)})"], args.root)
    print(f"Committed {EDITIONS_FILE} and tagged the commit {new.tag}. To publish it:\n  {commands[-1]}")
    return EXIT_OK


def _check_tag_is_free(root: Path, new: Edition) -> None:
    """Before anything is written: git is there, this is a repository, and the tag is not taken."""
    run_tool(["git", "rev-parse", "--git-dir"], root)
    try:
        run_tool(["git", "rev-parse", "--quiet", "--verify", f"refs/tags/{new.tag}"], root)
    except Failure:
        return  # not found: free
    raise Failure(f"the git tag {new.tag} already exists; nothing was recorded", status=EXIT_TOOL_FAILED)


def in_force(args: Namespace) -> int:
    result = in_force_on(sound_manual(args), args.on, site_addresses(args.root, args.site_url))
    write_output(render_in_force(result, args.format), args.output)
    return EXIT_OK
