"""The browser checks can fail: a fixture site with planted problems makes the sweep (site_audit.audit_site)
report each one, on its own page and in its own view, and a clean page of the same site passes."""

from __future__ import annotations

import pytest
from browser import build_site, serve
from conftest import make_project
from site_audit import TEXT_CHECKS, audit_site

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
    # Faint text of another kind (another colour, in a table): the sweep checks each kind of text once per view,
    # so this page and low-contrast/ must both be reported, whichever it reaches first.
    "docs/planted/pale-table.md": (
        "# A pale table\n\nGrey on white is hard to read.\n\n"
        '<table><tr><th>Step</th></tr><tr><td class="planted-pale">Tell the lead practitioner.</td></tr></table>\n\n'
        "<style>.planted-pale { color: #bdbdbd; }</style>\n"
    ),
    "docs/planted/external-font.md": (
        "# A web font\n\n"
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">\n\n'
        "Text in Roboto.\n"
    ),
    "docs/planted/cookie.md": "# A tracking cookie\n\n<script>document.cookie = 'tracker=1; path=/';</script>\n\nWelcome.\n",
    "docs/planted/wide.md": (
        '# A wide table\n\n<div style="width: 900px; overflow: hidden; white-space: nowrap">'
        + "A line of text far too wide for the screen. " * 4
        + "</div>\n"
    ),
}
CLEAN = "procedures/fixture-referral/"
PAGES = [
    "planted/no-alt/",
    "planted/low-contrast/",
    "planted/pale-table/",
    "planted/external-font/",
    "planted/cookie/",
    "planted/wide/",
    CLEAN,
]


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The planted site, swept once in both palettes, with the text checks on a clean and a too-wide page."""
    root = make_project(tmp_path_factory.mktemp("planted"), files=PLANTED)
    with serve(build_site(root, root / "site", today="2026-11-24")) as server:
        return audit_site(server, PAGES, views=["light colours", "dark colours"], text_pages=[CLEAN, "planted/wide/"])


def test_axe_reports_an_image_without_alt_text_and_low_contrast_text(planted):
    light = planted.violations["light colours"]
    assert "image-alt" in {v.rule for v in light["planted/no-alt/"]}
    contrast = [v for v in light["planted/low-contrast/"] if v.rule == "color-contrast"]
    assert contrast and any("planted-faint" in target for target in contrast[0].targets)
    assert light[CLEAN] == []
    assert "planted/no-alt/ (light colours): image-alt" in planted.axe_failures("light colours")


def test_contrast_is_checked_for_each_kind_of_text_wherever_it_first_appears(planted):
    # The sweep checks contrast once for each kind of text in a view: a new kind on a later page is still found.
    light = planted.violations["light colours"]
    pale = [v for v in light["planted/pale-table/"] if v.rule == "color-contrast"]
    assert pale and "foreground color: #bdbdbd" in pale[0].summary, light["planted/pale-table/"]
    assert planted.contrast_checked["light colours"] and planted.contrast_checked["dark colours"]


def test_the_dark_palette_is_checked_in_its_own_colours(planted):
    # #c8c8c8 on Material's dark background is readable; the same page fails in the light palette only.
    assert "color-contrast" in {v.rule for v in planted.violations["light colours"]["planted/low-contrast/"]}
    dark = planted.violations["dark colours"]
    assert "color-contrast" not in {v.rule for v in dark["planted/low-contrast/"]}
    assert "planted/low-contrast/ (dark colours)" not in planted.axe_failures("dark colours")


def test_the_privacy_check_reports_an_external_font_and_a_cookie(planted):
    audits = planted.privacy
    assert audits[CLEAN].third_party == [] and audits[CLEAN].cookies == []
    assert audits["planted/external-font/"].third_party == ["https://fonts.googleapis.com/css2?family=Roboto"]
    assert "tracker" in audits["planted/cookie/"].cookies


@pytest.mark.parametrize("how", list(TEXT_CHECKS))
def test_the_text_checks_report_content_pushed_out_of_reach(planted, how):
    assert planted.text[how][CLEAN] == []
    wide = planted.text[how]["planted/wide/"]
    assert any("cuts off" in problem or "sticks out" in problem for problem in wide), wide
    assert "the document control panel is hidden" in wide  # a site page: it has none
