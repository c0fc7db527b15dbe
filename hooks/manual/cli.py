"""`manual`: the one command for editors and the workflows, with a subcommand for each job.

    check  new  reviewed  withdraw  rename-owner        (manual.commands.checking, .editing)
    report  reminders  pr-summary  bulletin              (manual.commands.reviews)
    codeowners  links  readiness                         (manual.commands.checking)
    edition  in-force                                    (manual.commands.editions)

Every subcommand takes --root DIR (default: the copy of the manual the current folder is in),
--today YYYY-MM-DD (default: MANUAL_TODAY, else today in the manual's time zone) and --help.
This module is what they share: the parser, the dispatch and the exit statuses.
A problem is a plain message on standard error naming the file, line and field, never a traceback.

Exit status, the same for every subcommand:
  0  all well
  1  findings: problems in the manual (check), something overdue (report),
     CODEOWNERS out of date (codeowners --check), not ready to publish (readiness)
  2  usage or invalid input: a wrong option or date, an unknown id or owner,
     data files that cannot be read, a manual with problems where the output
     needs a sound one, a file that cannot be read or written
  3  an outside tool failed: git or gh is missing or refused
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from manual.model.manual import Manual, load_manual
from manual.model.problems import ManualError, Problem
from manual.model.settings import SETTINGS_FILE
from manual.reading.today import resolve_today
from manual.words import plural

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID = 2
EXIT_TOOL_FAILED = 3

EXIT_TABLE = __doc__[__doc__.index("Exit status") :]

Command = Callable[[argparse.Namespace], int]


class Failure(Exception):
    """A subcommand stopping: what went wrong, the problems behind it, and the exit status that says so."""

    def __init__(self, message: str, problems: Sequence[Problem] = (), status: int = EXIT_INVALID):
        super().__init__(message)
        self.problems, self.status = list(problems), status


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as stop:  # argparse has printed the help, or the usage and what was wrong
        return stop.code if isinstance(stop.code, int) else EXIT_INVALID
    try:
        args.root = args.root or find_root()
        return args.run(args)
    except Failure as failure:
        print(f"error: {failure}{':' if failure.problems else ''}", file=sys.stderr)
        for problem in failure.problems:
            print(f"  {problem}", file=sys.stderr)
        return failure.status
    except ManualError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as error:
        print(f"error: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:  # the shell's status for a command stopped by Ctrl-C
        return 130


def parser() -> argparse.ArgumentParser:
    from manual.commands import (
        checking,
        editing,
        editions,
        regional,
        reviews,
    )  # they use this module's statuses and helpers

    top = argparse.ArgumentParser(
        prog="manual",
        description="Check, report on and edit the procedures manual.",
        epilog=EXIT_TABLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subcommands = top.add_subparsers(title="subcommands", metavar="SUBCOMMAND", required=True)

    def command(name: str, run: Command, summary: str) -> argparse.ArgumentParser:
        sub = subcommands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=EXIT_TABLE,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument(
            "--root",
            type=_root,
            metavar="DIR",
            help="the copy of the manual (default: the one the current folder is in)",
        )
        sub.add_argument(
            "--today",
            type=date_argument,
            metavar="YYYY-MM-DD",
            help="the date to use (default: MANUAL_TODAY, else today in the manual's time zone)",
        )
        sub.set_defaults(run=run)
        return sub

    for group in (checking, editing, reviews, editions, regional):
        group.add_commands(command)
    return top


# -- options that several subcommands take ---------------------------------------------------------


def _root(text: str) -> Path:
    root = Path(text).resolve()
    if not (root / SETTINGS_FILE).is_file():
        raise argparse.ArgumentTypeError(f"{text!r} is not a copy of the manual (it has no {SETTINGS_FILE.as_posix()})")
    return root


def find_root() -> Path:
    """The copy of the manual the current folder is in, found as git finds its repository."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder
    raise Failure(
        f"{here} is not in a copy of the manual (no {SETTINGS_FILE.as_posix()} here or above); give --root DIR"
    )


def date_argument(text: str) -> date:
    try:
        return resolve_today(text)
    except ManualError as error:
        raise argparse.ArgumentTypeError(error.problems[0].message) from None


def days_argument(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative; expected 0 or more days")
    return value


def add_site_url(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--site-url",
        metavar="URL",
        help="address of the published site, for links (default: site_url in mkdocs.yml; else links are relative)",
    )


def add_dry_run(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--dry-run", action="store_true", help="say what would be done, change nothing")


# -- what the subcommands share --------------------------------------------------------------------


def sound_manual(args: argparse.Namespace) -> Manual:
    """The manual, for an output that would mislead if made from documents with problems."""
    manual = load_manual(args.root, args.today)
    if manual.problems:
        count = len(manual.problems)
        first = f"the manual has {plural(count, 'problem')}; fix {'it' if count == 1 else 'them'} first"
        raise Failure(first, manual.problems)
    return manual


def write_output(text: str, path: Path | None) -> None:
    """To the file, else to standard output."""
    if path is None:
        sys.stdout.write(text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run_tool(command: list[str], cwd: Path, stdin: str | None = None) -> str:
    """An outside tool's output; when it is missing or fails, the subcommand stops with EXIT_TOOL_FAILED."""
    try:
        result = subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        raise Failure(f"`{command[0]}` is not installed", status=EXIT_TOOL_FAILED) from None
    except subprocess.TimeoutExpired:
        raise Failure(f"`{' '.join(command[:3])}` did not finish within 120 seconds", status=EXIT_TOOL_FAILED) from None
    if result.returncode != 0:
        said = result.stderr.strip() or result.stdout.strip()
        raise Failure(f"`{' '.join(command[:3])}` failed: {said}", status=EXIT_TOOL_FAILED)
    return result.stdout


if __name__ == "__main__":
    sys.exit(main())
