"""Checking: documents (check), .github/CODEOWNERS (codeowners) and the links to other sites (links)."""

from __future__ import annotations

import csv
import difflib
import io
import sys
from argparse import Namespace
from collections import defaultdict
from pathlib import Path

from manual.cli import EXIT_FINDINGS, EXIT_OK, run_tool, sound_manual, write_output
from manual.model.manual import load_manual
from manual.model.problems import ManualError, Problem
from manual.outputs.codeowners import CODEOWNERS_FILE, codeowners_status, write_codeowners
from manual.outputs.external_links import ExternalLink, external_links
from manual.outputs.readiness import readiness, readiness_markdown
from manual.reading.validation import validate_files, validate_manual
from manual.words import plural


def add_commands(command) -> None:
    sub = command("check", check, "Check documents: the files given, those changed in git, or the whole manual.")
    sub.add_argument("files", nargs="*", metavar="FILE", help="documents to check (default: the whole manual)")
    sub.add_argument("--changed", action="store_true", help="also check the files changed since the last commit")

    sub = command("codeowners", codeowners, f"Write {CODEOWNERS_FILE} from the owners list, or check it.")
    sub.add_argument("--check", action="store_true", help=f"write nothing; exit 1 if {CODEOWNERS_FILE} is out of date")

    sub = command(
        "readiness",
        readiness_command,
        "What stops publication: contacts to be confirmed, proposed statements, consultation, drafts linked from "
        "documents in force, and what the threshold document lacks. Exit 1 when not ready.",
    )
    sub.add_argument("--output", type=Path, metavar="FILE", help="write the list to FILE instead of standard output")

    sub = command("links", links, "Every link from the manual to another site, with its file and line.")
    sub.add_argument(
        "--format", choices=["markdown", "csv"], default="markdown", help="output format (default: markdown)"
    )
    sub.add_argument("--output", type=Path, metavar="FILE", help="write the report to FILE instead of standard output")


def readiness_command(args: Namespace) -> int:
    result = readiness(sound_manual(args))
    write_output(readiness_markdown(result), args.output)
    return EXIT_OK if result.ready else EXIT_FINDINGS


def check(args: Namespace) -> int:
    """The given documents get every check; the others are read for their ids, so links are judged against all."""
    root = args.root
    # a file is named from the current folder, or from the root when it is not found there
    missing = [name for name in args.files if not Path(name).exists() and not (root / name).exists()]
    if missing:
        raise ManualError([Problem(name, None, None, "no such file") for name in missing])
    files = [str((Path(name) if Path(name).exists() else root / name).resolve()) for name in args.files]
    if args.changed:
        files += changed_files(root)
    if args.files or args.changed:
        result = validate_files(root, files, args.today)
    else:
        result = validate_manual(root, args.today)
    for problem in result.problems:
        print(problem)
    checked = "the whole manual" if result.everything else plural(len(result.checked), "document")
    if result.problems:
        print(f"{plural(len(result.problems), 'problem')} found in {checked}.", file=sys.stderr)
        return EXIT_FINDINGS
    print(f"No problems in {checked}.", file=sys.stderr)
    return EXIT_OK


def changed_files(root: Path) -> list[str]:
    """Files changed in the work tree or the index since HEAD, and new files git does not ignore."""
    status = run_tool(["git", "status", "--porcelain", "--no-renames", "--untracked-files=all", "--", "."], root)
    top = Path(run_tool(["git", "rev-parse", "--show-toplevel"], root).strip())
    return [str(top / line[3:].strip().strip('"')) for line in status.splitlines() if len(line) > 3]


def codeowners(args: Namespace) -> int:
    if not args.check:
        changed = write_codeowners(args.root, args.today)
        print(f"{CODEOWNERS_FILE}: {'written' if changed else 'already up to date'}.")
        return EXIT_OK
    expected, current = codeowners_status(args.root, args.today)
    if expected == current:
        print(f"{CODEOWNERS_FILE} is up to date.")
        return EXIT_OK
    state = "missing" if current is None else "out of date"
    print(f"{CODEOWNERS_FILE} is {state}; run: manual codeowners", file=sys.stderr)
    if current is not None:
        now, wanted = CODEOWNERS_FILE + " (now)", CODEOWNERS_FILE + " (expected)"
        sys.stderr.writelines(difflib.unified_diff(current.splitlines(True), expected.splitlines(True), now, wanted))
    return EXIT_FINDINGS


def links(args: Namespace) -> int:
    """The build checks links within the site but needs no network, so links to other sites are listed for people
    to open at review time. Documents are read with the build's core; the site's own pages in docs/ too."""
    manual = load_manual(args.root, args.today)
    found = [link for source in manual.sources for link in external_links(source.path, source.body, source.body_line)]
    for page in sorted((args.root / "docs").rglob("*.md")):
        relative = page.relative_to(args.root).as_posix()
        if not relative.startswith("docs/data/"):
            found += external_links(relative, page.read_text(encoding="utf-8"))
    write_output(links_report(sorted(found), args.format), args.output)
    return EXIT_OK


def links_report(found: list[ExternalLink], output_format: str) -> str:
    if output_format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["url", "file", "line", "link text"])
        writer.writerows([link.url, link.path, link.line, link.text] for link in found)
        return out.getvalue()
    if not found:
        return "# External links\n\nThe manual links to no other sites.\n"
    by_url: dict[str, list[ExternalLink]] = defaultdict(list)
    for link in found:
        by_url[link.url].append(link)
    files = len({link.path for link in found})
    lines = [
        "# External links",
        "",
        f"{plural(len(by_url), 'address', 'addresses')} on other sites, linked {plural(len(found), 'time')} "
        f"from {plural(files, 'file')}. Not checked by the build: open each one at review time.",
        "",
        "| Address | Where |",
        "| --- | --- |",
    ]
    for url, uses in sorted(by_url.items()):
        lines.append(f"| <{url}> | {'<br>'.join(f'{use.path}, line {use.line}' for use in uses)} |")
    return "\n".join(lines) + "\n"
