"""Search in practitioners' words, measured in the real search box of built sites (Chromium, through Playwright).

    .venv/bin/python scripts/search_benchmark.py --site /tmp/manual-benchmark/2000/manual/site \\
        [--plain /tmp/manual-benchmark/2000/plain/site] [--shipped /tmp/manual-benchmark/search-site]

scripts/benchmark.py calls section() after its builds; its figures join the benchmark's results:

- accuracy: the evaluation set (tests/search-queries.yml) typed into the shipped manual's search box: the share of
  queries whose expected page comes first, and in the first three;
- the first query on a phone: a fresh visit to a synthetic manual of 2,000 documents, Chromium's CPU slowed four
  times (a mid-range phone), a query typed as soon as the page has loaded: what it downloads (each response counted
  as a server that compresses would send it: gzip, or as it is when that is smaller) and how long until the results
  show. The manual (Pagefind) and, for comparison, plain MkDocs + Material (its lunr index of every page's text).

The budgets (issue 18): at least 90% first and 98% in the first three; the first query at most 300 KB compressed and
its results within one second. tests/test_search.py runs the same evaluation set with the same code (run_queries).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
QUERIES = REPO / "tests" / "search-queries.yml"
CHROMIUM = os.environ.get("MANUAL_CHROMIUM", "/usr/bin/chromium")

BUDGET_FIRST = 0.90
BUDGET_TOP3 = 0.98
BUDGET_FIRST_QUERY_KB = 300
BUDGET_FIRST_QUERY_SECONDS = 1.0
PHONE_CPU_SLOWDOWN = 4  # Chromium's CPU throttling: Lighthouse's mid-range phone
PHONE = {"width": 412, "height": 823}
# Queries for the synthetic manuals, whose words are drawn from the same lists: one word, a phrase, a misspelling.
SYNTHETIC_QUERIES = ("referral", "baby sleeping on sofa", "neglectt assesment")
WORKER = "search-worker.js"


# --- The evaluation set, in the search box -----------------------------------------------------------------------


@dataclass
class Outcome:
    query: str
    kind: str
    expected: str  # the page's path: "procedures/<id>" or a site page such as "contacts"
    found: list[str]  # the results' paths, in order

    @property
    def first(self) -> bool:
        return self.found[:1] == [self.expected]

    @property
    def top3(self) -> bool:
        return self.expected in self.found[:3]

    def __str__(self) -> str:
        return f"{self.query!r} ({self.kind}): expected {self.expected}, got {self.found[:3] or 'nothing'}"


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def expected_path(expected: str) -> str:
    """An entry's expected page as a result's path: a document's id, or a site page's address ending in "/"."""
    return expected.strip("/") if expected.endswith("/") else f"procedures/{expected}"


def search_worker(page):
    """The page's search worker (Material starts it when the page loads)."""
    page.wait_for_function("() => document.readyState === 'complete'")
    for worker in page.workers:
        if worker.url.endswith(WORKER):
            return worker
    with page.expect_worker(lambda worker: worker.url.endswith(WORKER)) as started:
        pass
    return started.value


def search(page, worker, query: str) -> list[str]:
    """Type a query into the search box; the results' paths as the search box shows them, in order."""
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material reads the box on keyup
    locations = worker.evaluate("query => self.manualSearch.answered(query)", query)
    page.wait_for_function(
        """(locations) => {
            const shown = [...document.querySelectorAll(".md-search-result__item > a")]
            return shown.length === locations.length
                && shown.every((link, n) => new URL(link.href).pathname === new URL(locations[n], link.href).pathname)
        }""",
        arg=locations,
    )
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return [urlsplit(href).path.strip("/") for href in hrefs]


def site_path(path: str, root: str) -> str:
    """A result's path relative to the site's root ("procedures/x"), wherever the site is served."""
    return path[len(root) :].strip("/") if path.startswith(root) else path


def run_queries(page, entries: list[dict]) -> list[Outcome]:
    """Every entry typed into the search box of the page already open, one after another."""
    root = urlsplit(page.url).path.rsplit("/", 1)[0].strip("/")
    worker = search_worker(page)
    page.locator("input.md-search__input").click()
    outcomes = []
    for entry in entries:
        found = [site_path(path, root) for path in search(page, worker, entry["query"])]
        outcomes.append(Outcome(entry["query"], entry["kind"], expected_path(entry["expected"]), found))
    return outcomes


def accuracy(outcomes: list[Outcome]) -> tuple[float, float]:
    return (
        sum(o.first for o in outcomes) / len(outcomes),
        sum(o.top3 for o in outcomes) / len(outcomes),
    )


# --- The first query on a phone ----------------------------------------------------------------------------------


@dataclass
class FirstQuery:
    query: str
    seconds: float
    raw_bytes: int
    sent_bytes: int  # as a compressing server sends them
    files: list[str] = field(default_factory=list)


def _sent(body: bytes) -> int:
    return min(len(body), len(gzip.compress(body, 6)))


def first_query(browser, url: str, query: str) -> FirstQuery:
    """A fresh visit (nothing cached), the CPU slowed as a mid-range phone's, the query typed once the page has
    loaded: the search's downloads (its worker and files at page load, and all the query asks for) and the time
    from the query to its results on screen."""
    # Service workers blocked: the offline copy's worker saves the whole site after the first visit, which is not
    # the search's download (it waits for the page to load, and a reader who searches at once shares the network).
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
    responses = []
    context.on("response", lambda response: responses.append(response))
    try:
        page.goto(url, wait_until="load")
        before = len(responses)
        page.locator("label.md-header__button[for=__search]").click()  # a phone opens the search dialog first
        box = page.locator("input.md-search__input")
        box.fill(query)
        start = time.perf_counter()
        box.press("End")
        page.wait_for_function(
            """() => document.querySelector(".md-search-result__item") !== null
                || /^No matching/.test(document.querySelector(".md-search-result__meta")?.textContent.trim() || "")""",
            polling="raf",
            timeout=60000,
        )
        seconds = time.perf_counter() - start
        searching = [r for r in responses[:before] if _is_search_file(r.url)] + responses[before:]
        raw = sent = 0
        files = []
        for response in searching:
            try:
                body = response.body()
            except Exception:  # noqa: BLE001 - a redirect or an aborted request has no body
                continue
            raw += len(body)
            sent += _sent(body)
            files.append(urlsplit(response.url).path)
        return FirstQuery(query, seconds, raw, sent, files)
    finally:
        context.close()


def _is_search_file(url: str) -> bool:
    path = urlsplit(url).path
    return path.endswith((WORKER, "search_index.json")) or "/workers/search." in path or "/pagefind/" in path


# --- Serving and reporting ---------------------------------------------------------------------------------------


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


@dataclass
class Served:
    url: str
    close: object


def serve(site: Path) -> Served:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return Served(f"http://127.0.0.1:{server.server_address[1]}/", server.shutdown)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])


def measure_first_queries(browser, site: Path, queries=SYNTHETIC_QUERIES) -> list[FirstQuery]:
    served = serve(site)
    try:
        return [first_query(browser, served.url, query) for query in queries]
    finally:
        served.close()


def measure_accuracy(browser, site: Path, entries: list[dict]) -> list[Outcome]:
    served = serve(site)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(served.url)
        return run_queries(page, entries)
    finally:
        context.close()
        served.close()


def render(outcomes: list[Outcome] | None, manual: list[FirstQuery], plain: list[FirstQuery], documents: int) -> str:
    lines = ["## Search", ""]
    checks = []
    if outcomes:
        first, top3 = accuracy(outcomes)
        kinds = sorted({o.kind for o in outcomes})
        lines += [
            f"Accuracy on the evaluation set ({len(outcomes)} queries, tests/search-queries.yml, the shipped manual): "
            f"{first:.0%} first, {top3:.0%} in the first three.",
            "",
            "| Kind | Queries | First | First three |",
            "| --- | ---: | ---: | ---: |",
        ]
        for kind in kinds:
            of_kind = [o for o in outcomes if o.kind == kind]
            lines.append(
                f"| {kind} | {len(of_kind)} | {sum(o.first for o in of_kind)} | {sum(o.top3 for o in of_kind)} |"
            )
        missed = [o for o in outcomes if not o.first]
        if missed:
            lines += ["", "Not first:", ""] + [f"- {o}" for o in missed]
        lines.append("")
        checks += [
            (f"at least {BUDGET_FIRST:.0%} of the evaluation set first", first >= BUDGET_FIRST, f"{first:.1%}"),
            (f"at least {BUDGET_TOP3:.0%} in the first three", top3 >= BUDGET_TOP3, f"{top3:.1%}"),
        ]
    for name, runs in (("(a) manual: Pagefind", manual), ("(b) plain MkDocs + Material: lunr", plain)):
        if not runs:
            continue
        lines += [
            f"First query on a phone at {documents} documents, {name} (CPU slowed {PHONE_CPU_SLOWDOWN}x, nothing cached):",
            "",
            "| Query | Results after | Downloaded (compressed) | As stored | Files |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for run in runs:
            lines.append(
                f"| {run.query} | {run.seconds:.2f} s | {run.sent_bytes / 1000:.0f} KB | {run.raw_bytes / 1000:.0f} KB "
                f"| {len(run.files)} |"
            )
        lines.append("")
    if manual:
        worst_kb = max(run.sent_bytes for run in manual) / 1000
        median_s = statistics.median(run.seconds for run in manual)
        checks += [
            (
                f"the first query at {documents} documents downloads at most {BUDGET_FIRST_QUERY_KB} KB compressed",
                worst_kb <= BUDGET_FIRST_QUERY_KB,
                f"at most {worst_kb:.0f} KB",
            ),
            (
                f"its results within {BUDGET_FIRST_QUERY_SECONDS:g} s (CPU slowed {PHONE_CPU_SLOWDOWN}x)",
                median_s <= BUDGET_FIRST_QUERY_SECONDS,
                f"median {median_s:.2f} s",
            ),
        ]
    lines += ["### Search budgets", ""]
    lines += [f"- {'PASS' if ok else 'MISS'}: {name}: {value}" for name, ok, value in checks]
    return "\n".join(lines) + "\n"


def build_shipped(work: Path, today: date) -> Path | None:
    """The shipped manual, built strictly for the evaluation set (None, with the reason printed, if it fails)."""
    site = work / "search-site"
    env = {**os.environ, "MANUAL_TODAY": today.isoformat(), "PYTHONDONTWRITEBYTECODE": "1"}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    if built.returncode != 0:
        print(f"[search] the shipped manual did not build:\n{built.stderr[-3000:]}", file=sys.stderr)
        return None
    return site


def section(work: Path, today: date, size: int = 2000) -> str:
    """The search section of the benchmark's results: the shipped manual's accuracy, and the first query on the
    synthetic manuals of `size` documents that scripts/benchmark.py built in work/<size>/."""
    from playwright.sync_api import sync_playwright

    print("[search] building the shipped manual for the evaluation set", file=sys.stderr, flush=True)
    shipped = build_shipped(work, today)
    manual_site, plain_site = work / str(size) / "manual" / "site", work / str(size) / "plain" / "site"
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            outcomes = measure_accuracy(browser, shipped, load_queries()) if shipped else None
            print(f"[search] first queries at {size} documents", file=sys.stderr, flush=True)
            manual = measure_first_queries(browser, manual_site) if manual_site.is_dir() else []
            plain = measure_first_queries(browser, plain_site) if plain_site.is_dir() else []
        finally:
            browser.close()
    return render(outcomes, manual, plain, size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built manual (Pagefind) for the first query")
    parser.add_argument("--plain", type=Path, help="a built plain MkDocs + Material site, for comparison")
    parser.add_argument("--shipped", type=Path, help="the shipped manual, built, for the evaluation set")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="the evaluation set")
    parser.add_argument("--documents", type=int, default=2000, help="how many documents --site holds (for the report)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            outcomes = measure_accuracy(browser, args.shipped, load_queries(args.queries)) if args.shipped else None
            manual = measure_first_queries(browser, args.site) if args.site else []
            plain = measure_first_queries(browser, args.plain) if args.plain else []
        finally:
            browser.close()
    print(render(outcomes, manual, plain, args.documents))
    return 0


if __name__ == "__main__":
    sys.exit(main())
