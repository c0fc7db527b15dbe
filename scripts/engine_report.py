"""What the manual would lose on Zensical: a short Markdown report from building the shipped manual with both.

    .venv/bin/python scripts/engine_report.py --zensical /tmp/zensical-venv/bin/zensical --output report.md

Zensical, Material for MkDocs' successor, reads mkdocs.yml but runs no hooks and skips the plugins it does not
know, without saying so, and its build still succeeds. The report shows what that costs this manual, against a
strict MkDocs build of the same files on the same day:

- each hook and plugin in mkdocs.yml, and whether Zensical runs it (for plugins, by Zensical's own list of the
  MkDocs plugins it rebuilds natively), and what Zensical itself printed;
- the pages and files MkDocs writes that Zensical does not (the hook makes most of them);
- for pages both write, the passages of content a reader would lose or newly see;
- a copy of the manual with one document's front matter broken: MkDocs refuses it, Zensical builds it.

Run it with the project's Python (it builds with the pinned MkDocs). Zensical lives in a virtual environment of its
own, named by --zensical: it is not one of the project's dependencies, and its own would arrive unpinned beside
the project's. Everything is built from copies in a temporary folder: Zensical writes a cache folder into the
project it builds.

Exit status: 0 when the report is written (what it finds is the report, not a failure of this script), 2 for
bad arguments, 3 when a build could not run at all (Zensical missing, or MkDocs failing on the intact manual).
The engine-exit workflow runs it monthly, and HANDBOOK.md says what the team does with it.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

import yaml

from manual.model.problems import ManualError
from manual.reading.today import resolve_today
from manual.words import plural

REPO = Path(__file__).resolve().parent.parent
# Not copied into the build folders: nothing the site is built from.
IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "site", ".site-building-*", ".cache", "__pycache__", "*.pyc", ".*_cache", "tests", "node_modules"
)
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# The front matter field broken in the copy, and the typo put in it: an editor's slip the schema refuses.
BROKEN_FIELD = re.compile(r"^status: approved\s*$", re.MULTILINE)
BROKEN_VALUE = "status: aproved"
# How many examples a list shows before "and N more"; the report stays short enough to read in a job summary.
EXAMPLES = 5


class _Config(yaml.SafeLoader):
    """mkdocs.yml read safely: its tags (!ENV, !!python/name:...) read as nothing, as only names are needed here."""


_Config.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass
class Run:
    command: list[str]
    returncode: int
    output: str  # standard output then standard error, without terminal colours

    @property
    def last_line(self) -> str:
        lines = [line.strip() for line in self.output.splitlines() if line.strip()]
        return lines[-1] if lines else "(nothing)"


def run(command: list[str], cwd: Path, today: str) -> Run:
    env = {
        **os.environ,
        "MANUAL_TODAY": today,
        "NO_MKDOCS_2_WARNING": "1",  # the engines' notices about their future, as the Makefile silences them
        "DISABLE_MKDOCS_2_WARNING": "true",
        "NO_COLOR": "1",
    }
    try:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    except FileNotFoundError as error:
        raise SystemExit(f"engine_report: cannot run {command[0]}: {error}") from None
    return Run(command, done.returncode, ANSI.sub("", done.stdout + done.stderr))


def copy_project(root: Path, dest: Path) -> Path:
    shutil.copytree(root, dest, ignore=IGNORE)
    return dest


def break_a_document(project: Path) -> tuple[str, int]:
    """Puts a typo in the status of the first approved document; returns its path and the line."""
    for path in sorted((project / "procedures").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = text.split("\n---", 1)[0]  # the front matter: the typo goes there, never into the body
        found = BROKEN_FIELD.search(front)
        if text.startswith("---") and found:
            path.write_text(text[: found.start()] + BROKEN_VALUE + text[found.end() :], encoding="utf-8")
            return path.relative_to(project).as_posix(), text.count("\n", 0, found.start()) + 1
    raise SystemExit("engine_report: no document in procedures/ has `status: approved` to break")


def read_config(project: Path) -> dict:
    data = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Config)  # noqa: S506 - safe
    return data if isinstance(data, dict) else {}


def plugin_names(config: dict) -> list[tuple[str, dict]]:
    """The plugins in mkdocs.yml with their options; MkDocs takes a list (names or one-key mappings) or a mapping."""
    entries = config.get("plugins") or []
    if isinstance(entries, dict):
        return [(str(name), options or {}) for name, options in entries.items()]
    named = []
    for entry in entries:
        if isinstance(entry, dict):
            named += [(str(name), options or {}) for name, options in entry.items()]
        else:
            named.append((str(entry), {}))
    return named


def zensical_plugins(zensical: str) -> dict[str, list[str]] | None:
    """The MkDocs plugins Zensical rebuilds natively, each with the options it reads but ignores. It is a private
    table of Zensical's (zensical.config); None when it cannot be read, and the report says so."""
    python = Path(zensical).parent / "python"
    if not python.exists():
        return None
    code = "import json, zensical.config as c; print(json.dumps({k: list(v) for k, v in c._PLUGIN_UNSUPPORTED_OPTIONS.items()}))"
    try:
        done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=60)
        return json.loads(done.stdout) if done.returncode == 0 else None
    except (OSError, ValueError):
        return None


def zensical_warnings(output: str) -> list[str]:
    """Zensical's warnings, each as 'message: target (file:line)' where its output shows them."""
    lines = output.splitlines()
    found = []
    for number, line in enumerate(lines):
        if not line.startswith("Warning:"):
            continue
        message, where, target = line.removeprefix("Warning:").strip(), "", ""
        following = "\n".join(lines[number + 1 : number + 4])
        located = re.search(r"\[\s*(\S+?):(\d+):(\d+)\s*\]", following)
        if located:
            where = f"{located[1]}:{located[2]}"
            source = re.search(rf"^\s*{located[2]}\s*│ ?(.*)$", following, re.MULTILINE)
            if source:  # the column points at the link's target
                target = re.split(r"[)\s>\"']", source[1][int(located[3]) - 1 :], maxsplit=1)[0]
        found.append(f"{message}: `{target}` ({where})" if target else f"{message} ({where or 'no place given'})")
    return found


# --- What a reader sees on a page ------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "pre", "summary", "caption", "tr"}


class _Reading(HTMLParser):
    """The passages of a page's content (its <article>) and of the manual's own panels (class manual-*), one
    string per paragraph, heading, list item or cell; and the abbreviations the page explains."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.inside: list[int] = []  # depths at which a region (article or manual-* element) opened
        self.hidden = 0  # inside script, style or svg
        self.passages: list[str] = []
        self.buffer: list[str] = []
        self.abbreviations = 0
        self.build_date: str | None = None

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            self.passages.append(text)
        self.buffer = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "data-build-date" in attributes:
            self.build_date = attributes["data-build-date"] or ""
        if tag in VOID:
            return
        self.depth += 1
        classes = (attributes.get("class") or "").split()
        if tag == "article" or any(name.startswith("manual-") for name in classes):
            self.inside.append(self.depth)
        if tag in {"script", "style", "svg"}:
            self.hidden += 1
        if tag in BLOCK:
            self.flush()
        if tag == "abbr" and self.inside and attributes.get("title"):
            self.abbreviations += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag in BLOCK:
            self.flush()
        if tag in {"script", "style", "svg"}:
            self.hidden = max(0, self.hidden - 1)
        if self.inside and self.inside[-1] == self.depth:
            self.flush()
            self.inside.pop()
        self.depth -= 1

    def handle_data(self, data):
        if self.inside and not self.hidden:
            self.buffer.append(data)


def reading(html: str) -> _Reading:
    parser = _Reading()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser


def page_address(relative: str) -> str:
    return relative.removesuffix("index.html") or "/"


def site_files(site: Path) -> set[str]:
    if not site.is_dir():
        return set()
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def is_redirect(page: Path) -> bool:
    return 'http-equiv="refresh"' in page.read_text(encoding="utf-8", errors="replace")[:2000]


def shortened(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def listed(items: list[str], limit: int = EXAMPLES) -> str:
    shown = ", ".join(f"`{item}`" for item in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


# --- The report --------------------------------------------------------------------------------------------


def report(root: Path, zensical: str, today: str, work: Path) -> str:
    intact = copy_project(root, work / "intact")
    broken = copy_project(root, work / "broken")
    broken_file, broken_line = break_a_document(broken)
    config = read_config(intact)
    zensical_site = intact / str(config.get("site_dir") or "site")
    mkdocs_site = work / "mkdocs-site"

    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    built = run([*mkdocs, "-d", str(mkdocs_site)], intact, today)
    if built.returncode != 0:
        raise SystemExit(f"engine_report: MkDocs could not build the manual to compare with:\n{built.output}")
    refused = run([*mkdocs, "-d", str(work / "mkdocs-broken")], broken, today)
    # Strict first: the build after it leaves the site the comparison reads.
    strict = run([zensical, "build", "--strict", "-f", "mkdocs.yml"], intact, today)
    plain = run([zensical, "build", "-f", "mkdocs.yml"], intact, today)
    broken_strict = run([zensical, "build", "--strict", "-f", "mkdocs.yml"], broken, today)
    broken_plain = run([zensical, "build", "-f", "mkdocs.yml"], broken, today)
    zensical_version = run([zensical, "--version"], intact, today).last_line

    theirs, ours = site_files(zensical_site), site_files(mkdocs_site)
    outside_assets = {name for name in ours if not name.startswith("assets/")}
    pages = sorted(name for name in outside_assets if name.endswith(".html"))
    redirects = [name for name in pages if is_redirect(mkdocs_site / name)]
    real_pages = [name for name in pages if name not in redirects]
    missing = [name for name in real_pages if name not in theirs]
    missing_documents = [page_address(name) for name in missing if name.startswith("procedures/")]
    missing_generated = [page_address(name) for name in missing if not name.startswith("procedures/")]
    missing_redirects = [page_address(name) for name in redirects if name not in theirs]
    missing_files = sorted(name for name in outside_assets - theirs if not name.endswith(".html"))
    only_zensical = sorted(name for name in theirs - ours if not name.startswith("assets/"))

    differing = []
    for name in real_pages:
        if name not in theirs:
            continue
        before = reading((mkdocs_site / name).read_text(encoding="utf-8"))
        after = reading((zensical_site / name).read_text(encoding="utf-8"))
        matcher = difflib.SequenceMatcher(None, before.passages, after.passages, autojunk=False)
        lost, new = [], []
        for operation, i1, i2, j1, j2 in matcher.get_opcodes():
            if operation != "equal":
                lost += before.passages[i1:i2]
                new += after.passages[j1:j2]
        notes = []
        if before.build_date != after.build_date:
            notes.append(f"build date `{before.build_date}` → `{after.build_date or 'none'}`")
        if any("{{" in text or "{%" in text for text in new):
            notes.append("shows readers template code (`{{ … }}`, `{% … %}`)")
        if before.abbreviations != after.abbreviations:
            notes.append(f"abbreviations explained: {before.abbreviations} → {after.abbreviations}")
        if lost or new or notes:
            differing.append((page_address(name), lost, new, notes))

    hooks = [str(hook) for hook in config.get("hooks") or []]
    plugins = plugin_names(config)
    known = zensical_plugins(zensical)
    mentioned = [name for name in [*hooks, *(p for p, _ in plugins)] if Path(name).name.lower() in plain.output.lower()]
    warnings = zensical_warnings(plain.output)
    all_missing = len(missing) + len(missing_redirects)
    passes = broken_plain.returncode == 0
    same_broken = site_files(broken / str(config.get("site_dir") or "site")) == theirs

    out = ["# What the manual would lose on Zensical", ""]
    out.append(
        f"Zensical {zensical_version} against MkDocs {version('mkdocs')} with Material {version('mkdocs-material')}, "
        f"on the shipped manual, with today {today}. Assets (`assets/`) are the themes' own and are not compared."
    )
    out += ["", "## In short", ""]
    out.append(
        f"- `zensical build` exits {plain.returncode} with {len(warnings)} warnings; "
        f"`zensical build --strict` exits {strict.returncode}."
    )
    out.append(
        f"- {all_missing} of the {len(pages)} pages MkDocs writes are missing ({len(missing_documents)} documents, "
        f"{len(missing_generated)} generated pages, {len(missing_redirects)} redirects from old addresses), and "
        f"{len(differing)} of the {len(real_pages) - len(missing)} pages both write differ in what a reader sees."
    )
    out.append(
        f"- A document with broken front matter: MkDocs exits {refused.returncode}; Zensical exits "
        f"{broken_plain.returncode}" + (" and publishes the site anyway." if passes else ".")
    )

    out += ["", "## Hooks and plugins in mkdocs.yml", "", "| In mkdocs.yml | Under Zensical |", "| --- | --- |"]
    dated = sum(1 for _, _, _, notes in differing if any(note.startswith("build date") for note in notes))
    for hook in hooks:
        if missing or dated:  # what the hook adds is the evidence that it ran
            verdict = (
                f"Not run: Zensical has no hooks. Of what it adds, {plural(len(missing), 'page')} are missing "
                f"and {plural(dated, 'page')} lack the manual's date."
            )
        else:
            verdict = "Its pages and the manual's date are all there: it seems to run."
        out.append(f"| hook `{hook}` | {verdict} |")
    for name, options in plugins:
        if known is None:
            verdict = "Could not tell: Zensical's list of the plugins it rebuilds was not found."
        elif name.removeprefix("material/") in known:
            ignored = sorted(set(options) & set(known[name.removeprefix("material/")]))
            verdict = "Zensical's own version runs" + (f"; options ignored: {listed(ignored)}" if ignored else "")
            verdict += "."
        else:
            verdict = "Not run: Zensical does not know it."
        out.append(f"| plugin `{name}` | {verdict} |")
    out.append("")
    out.append(
        "Zensical's output mentions "
        + (f"only {listed(mentioned)}" if mentioned else "none of them")
        + ". What the hook gives the plugins (the allowed topics, the map of old addresses) is given to no one."
    )

    out += ["", "## What Zensical printed", ""]
    counted = Counter(warning.split(":", 1)[0] for warning in warnings)
    out.append(
        f"`zensical build`: exit status {plain.returncode}; "
        + (", ".join(f"{count} × {message}" for message, count in counted.items()) or "no warnings")
        + (f", ending `{shortened(plain.last_line)}`." if plain.returncode else ".")
    )
    out += [f"- {warning}" for warning in warnings[: EXAMPLES * 2]]
    if len(warnings) > EXAMPLES * 2:
        out.append(f"- and {len(warnings) - EXAMPLES * 2} more")
    out.append("")
    out.append(f"`zensical build --strict`: exit status {strict.returncode}, ending `{shortened(strict.last_line)}`.")

    out += ["", "## Pages and files MkDocs writes and Zensical does not", ""]
    out.append(
        f"- Documents: {len(missing_documents)} of {sum(p.startswith('procedures/') for p in real_pages)}, e.g. {listed(missing_documents)}."
    )
    out.append(f"- Generated and site pages: {len(missing_generated)}: {listed(missing_generated, 40)}.")
    out.append(
        f"- Redirects from old addresses: {len(missing_redirects)} of {len(redirects)}."
        if redirects
        else "- Redirects from old addresses: the manual has none, so there were none to lose."
    )
    out.append(f"- Other files: {listed(missing_files, 20) or 'none'}.")
    if only_zensical:
        out.append(f"- Zensical writes instead: {listed(only_zensical, 20)}.")

    out += ["", "## Pages both write that differ", ""]
    if not differing:
        out.append("None: every page both engines write shows a reader the same content.")
    # What changes on every page (the emergency line, the print line) is said once, not once a page.
    everywhere_lost = set.intersection(*(set(lost) for _, lost, _, _ in differing)) if len(differing) > 1 else set()
    everywhere_new = set.intersection(*(set(new) for _, _, new, _ in differing)) if len(differing) > 1 else set()
    if everywhere_lost or everywhere_new:
        out.append(f"On each of the {len(differing)} pages:")
        out += [f"- lost: “{shortened(text)}”" for text in sorted(everywhere_lost)]
        out += [f"- new: “{shortened(text)}”" for text in sorted(everywhere_new)]
        out += ["", "And page by page:"]
    for address, lost, new, notes in differing:
        lost = [text for text in lost if text not in everywhere_lost]
        new = [text for text in new if text not in everywhere_new]
        if not (lost or new or notes):
            continue
        parts = [f"{plural(len(lost), 'passage')} lost", f"{len(new)} new", *notes]
        out.append(f"- `{address}`: " + "; ".join(parts) + ".")
        out += [f"  - lost: “{shortened(text)}”" for text in lost[:3]]
        out += [f"  - new: “{shortened(text)}”" for text in new[:3]]

    out += ["", "## A broken document", ""]
    out.append(f"In a copy of the manual, `{broken_file}` line {broken_line} reads `{BROKEN_VALUE}`.")
    mkdocs_says = [line.strip() for line in refused.output.splitlines() if broken_file in line]
    out.append(
        f"- MkDocs (`mkdocs build --strict`): exit status {refused.returncode}"
        + (f", saying `{shortened(mkdocs_says[0], 200)}`." if mkdocs_says else f", ending `{refused.last_line}`.")
    )
    out.append(
        f"- Zensical (`zensical build`): exit status {broken_plain.returncode}"
        + (", and the same files as for the intact manual." if same_broken else ".")
    )
    out.append(
        f"- Zensical (`zensical build --strict`): exit status {broken_strict.returncode}, as for the intact manual "
        f"({strict.returncode}): it cannot tell the two apart."
        if broken_strict.returncode == strict.returncode
        else f"- Zensical (`zensical build --strict`): exit status {broken_strict.returncode} "
        f"(intact manual: {strict.returncode})."
    )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zensical", default="zensical", help="the zensical command (default: zensical on PATH)")
    parser.add_argument("--root", type=Path, default=REPO, help="the project to build (default: this repository)")
    parser.add_argument("--today", help="the date to build on (default: MANUAL_TODAY, else today in Europe/London)")
    parser.add_argument("--output", type=Path, help="the Markdown file to write (default: standard output)")
    args = parser.parse_args(argv)
    zensical = shutil.which(args.zensical)
    if zensical is None:
        print(f"engine_report: no zensical command at {args.zensical!r}; install it (pinned) first", file=sys.stderr)
        return 3
    try:
        today = resolve_today(args.today).isoformat()
    except ManualError as error:
        print(f"engine_report: {error}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="engine-report-") as work:
        try:
            text = report(args.root.resolve(), zensical, today, Path(work))
        except SystemExit as stop:
            print(stop, file=sys.stderr)
            return 3
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
