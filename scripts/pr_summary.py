#!/usr/bin/env python3
"""A pull request's job summary: the documents it changes, with their owner and review state.

    git diff --name-only origin/main...HEAD | python scripts/pr_summary.py [--today YYYY-MM-DD] [--root DIR]
    python scripts/pr_summary.py procedures/early-help/early-help-assessment.md ...

Takes changed paths as arguments or one per line on standard input; paths outside procedures/ are
ignored. Writes Markdown to standard output (the workflow appends it to $GITHUB_STEP_SUMMARY).
Problems in the changed documents are listed rather than stopping the summary; the strict build fails
the pull request for them. Exit status 2 only when the manual's data files cannot be read at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from manual import ManualError, load_manual  # noqa: E402
from manual.outputs.pull_request import changed_documents, summary_markdown  # noqa: E402
from manual.outputs.report import EXIT_INVALID_INPUT  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="pr_summary.py", description="Summarise the documents a pull request changes."
    )
    parser.add_argument(
        "paths", nargs="*", help="changed paths, relative to the repository (default: read from standard input)"
    )
    parser.add_argument(
        "--today",
        help="the date to decide review states on, YYYY-MM-DD (default: MANUAL_TODAY, else today in Europe/London)",
    )
    parser.add_argument(
        "--root", type=Path, default=REPO, metavar="DIR", help="the repository to read (default: this one)"
    )
    args = parser.parse_args(argv)
    paths = args.paths or sys.stdin.read().splitlines()
    try:
        manual = load_manual(args.root, args.today)
    except ManualError as error:
        print("## Documents this pull request changes\n\nThe manual cannot be read:\n")
        for problem in error.problems:
            print(f"- {problem}")
        return EXIT_INVALID_INPUT
    sys.stdout.write(summary_markdown(manual, changed_documents(manual, paths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
