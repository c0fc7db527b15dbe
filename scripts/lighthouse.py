"""Lighthouse on a built site, served the way GitHub Pages serves it.

    .venv/bin/python scripts/lighthouse.py SITE [--page PATH ...] [--runs N] [--json FOLDER]

It builds nothing: SITE is a site already built (for the figures the team keeps, the shipped manual built
strictly with MANUAL_TODAY=2026-11-24; scripts/benchmark.py does that and adds them to its results). The
site is served on 127.0.0.1, on a port the operating system finds free, as Pages serves it: text gzipped
when the browser accepts it, Cache-Control max-age=600, 404.html for a missing page. (One difference
remains: Pages speaks HTTP/2 over TLS and this server HTTP/1.1, and Lighthouse's simulation models the
connections it sees: several to the one origin here, one shared connection on Pages.)

Lighthouse 12 is the version pinned in package.json (`npm ci --ignore-scripts` installs it; package.json's
overrides pin the two packages its trace engine asks for as "latest", or npm ci would refuse the lock
file). It runs in Debian's Chromium with the tests' flags (tests/browser.py): mobile, its default
simulated throttling, a fresh browser each run. It never downloads a browser.

The pages, unless --page says otherwise: the home page, the first document page (by address) and the
Levels of Need page, each measured --runs times (3) and the run with the median performance score shown.
For each, the four category scores against their targets (performance 95, the others 100) and, for a
category under its target, the audits that cost it points, with the elements they name: what a developer
has to fix. --json keeps the shown runs' full reports.

Exit status, as the manual command's: 0 every target met, 1 a target missed, 3 Lighthouse could not run.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from manual_site.features.levels_of_need import NAVIGATOR

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"


def _tests_module(name: str):
    """A module of the test suite's, loaded from its file (the import path stays as it is)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "tests" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# One place says how Chromium is launched headless and kept off the network, for the tests and for this.
_browser = _tests_module("browser")
CHROMIUM, CHROMIUM_ARGS = _browser.CHROMIUM, _browser.CHROMIUM_ARGS

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
LEVELS_OF_NEED = NAVIGATOR.removesuffix("index.md")  # "levels-of-need/"
RUN_TIMEOUT_SECONDS = 240


# --- Serving as GitHub Pages does ------------------------------------------------------------------

# What Pages (Fastly) compresses: text, scripts, data, SVG. Fonts, images and .gz files go as they are.
_COMPRESSED_TYPES = {
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "image/svg+xml",
}


def _compressible(content_type: str) -> bool:
    return content_type.startswith("text/") or content_type in _COMPRESSED_TYPES


class PagesHandler(SimpleHTTPRequestHandler):
    """GET and HEAD as GitHub Pages answers them: a folder's index.html (a folder without its slash is
    redirected), 404.html with status 404, gzip when Accept-Encoding allows it, max-age=600."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".map": "application/json"}
    _gzipped: dict[Path, bytes]  # set per server: each file compressed once
    _lock: threading.Lock

    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass

    def do_GET(self):
        self._answer(body=True)

    def do_HEAD(self):
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        file = Path(self.translate_path(path))
        if file.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            file = file / "index.html"
        status = HTTPStatus.OK
        if not file.is_file():
            status, file = HTTPStatus.NOT_FOUND, Path(self.directory) / "404.html"
        content = file.read_bytes() if file.is_file() else b"Not Found"
        content_type = self.guess_type(str(file)) if file.is_file() else "text/plain"
        headers = {"Cache-Control": "max-age=600"}
        if _compressible(content_type):
            headers["Content-Type"] = f"{content_type}; charset=utf-8"
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                with self._lock:
                    if file not in self._gzipped:
                        self._gzipped[file] = gzip.compress(content, compresslevel=6, mtime=0)
                    content = self._gzipped[file]
                headers["Content-Encoding"] = "gzip"
        else:
            headers["Content-Type"] = content_type
        if file.is_file():
            headers["Last-Modified"] = formatdate(file.stat().st_mtime, usegmt=True)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if body:
            self.wfile.write(content)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser moving on before a file is sent
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site served on 127.0.0.1 from a background thread; yields its origin, http://127.0.0.1:<port>."""
    handler = type("Handler", (PagesHandler,), {"_gzipped": {}, "_lock": threading.Lock()})
    httpd = _Server(("127.0.0.1", 0), lambda *args: handler(*args, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, name="lighthouse-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


# --- Which pages ---------------------------------------------------------------------------------


def default_pages(site: Path) -> list[str]:
    """The home page, the first document page by address, and the Levels of Need page (each if built)."""
    pages = [""]
    documents = sorted(
        page
        for page in (site / "procedures").glob("*/index.html")
        # A document's page carries the document-control panel; an index under procedures/ does not.
        if 'class="manual-control' in page.read_text(encoding="utf-8")
    )
    if documents:
        pages.append(documents[0].parent.relative_to(site).as_posix() + "/")
    if (site / LEVELS_OF_NEED / "index.html").is_file():
        pages.append(LEVELS_OF_NEED)
    return pages


# --- Running Lighthouse and reading its report -----------------------------------------------------


@dataclass
class Audit:
    id: str
    title: str
    score: float | None
    value: str = ""  # Lighthouse's display value ("3.1 s", "2 resources found")
    elements: list[str] = field(default_factory=list)  # the selectors or addresses it names, a few of them

    def line(self) -> str:
        score = "n/a" if self.score is None else f"{round(self.score * 100)}"
        where = f" ({', '.join(self.elements)})" if self.elements else ""
        value = f", {self.value}" if self.value else ""
        return f"{self.title} [{self.id}: score {score}{value}]{where}"


@dataclass
class PageScores:
    page: str  # "" for the home page
    scores: dict[str, int | None] = field(default_factory=dict)  # category -> 0..100 (None: not scored)
    failing: dict[str, list[Audit]] = field(default_factory=dict)  # category under its target -> its audits
    seconds: float = 0.0  # one Lighthouse run, wall time (the mean of the runs)
    performance_runs: list[int] = field(default_factory=list)  # every run's performance score, in order
    benchmark_index: float = 0.0  # Lighthouse's measure of the machine's speed in the run shown (higher: faster)
    warnings: list[str] = field(default_factory=list)
    error: str = ""  # why the page has no scores

    @property
    def label(self) -> str:
        return f"/{self.page}"

    def missed(self) -> list[str]:
        return [
            category
            for category in CATEGORIES
            if self.error or self.scores.get(category) is None or self.scores[category] < TARGETS[category]
        ]


def lighthouse_command(url: str, report: Path) -> list[str]:
    return [
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",  # Lighthouse's default, said so the report cannot change with a new default
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        "--no-enable-error-reporting",
        "--quiet",
    ]


def run_lighthouse(url: str, work: Path) -> dict:
    """Lighthouse's report (its JSON) on one address, in a fresh Chromium; RuntimeError if it cannot run."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing: run `npm ci --ignore-scripts` in {REPO}")
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium (scripts/install-browser.sh)")
    report = work / "report.json"
    report.unlink(missing_ok=True)
    # chrome-launcher starts the browser named in CHROME_PATH, so Lighthouse never looks for one of its own.
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    try:
        process = subprocess.run(
            lighthouse_command(url, report),
            env=env,
            cwd=work,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired as error:
        raise RuntimeError(f"Lighthouse did not finish within {RUN_TIMEOUT_SECONDS} s on {url}") from error
    if process.returncode != 0 or not report.is_file():
        raise RuntimeError(f"Lighthouse failed on {url} (exit {process.returncode}):\n{process.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def _elements(details: dict | None, limit: int = 3) -> list[str]:
    """A few of the elements or addresses an audit's details name, so the reader knows where to look."""
    found: list[str] = []
    for item in (details or {}).get("items", []) or []:
        if not isinstance(item, dict):
            continue
        node = item.get("node") if isinstance(item.get("node"), dict) else item
        name = node.get("selector") or (item.get("url") if isinstance(item.get("url"), str) else None)
        if name and name not in found:
            found.append(name)
        if len(found) == limit:
            break
    return found


def costly_audits(report: dict, category: str) -> list[Audit]:
    """The audits of a category that cost it points, as Lighthouse's own report shows them: a weighted
    audit under full marks and, for performance, a diagnostic under full marks (unweighted, it says why a
    metric is slow). Lighthouse 12's "hidden" audits (its insights) repeat the diagnostics and are left out."""
    audits, refs = report["audits"], report["categories"][category]["auditRefs"]
    origin = _origin(report.get("requestedUrl", ""))
    found = []
    for ref in refs:
        audit = audits.get(ref["id"], {})
        score, mode = audit.get("score"), audit.get("scoreDisplayMode")
        if score is None or score >= 1 or mode in ("notApplicable", "manual", "informative", "error"):
            continue
        if ref.get("weight", 0) <= 0 and not (category == "performance" and ref.get("group") == "diagnostics"):
            continue
        elements = [element.removeprefix(origin) for element in _elements(audit.get("details"))]
        found.append(Audit(ref["id"], audit.get("title", ref["id"]), score, audit.get("displayValue", ""), elements))
    # The weighted ones first, heaviest first: where the points are.
    weight = {ref["id"]: ref.get("weight", 0) for ref in refs}
    return sorted(found, key=lambda audit: (-weight.get(audit.id, 0), audit.score or 0))


def _origin(url: str) -> str:
    """http://127.0.0.1:<port>, dropped from the addresses an audit names (the port differs every run)."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def summarise(page: str, report: dict, seconds: float) -> PageScores:
    result = PageScores(page, seconds=seconds, warnings=list(report.get("runWarnings", [])))
    result.benchmark_index = float(report.get("environment", {}).get("benchmarkIndex", 0))
    if report.get("runtimeError"):
        result.error = f"{report['runtimeError'].get('code')}: {report['runtimeError'].get('message')}"
    for category in CATEGORIES:
        score = report["categories"].get(category, {}).get("score")
        result.scores[category] = None if score is None else round(score * 100)
        if result.scores[category] is None or result.scores[category] < TARGETS[category]:
            result.failing[category] = costly_audits(report, category) if category in report["categories"] else []
    return result


def _performance(report: dict) -> float:
    return report["categories"].get("performance", {}).get("score") or 0.0


def measure(site: Path, pages: list[str] | None = None, runs: int = 3, keep: Path | None = None) -> list[PageScores]:
    """Each page's scores, the site served as Pages serves it. Lighthouse runs `runs` times per page and the
    run with the median performance score is shown (Lighthouse's own advice: performance varies from run to
    run, the more so on a busy machine; the other categories do not). With `keep`, the shown run's full
    report is written there too (lighthouse-<page>.json)."""
    pages = default_pages(site) if pages is None else pages
    results = []
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as temp, serve(site) as origin:
        for page in pages:
            reports, start = [], time.perf_counter()
            try:
                for number in range(1, runs + 1):
                    reports.append(run_lighthouse(f"{origin}/{page}", Path(temp)))
                    print(
                        f"lighthouse: /{page} run {number}: performance {round(_performance(reports[-1]) * 100)}",
                        file=sys.stderr,
                        flush=True,
                    )
            except RuntimeError as error:
                results.append(PageScores(page, seconds=time.perf_counter() - start, error=str(error)))
                continue
            shown = sorted(reports, key=_performance)[len(reports) // 2]
            result = summarise(page, shown, (time.perf_counter() - start) / len(reports))
            result.performance_runs = [round(_performance(report) * 100) for report in reports]
            results.append(result)
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                name = page.strip("/").replace("/", "-") or "home"
                (keep / f"lighthouse-{name}.json").write_text(json.dumps(shown, indent=1), encoding="utf-8")
    return results


# --- Reporting -----------------------------------------------------------------------------------


NAMES = {
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best practices",
    "seo": "SEO",
}


def render(results: list[PageScores]) -> str:
    """The scores as a Markdown section (the benchmark's results file), then what to fix."""
    lines = [
        "## Lighthouse (mobile)",
        "",
        "Lighthouse 12 in Debian's Chromium: mobile, its simulated throttling, the site served as GitHub Pages "
        "serves it (gzip, max-age=600). Each page run several times, the run with the median performance shown. "
        f"Targets: performance {TARGETS['performance']}, the others {TARGETS['accessibility']}.",
        "",
        "| Page | " + " | ".join(NAMES[c] for c in CATEGORIES) + " | Performance, each run | Machine speed | One run |",
        "| --- | " + " | ".join("---:" for _ in CATEGORIES) + " | ---: | ---: | ---: |",
    ]
    for r in results:
        cells = [
            "error" if r.scores.get(c) is None else f"{r.scores[c]}{'' if r.scores[c] >= TARGETS[c] else ' (MISS)'}"
            for c in CATEGORIES
        ]
        runs = ", ".join(map(str, r.performance_runs)) or "-"
        lines.append(
            f"| {r.label} | " + " | ".join(cells) + f" | {runs} | {r.benchmark_index:.0f} | {r.seconds:.0f} s |"
        )
    lines += [
        "",
        "Machine speed is Lighthouse's benchmark index in the run shown: simulated throttling scales this machine's "
        "own CPU time, so a busy machine scores lower.",
        "",
        "### Lighthouse targets",
        "",
    ]
    for r in results:
        if r.error:
            lines.append(f"- MISS: {r.label}: Lighthouse could not score it: {r.error}")
            continue
        missed = r.missed()
        if not missed:
            lines.append(f"- PASS: {r.label}: every category at its target")
        for category in missed:
            lines.append(f"- MISS: {r.label}: {NAMES[category]} {r.scores.get(category)}, target {TARGETS[category]}")
            lines += [f"    - {audit.line()}" for audit in r.failing.get(category, [])]
        lines += [f"    - Lighthouse warned: {warning}" for warning in r.warnings]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Lighthouse (mobile) on a built site, served as GitHub Pages serves it."
    )
    parser.add_argument("site", type=Path, help="the built site (e.g. from `mkdocs build --strict -d DIR`)")
    parser.add_argument(
        "--page",
        action="append",
        dest="pages",
        help="a page's path in the site, such as procedures/mash-referral/ (repeatable; default: the home "
        "page, the first document page and the Levels of Need page)",
    )
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is shown)")
    parser.add_argument("--json", type=Path, help="also keep each page's full Lighthouse report in this folder")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} is not a built site (no index.html)")
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    results = measure(args.site.resolve(), args.pages, args.runs, args.json)
    print(render(results))
    if any(r.error for r in results):
        return 3
    return 1 if any(r.missed() for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
