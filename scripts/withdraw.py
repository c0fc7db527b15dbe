#!/usr/bin/env python3
"""Withdraw a document, or mark it superseded by another. Its page stays at the same address.

    python scripts/withdraw.py ID --summary "No longer needed: the service has closed."
    python scripts/withdraw.py OLD-ID --superseded-by NEW-ID --summary "Replaced by the 2026 protocol."

A superseded document's page points to its replacement, and the replacement gets `supersedes`.
Other documents' related lists and doc: links to a superseded document are moved to the
replacement; for a withdrawn document they are taken out of related, and links in the text are
listed for you to change.
"""

from __future__ import annotations

import sys

from _editing_cli import apply, parser, run

from manual.editing.edits import withdraw


def main(argv: list[str] | None = None) -> int:
    p = parser("withdraw.py", "Withdraw a document or mark it superseded.")
    p.add_argument("id", metavar="ID", help="the document's id")
    p.add_argument("--superseded-by", metavar="OTHER", help="the id of the document that replaces it")
    p.add_argument("--summary", required=True, help="why, in a sentence (goes into amendments)")
    p.add_argument("--dry-run", action="store_true", help="say what would be done, write nothing")
    args = p.parse_args(argv)
    return run(lambda: apply(withdraw(args.root, args.id, args.summary, args.today, args.superseded_by), args.dry_run))


if __name__ == "__main__":
    sys.exit(main())
