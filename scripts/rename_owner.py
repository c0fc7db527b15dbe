#!/usr/bin/env python3
"""Rename an owner across the manual: docs/data/owners.yml and every document's owner and approved.by.

    python scripts/rename_owner.py OLD-KEY NEW-KEY [--name "New display name"]

The old key goes under `formerly`, so a document still naming it gets a message with the new key.
If NEW-KEY is already an owner, OLD-KEY is merged into it. .github/CODEOWNERS is regenerated.
"""

from __future__ import annotations

import sys

from _editing_cli import apply_and_refresh_codeowners, parser, run

from manual.editing.edits import rename_owner


def main(argv: list[str] | None = None) -> int:
    p = parser("rename_owner.py", "Rename an owner across the manual.")
    p.add_argument("old", metavar="OLD", help="the owner's key now")
    p.add_argument("new", metavar="NEW", help="its new key")
    p.add_argument("--name", help="its new display name")
    p.add_argument("--dry-run", action="store_true", help="say what would be done, write nothing")
    args = p.parse_args(argv)

    def action() -> int:
        edit = rename_owner(args.root, args.old, args.new, args.name, args.today)
        return apply_and_refresh_codeowners(edit, args.root, args.today, args.dry_run)

    return run(action)


if __name__ == "__main__":
    sys.exit(main())
