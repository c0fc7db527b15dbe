"""The build benchmark: this project's build against plain MkDocs + Material, on synthetic manuals.

    make benchmark                                    # the same as:
    .venv/bin/python scripts/benchmark.py --sizes 500,2000

For each size, N synthetic documents (scripts/synthetic_manual.py) are built two ways, each build in a
fresh process, the two taking turns --runs times:

  (a) manual: the real mkdocs.yml, read at run time, with its hooks and theme overrides, strict;
  (b) plain: MkDocs + Material alone on the same documents: the same Markdown extensions, plugins and
      theme features (navigation.prune among them), no hooks, no overrides, the navigation MkDocs makes
      from the folders, doc:ID links written as ordinary links.

Then live preview on the 500-document manual: `mkdocs serve` (on a port the operating system found
free), one document's title edited a few times, each edit timed until the document's page and the A to Z
both show the new title.

The figures and each budget (PASS or MISS) are printed and written to the output file (--output, by
default results.md in the work folder). Budgets are judged on CPU time, the median of the runs: it
stays steady when other work shares the machine, where wall time does not. Live preview is judged on
wall time, what an editor waits.

Last, Lighthouse (mobile) on the shipped manual, built strictly into the work folder with --today, on the
pages scripts/lighthouse.py chooses (--no-lighthouse skips it); its scores and targets join the output. Then
search (scripts/search_benchmark.py; --no-search skips it): the evaluation set's accuracy on the shipped manual, and
the first query on a phone at the largest size, the manual's against plain MkDocs + Material's.
"""

from __future__ import annotations

import argparse
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
from pathlib import Path

import yaml
from synthetic_manual import DEFAULT_TODAY, copy_machinery, generate  # beside this script

from manual.model.problems import ManualError
from manual.reading.frontmatter import parse_document_text

# The budgets: the manual's strict build at most this many times plain MkDocs + Material's CPU time...
BUDGET_CPU_RATIO = {500: 1.3, 2000: 1.5}
BUDGET_PAGE_HTML_KB = 80  # ...a document page's HTML (every size)...
BUDGET_LIVE_PREVIEW_SECONDS = 10.0  # ...and an edit seen in live preview (the median edit) at this size:
LIVE_PREVIEW_SIZE = 500
LIVE_PREVIEW_HOST = "127.0.0.1"
DOC_LINK = re.compile(r"\]\(doc:([A-Za-z0-9_-]*)(#[^)\s]*)?\)")


# --- Reading and writing mkdocs.yml without losing its tags (!ENV, !!python/name:...) ---------


class Tagged:
    def __init__(self, tag: str, value):
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))


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


def prepare_projects(base: Path, count: int, seed: int, today: date) -> tuple[Path, Path]:
    """base/manual: a synthetic manual with this repository's machinery; base/plain: the same for plain MkDocs."""
    manual_root, plain_root = base / "manual", base / "plain"
    for root in (manual_root, plain_root):
        if root.exists():
            shutil.rmtree(root)
    manual_root.mkdir(parents=True)
    copy_machinery(manual_root, generate(manual_root, count, seed, today))

    config = read_config(manual_root / "mkdocs.yml")
    docs = plain_root / str(config.get("docs_dir", "docs"))
    shutil.copytree(manual_root / "docs", docs)
    shutil.copytree(manual_root / "procedures", docs / "procedures", ignore=shutil.ignore_patterns("*.yml"))
    pages = {page.stem: page for page in (docs / "procedures").rglob("*.md")}  # a synthetic document's file is its id
    for page in docs.rglob("*.md"):

        def ordinary(match: re.Match, page: Path = page) -> str:
            target = pages.get(match.group(1))
            return f"]({os.path.relpath(target, page.parent) if target else match.group(1)}{match.group(2) or ''})"

        text = page.read_text(encoding="utf-8")
        page.write_text(DOC_LINK.sub(ordinary, text), encoding="utf-8")
    for key in ("hooks", "watch", "nav"):
        config.pop(key, None)
    theme = config["theme"]
    theme.pop("custom_dir", None)
    if theme.get("language") == "custom":  # the custom language lives in the overrides
        theme["language"] = "en"
    features = theme.setdefault("features", [])
    if "navigation.prune" not in features:
        features.append("navigation.prune")
    write_config(plain_root / "mkdocs.yml", config)
    return manual_root, plain_root


# --- Measuring -------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system
    peak_mb: float
    returncode: int
    output: str


def measure(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> Run:
    """Wall time, CPU time and peak resident memory of a fresh process (its own rusage, from wait4)."""
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    return Run(
        seconds,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
        log.read_text(encoding="utf-8", errors="replace"),
    )


def median_run(runs: list[Run]) -> Run:
    """The run with the median CPU time."""
    return sorted(runs, key=lambda run: run.cpu_seconds)[len(runs) // 2]


@dataclass
class Pages:
    documents: int = 0
    html_median_kb: float = 0.0
    html_max_kb: float = 0.0
    control_panels: int = 0  # document pages carrying the manual's document-control panel


def document_pages(site: Path) -> Pages:
    """The document pages of a built site: site/procedures/**/index.html."""
    pages = sorted((site / "procedures").rglob("index.html"))
    if not pages:
        return Pages()
    sizes = [page.stat().st_size / 1000 for page in pages]
    panels = sum('class="manual-control' in page.read_text(encoding="utf-8") for page in pages)
    return Pages(len(pages), statistics.median(sizes), max(sizes), panels)


@dataclass
class Result:
    documents: int
    manual: Run
    plain: Run
    manual_pages: Pages
    plain_pages: Pages
    live_preview: LivePreview | None = None

    @property
    def cpu_ratio(self) -> float:
        return self.manual.cpu_seconds / self.plain.cpu_seconds

    @property
    def time_ratio(self) -> float:
        return self.manual.seconds / self.plain.seconds

    @property
    def memory_ratio(self) -> float:
        return self.manual.peak_mb / self.plain.peak_mb


def benchmark_size(count: int, work: Path, seed: int, today: date, runs: int = 3, live_preview: bool = True) -> Result:
    base = work / str(count)
    print(f"[{count}] preparing the projects", file=sys.stderr, flush=True)
    manual_root, plain_root = prepare_projects(base, count, seed, today)
    env = {**os.environ, "MANUAL_TODAY": today.isoformat(), "PYTHONDONTWRITEBYTECODE": "1"}
    build = [sys.executable, "-m", "mkdocs", "build"]
    measured: dict[str, list[Run]] = {"manual": [], "plain": []}
    for number in range(1, runs + 1):
        for name, root, command in (
            ("manual", manual_root, [*build, "--strict"]),
            # Not strict: without the hooks, links to the generated pages (contacts, glossary...) point nowhere.
            ("plain", plain_root, build),
        ):
            log = base / f"{name}-build.log"
            run = measure(command, root, env, log)
            if run.returncode != 0:
                raise SystemExit(f"benchmark: the {name} build of {count} failed (log: {log}):\n{run.output[-3000:]}")
            measured[name].append(run)
            print(f"[{count}] {name} build {number}: {run.cpu_seconds:.1f} s CPU", file=sys.stderr, flush=True)
    result = Result(
        count,
        median_run(measured["manual"]),
        median_run(measured["plain"]),
        document_pages(manual_root / "site"),
        document_pages(plain_root / "site"),
    )
    if live_preview and count == LIVE_PREVIEW_SIZE:
        print(f"[{count}] live preview: mkdocs serve, a document's title edited", file=sys.stderr, flush=True)
        result.live_preview = time_live_preview(manual_root, today, base / "serve.log")
        if result.live_preview.error:
            print(f"[{count}]     {result.live_preview.error}", file=sys.stderr, flush=True)
    return result


# --- Live preview: mkdocs serve, one document edited ---------------------------------------------


@dataclass
class LivePreview:
    document: str  # the edited file, relative to the project
    edits: int  # edits made (or meant to be made)
    seconds: list[float] = field(default_factory=list)  # per edit seen: from the edit to page and A to Z both updated
    error: str = ""  # why a measurement is missing
    port: int = 0
    exit_code: int | None = None  # the server's, once stopped

    @property
    def complete(self) -> bool:
        return not self.error and len(self.seconds) == self.edits > 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


# Straight to the local server: never through a proxy set in the environment.
_LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    """A port the operating system has just found free (mkdocs serve binds it a moment later)."""
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


_TITLE_LINE = re.compile(r"^title:[ \t]*(\S.*?)[ \t]*$", re.MULTILINE)


def retitle(text: str, word: str) -> tuple[str, str]:
    """The document's text with `word` added to the end of its title (the line kept in its own style), and the new title."""
    parsed = parse_document_text(text, "")
    title = str(parsed.data.get("title", ""))
    match = _TITLE_LINE.search(text, parsed.yaml_start, parsed.yaml_end)
    if not title or match is None:
        raise ValueError("no one-line title in the front matter")
    value = match.group(1)
    if len(value) > 1 and value[0] in "'\"" and value[-1] == value[0]:
        value = f"{value[:-1]} {word}{value[-1]}"
    else:
        value = f"{value} {word}"
    new_text = text[: match.start(1)] + value + text[match.end(1) :]
    new_title = f"{title} {word}"
    if parse_document_text(new_text, "").data.get("title") != new_title:
        raise ValueError(f"could not add a word to the title line {match.group(0)!r}")
    return new_text, new_title


def preview_document(root: Path) -> Path:
    """The first approved document (by path): it is in the A to Z."""
    for path in sorted((root / "procedures").rglob("*.md")):
        try:
            data = parse_document_text(path.read_text(encoding="utf-8"), "").data
        except (ManualError, OSError):
            continue
        if data.get("status") == "approved" and data.get("id"):
            return path
    raise ValueError(f"no approved document in {root / 'procedures'} to edit")


def _stop(process: subprocess.Popen) -> None:
    """Ctrl-C first (mkdocs serve then removes its temporary site), then terminate, then kill."""
    for stop, wait in ((lambda: process.send_signal(signal.SIGINT), 15), (process.terminate, 10), (process.kill, 10)):
        if process.poll() is not None:
            return
        stop()
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue


def time_live_preview(
    root: Path,
    today: date,
    log: Path,
    *,
    edits: int = 3,
    ready_timeout: float = 180,
    edit_timeout: float = 60,
    interval: float = 0.1,
) -> LivePreview:
    """`mkdocs serve` on the project at root, then `edits` edits to one document's title, each timed from
    the edit until the document's page and the A to Z (/indexes/a-to-z/) both show the new title. The
    document is restored and the server stopped however it ends; a missing measurement says why in .error."""
    try:
        path = preview_document(root)
        original = path.read_text(encoding="utf-8")
        doc_id = str(parse_document_text(original, "").data["id"])
        nonce = secrets.token_hex(3)
        # A new word each edit, found in no earlier page; it ends the title, so on the page it is anywhere
        # (the heading, the navigation) and in the A to Z it is a link's text.
        words = [f"Preview{number}x{nonce}" for number in range(1, edits + 1)]
        texts = [retitle(original, word)[0] for word in words]
    except (OSError, ValueError, ManualError) as error:
        return LivePreview("", edits, error=f"nothing to edit: {error}")
    result = LivePreview(path.relative_to(root).as_posix(), edits, port=free_port())
    base = f"http://{LIVE_PREVIEW_HOST}:{result.port}"
    page_url, index_url = f"{base}/procedures/{doc_id}/", f"{base}/indexes/a-to-z/"
    env = {**os.environ, "MANUAL_TODAY": today.isoformat(), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"{LIVE_PREVIEW_HOST}:{result.port}"]
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
                path.write_text(text, encoding="utf-8")
                start = time.perf_counter()
                seen_page = seen_index = None
                while time.perf_counter() - start < edit_timeout and process.poll() is None:
                    if seen_page is None and word in (_fetch(page_url) or ""):
                        seen_page = time.perf_counter()
                    if seen_page is not None and f"{word}</a>" in (_fetch(index_url) or ""):
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
            result.exit_code = process.poll()


# --- Reporting -------------------------------------------------------------------------------


def render(results: list[Result], runs: int) -> str:
    lines = [
        "## Build benchmark",
        "",
        f"Each build in a fresh process, the two taking turns {runs} time{'s' if runs != 1 else ''}; "
        "the run with the median CPU time shown.",
        "",
        "| Documents | CPU (a) manual / (b) plain | CPU a/b | Wall a / b | Wall a/b | Peak memory a / b | Memory a/b "
        "| Document page HTML (a): median / largest | (b): median / largest |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        a, b = r.manual_pages, r.plain_pages
        lines.append(
            f"| {r.documents} | {r.manual.cpu_seconds:.1f} / {r.plain.cpu_seconds:.1f} s | {r.cpu_ratio:.2f} "
            f"| {r.manual.seconds:.1f} / {r.plain.seconds:.1f} s | {r.time_ratio:.2f} "
            f"| {r.manual.peak_mb:.0f} / {r.plain.peak_mb:.0f} MB | {r.memory_ratio:.2f} "
            f"| {a.html_median_kb:.1f} / {a.html_max_kb:.1f} KB | {b.html_median_kb:.1f} / {b.html_max_kb:.1f} KB |"
        )
    lines += ["", "### Budgets", ""]
    lines += [f"- {'PASS' if ok else 'MISS'}: {name}: {value}" for name, ok, value in budgets(results)]
    load = os.getloadavg()[0] / (os.cpu_count() or 1)
    lines += ["", f"Load per core at the end: {load:.1f} (above 1, other work competed: wall times are inflated)."]
    return "\n".join(lines) + "\n"


def budgets(results: list[Result]) -> list[tuple[str, bool, str]]:
    checks = []
    for r in results:
        limit = BUDGET_CPU_RATIO.get(r.documents)
        if limit is not None:
            checks.append(
                (
                    f"the strict build at {r.documents} documents at most {limit}x plain MkDocs + Material (CPU)",
                    r.cpu_ratio <= limit,
                    f"{r.cpu_ratio:.2f}x ({r.manual.cpu_seconds:.1f} s against {r.plain.cpu_seconds:.1f} s)",
                )
            )
        checks.append(
            (
                f"a document page's HTML under {BUDGET_PAGE_HTML_KB} KB at {r.documents} documents",
                0 < r.manual_pages.html_max_kb < BUDGET_PAGE_HTML_KB,
                f"largest {r.manual_pages.html_max_kb:.1f} KB of {r.manual_pages.documents} pages",
            )
        )
        lp = r.live_preview
        if lp is not None:
            seen = f"median {lp.median:.1f} s of {len(lp.seconds)} edits (wall)" if lp.seconds else "not measured"
            checks.append(
                (
                    f"an edit seen in live preview within {BUDGET_LIVE_PREVIEW_SECONDS:g} s at {r.documents} documents",
                    lp.complete and lp.median <= BUDGET_LIVE_PREVIEW_SECONDS,
                    seen + (f"; {lp.error}" if lp.error else ""),
                )
            )
    return checks


def lighthouse_section(work: Path, today: date) -> str:
    """scripts/lighthouse.py's section of the results, on the shipped manual built strictly for this run."""
    import lighthouse  # beside this script; it needs node_modules (npm ci --ignore-scripts) only when run

    site = work / "lighthouse-site"
    print("[lighthouse] building the shipped manual", file=sys.stderr, flush=True)
    env = {**os.environ, "MANUAL_TODAY": today.isoformat(), "PYTHONDONTWRITEBYTECODE": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        return (
            f"## Lighthouse (mobile)\n\n- MISS: the shipped manual did not build:\n\n```\n{build.stderr[-3000:]}\n```\n"
        )
    return lighthouse.render(lighthouse.measure(site, keep=work / "lighthouse-reports"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build synthetic manuals with and without the hooks and compare.")
    parser.add_argument("--sizes", default="500,2000", help="comma-separated numbers of synthetic documents")
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind per size (the median is judged)")
    parser.add_argument("--seed", type=int, default=1, help="the synthetic manuals' seed")
    parser.add_argument("--today", default=DEFAULT_TODAY.isoformat(), help="the builds' date (YYYY-MM-DD)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/manual-benchmark"), help="where projects are built")
    parser.add_argument("--output", type=Path, help="where the figures are written (default: WORK/results.md)")
    parser.add_argument("--no-live-preview", action="store_true", help=f"skip live preview at {LIVE_PREVIEW_SIZE}")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse on the shipped manual")
    parser.add_argument("--no-search", action="store_true", help="skip search: accuracy and the first query on a phone")
    args = parser.parse_args(argv)
    try:
        sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error(f"--sizes {args.sizes!r}: expected numbers of documents, such as 500,2000")
    if not sizes or min(sizes) < 1 or args.runs < 1:
        parser.error("--sizes and --runs must be 1 or more")
    try:
        today = date.fromisoformat(args.today)
    except ValueError:
        parser.error(f"--today {args.today!r} is not a date; expected YYYY-MM-DD")
    args.work.mkdir(parents=True, exist_ok=True)
    results = [benchmark_size(size, args.work, args.seed, today, args.runs, not args.no_live_preview) for size in sizes]
    text = render(results, args.runs)
    if not args.no_lighthouse:
        text += "\n" + lighthouse_section(args.work, today)
    if not args.no_search:
        import search_benchmark  # beside this script: accuracy on the shipped manual, the first query at max(sizes)

        text += "\n" + search_benchmark.section(args.work, today, max(sizes))
    output = args.output or args.work / "results.md"
    output.write_text(text, encoding="utf-8")
    print(text + f"\n(written to {output})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
