#!/usr/bin/env python3
"""Mark a document reviewed: last_reviewed today, next review recomputed, an amendments entry, the version bumped.

    python scripts/mark_reviewed.py ID --summary "Reviewed; updated the MASH timescales." \
        [--today YYYY-MM-DD] [--major] [--approved-by partnership-executive]

The version goes up by a minor step ("2.1" -> "2.2"), or a major one with --major ("2.1" -> "3.0").
A document with review_interval keeps it; one with next_review gets a date moved on by the same
interval (or by the default interval in docs/data/settings.yml when the dates are not whole months apart).
"""

from __future__ import annotations

import sys

from _editing_cli import apply, parser, run

from manual.editing.edits import mark_reviewed


def main(argv: list[str] | None = None) -> int:
    p = parser("mark_reviewed.py", "Record that a document has been reviewed.")
    p.add_argument("id", metavar="ID", help="the document's id")
    p.add_argument("--summary", required=True, help="what the review changed, in a sentence (goes into amendments)")
    p.add_argument("--major", action="store_true", help="a major revision: 2.1 -> 3.0 (default: 2.1 -> 2.2)")
    p.add_argument(
        "--approved-by",
        metavar="OWNER",
        help="also record the approval of this version today, by this body (a key from docs/data/owners.yml)",
    )
    p.add_argument("--dry-run", action="store_true", help="say what would be done, write nothing")
    args = p.parse_args(argv)
    return run(
        lambda: apply(
            mark_reviewed(args.root, args.id, args.summary, args.today, args.major, args.approved_by), args.dry_run
        )
    )


if __name__ == "__main__":
    sys.exit(main())
