"""Shared browser fixtures: Debian's Chromium driven by Playwright, and built sites served over http.

One browser and one build of the shipped site per test session. Registered as a pytest plugin in
tests/conftest.py, so any test can ask for these fixtures by name:

    browser         a Playwright Browser (Debian's /usr/bin/chromium, headless)
    shipped_site    Path of the shipped manual built with `mkdocs build --strict` into a temp dir
    shipped_server  a SiteServer serving shipped_site on http://127.0.0.1:<port>/
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
import subprocess
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


class SiteServer:
    """A built site served on 127.0.0.1 from a background thread (http.server, threaded)."""

    def __init__(self, directory: Path | str):
        self.directory = Path(directory)
        handler = functools.partial(_QuietHandler, directory=str(self.directory))
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
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
    env = dict(os.environ)
    if today is not None:
        env["MANUAL_TODAY"] = today
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict of {root} failed:\n{result.stdout}{result.stderr}", pytrace=False)
    return Path(destination)


def launch_chromium(playwright):
    """Debian's Chromium, headless. Playwright gives every launch a fresh, empty user-data-dir of its own."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing. Install Debian's Chromium: run `make test` as root (it calls "
            "scripts/install-browser.sh), or `apt-get install -y chromium`.",
            pytrace=False,
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


def new_page(browser, width: int = DESKTOP["width"], height: int = DESKTOP["height"], **context_options):
    """A page in a new browser context (no shared cookies or storage). Close it with page.context.close()."""
    context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
    return context.new_page()


# ---- pytest fixtures (session-wide: one browser, one build of the shipped site) -------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Path:
    """The repository's own manual, built strictly once per session into a temp dir (never into site/)."""
    return build_site(REPO, tmp_path_factory.mktemp("shipped") / "site")


@pytest.fixture(scope="session")
def shipped_server(shipped_site) -> Iterator[SiteServer]:
    with serve(shipped_site) as server:
        yield server


@pytest.fixture
def page(browser):
    page = new_page(browser)
    try:
        yield page
    finally:
        page.context.close()
