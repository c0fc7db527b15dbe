#!/usr/bin/env python3
"""The bulletin digest: every change to the manual since a date, in Markdown and HTML.

    python scripts/bulletin.py --since YYYY-MM-DD [--today YYYY-MM-DD] [--output-dir DIR] [--site-url URL] [--root DIR]

Writes bulletin-<since>-to-<today>.md and .html into DIR (default: the current folder) and says
where. Exit status: 0 written, 1 the manual has problems or a file cannot be written, 2 a wrong option.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from manual import ManualError, load_manual  # noqa: E402
from manual.outputs.bulletin import bulletin  # noqa: E402
from manual.reading.site_config import site_url  # noqa: E402

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; expected YYYY-MM-DD, for example 2026-11-10"
        ) from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(
        prog="bulletin.py", description="Changes to the manual since a date, for the partnership's bulletin."
    )
    parser.add_argument(
        "--since", type=_date, required=True, metavar="YYYY-MM-DD", help="list changes made on or after this date"
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="the last day to include (default: MANUAL_TODAY, else today in Europe/London)",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="where to write the two files (default: the current folder)",
    )
    parser.add_argument(
        "--site-url",
        help="address of the published site, for links (default: site_url in mkdocs.yml; else links are relative)",
    )
    parser.add_argument(
        "--root", type=Path, default=REPO, metavar="DIR", help="the repository to read (default: this one)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        manual = load_manual(args.root, args.today)
    except ManualError as error:
        return _problems("the input cannot be used", error.problems)
    if manual.problems:
        count = len(manual.problems)
        return _problems(
            f"the manual has {count} problem{'s' if count != 1 else ''}; fix {'it' if count == 1 else 'them'} first",
            manual.problems,
        )
    if args.since > manual.today:
        print(
            f"bulletin.py: --since {args.since.isoformat()} is after today ({manual.today.isoformat()}); expected an earlier date",
            file=sys.stderr,
        )
        return EXIT_USAGE
    digest = bulletin(manual, args.since, args.site_url or site_url(args.root) or "")
    stem = f"bulletin-{args.since.isoformat()}-to-{manual.today.isoformat()}"
    try:
        args.output_dir.mkdir(parents=True, exist_ok=True)
        md, html = args.output_dir / f"{stem}.md", args.output_dir / f"{stem}.html"
        md.write_text(digest.markdown, encoding="utf-8")
        html.write_text(digest.html, encoding="utf-8")
    except OSError as error:
        print(f"bulletin.py: cannot write {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_PROBLEM
    count = len(digest.changes)
    print(f"{count} change{'s' if count != 1 else ''} since {args.since.isoformat()}: wrote {md} and {html}")
    return EXIT_OK


def _problems(headline: str, problems) -> int:
    print(f"bulletin.py: {headline}:", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_PROBLEM


if __name__ == "__main__":
    sys.exit(main())
