#!/usr/bin/env python3
"""Create a new document from the template: valid front matter (draft, version 0.1) and a body skeleton.

    python scripts/new_document.py --title "Working with parents who disengage" --type guidance \
        --owner development-practice [--section practice-guidance] [--tag "Working with families"] \
        [--summary "..."] [--scope C]

The id comes from the title and is unique among every document's id and former ids.
.github/CODEOWNERS, where there is one, is regenerated.
"""

from __future__ import annotations

import sys

from _editing_cli import apply_and_refresh_codeowners, parser, run

from manual.editing.edits import new_document
from manual.model.document import TYPE_LABELS


def main(argv: list[str] | None = None) -> int:
    p = parser("new_document.py", "Create a new draft document with valid front matter.")
    p.add_argument("--title", required=True, help="the title practitioners will see")
    p.add_argument("--type", required=True, choices=list(TYPE_LABELS), help="what kind of document it is")
    p.add_argument("--owner", required=True, help="a key from docs/data/owners.yml")
    p.add_argument("--section", help="the folder of procedures/ to put it in (default: the first section)")
    p.add_argument(
        "--tag", action="append", dest="tags", metavar="TAG", help="a topic from docs/data/tags.yml (repeat for more)"
    )
    p.add_argument("--summary", help="one or two plain-English sentences (default: a placeholder to replace)")
    p.add_argument("--scope", default="C", choices=["A", "B", "C"], help="regional layer (default: C, local content)")
    p.add_argument("--dry-run", action="store_true", help="say what would be done, write nothing")
    args = p.parse_args(argv)

    def action() -> int:
        # The new document may belong to an owner's team.
        edit = new_document(
            args.root, args.title, args.type, args.owner, args.section, args.today, args.tags, args.summary, args.scope
        )
        return apply_and_refresh_codeowners(edit, args.root, args.today, args.dry_run)

    return run(action)


if __name__ == "__main__":
    sys.exit(main())
