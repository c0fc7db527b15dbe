#!/usr/bin/env python3
"""Write .github/CODEOWNERS from docs/data/owners.yml, or check that it is up to date.

    python scripts/codeowners.py           # write it
    python scripts/codeowners.py --check   # exit 1, with the difference, when it is out of date

Each owner with a github_team reviews pull requests that change its documents; everything else
goes to the Policy and Procedures sub-group's team.
"""

from __future__ import annotations

import difflib
import sys

from _editing_cli import EXIT_OK, EXIT_PROBLEM, parser, run

from manual.outputs.codeowners import CODEOWNERS_FILE, codeowners_status, write_codeowners


def main(argv: list[str] | None = None) -> int:
    p = parser("codeowners.py", f"Generate {CODEOWNERS_FILE} from the owners list.", today=False)
    p.add_argument("--check", action="store_true", help=f"do not write; exit 1 if {CODEOWNERS_FILE} is out of date")
    args = p.parse_args(argv)

    def action() -> int:
        if not args.check:
            changed = write_codeowners(args.root)
            print(f"{CODEOWNERS_FILE}: {'written' if changed else 'already up to date'}.")
            return EXIT_OK
        expected, current = codeowners_status(args.root)
        if expected == current:
            print(f"{CODEOWNERS_FILE} is up to date.")
            return EXIT_OK
        if current is None:
            print(f"{CODEOWNERS_FILE} is missing; run: python scripts/codeowners.py", file=sys.stderr)
            return EXIT_PROBLEM
        print(f"{CODEOWNERS_FILE} is out of date; run: python scripts/codeowners.py", file=sys.stderr)
        diff = difflib.unified_diff(
            current.splitlines(True),
            expected.splitlines(True),
            CODEOWNERS_FILE + " (now)",
            CODEOWNERS_FILE + " (expected)",
        )
        sys.stderr.writelines(diff)
        return EXIT_PROBLEM

    return run(action)


if __name__ == "__main__":
    sys.exit(main())
