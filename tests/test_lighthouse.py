"""What Lighthouse scores, kept in the suite where it is quick to check; the full Lighthouse runs are the benchmark's.

One Lighthouse run takes about 20 seconds on this machine, so scripts/lighthouse.py runs from
scripts/benchmark.py, not from here. What the suite keeps:

- the server the script measures through answers as GitHub Pages does (gzip when the browser accepts it,
  max-age=600, a folder's address with its slash, 404.html), so its scores are the published site's;
- the pages it measures are the home page, a document page and the Levels of Need page;
- Lighthouse's accessibility score is 100 on those pages: its own axe-core (the copy inside the pinned
  Lighthouse) runs the rules its accessibility category weighs, in its mobile view, and finds nothing;
- the search dialog has a name a screen reader announces.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from browser import new_page
from conftest import REPO
from playwright.sync_api import expect

_spec = importlib.util.spec_from_file_location("lighthouse", REPO / "scripts" / "lighthouse.py")
lighthouse = sys.modules["lighthouse"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lighthouse)

# Lighthouse's mobile screen (its default form factor): a Moto G Power.
MOBILE = {"width": 412, "height": 823, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# Straight to the local server (never a proxy from the environment), and a redirect seen as it is sent.
_LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)


def fetch(url: str, encoding: str | None = "gzip, deflate, br"):
    """(status, headers, body as sent) for a GET."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with _LOCAL.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_the_site_is_served_as_github_pages_serves_it(tmp_path):
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    page = "<!doctype html><title>About</title>" + "<p>Words repeated compress well.</p>" * 50
    (site / "about" / "index.html").write_text(page, encoding="utf-8")
    (site / "404.html").write_text("<!doctype html><title>Not found</title>", encoding="utf-8")
    (site / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with lighthouse.serve(site) as origin:
        status, headers, body = fetch(f"{origin}/about/")
        assert (status, headers["Content-Encoding"], headers["Cache-Control"]) == (200, "gzip", "max-age=600")
        assert gzip.decompress(body).decode() == page and len(body) < len(page)
        status, headers, body = fetch(f"{origin}/about/", encoding=None)
        assert (status, headers["Content-Encoding"], body.decode()) == (200, None, page)
        status, headers, _ = fetch(f"{origin}/logo.png")
        assert (status, headers["Content-Type"], headers["Content-Encoding"]) == (200, "image/png", None)
        status, headers, _ = fetch(f"{origin}/about")
        assert (status, headers["Location"]) == (301, "/about/")
        status, _, body = fetch(f"{origin}/nowhere/")
        assert status == 404 and b"Not found" in gzip.decompress(body)


def test_lighthouse_measures_the_home_page_a_document_and_the_levels_of_need(shipped_site):
    pages = lighthouse.default_pages(shipped_site)
    assert pages[0] == "" and pages[2] == "levels-of-need/", pages
    document = (shipped_site / pages[1] / "index.html").read_text(encoding="utf-8")
    assert pages[1].startswith("procedures/") and 'class="manual-control' in document


@pytest.fixture(scope="module")
def lighthouse_axe() -> tuple[str, list[str]]:
    """The axe-core inside the pinned Lighthouse (its file) and the rules its accessibility category weighs."""
    if not lighthouse.LIGHTHOUSE.exists():
        pytest.fail(
            f"{lighthouse.LIGHTHOUSE.relative_to(REPO)} is missing: run `npm ci --ignore-scripts` (`make test` does).",
            pytrace=False,
        )
    script = """
        import {createRequire} from 'node:module';
        const {default: config} = await import('lighthouse/core/config/default-config.js');
        const lighthouse = createRequire(import.meta.url).resolve('lighthouse/package.json');
        console.log(JSON.stringify({
            axe: createRequire(lighthouse).resolve('axe-core/axe.min.js'),
            rules: config.categories.accessibility.auditRefs.filter(ref => ref.weight > 0).map(ref => ref.id),
        }));
    """
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert len(found["rules"]) > 30, found  # a guard against reading an empty category and passing
    return found["axe"], found["rules"]


def test_lighthouse_accessibility_is_100_on_its_pages(browser, shipped_site, shipped_server, lighthouse_axe):
    axe, rules = lighthouse_axe
    failures = []
    page = new_page(browser, **MOBILE)
    try:
        for path in lighthouse.default_pages(shipped_site):
            page.goto(shipped_server.url(path))
            page.add_script_tag(path=axe)
            violations = page.evaluate(
                """rules => {
                    const known = new Set(axe.getRules().map(rule => rule.ruleId));
                    return axe.run(document, {
                        runOnly: {type: "rule", values: rules.filter(rule => known.has(rule))},
                        resultTypes: ["violations"],
                    }).then(result => result.violations.map(v =>
                        `${v.id}: ${v.help} (${v.nodes.map(node => node.target.join(" ")).join("; ")})`));
                }""",
                rules,
            )
            failures += [f"/{path}: {violation}" for violation in violations]
    finally:
        page.context.close()
    assert not failures, "Lighthouse's accessibility rules fail:\n" + "\n".join(failures)


def test_the_search_dialog_is_named(browser, shipped_server):
    """A screen reader announces the search box's dialog by its name (every page has the same header)."""
    page = new_page(browser, **MOBILE)
    try:
        page.goto(shipped_server.url(""))
        search = page.locator("div.md-search")
        expect(search).to_have_role("dialog")
        expect(search).to_have_accessible_name(re.compile(r"^Search\b"))
    finally:
        page.context.close()
