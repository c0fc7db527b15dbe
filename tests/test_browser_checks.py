"""The browser checks can fail: a fixture site with planted problems makes the axe and privacy helpers
report each one, on its own page, and a clean page of the same site passes."""

from __future__ import annotations

import pytest
from browser import build_site, serve
from conftest import make_project
from site_audit import audit_pages, privacy_audit

# Site pages (docs/), which the content-safety check does not cover, so raw HTML reaches the browser.
PLANTED = {
    "docs/planted/no-alt.md": '# An image without a text alternative\n\n<img src="pixel.png">\n',
    "docs/planted/pixel.png": bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
    ),
    "docs/planted/low-contrast.md": (
        '# Faint text\n\n<p class="planted-faint">Grey on white is hard to read.</p>\n\n'
        "<style>.planted-faint { color: #c8c8c8; }</style>\n"
    ),
    "docs/planted/external-font.md": (
        "# A web font\n\n"
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">\n\n'
        "Text in Roboto.\n"
    ),
    "docs/planted/cookie.md": "# A tracking cookie\n\n<script>document.cookie = 'tracker=1; path=/';</script>\n\nWelcome.\n",
}
CLEAN = "procedures/fixture-referral/"


@pytest.fixture(scope="module")
def planted_server(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("planted"), files=PLANTED)
    site = build_site(root, root / "site", today="2026-11-24")
    with serve(site) as server:
        yield server


def test_axe_reports_an_image_without_alt_text_and_low_contrast_text(browser, planted_server):
    audits = {
        a.path: a for a in audit_pages(browser, planted_server, ["planted/no-alt/", "planted/low-contrast/", CLEAN])
    }
    assert "image-alt" in {v.rule for v in audits["planted/no-alt/"].violations}
    contrast = [v for v in audits["planted/low-contrast/"].violations if v.rule == "color-contrast"]
    assert contrast and any("planted-faint" in target for target in contrast[0].targets)
    assert audits[CLEAN].violations == []


def test_the_dark_palette_is_checked_in_its_own_colours(browser, planted_server):
    # #c8c8c8 on Material's dark background is readable; the same page fails in the light palette only.
    light = audit_pages(browser, planted_server, ["planted/low-contrast/"], color_scheme="light")[0]
    dark = audit_pages(browser, planted_server, ["planted/low-contrast/"], color_scheme="dark")[0]
    assert "color-contrast" in {v.rule for v in light.violations}
    assert "color-contrast" not in {v.rule for v in dark.violations}


def test_the_privacy_check_reports_an_external_font_and_a_cookie(browser, planted_server):
    audits = {
        a.path: a for a in privacy_audit(browser, planted_server, [CLEAN, "planted/external-font/", "planted/cookie/"])
    }
    assert audits[CLEAN].third_party == [] and audits[CLEAN].cookies == []
    assert audits["planted/external-font/"].third_party == ["https://fonts.googleapis.com/css2?family=Roboto"]
    assert "tracker" in audits["planted/cookie/"].cookies
