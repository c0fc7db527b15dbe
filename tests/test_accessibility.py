"""WCAG 2.2 AA in a real browser, on every page of the shipped site: axe-core in both palettes and at
320 px, keyboard use, and text at 200%. `make accessibility-record` records a run for the accessibility
statement."""

from __future__ import annotations

import functools
import os
from datetime import datetime
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import pytest
from browser import AUDIT_PARTS, audit_parts, audit_split, new_page
from conftest import RECORD_ENV
from site_audit import TEXT_CHECKS, VIEWS, WCAG_TAGS, axe_version

from manual.outputs.accessibility_tests import TestRecord, write_test_record

# Every page in every view is checked in one sweep, in parts (the shipped_audit fixture, tests/browser.py), which
# tests/test_privacy.py reads too: each part's tests share an xdist group, so each part is swept once.


@pytest.fixture(scope="module", autouse=True)
def record_for_the_statement(request):
    """With MANUAL_ACCESSIBILITY_RECORD=<file> (`make accessibility-record`), writes this run's findings
    there for the accessibility statement. The suite never writes it otherwise: it is a tracked file."""
    target = os.environ.get(RECORD_ENV)
    if not target:
        return
    audits = [request.getfixturevalue("shipped_audit")(part)[1] for part in range(AUDIT_PARTS)]
    audit = audits[0]
    violations = [found for each in audits for found in each.violations.values()]
    failed = {path for found in violations for path, found_there in found.items() if found_there}
    write_test_record(
        target,
        TestRecord(
            date=datetime.now(ZoneInfo("Europe/London")).date(),
            pages=len(request.getfixturevalue("shipped_pages")),
            views=tuple(audit.violations),
            standard=tuple(WCAG_TAGS),
            axe_core=axe_version(),
            browser=audit.browser,
            problems=sum(len(found_there) for found in violations for found_there in found.values()),
            pages_with_problems=len(failed),
        ),
    )


@pytest.mark.parametrize("part", audit_parts())
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_page_has_no_wcag_a_or_aa_violations(view, part, shipped_audit, shipped_pages):
    pages, audit = shipped_audit(part)
    checked = audit.violations[view]
    assert list(checked) == pages and None not in checked.values() and set(pages) <= set(shipped_pages)
    failures = audit.axe_failures(view)
    assert not failures, f"axe-core {axe_version()} found WCAG A/AA violations:\n{failures}"


# ---- keyboard ---------------------------------------------------------------------------------------

FOCUSED = """() => {
  const element = document.activeElement;
  // A visually hidden control (Material's palette switch) shows its focus on the label after it.
  let shown = element;
  let box = shown.getBoundingClientRect();
  if ((box.width < 1 || box.height < 1) && element.nextElementSibling && element.nextElementSibling.tagName === 'LABEL') {
    shown = element.nextElementSibling;
    box = shown.getBoundingClientRect();
  }
  const style = getComputedStyle(shown);
  return {
    tag: element.tagName, text: (element.innerText || element.getAttribute('aria-label') || '').trim().slice(0, 60),
    href: element.getAttribute('href'), inContent: !!element.closest('.md-content'), inNav: !!element.closest('.md-sidebar--primary'),
    width: box.width, height: box.height, top: box.top, left: box.left,
    outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth), shadow: style.boxShadow !== 'none',
    viewportHeight: window.innerHeight, viewportWidth: window.innerWidth,
  };
}"""


def tab(page, times: int = 1) -> dict:
    for _ in range(times):
        page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


@pytest.fixture
def keyboard_page(browser):
    page = new_page(browser)
    yield page
    page.context.close()


def test_the_first_tab_gives_a_visible_skip_link_to_the_content(keyboard_page, shipped_server, document_pages):
    page = keyboard_page
    page.goto(shipped_server.url(document_pages[0]))
    focused = tab(page)
    assert focused["text"] == "Skip to content"
    assert focused["width"] > 0 and focused["height"] > 0 and 0 <= focused["top"] < focused["viewportHeight"]
    page.keyboard.press("Enter")
    assert page.url.endswith(focused["href"])
    # The next Tab continues from the content, past the header and the navigation.
    assert tab(page)["inContent"]


def test_keyboard_focus_is_always_visible(keyboard_page, shipped_server, document_pages):
    page = keyboard_page
    page.goto(shipped_server.url(document_pages[0]))
    seen = []
    for _ in range(60):
        focused = tab(page)
        if focused["tag"] == "BODY":
            break
        where = f"{focused['tag']} {focused['text']!r} ({focused['href']})"
        seen.append(where)
        assert focused["width"] >= 1 and focused["height"] >= 1, f"focus went to something invisible: {where}"
        assert focused["outline"] >= 2 and focused["shadow"], f"no visible focus indicator on {where}"
    assert len(seen) >= 20, seen


def test_the_navigation_works_without_a_mouse(keyboard_page, shipped_server, document_pages):
    page = keyboard_page
    page.goto(shipped_server.url(""))
    for _ in range(80):
        focused = tab(page)
        if focused["inNav"] and focused["href"] and "procedures/" in focused["href"]:
            break
    else:
        pytest.fail("Tab never reached a document in the navigation")
    target = urljoin(page.url, focused["href"])
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("h1").first.is_visible()


def test_search_works_without_a_mouse(keyboard_page, shipped_server):
    page = keyboard_page
    page.goto(shipped_server.url(""))
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Search"
    page.keyboard.type("referral")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    assert target and "procedures/" in target
    page.keyboard.press("Enter")
    page.wait_for_url("**/procedures/**")
    assert page.locator("h1").first.is_visible()


def test_the_palette_switch_works_from_the_keyboard(keyboard_page, shipped_server):
    page = keyboard_page
    page.goto(shipped_server.url(""))
    for _ in range(10):
        if tab(page)["text"] == "Switch to dark mode":
            break
    else:
        pytest.fail("Tab never reached the palette switch")
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.evaluate(FOCUSED)["text"] == "Switch to light mode"  # focus stays on the switch
    page.keyboard.press("Enter")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"


# ---- text at 200% ----------------------------------------------------------------------------------


@pytest.mark.parametrize("part", audit_parts())
@pytest.mark.parametrize("how", list(TEXT_CHECKS))
def test_document_pages_stay_readable_with_text_at_200_percent(how, part, shipped_audit, document_pages):
    pages, audit = shipped_audit(part)
    checked = audit.text[how]
    assert list(checked) == [page for page in document_pages if page in pages] and None not in checked.values()
    problems = [f"{path}: {problem}" for path, found in checked.items() for problem in found]
    assert not problems, f"Content lost {how}:\n" + "\n".join(problems)


def test_the_sweep_s_parts_are_every_page_once_and_of_about_the_same_cost(shipped_pages, shipped_site):
    from site_audit import page_cost

    cost = functools.partial(page_cost, shipped_site)
    parts = audit_split(shipped_pages, cost)
    assert len(parts) == AUDIT_PARTS
    assert sorted(page for part in parts for page in part) == sorted(shipped_pages)
    assert all(len(part) == len(set(part)) for part in parts)
    totals = [sum(cost(page) for page in part) for part in parts]
    assert max(totals) - min(totals) <= max(cost(page) for page in shipped_pages)
