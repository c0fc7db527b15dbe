#!/usr/bin/env python3
"""The external links report: every link from the manual to another site, and where it is.

    python scripts/external_links.py [--format markdown|csv] [--output FILE] [--root DIR]

Internal links and anchors are checked by the strict build; links to other sites are not
(the build needs no network). This report lists them, one row per address with every file and
line that uses it, so the Policy and Procedures sub-group can check them by hand at each review.
Reads the documents in procedures/ (with the same core as the build) and the site pages in docs/.
Nothing is fetched. Exit status: 0, or 2 when the manual's data files cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from manual import ManualError, load_manual  # noqa: E402
from manual.outputs.external_links import ExternalLink, external_links  # noqa: E402

EXIT_INVALID_INPUT = 2


def collect(root: Path) -> list[ExternalLink]:
    manual = load_manual(root)
    links: list[ExternalLink] = []
    for source in manual.sources:
        links += external_links(source.path, source.body, source.body_line)
    docs = root / "docs"
    for page in sorted(docs.rglob("*.md")):
        relative = page.relative_to(root).as_posix()
        if relative.startswith("docs/data/"):
            continue
        links += external_links(relative, page.read_text(encoding="utf-8"))
    return sorted(links)


def render(links: list[ExternalLink], fmt: str) -> str:
    by_url: dict[str, list[ExternalLink]] = defaultdict(list)
    for link in links:
        by_url[link.url].append(link)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["url", "file", "line", "link text"])
        for link in links:
            writer.writerow([link.url, link.path, link.line, link.text])
        return out.getvalue()
    lines = ["# External links", ""]
    if not links:
        lines.append("The manual links to no other sites.")
        return "\n".join(lines) + "\n"
    files = len({link.path for link in links})
    lines += [
        f"{len(by_url)} address{'es' if len(by_url) != 1 else ''} on other sites, linked {len(links)} "
        f"time{'s' if len(links) != 1 else ''} from {files} file{'s' if files != 1 else ''}. "
        "Not checked by the build: open each one at review time.",
        "",
        "| Address | Where |",
        "| --- | --- |",
    ]
    for url, uses in sorted(by_url.items()):
        where = "<br>".join(f"{use.path}, line {use.line}" for use in uses)
        lines.append(f"| <{url}> | {where} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="external_links.py", description="Every link from the manual to another site."
    )
    parser.add_argument(
        "--format", choices=["markdown", "csv"], default="markdown", help="output format (default: markdown)"
    )
    parser.add_argument(
        "--output", type=Path, metavar="FILE", help="write the report to FILE instead of standard output"
    )
    parser.add_argument(
        "--root", type=Path, default=REPO, metavar="DIR", help="the repository to read (default: this one)"
    )
    args = parser.parse_args(argv)
    try:
        links = collect(args.root)
    except ManualError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_INVALID_INPUT
    report = render(links, args.format)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
