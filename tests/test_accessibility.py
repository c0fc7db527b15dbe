"""WCAG 2.2 AA in a real browser, on every page of the shipped site: axe-core in both palettes and at
320 px, keyboard use, and text at 200%. A full run is recorded for the accessibility statement."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import pytest
from browser import REPO, new_page, site_pages
from site_audit import VIEWS, WCAG_TAGS, audit_pages, axe_version, describe_failures

from manual.outputs.accessibility_tests import TestRecord, write_test_record


@pytest.fixture(scope="module")
def shipped_pages(shipped_site) -> list[str]:
    pages = site_pages(shipped_site)
    # A guard against checking an empty or half-built site and passing.
    assert "" in pages and "accessibility/" in pages and any(p.startswith("procedures/") for p in pages), pages
    return pages


@pytest.fixture(scope="module")
def document_pages(shipped_pages) -> list[str]:
    return [p for p in shipped_pages if p.startswith("procedures/") and p.count("/") == 2]


@pytest.fixture(scope="module")
def audit_results(browser, shipped_pages):
    """Collects each view's audit; once every view of every page has been checked, writes the record
    the accessibility statement reads (docs/data/accessibility-tests.yml)."""
    results: dict[str, list] = {}
    yield results
    if set(results) != set(VIEWS):
        return  # a partial run (-k, or a failure before the audit) says nothing about the whole site
    pages_with_problems = {audit.path for audits in results.values() for audit in audits if audit.violations}
    write_test_record(
        REPO,
        TestRecord(
            date=datetime.now(ZoneInfo("Europe/London")).date(),
            pages=len(shipped_pages),
            views=tuple(VIEWS),
            standard=tuple(WCAG_TAGS),
            axe_core=axe_version(),
            browser=f"Chromium {browser.version}",
            problems=sum(len(a.violations) for audits in results.values() for a in audits),
            pages_with_problems=len(pages_with_problems),
        ),
    )


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_page_has_no_wcag_a_or_aa_violations(view, browser, shipped_server, shipped_pages, audit_results):
    audits = audit_pages(browser, shipped_server, shipped_pages, **VIEWS[view])
    audit_results[view] = audits
    assert [a.path for a in audits] == shipped_pages
    failures = describe_failures(audits, view)
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

OVERFLOW = """() => {
  const root = document.documentElement;
  const problems = [];
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls sideways (${root.scrollWidth}px wide in ${root.clientWidth}px)`);
  const content = document.querySelector('.md-content');
  if (!content) problems.push('no .md-content');
  else {
    const edge = content.getBoundingClientRect().right;
    for (const element of content.querySelectorAll('*')) {
      if (element.closest('.md-typeset__scrollwrap, pre, .MathJax')) continue;  // scroll areas of their own
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (box.width === 0 || style.visibility === 'hidden') continue;
      if (box.right > edge + 1) problems.push(`${element.tagName}.${element.className} sticks out of the content by ${Math.round(box.right - edge)}px`);
      if (['hidden', 'clip'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
        problems.push(`${element.tagName}.${element.className} cuts off ${element.scrollWidth - element.clientWidth}px of its content`);
      if (style.textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth + 1)
        problems.push(`${element.tagName}.${element.className} cuts its text short`);
    }
  }
  return problems.slice(0, 10);
}"""


@pytest.mark.parametrize(
    ("how", "width", "font_size"),
    [
        ("zoomed to 200% (a 1280 px screen at 640 CSS px)", 640, None),
        # Text alone made 200% bigger: Material sizes text in rem (its root is 125%) and switches layout at
        # breakpoints in em, which a bigger default text size reaches at half the width.
        ("with text resized to 200%", 640, "250%"),
    ],
)
def test_document_pages_stay_readable_with_text_at_200_percent(
    how, width, font_size, browser, shipped_server, document_pages
):
    page = new_page(browser, width=width, height=900)
    problems = []
    try:
        for path in document_pages:
            page.goto(shipped_server.url(path))
            if font_size:
                page.evaluate(f"document.documentElement.style.fontSize = '{font_size}'")
            problems += [f"{path}: {p}" for p in page.evaluate(OVERFLOW)]
            assert page.locator(".manual-control").first.is_visible(), f"{path}: the document control panel is hidden"
    finally:
        page.context.close()
    assert not problems, f"Content lost {how}:\n" + "\n".join(problems)
