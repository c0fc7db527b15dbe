"""The build benchmark: this project's hooks against plain MkDocs + Material, at scale.

    make benchmark                                   # the same as:
    .venv/bin/python scripts/benchmark.py --sizes shipped,500,2000

For each size (the shipped manual, or N synthetic documents from scripts/synthetic_manual.py) it builds
the same manual twice, each in a fresh process:

  (a) hooks: the real mkdocs.yml, read at run time, with every hook it lists;
  (b) plain: the same mkdocs.yml with the hooks, the theme overrides and the custom language removed,
      the documents copied into the docs folder (front matter as is; doc:ID links written as ordinary
      links to ID.md) and an explicit nav equal to the one the hooks build, so both builds render the
      same pages with the same navigation settings (navigation.prune and the rest).

It prints a Markdown table (wall time, peak memory, their ratios a/b, time per document, the review
report's time, the search index's size, a document page's bytes) and the budgets with pass or miss.
For the shipped manual it also times live preview: `mkdocs serve` on the hooks project, one procedure's
title edited three times, each time until the document's page and the A to Z show the new title
(--no-live-preview skips it). Times are measured, never asserted by the tests. See the README section
"Benchmark".
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_manual import DEFAULT_TODAY, MACHINERY, copy_machinery, generate  # noqa: E402

DOC_LINK = re.compile(r"\]\(doc:([A-Za-z0-9_-]*)(#[^)\s]*)?\)")

# The budgets from issue 9, checked on the largest synthetic size and the 500 -> largest growth.
BUDGET_HOOKS_OVERHEAD = 0.15  # hooks add at most 15% to the plain build
BUDGET_MEMORY_RATIO = 1.2  # peak memory at most 1.2 times plain
BUDGET_LINEAR = 1.3  # time per document at the largest size within 1.3 times that at 500
BUDGET_PAGE_HTML_KB = 80  # a document page's HTML
BUDGET_REPORT_SECONDS = 0.3  # the review report on the largest manual
BUDGET_LIVE_PREVIEW_SECONDS = 3.0  # mkdocs serve: an edited procedure's page and the A to Z updated (wall time)
LIVE_PREVIEW_DOCUMENT = "procedures/child-protection/child-protection-conferences.md"  # edited in the shipped manual
LIVE_PREVIEW_HOST = "127.0.0.1"  # the only address live preview talks to
CORES = os.cpu_count() or 1


# --- Reading and writing mkdocs.yml without losing its tags (!ENV, !!python/name:...) ---------


class Tagged:
    def __init__(self, tag: str, node: yaml.Node, value):
        self.tag, self.style, self.value = tag, getattr(node, "style", None), value


class _Loader(yaml.SafeLoader):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, node, value)


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class _Dumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Dumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader


def write_config(path: Path, config: dict) -> None:
    path.write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")


# --- The two projects ------------------------------------------------------------------------


def prepare_hooks_project(root: Path, size: str, seed: int, today: date) -> int:
    """root becomes a project with this repository's machinery; returns the number of documents."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    if size == "shipped":
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        for name in [*MACHINERY, "procedures"]:
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, root / name, ignore=ignore)
            else:
                shutil.copy2(source, root / name)
    else:
        ids = generate(root, int(size), seed, today)
        copy_machinery(root, ids)
    return sum(1 for f in (root / "procedures").rglob("*.md") if f.name != "README.md")


_NAV_SCRIPT = r"""
import json, sys
from pathlib import Path
from manual import load_manual
from manual_site.navigation import navigation
manual = load_manual(Path(sys.argv[1]).parent)
ids = {s.path: s.document.id for s in manual.sources if s.document is not None}
json.dump({"nav": navigation(manual, lambda path: True), "ids": ids}, sys.stdout)
"""


def hooks_navigation(root: Path, today: date) -> tuple[list, dict[str, str]]:
    """The navigation the hooks build makes (their own on_files, run without building), and the ids by file."""
    env = {**os.environ, "MANUAL_TODAY": today.isoformat(), "MANUAL_CACHE": "off"}  # the build (a) must start cold
    result = subprocess.run(
        [sys.executable, "-c", _NAV_SCRIPT, str(root / "mkdocs.yml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"benchmark: reading the hooks build's navigation failed:\n{result.stderr[-3000:]}")
    data = json.loads(result.stdout)
    return data["nav"], data["ids"]


def _plain_nav(entries: list, ids: dict[str, str], present: set[str]) -> list:
    """The hooks' nav with documents at procedures/<id>.md and generated pages (absent without the hooks) left out."""
    out = []
    for entry in entries:
        if isinstance(entry, dict):
            ((title, value),) = entry.items()
            if isinstance(value, list):
                children = _plain_nav(value, ids, present)
                if children:
                    out.append({title: children})
                continue
            target = _plain_uri(value, ids)
            if target in present or "://" in str(value):
                out.append({title: target if "://" not in str(value) else value})
        else:
            target = _plain_uri(entry, ids)
            if target in present:
                out.append(target)
    return out


def _plain_uri(uri: str, ids: dict[str, str]) -> str:
    doc_id = ids.get(uri)
    return f"procedures/{doc_id}.md" if doc_id else uri


def prepare_plain_project(hooks_root: Path, root: Path, today: date) -> None:
    """root becomes the same manual for plain MkDocs + Material: no hooks, no overrides, explicit nav."""
    nav, ids = hooks_navigation(hooks_root, today)
    if root.exists():
        shutil.rmtree(root)
    config = read_config(hooks_root / "mkdocs.yml")
    docs_dir = str(config.get("docs_dir", "docs"))
    shutil.copytree(hooks_root / docs_dir, root / docs_dir, ignore=shutil.ignore_patterns("__pycache__"))
    (root / docs_dir / "procedures").mkdir(exist_ok=True)
    for path, doc_id in ids.items():
        text = (hooks_root / path).read_text(encoding="utf-8")
        text = DOC_LINK.sub(lambda m: f"]({m.group(1)}.md{m.group(2) or ''})", text)
        (root / docs_dir / "procedures" / f"{doc_id}.md").write_text(text, encoding="utf-8")
    for page in (root / docs_dir).glob("*.md"):  # site pages' doc: links, as ordinary links
        text = page.read_text(encoding="utf-8")
        page.write_text(
            DOC_LINK.sub(lambda m: f"](procedures/{m.group(1)}.md{m.group(2) or ''})", text), encoding="utf-8"
        )
    present = {p.relative_to(root / docs_dir).as_posix() for p in (root / docs_dir).rglob("*.md")}
    config.pop("hooks", None)
    config.pop("watch", None)  # what `mkdocs serve` watches (procedures/ among it): nothing to do with a build
    theme = config.get("theme")
    if isinstance(theme, dict):
        theme.pop("custom_dir", None)
        if theme.get("language") == "custom":  # the custom language lives in the overrides
            theme["language"] = "en"
    config["nav"] = _plain_nav(nav, ids, present)
    write_config(root / "mkdocs.yml", config)


# --- Measuring -------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system: steadier than wall time when other work shares the machine
    peak_mb: float
    returncode: int
    output: str


def measure(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> Run:
    """Wall time and the child's peak resident memory (its own rusage, from wait4), in a fresh process."""
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        seconds,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        process.returncode,
        log.read_text(encoding="utf-8", errors="replace"),
    )


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


@dataclass
class Site:
    pages: int = 0
    site_mb: float = 0.0
    search_raw_kb: float = 0.0
    search_gzip_kb: float = 0.0
    doc_html_median_kb: float = 0.0
    doc_html_max_kb: float = 0.0
    doc_transfer_kb: float = 0.0  # median document page: HTML + the CSS and JavaScript it references
    doc_transfer_gzip_kb: float = 0.0
    control_panels: int = 0  # document pages carrying the document-control panel
    assets: list[str] = field(default_factory=list)


def inspect_site(site: Path, doc_ids: list[str]) -> Site:
    result = Site()
    html_files = list(site.rglob("*.html"))
    result.pages = len(html_files)
    result.site_mb = sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6
    index = site / "search" / "search_index.json"
    if index.exists():
        raw = index.read_bytes()
        result.search_raw_kb, result.search_gzip_kb = len(raw) / 1000, len(gzip.compress(raw, 6)) / 1000
    pages = [site / "procedures" / doc_id / "index.html" for doc_id in doc_ids]
    pages = [p for p in pages if p.exists()]
    if not pages:
        return result
    sizes = sorted((p.stat().st_size, p) for p in pages)
    result.doc_html_median_kb = statistics.median(s for s, _ in sizes) / 1000
    result.doc_html_max_kb = sizes[-1][0] / 1000
    result.control_panels = sum(1 for _, p in sizes if 'class="manual-control' in p.read_text(encoding="utf-8"))
    median_page = sizes[len(sizes) // 2][1]
    html = median_page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    total, total_gzip = len(html), len(gzip.compress(html, 6))
    for url in parser.urls:
        if "://" in url or url.startswith("//"):
            continue  # nothing is fetched from third parties; a link elsewhere would show as missing here
        asset = (median_page.parent / url.split("?")[0].split("#")[0]).resolve()
        if asset.is_file():
            data = asset.read_bytes()
            total += len(data)
            total_gzip += len(gzip.compress(data, 6))
            result.assets.append(asset.relative_to(site.resolve()).as_posix())
    result.doc_transfer_kb, result.doc_transfer_gzip_kb = total / 1000, total_gzip / 1000
    return result


@dataclass
class Result:
    size: str
    documents: int
    hooks: Run
    plain: Run
    hooks_site: Site
    plain_site: Site
    report_seconds: float  # with the record cache the build (a) left, as the scheduled job runs it after a build
    report_cpu_seconds: float
    report_cold_seconds: float  # MANUAL_CACHE=off: every file read and checked
    report_cold_cpu_seconds: float
    busy: float  # the highest one-minute load average seen during this size's builds, per core
    live_preview: LivePreview | None = None  # the shipped manual only, unless --no-live-preview

    @property
    def time_ratio(self) -> float:
        return self.hooks.seconds / self.plain.seconds

    @property
    def cpu_ratio(self) -> float:
        return self.hooks.cpu_seconds / self.plain.cpu_seconds

    @property
    def memory_ratio(self) -> float:
        return self.hooks.peak_mb / self.plain.peak_mb

    @property
    def per_document_ms(self) -> float:
        return 1000 * self.hooks.seconds / max(self.documents, 1)

    @property
    def per_document_cpu_ms(self) -> float:
        return 1000 * self.hooks.cpu_seconds / max(self.documents, 1)


REPORT_RUNS = 3  # a run takes a fraction of a second: the median of a few is steadier than one


def time_report(root: Path, today: date, log: Path, cache: bool) -> Run:
    """The scheduled review report on this manual, as the support team runs it (a fresh process each time):
    with the record cache as the last run left it, or with the cache off (every file read and checked).
    The run with the median CPU time of REPORT_RUNS."""
    env = {**os.environ, "MANUAL_TODAY": today.isoformat(), "MANUAL_CACHE": "on" if cache else "off"}
    command = [
        str(Path(sys.executable).parent / "manual"),
        "report",
        "--root",
        str(root),
        "--today",
        today.isoformat(),
        "--output",
        str(log.with_suffix(".md")),
    ]
    runs = []
    for _ in range(REPORT_RUNS):
        run = measure(command, root, env, log)
        if run.returncode not in (0, 1):  # 1 means something is overdue, which the synthetic manual has
            raise SystemExit(f"benchmark: the review report failed on {root}:\n{run.output[-3000:]}")
        runs.append(run)
    return sorted(runs, key=lambda run: run.cpu_seconds)[len(runs) // 2]


def benchmark_size(size: str, work: Path, seed: int, today: date, profile: bool, live_preview: bool = True) -> Result:
    base = work / size
    hooks_root, plain_root = base / "hooks", base / "plain"
    print(f"[{size}] preparing the projects", file=sys.stderr, flush=True)
    documents = prepare_hooks_project(hooks_root, size, seed, today)
    prepare_plain_project(hooks_root, plain_root, today)
    env = {**os.environ, "MANUAL_TODAY": today.isoformat(), "PYTHONDONTWRITEBYTECODE": "1"}
    mkdocs = [sys.executable, "-m", "mkdocs", "build"]

    print(f"[{size}] (a) build with the hooks ({documents} documents)", file=sys.stderr, flush=True)
    busy = [os.getloadavg()[0]]
    hooks = measure([*mkdocs, "--strict"], hooks_root, env, base / "hooks-build.log")
    busy.append(os.getloadavg()[0])
    if hooks.returncode != 0:
        raise SystemExit(
            f"benchmark: the hooks build of {size} failed (log: {base / 'hooks-build.log'}):\n{hooks.output[-3000:]}"
        )
    print(f"[{size}]     {hooks.seconds:.1f} s, {hooks.peak_mb:.0f} MB", file=sys.stderr, flush=True)
    # Not strict: without the hooks, links to the generated pages (contacts, glossary, ...) have nothing to point at.
    print(f"[{size}] (b) plain MkDocs + Material", file=sys.stderr, flush=True)
    plain = measure(mkdocs, plain_root, env, base / "plain-build.log")
    busy.append(os.getloadavg()[0])
    if plain.returncode != 0:
        raise SystemExit(
            f"benchmark: the plain build of {size} failed (log: {base / 'plain-build.log'}):\n{plain.output[-3000:]}"
        )
    print(f"[{size}]     {plain.seconds:.1f} s, {plain.peak_mb:.0f} MB", file=sys.stderr, flush=True)

    _, ids = hooks_navigation(hooks_root, today)
    doc_ids = sorted(ids.values())
    cold = time_report(hooks_root, today, base / "report-cold.log", cache=False)
    report = time_report(hooks_root, today, base / "report.log", cache=True)
    if profile:
        out = base / "profile-hooks.txt"
        print(f"[{size}] profiling the hooks build with pyinstrument -> {out}", file=sys.stderr, flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pyinstrument",
                "--renderer",
                "text",
                "--outfile",
                str(out),
                "-m",
                "mkdocs",
                "build",
            ],
            cwd=hooks_root,
            env=env,
            check=False,
            capture_output=True,
        )
    result = Result(
        size,
        documents,
        hooks,
        plain,
        inspect_site(hooks_root / "site", doc_ids),
        inspect_site(plain_root / "site", doc_ids),
        report.seconds,
        report.cpu_seconds,
        cold.seconds,
        cold.cpu_seconds,
        max(busy) / CORES,
    )
    if live_preview and size == "shipped":
        print(f"[{size}] live preview: mkdocs serve, a procedure's title edited 3 times", file=sys.stderr, flush=True)
        result.live_preview = time_live_preview(hooks_root, today, base / "serve.log")
        if result.live_preview.error:
            print(f"[{size}]     {result.live_preview.error}", file=sys.stderr, flush=True)
    return result


# --- Live preview: mkdocs serve, one procedure edited -------------------------------------------


@dataclass
class LivePreview:
    document: str  # the edited file, relative to the project
    edits: int  # edits made (or meant to be made)
    seconds: list[float] = field(default_factory=list)  # per edit seen: from the edit to page and A to Z both updated
    error: str = ""  # why a measurement is missing

    @property
    def complete(self) -> bool:
        return not self.error and len(self.seconds) == self.edits > 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def max(self) -> float:
        return max(self.seconds)


# Straight to the local server: never through a proxy set in the environment.
_LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LIVE_PREVIEW_HOST, 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    """The page's text, or None while the server is not answering or the page is not there (mid-build)."""
    try:
        with _LOCAL.open(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError, ValueError):
        return None


def _front_matter(text: str) -> tuple[dict, int]:
    """The front matter's data and where it ends in the text."""
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ValueError("the front matter is not closed")
    data = yaml.safe_load(text[4 : end + 1])
    if not isinstance(data, dict):
        raise ValueError("the front matter is not a mapping")
    return data, end + 1


_TITLE_LINE = re.compile(r"^title:[ \t]*(\S.*?)[ \t]*$", re.MULTILINE)


def retitle(text: str, word: str) -> tuple[str, str]:
    """The document's text with `word` added to the end of its title (the line kept in its own style), and the new title."""
    data, end = _front_matter(text)
    title = str(data.get("title", ""))
    match = _TITLE_LINE.search(text, 0, end)
    if not title or match is None:
        raise ValueError("no one-line title in the front matter")
    value = match.group(1)
    if len(value) > 1 and value[0] in "'\"" and value[-1] == value[0]:
        value = f"{value[:-1]} {word}{value[-1]}"
    else:
        value = f"{value} {word}"
    new_text = text[: match.start(1)] + value + text[match.end(1) :]
    new_title = f"{title} {word}"
    if _front_matter(new_text)[0].get("title") != new_title:
        raise ValueError(f"could not add a word to the title line {match.group(0)!r}")
    return new_text, new_title


def _preview_document(root: Path) -> Path:
    """The shipped manual's conferences procedure, or else the first approved document (by path)."""
    if (root / LIVE_PREVIEW_DOCUMENT).is_file():
        return root / LIVE_PREVIEW_DOCUMENT
    for path in sorted((root / "procedures").rglob("*.md")):
        if path.name == "README.md":
            continue
        try:
            data, _ = _front_matter(path.read_text(encoding="utf-8"))
        except (ValueError, yaml.YAMLError):
            continue
        if data.get("status") == "approved" and data.get("id"):
            return path
    raise ValueError(f"no approved document in {root / 'procedures'} to edit")


def _stop(process: subprocess.Popen) -> None:
    """Ctrl-C first (mkdocs serve then removes its temporary site), then terminate, then kill."""
    if process.poll() is not None:
        return
    for stop, wait in ((lambda: process.send_signal(signal.SIGINT), 15), (process.terminate, 10), (process.kill, 10)):
        stop()
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def time_live_preview(
    root: Path,
    today: date,
    log: Path,
    *,
    edits: int = 3,
    document: Path | None = None,
    ready_timeout: float = 120,
    edit_timeout: float = 60,
    interval: float = 0.1,
) -> LivePreview:
    """`mkdocs serve` on the project at root, then `edits` edits to one procedure's title, each timed from
    the edit until the document's page and the A to Z (/indexes/a-to-z/) both show the new title. The
    document is restored and the server stopped however it ends; a missing measurement says why in .error."""
    try:
        path = document or _preview_document(root)
        original = path.read_text(encoding="utf-8")
        doc_id = str(_front_matter(original)[0]["id"])
        nonce = secrets.token_hex(3)
        # A new word each edit, found in no earlier page; it ends the title, so on the page it is anywhere
        # (the heading, the navigation) and in the A to Z it is a link's text.
        words = [f"Preview{number}x{nonce}" for number in range(1, edits + 1)]
        texts = [retitle(original, word)[0] for word in words]
    except (OSError, ValueError, KeyError, yaml.YAMLError) as error:
        return LivePreview(str(document or ""), edits, error=f"nothing to edit: {error}")
    result = LivePreview(path.relative_to(root).as_posix(), edits)
    port = _free_port()
    base = f"http://{LIVE_PREVIEW_HOST}:{port}"
    page_url, index_url = f"{base}/procedures/{doc_id}/", f"{base}/indexes/a-to-z/"
    env = {**os.environ, "MANUAL_TODAY": today.isoformat(), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"{LIVE_PREVIEW_HOST}:{port}"]
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + ready_timeout
            while _fetch(f"{base}/") is None:
                if process.poll() is not None:
                    result.error = f"mkdocs serve exited ({process.returncode}) before answering (log: {log})"
                    return result
                if time.monotonic() > deadline:
                    result.error = f"mkdocs serve did not answer within {ready_timeout:.0f} s (log: {log})"
                    return result
                time.sleep(0.25)
            for number, (word, text) in enumerate(zip(words, texts, strict=True), 1):
                on_page, in_index = word, f"{word}</a>"
                path.write_text(text, encoding="utf-8")
                start = time.perf_counter()
                seen_page = seen_index = None
                while time.perf_counter() - start < edit_timeout and process.poll() is None:
                    if seen_page is None and on_page in (_fetch(page_url) or ""):
                        seen_page = time.perf_counter()
                    if seen_page is not None and in_index in (_fetch(index_url) or ""):
                        seen_index = time.perf_counter()
                        break
                    time.sleep(interval)
                if seen_index is None:
                    missing = "the page" if seen_page is None else "the A to Z"
                    why = (
                        f"mkdocs serve exited ({process.returncode})"
                        if process.poll() is not None
                        else f"not within {edit_timeout:.0f} s"
                    )
                    result.error = f"edit {number}: {missing} did not show the new title ({why}; log: {log})"
                    return result
                result.seconds.append(seen_index - start)
                print(f"    live preview, edit {number}: {seen_index - start:.2f} s", file=sys.stderr, flush=True)
            return result
        finally:
            path.write_text(original, encoding="utf-8")
            _stop(process)


# --- Reporting -------------------------------------------------------------------------------


def table(results: list[Result]) -> str:
    lines = [
        "| Manual | Documents | Build (a) hooks | Build (b) plain | Time a/b | CPU (a / b) | CPU a/b | Peak memory (a / b) | Memory a/b "
        "| Time per document (a): wall / CPU | Review report, cache from the build: wall / CPU | Review report, cache off: wall / CPU "
        "| Report / build (CPU, cache off) | Load per core |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r.size} | {r.documents} | {r.hooks.seconds:.1f} s | {r.plain.seconds:.1f} s | {r.time_ratio:.2f} | "
            f"{r.hooks.cpu_seconds:.1f} / {r.plain.cpu_seconds:.1f} s | {r.cpu_ratio:.2f} | "
            f"{r.hooks.peak_mb:.0f} / {r.plain.peak_mb:.0f} MB | {r.memory_ratio:.2f} | "
            f"{r.per_document_ms:.1f} / {r.per_document_cpu_ms:.1f} ms | "
            f"{r.report_seconds:.2f} / {r.report_cpu_seconds:.2f} s | {r.report_cold_seconds:.2f} / {r.report_cold_cpu_seconds:.2f} s | "
            f"{100 * r.report_cold_cpu_seconds / r.hooks.cpu_seconds:.1f}% | {r.busy:.1f} |"
        )
    lines += [
        "",
        "| Manual | Pages (a) | Site size (a / b) | Search index raw (a / b) | Search index gzip (a / b) | Document page HTML median (a / b) | Largest document page HTML (a) | Document page transfer (a / b) | Transfer gzip (a / b) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        a, b = r.hooks_site, r.plain_site
        lines.append(
            f"| {r.size} | {a.pages} | {a.site_mb:.1f} / {b.site_mb:.1f} MB | {a.search_raw_kb:.0f} / {b.search_raw_kb:.0f} KB | "
            f"{a.search_gzip_kb:.0f} / {b.search_gzip_kb:.0f} KB | {a.doc_html_median_kb:.1f} / {b.doc_html_median_kb:.1f} KB | "
            f"{a.doc_html_max_kb:.1f} KB | {a.doc_transfer_kb:.0f} / {b.doc_transfer_kb:.0f} KB | {a.doc_transfer_gzip_kb:.0f} / {b.doc_transfer_gzip_kb:.0f} KB |"
        )
    for r in results:
        if r.live_preview is not None:
            lines += ["", live_preview_line(r)]
    return "\n".join(lines)


def live_preview_line(r: Result) -> str:
    lp = r.live_preview
    name = "shipped manual" if r.size == "shipped" else f"{r.documents} documents"
    head = f"Live preview ({name}, mkdocs serve): edit to page and A to Z updated:"
    if lp.seconds:
        head += f" median {lp.median:.1f} s, max {lp.max:.1f} s ({len(lp.seconds)} edit{'s' if len(lp.seconds) != 1 else ''} of {lp.document})"
    if lp.error:
        head += f" {'not measured' if not lp.seconds else 'then'}: {lp.error}"
    return head


def budgets(results: list[Result]) -> list[tuple[str, bool, str]]:
    """Each budget, judged on CPU time (a build runs on one core, so on a quiet machine its wall time is
    about its CPU time; other work on the machine inflates wall time but hardly CPU time), except live
    preview: wall time, what the editor waits, the median of the edits (the max shown beside it)."""
    checks = []
    for r in results:
        lp = r.live_preview
        if lp is not None and r.size == "shipped":
            value = (
                f"median {lp.median:.1f} s wall (max {lp.max:.1f} s, {len(lp.seconds)} edits)"
                if lp.seconds
                else "not measured"
            ) + (f"; {lp.error}" if lp.error else "")
            ok = lp.complete and lp.median < BUDGET_LIVE_PREVIEW_SECONDS
            checks.append((f"live preview under {BUDGET_LIVE_PREVIEW_SECONDS:g} s on the shipped manual", ok, value))
    synthetic = [r for r in results if r.size != "shipped"]
    if not synthetic:
        return checks
    largest = max(synthetic, key=lambda r: r.documents)
    n = largest.documents
    overhead = largest.cpu_ratio - 1
    checks.append(
        (
            f"hooks add at most {BUDGET_HOOKS_OVERHEAD:.0%} at {n} documents",
            overhead <= BUDGET_HOOKS_OVERHEAD,
            f"{overhead:+.0%} CPU ({largest.time_ratio - 1:+.0%} wall)",
        )
    )
    checks.append(
        (
            f"peak memory at most {BUDGET_MEMORY_RATIO}x plain at {n} documents",
            largest.memory_ratio <= BUDGET_MEMORY_RATIO,
            f"{largest.memory_ratio:.2f}x",
        )
    )
    base = next((r for r in synthetic if r.documents == 500), None)
    if base is not None and base is not largest:
        growth = largest.per_document_cpu_ms / base.per_document_cpu_ms
        checks.append(
            (
                f"time per document at {n} within {BUDGET_LINEAR}x that at 500",
                growth <= BUDGET_LINEAR,
                f"{growth:.2f}x CPU ({largest.per_document_cpu_ms:.1f} vs {base.per_document_cpu_ms:.1f} ms; wall {largest.per_document_ms / base.per_document_ms:.2f}x)",
            )
        )
    html = largest.hooks_site.doc_html_max_kb
    checks.append(
        (
            f"a document page's HTML under {BUDGET_PAGE_HTML_KB} KB at {n} documents",
            html < BUDGET_PAGE_HTML_KB,
            f"largest {html:.1f} KB, median {largest.hooks_site.doc_html_median_kb:.1f} KB",
        )
    )
    checks.append(
        (
            f"review report on {n} documents under {BUDGET_REPORT_SECONDS} s (with the record cache a build leaves)",
            largest.report_cpu_seconds < BUDGET_REPORT_SECONDS,
            f"{largest.report_cpu_seconds:.2f} s CPU ({largest.report_seconds:.2f} s wall); with the cache off {largest.report_cold_cpu_seconds:.2f} s CPU",
        )
    )
    return checks


def render(results: list[Result]) -> str:
    out = ["## Build benchmark", "", table(results), "", "### Budgets (judged on CPU time)", ""]
    for name, ok, value in budgets(results):
        out.append(f"- {'PASS' if ok else 'MISS'}: {name}: {value}")
    if results:
        assets = ", ".join(results[-1].hooks_site.assets)
        out += ["", f"A document page references: {assets or 'nothing'} (search index excluded)."]
        if max(r.busy for r in results) > 1:
            out += [
                "",
                "The machine was busy with other work (load per core above 1): wall times are inflated; CPU times hold.",
            ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the manual with and without the hooks and compare.")
    parser.add_argument(
        "--sizes", default="shipped,500,2000", help="comma-separated: 'shipped' and/or numbers of synthetic documents"
    )
    parser.add_argument("--seed", type=int, default=1, help="the synthetic manual's seed")
    parser.add_argument(
        "--today", default=DEFAULT_TODAY.isoformat(), help="the date the builds and the report run as of (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--work", type=Path, default=Path("/tmp/manual-benchmark"), help="where the projects and sites are written"
    )
    parser.add_argument("--output", type=Path, help="also write the table to this file")
    parser.add_argument(
        "--profile", action="store_true", help="also profile each hooks build with pyinstrument (written beside it)"
    )
    parser.add_argument(
        "--no-live-preview",
        action="store_true",
        help="skip timing mkdocs serve's rebuild after an edit (shipped manual)",
    )
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for size in sizes:
        if size != "shipped" and not (size.isdigit() and int(size) > 0):
            parser.error(f"--sizes: {size!r} is neither 'shipped' nor a number of documents")
    try:
        today = date.fromisoformat(args.today)
    except ValueError:
        parser.error(f"--today {args.today!r} is not a date; expected YYYY-MM-DD")
    args.work.mkdir(parents=True, exist_ok=True)
    results = [
        benchmark_size(size, args.work, args.seed, today, args.profile, not args.no_live_preview) for size in sizes
    ]
    text = render(results)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
