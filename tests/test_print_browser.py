"""Printing and old addresses in real Chromium, on the "finding" fixture manual."""

from __future__ import annotations

import pytest
from browser import new_page, serve


@pytest.fixture(scope="module")
def server(build_manual):
    build = build_manual("finding", "2026-11-24")
    assert build.returncode == 0, build.output
    with serve(build.site) as running:
        yield running


@pytest.fixture
def tab(browser):
    page = new_page(browser)
    yield page
    page.context.close()


def shown(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector, "el => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0"
    )


def test_on_paper_a_document_keeps_its_control_panel_and_loses_the_navigation(tab, server):
    tab.goto(server.url("procedures/find-referral/"))
    assert not shown(tab, ".manual-printed")  # on screen, no "Printed on" line
    assert shown(tab, ".md-header")
    tab.emulate_media(media="print")
    for chrome in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-banner"]:
        assert not shown(tab, chrome), chrome
    assert shown(tab, ".manual-control")
    assert shown(tab, ".manual-printed")
    assert shown(tab, "#what-to-do-now")


def test_the_printed_on_line_has_the_date_of_printing(tab, server):
    tab.clock.set_fixed_time("2027-02-03T10:00:00+00:00")
    tab.goto(server.url("procedures/find-referral/"))
    line = tab.locator(".manual-printed")
    # Before printing: the date the site was built
    assert (
        " ".join(line.text_content().split())
        == "Printed on 24 November 2026: check the website for the current version."
    )
    tab.pdf()  # a real print: Chromium fires beforeprint
    assert (
        " ".join(line.text_content().split())
        == "Printed on 3 February 2027: check the website for the current version."
    )


def test_the_whole_manual_prints_each_document_on_a_new_page(tab, server):
    tab.goto(server.url("print/"))
    tab.emulate_media(media="print")
    breaks = tab.eval_on_selector_all(
        ".manual-print-document", "els => els.map(el => getComputedStyle(el).breakBefore)"
    )
    assert breaks == ["page", "page", "page"]
    assert not shown(tab, ".md-sidebar--primary")


def test_an_old_address_lands_on_the_document(tab, server):
    tab.goto(server.url("procedures/mash-referral-old/"))
    tab.wait_for_url("**/procedures/find-referral/")
    assert tab.locator("h1").first.text_content().strip() == "Making a referral to the MASH"
