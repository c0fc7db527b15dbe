"""What the editing commands share: the repository root, the options every one takes, and errors said plainly.

Exit status for every editing command: 0 done, 1 a problem with the manual or the input (the
message names the file, line and field), 2 a wrong option.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from manual import ManualError  # noqa: E402
from manual.editing.edits import Edit, write_edit  # noqa: E402
from manual.outputs.codeowners import refresh_codeowners  # noqa: E402

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def _root(text: str) -> Path:
    root = Path(text)
    if not (root / "docs/data/settings.yml").is_file():
        raise argparse.ArgumentTypeError(f"{text!r} is not a copy of the manual (it has no docs/data/settings.yml)")
    return root


def parser(prog: str, description: str, today: bool = True) -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(prog=prog, description=description)
    result.add_argument(
        "--root", type=_root, default=REPO, metavar="DIR", help="the repository to change (default: this one)"
    )
    if today:
        result.add_argument(
            "--today", metavar="YYYY-MM-DD", help="the date to use (default: MANUAL_TODAY, else today in Europe/London)"
        )
    return result


def run(action: Callable[[], int]) -> int:
    """Run a command; a problem in the input becomes its message and exit status 1, never a traceback."""
    try:
        return action()
    except ManualError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_PROBLEM
    except OSError as error:
        print(f"error: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130


def apply(edit: Edit, dry_run: bool = False) -> int:
    """Write an edit (unless dry_run) and tell the editor what changed."""
    if not dry_run:
        write_edit(edit)
    for note in edit.notes:
        print(note)
    for warning in edit.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if dry_run:
        print("Nothing written (--dry-run).")
    return EXIT_OK


def apply_and_refresh_codeowners(edit: Edit, root: Path, today: str | None, dry_run: bool = False) -> int:
    """Apply an edit that can change which team owns a document, then bring CODEOWNERS up to date."""
    status = apply(edit, dry_run)
    if not dry_run:
        note = refresh_codeowners(root, today)
        if note:
            print(note)
    return status
