#!/usr/bin/env python3
"""Check documents fast: only the files given (or changed in git), against the whole manual's ids.

    python scripts/validate.py procedures/child-protection/core-groups.md [more files...]
    python scripts/validate.py --changed      # files changed since the last commit, staged or not
    python scripts/validate.py                # the whole manual

One line per problem: file, line, field and what was expected. Exit status 0 when there are no
problems, 1 when there are, 2 for a wrong option. A change to docs/data/, the schema or
procedures/sections.yml, or a deleted document, checks the whole manual.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from _editing_cli import EXIT_OK, EXIT_PROBLEM, parser, run

from manual.reading.validation import validate_files, validate_manual


def changed_files(root: Path) -> list[str]:
    """Files changed in the work tree or the index since HEAD, and new files git does not ignore."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "--no-renames", "--untracked-files=all", "--", "."],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        raise SystemExit(f"error: --changed needs git: {getattr(error, 'stderr', '') or error}".rstrip()) from None
    return [str(Path(top) / line[3:].strip().strip('"')) for line in result.stdout.splitlines() if len(line) > 3]


def main(argv: list[str] | None = None) -> int:
    p = parser("validate.py", "Check the given (or changed) documents quickly.")
    p.add_argument("files", nargs="*", metavar="FILE", help="documents to check (default: the whole manual)")
    p.add_argument("--changed", action="store_true", help="check the files changed since the last commit")
    args = p.parse_args(argv)

    def action() -> int:
        root = args.root.resolve()
        # a file is named from the current folder, or from the root when it is not found there
        files = [str((Path(f) if Path(f).exists() else root / f).resolve()) for f in args.files]
        missing = [f for f in args.files if not Path(f).exists() and not (root / f).exists()]
        if missing:
            for name in missing:
                print(f"error: {name}: no such file", file=sys.stderr)
            return EXIT_PROBLEM
        if args.changed:
            files += changed_files(root)
        if args.files or args.changed:
            result = validate_files(root, files, args.today)
        else:
            result = validate_manual(root, args.today)
        for problem in result.problems:
            print(problem)
        count = len(result.checked)
        checked = "the whole manual" if result.everything else f"{count} document{'s' if count != 1 else ''}"
        if result.problems:
            n = len(result.problems)
            print(f"{n} problem{'s' if n != 1 else ''} found in {checked}.", file=sys.stderr)
            return EXIT_PROBLEM
        print(f"No problems in {checked}.", file=sys.stderr)
        return EXIT_OK

    return run(action)


if __name__ == "__main__":
    sys.exit(main())
