#!/usr/bin/env python3
"""The review report: documents overdue for review or due soon, grouped by owner.

    python scripts/review_report.py [--today YYYY-MM-DD] [--due-within DAYS] [--format markdown|json|csv]
                                    [--output FILE] [--emails DIR] [--all] [--site-url URL] [--root DIR]

Reads procedures/ with the same core as the site build (no build needed). Exit status: 0 when
nothing is overdue, 1 when something is overdue, 2 when the input is invalid (the manual has
problems, or an option is wrong). See the README section "Review report".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from manual import ManualError, load_manual  # noqa: E402
from manual.outputs.emails import owner_messages, write_messages  # noqa: E402
from manual.outputs.report import EXIT_INVALID_INPUT, FORMATS, build_report, render_report  # noqa: E402
from manual.reading.site_config import site_url  # noqa: E402


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # bad options: a clear message and the invalid-input status
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID_INPUT, f"{self.prog}: {message}\n")


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative; expected 0 or more days")
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(prog="review_report.py", description="Documents overdue for review or due soon, by owner.")
    parser.add_argument(
        "--today", help="the date to report as of, YYYY-MM-DD (default: MANUAL_TODAY, else today in Europe/London)"
    )
    parser.add_argument(
        "--due-within",
        type=_days,
        metavar="DAYS",
        help="list documents due within this many days (default: due_soon_days in docs/data/settings.yml)",
    )
    parser.add_argument("--format", choices=FORMATS, default="markdown", help="output format (default: markdown)")
    parser.add_argument(
        "--output", type=Path, metavar="FILE", help="write the report to FILE instead of standard output"
    )
    parser.add_argument(
        "--emails",
        type=Path,
        metavar="DIR",
        help="also write one message (subject and body files) per owner with something due into DIR",
    )
    parser.add_argument("--all", action="store_true", help="list every document, whatever its review state")
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
    except ManualError as error:  # a bad date, or data files the manual cannot be read without
        return _invalid("the input cannot be used", error.problems)
    if manual.problems:
        count = len(manual.problems)
        return _invalid(
            f"the manual has {count} problem{'s' if count != 1 else ''}; fix {'it' if count == 1 else 'them'} first",
            manual.problems,
        )
    base_url = args.site_url or site_url(args.root)
    report = build_report(manual, args.due_within, base_url, include_all=args.all)
    text = render_report(report, args.format)
    try:
        if args.output:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        if args.emails:
            write_messages(owner_messages(report), args.emails)
    except OSError as error:
        print(f"review_report.py: cannot write {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_INVALID_INPUT
    return report.exit_status


def _invalid(headline: str, problems) -> int:
    print(f"review_report.py: {headline}:", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return EXIT_INVALID_INPUT


if __name__ == "__main__":
    sys.exit(main())
