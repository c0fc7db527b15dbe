"""Shared browser fixtures: Debian's Chromium driven by Playwright, and built sites served over http.

One browser and one build of the shipped site per test session. Registered as a pytest plugin in
tests/conftest.py, so any test can ask for these fixtures by name:

    browser         a Playwright Browser (Debian's /usr/bin/chromium, headless)
    shipped_site    Path of the shipped manual built (`mkdocs build --strict`, in-process) into a temp dir
    shipped_server  a SiteServer serving shipped_site on http://127.0.0.1:<port>/
    shipped_pages   every page of shipped_site ("", "about/", "404.html", ...); document_pages: procedures/<id>/
    shipped_audit   audit(part): site_audit.audit_site's findings on one part of the shipped pages (the parts
                    together: every page): axe in every view, requests and cookies, and the text checks
                    on document pages (each part swept once, however many tests read it)
    page            a fresh page (its own context: no cookies or storage shared), closed afterwards

and the plain helpers, for a site of your own (e.g. a fixture manual built with conftest.run_build):

    with serve(build.site) as server:
        page = new_page(browser)
        page.goto(server.url("procedures/fixture-referral/"))

Chromium is never downloaded by Playwright: `make test` installs Debian's package
(scripts/install-browser.sh) and Playwright launches it through executable_path.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("MANUAL_CHROMIUM", "/usr/bin/chromium"))

# Headless, and nothing of Chromium's own reaching for the network: this machine has none, and a
# privacy test must see only the requests the page itself makes.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

DESKTOP = {"width": 1280, "height": 900}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a reader moving on before a file is sent
            super().handle_error(request, client_address)


class SiteServer:
    """A built site served on 127.0.0.1 from a background thread (http.server, threaded)."""

    def __init__(self, directory: Path | str):
        self.directory = Path(directory)
        handler = functools.partial(_QuietHandler, directory=str(self.directory))
        self._httpd = _Server(("127.0.0.1", 0), handler)
        self.port = self._httpd.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, name=f"site-{self.port}", daemon=True)
        self._thread.start()

    def url(self, path: str = "") -> str:
        """The address of a page of the site, e.g. url("procedures/mash-referral/")."""
        return f"{self.origin}/{path.lstrip('/')}"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


@contextmanager
def serve(directory: Path | str) -> Iterator[SiteServer]:
    server = SiteServer(directory)
    try:
        yield server
    finally:
        server.close()


def site_pages(site: Path | str) -> list[str]:
    """Every HTML page of a built site, as paths relative to its root ("", "about/", "404.html")."""
    site = Path(site)
    pages = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative == "index.html":
            pages.append("")
        elif relative.endswith("/index.html"):
            pages.append(relative[: -len("index.html")])
        else:
            pages.append(relative)
    return pages


def build_site(root: Path | str, destination: Path | str, today: str | None = None) -> Path:
    """`mkdocs build --strict` of the project at root into destination; fails the test with the build's output."""
    from conftest import run_build

    build = run_build(Path(root), today, site_dir=Path(destination))
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict of {root} failed:\n{build.output}", pytrace=False)
    return build.site


def chromium_options() -> dict:
    """How to launch Debian's Chromium, headless, with Playwright's sync or async API. Playwright gives
    every launch a fresh, empty user-data-dir of its own."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing. Install Debian's Chromium: run `make test` as root (it calls "
            "scripts/install-browser.sh), or `apt-get install -y chromium`.",
            pytrace=False,
        )
    return {"executable_path": str(CHROMIUM), "headless": True, "args": CHROMIUM_ARGS}


def new_page(browser, width: int = DESKTOP["width"], height: int = DESKTOP["height"], **context_options):
    """A page in a new browser context (no shared cookies or storage). Close it with page.context.close().

    Service workers are blocked unless a test asks for them (service_workers="allow"): the manual's worker saves
    the whole site for reading offline on a first visit, work that would only slow a test about something else."""
    context_options.setdefault("service_workers", "block")
    context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
    return context.new_page()


# ---- pytest fixtures (session-wide: one browser, one build of the shipped site) -------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**chromium_options())
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The repository's own manual, built strictly once per session into a temp dir (never into site/)."""
    return build_site(REPO, tmp_path_factory.mktemp("shipped") / "site")


# The manual's today, which every page carries for the print line (overrides/partials/print-line.html).
BUILD_DATE = re.compile(r'data-build-date="(\d{4}-\d{2}-\d{2})"')


def build_date(site: Path) -> str:
    """The day a built site was built as (its home page's), for another build that must match it."""
    dates = set(BUILD_DATE.findall((site / "index.html").read_text(encoding="utf-8")))
    assert len(dates) == 1, f"{site}/index.html should carry one build date, not {sorted(dates)}"
    return dates.pop()


@pytest.fixture(scope="session")
def shipped_server(shipped_site) -> Iterator[SiteServer]:
    with serve(shipped_site) as server:
        yield server


@pytest.fixture(scope="session")
def shipped_pages(shipped_site) -> list[str]:
    pages = site_pages(shipped_site)
    # A guard against checking an empty or half-built site and passing.
    assert "" in pages and "accessibility/" in pages and any(p.startswith("procedures/") for p in pages), pages
    return pages


@pytest.fixture(scope="session")
def document_pages(shipped_pages) -> list[str]:
    return [p for p in shipped_pages if p.startswith("procedures/") and p.count("/") == 2]


# The sweep of every shipped page runs in parts, one per xdist worker (a part's tests share an xdist group), so
# both cores work on it. Pages are shared out by cost (audit_split), so the parts take about as long as each other.
AUDIT_PARTS = 2


def audit_parts() -> list:
    """A pytest parameter per part of the sweep, each in the xdist group of its part."""
    return [
        pytest.param(part, id=f"part {part + 1}", marks=pytest.mark.xdist_group(f"shipped_audit_{part}"))
        for part in range(AUDIT_PARTS)
    ]


def audit_split(pages: list[str], cost) -> list[list[str]]:
    """The pages in AUDIT_PARTS parts of about equal cost: dealt out costliest first, each to the part that has
    cost least so far; each part in the pages' own order."""
    parts: list[list[str]] = [[] for _ in range(AUDIT_PARTS)]
    totals = [0] * AUDIT_PARTS
    for page in sorted(pages, key=cost, reverse=True):
        cheapest = totals.index(min(totals))
        parts[cheapest].append(page)
        totals[cheapest] += cost(page)
    return [sorted(part, key=pages.index) for part in parts]


@pytest.fixture(scope="session")
def shipped_audit(shipped_server, shipped_pages, document_pages):
    """audit(part) -> (the part's pages, site_audit.audit_site's findings on them), each part swept once."""
    from site_audit import audit_site, page_cost

    parts = audit_split(shipped_pages, functools.partial(page_cost, Path(shipped_server.directory)))
    made: dict[int, tuple] = {}

    def audit(part: int) -> tuple[list[str], object]:
        if part not in made:
            pages = parts[part]
            found = audit_site(shipped_server, pages, text_pages=[p for p in document_pages if p in pages], tabs=1)
            made[part] = pages, found
        return made[part]

    return audit


@pytest.fixture
def page(browser):
    page = new_page(browser)
    try:
        yield page
    finally:
        page.context.close()
