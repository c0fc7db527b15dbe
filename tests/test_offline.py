"""Installable and readable offline: the web app manifest, the service worker's list of saved files, and in
Chromium, a reader's first visit followed by reading offline, and the notice of a new version after a redeploy.

Browser contexts here allow service workers (tests/browser.py's new_page blocks them for every other test).
Offline is Playwright's context.set_offline, which Chromium applies to the worker's own requests too: the
server stays up, so a page is shown offline only because the worker had saved it.
"""

from __future__ import annotations

import json
import shutil
import struct
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import new_page, serve
from conftest import TODAY, make_project, run_build
from site_audit import WCAG_TAGS
from test_editions import EDITIONS, TWO_EDITIONS
from test_search_browser import search

WAIT = 15000  # ms: the first visit saves the whole fixture site, well under a second on this machine


@pytest.fixture(scope="module")
def built(build_manual):
    build = build_manual()
    assert build.returncode == 0, build.output
    return build


class UnderSubPath:
    """The built site served at /site/ of its server, as GitHub Pages serves a project's site at /<repository>/."""

    def __init__(self, server):
        self.server = server

    def url(self, path: str = "") -> str:
        return self.server.url("site/" + path)


@pytest.fixture(scope="module")
def server(built):
    with serve(built.site.parent) as project_server:
        yield UnderSubPath(project_server)


OFFLINE_NOTICE = "You are offline, or the manual's website cannot be reached."
CHANGED_TEXT = "Everyone invited attends, in person."


def changed_project(tmp_path):
    """The fixture manual with one document's text changed: the next deploy."""
    root = make_project(tmp_path, "basic")
    source = root / "procedures/child-protection/conference.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Everyone attends.", CHANGED_TEXT), encoding="utf-8")
    return root


def saved_list(site) -> dict:
    return json.loads((site / "offline-files.json").read_text(encoding="utf-8"))


def wait_until_saved(page) -> None:
    """Until the worker controls the page: it takes over only once every file of its version is saved."""
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=WAIT)


def heading(page) -> str:
    return page.locator("h1").inner_text().removesuffix("¶")  # without the permalink's mark


def axe_violations(page, selector: str) -> str:
    found = Axe().run(page, context=selector, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return found.generate_snapshot()


# ---- what the build writes ---------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_manifest_is_linked_from_every_page_and_makes_the_manual_installable(built):
    home = (built.site / "index.html").read_text(encoding="utf-8")
    document = built.html("fixture-referral")
    assert '<link rel="manifest" href="manifest.webmanifest">' in home
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in document
    manifest = json.loads((built.site / "manifest.webmanifest").read_text(encoding="utf-8"))
    # from the settings and mkdocs.yml's site_name, not written into the code
    assert manifest["name"] == "Safeguarding Children Procedures: Herefordshire"
    assert manifest["short_name"] == "Herefordshire"
    assert manifest["description"].startswith("Multi-agency child protection procedures")
    # relative, so the installed manual starts and stays inside the site wherever it is published
    assert (manifest["start_url"], manifest["scope"], manifest["id"]) == ("./", "./", "./")
    assert manifest["display"] == "minimal-ui"
    assert manifest["lang"] == "en-GB"
    assert manifest["theme_color"] == "#4051b5"  # Material's indigo, the palette's primary colour
    icons = {(icon["src"], icon["purpose"]): icon for icon in manifest["icons"]}
    for size in (192, 512):
        icon = icons[(f"assets/images/manual-icon-{size}.png", "any")]
        assert icon["sizes"] == f"{size}x{size}" and icon["type"] == "image/png"
        assert png_size((built.site / icon["src"]).read_bytes()) == (size, size)
    assert (built.site / "assets/images/manual-icon.svg").is_file()


def test_the_worker_saves_every_file_a_reader_needs_and_nothing_else(built):
    site = built.site
    listed = saved_list(site)
    files = [path for path, _ in listed["files"]]
    assert files == sorted(files)
    pages = {path for path in files if path.endswith(".html")}
    built_pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - {"404.html"}
    assert pages == built_pages  # every page, the offline page among them
    for needed in (
        "search/search_index.json",
        "assets/javascripts/review-state.js",  # the review state is re-checked against the reader's date offline
        "assets/javascripts/offline.js",
        "assets/stylesheets/site.css",  # the site's own stylesheets, the new-version notice's among them
        "manifest.webmanifest",
        "sitemap.xml",  # Material's script reads it on every page
    ):
        assert needed in files, needed
    assert any(path.startswith("assets/javascripts/workers/search.") for path in files)
    assert not [path for path in files if path.endswith(".map")]
    assert not [path for path in files if path.startswith("assets/javascripts/lunr/")]  # an English manual's search
    for left_out in ("sw.js", "offline-files.json", "sitemap.xml.gz", "404.html"):
        assert left_out not in files
    # the worker is at the site's root and names its version: the list's
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert f'"version": "{listed["version"]}"' in worker
    assert '"offlinePage": "offline/"' in worker


def test_any_change_to_the_site_is_a_new_version_and_only_the_changed_files_are_fetched_again(built, tmp_path):
    # (two builds of the same manual are byte-identical, sw.js and its list included: test_reproducible_build.py)
    changed = run_build(changed_project(tmp_path), TODAY, site_dir=tmp_path / "changed")
    assert changed.returncode == 0, changed.output
    before, after = saved_list(built.site), saved_list(changed.site)
    assert before["version"] != after["version"]
    revisions = dict(before["files"])
    fetched = sorted(path for path, revision in after["files"] if revisions.get(path) != revision)
    assert "procedures/fixture-conference/index.html" in fetched
    assert "procedures/fixture-leap-year/index.html" not in fetched
    assert not [path for path in fetched if path.startswith("assets/")]
    assert len(fetched) < len(after["files"]) / 4, fetched


def test_an_archived_copy_of_an_edition_has_no_worker_and_no_manifest(tmp_path, monkeypatch):
    files = {EDITIONS: TWO_EDITIONS + "- name: November 2026 edition\n  date: 2026-11-24\n"}
    monkeypatch.setenv("MANUAL_ARCHIVED_EDITION", "november-2026")
    build = run_build(make_project(tmp_path, "basic", files=files), TODAY)
    assert build.returncode == 0, build.output
    for name in ("sw.js", "offline-files.json", "manifest.webmanifest", "offline/index.html"):
        assert not (build.site / name).exists(), name
    home = (build.site / "index.html").read_text(encoding="utf-8")
    assert 'rel="manifest"' not in home and "offline.js" not in home


# ---- in the browser: a first visit, then offline ------------------------------------------------------------------


@pytest.fixture(scope="module")
def offline(browser, server):
    """A reader who visited the home page once, on 5 January 2027, and is now offline."""
    page = new_page(browser, service_workers="allow")
    page.clock.set_fixed_time(datetime(2027, 1, 5, 12, tzinfo=UTC))
    page.goto(server.url(""))
    wait_until_saved(page)
    assert page.locator("[data-offline-notice]").inner_text() == ""  # online, nothing to say
    page.context.set_offline(True)
    yield page
    page.context.close()


def test_after_a_first_visit_every_document_reads_offline_with_its_review_state_as_of_the_readers_date(offline, server):
    offline.goto(server.url("procedures/fixture-conference/"))
    assert heading(offline) == "Fixture conference procedure"
    assert offline.get_by_text("Attend the conference.").is_visible()
    # built on 24 November 2026 as due in 26 days; the reader's date, offline, is past its review on 20 December
    assert offline.locator("[data-review-state]").first.inner_text() == "Review overdue by 16 days"
    notice = offline.get_by_role("status")
    notice.get_by_text(OFFLINE_NOTICE).wait_for()
    assert (
        notice.inner_text()
        == f"{OFFLINE_NOTICE} This is the copy of the manual saved on this device, as published on 24 November 2026."
    )
    assert axe_violations(offline, "[data-offline-notice]") == ""


def test_a_page_that_was_not_saved_gets_the_offline_page_and_search_works_from_it(offline, server):
    offline.goto(server.url("procedures/never-published/"))
    assert urlsplit(offline.url).path == "/site/offline/"
    assert heading(offline) == "This page was not saved for reading offline"
    asked = offline.locator("[data-offline-asked-link]")
    assert asked.inner_text() == "procedures/never-published/"
    assert asked.get_attribute("href") == server.url("procedures/never-published/")
    assert offline.get_by_role("link", name="home page").get_attribute("href") == "../"
    assert offline.get_by_role("link", name="who to contact").get_attribute("href") == "../contacts/"
    assert offline.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    assert axe_violations(offline, "body") == ""
    # search, offline, from the offline page: the index and the search worker were saved
    assert search(offline, "MARF")[0] == "site/procedures/fixture-referral"
    offline.goto(offline.locator(".md-search-result__item > a").first.get_attribute("href"))
    assert heading(offline) == "Fixture referral procedure"


def test_the_offline_page_names_only_an_address_inside_the_site_and_as_text(offline, server):
    for elsewhere in ("https://elsewhere.example/<b>x</b>", "/docs/index.md"):  # another site; outside this one
        offline.goto(server.url(f"offline/?page={quote(elsewhere, safe='')}"))
        assert offline.locator("[data-offline-asked]").is_hidden()
    inside = quote("/site/procedures/<b>x</b>/", safe="")
    offline.goto(server.url(f"offline/?page={inside}"))
    assert offline.locator("[data-offline-asked-link]").inner_text() == "procedures/<b>x</b>/"
    assert offline.locator("[data-offline-asked] b").count() == 0


def test_chromium_finds_the_manual_installable_and_its_manifest_valid(offline, server):
    offline.goto(server.url("procedures/fixture-referral/"))  # offline: the manifest is the saved copy
    cdp = offline.context.new_cdp_session(offline)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == server.url("manifest.webmanifest") and manifest["errors"] == []
    assert manifest["manifest"]["startUrl"] == manifest["manifest"]["scope"] == server.url("")
    errors = [error["errorId"] for error in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    assert errors in ([], ["in-incognito"])  # every Playwright context is a private window


# ---- in the browser: a redeploy -----------------------------------------------------------------------------------


def test_after_a_redeploy_the_reader_is_told_of_the_new_version_and_reload_brings_it(browser, built, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built.site, site)  # the fixture manual as deployed
    with serve(site) as server:
        page = new_page(browser, service_workers="allow")
        try:
            address = server.url("procedures/fixture-conference/")
            page.goto(address)
            wait_until_saved(page)

            redeployed = run_build(changed_project(tmp_path), TODAY, site_dir=site)
            assert redeployed.returncode == 0, redeployed.output
            new_version = saved_list(site)["version"]

            page.goto(address)  # the next page the reader opens checks for a new version
            notice = page.get_by_role("status")
            notice.get_by_text("A new version of the manual is available.").wait_for(timeout=WAIT)
            button = notice.get_by_role("button", name="Reload")
            assert axe_violations(page, "[data-offline-notice]") == ""
            button.focus()  # reached by keyboard
            with page.expect_navigation():
                page.keyboard.press("Enter")
            page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=WAIT)
            assert page.get_by_text(CHANGED_TEXT).is_visible()
            assert page.locator("[data-offline-notice]").inner_text() == ""
            # the new version has taken over and the old copy is gone: offline, the reader reads the new one
            names = page.evaluate("caches.keys()")
            assert len(names) == 1 and names[0].endswith(" " + new_version), names
            page.context.set_offline(True)
            page.goto(server.url("procedures/fixture-referral/"))
            page.goto(address)
            assert page.get_by_text(CHANGED_TEXT).is_visible()
        finally:
            page.context.close()
