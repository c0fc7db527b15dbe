"""In the browser: the review state re-checked against the reader's date (a faked clock), and the
review schedule's filters. Debian's Chromium through Playwright (tests/browser.py)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from browser import new_page, serve
from review_fixtures import BUILT_ON, review_site  # noqa: F401 - a fixture; built as of 24 November 2026

# The fixture's conference procedure is current on BUILT_ON: it is due on 1 June 2027.

PHONE = (375, 667)


@pytest.fixture(scope="module")
def server(review_site):
    with serve(review_site.site) as site_server:
        yield site_server


@pytest.fixture
def open_page(browser, server):
    pages = []

    def open_at(path: str, clock: datetime | None = None, javascript: bool = True, phone: bool = False):
        size = {"width": PHONE[0], "height": PHONE[1]} if phone else {}
        page = new_page(browser, java_script_enabled=javascript, **size)
        pages.append(page)
        if clock is not None:
            page.clock.set_fixed_time(clock)
        page.goto(server.url(path))
        return page

    yield open_at
    for page in pages:
        page.context.close()


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def state_words(page) -> str:
    """The review state in words: the status line and the full panel say the same."""
    said = {squash(text) for text in page.locator("[data-review-state]").all_text_contents()}
    assert len(said) == 1, said
    return said.pop()


def test_a_page_built_as_current_shows_overdue_once_the_readers_date_has_passed_the_review(open_page):
    page = open_page("procedures/rr-conference/", clock=utc(2027, 6, 3, 10))
    panel = page.locator(".manual-control")
    assert state_words(page) == "Review overdue by 2 days"
    assert "manual-state--overdue" in panel.get_attribute("class")
    assert "manual-state--current" not in panel.get_attribute("class")
    banner = page.locator("[data-review-banner]")
    assert banner.count() == 1 and banner.is_visible()
    assert squash(banner.inner_text()) == (
        "Review overdue by 2 days. It stays in force until it is replaced. "
        "This document was due for review on 1 June 2027. The Council children's services owns its review."
    )
    assert banner.get_attribute("role") == "note"
    # the banner sits above the panel, as the build places it
    assert page.evaluate(
        "document.querySelector('[data-review-banner]').nextElementSibling.classList.contains('manual-control')"
    )


def test_without_javascript_the_build_time_state_stands(open_page):
    page = open_page("procedures/rr-conference/", clock=utc(2027, 6, 3, 10), javascript=False)
    assert state_words(page) == "Current"
    assert "manual-state--current" in page.locator(".manual-control").get_attribute("class")
    assert page.locator("[data-review-banner]").count() == 0


def test_a_page_becomes_due_soon(open_page):
    page = open_page("procedures/rr-conference/", clock=utc(2027, 5, 1, 9))
    assert state_words(page) == "Review due in 31 days"
    assert "manual-state--due-soon" in page.locator(".manual-control").get_attribute("class")
    assert page.locator("[data-review-banner]").count() == 0


def test_the_readers_date_is_taken_in_europe_london(open_page):
    # 23:30 UTC on 1 June 2027 is 00:30 on 2 June in London (British Summer Time)
    page = open_page("procedures/rr-conference/", clock=utc(2027, 6, 1, 23, 30))
    assert state_words(page) == "Review overdue by 1 day"


def test_an_overdue_banner_counts_on_from_the_build(open_page):
    page = open_page("procedures/rr-referral/", clock=utc(2026, 12, 4, 12))
    assert page.locator("[data-review-banner]").count() == 1
    assert squash(page.locator("[data-review-banner] strong").inner_text()) == "Review overdue by 328 days."
    assert state_words(page) == "Review overdue by 328 days"


def test_documents_off_the_review_cycle_are_left_alone(open_page):
    page = open_page("procedures/rr-draft/", clock=utc(2030, 1, 1, 12))
    assert state_words(page) == "Not on the review cycle"
    assert page.locator("[data-review-banner]").count() == 0


@pytest.mark.parametrize(
    ("path", "clock", "state", "next_review", "banner"),
    [
        ("procedures/rr-conference/", utc(2027, 1, 10, 12), "current", "Current Next review: 1 June 2027", None),
        (
            "procedures/rr-conference/",
            utc(2027, 5, 1, 9),
            "due-soon",
            "Review due in 31 days Next review: 1 June 2027",
            None,
        ),
        (
            "procedures/rr-conference/",
            utc(2027, 6, 3, 10),
            "overdue",
            "Review overdue by 2 days Next review: 1 June 2027",
            "Review overdue by 2 days. It stays in force until it is replaced.",
        ),
        (
            "procedures/rr-draft/",
            utc(2027, 1, 10, 12),
            "not-reviewed",
            "Not on the review cycle Next review: Not scheduled",
            "Draft: not in force. Do not follow it in practice.",
        ),
    ],
    ids=["current", "due soon", "overdue", "draft"],
)
def test_on_a_phone_document_control_is_one_status_line_with_the_panel_a_tap_away(
    open_page, path, clock, state, next_review, banner
):
    page = open_page(path, clock=clock, phone=True)
    panel = page.locator(".manual-control")
    line = panel.locator(".manual-control__line")
    assert line.is_visible()
    assert squash(line.inner_text()).startswith(next_review + " Owner: ")
    assert f"manual-state--{state}" in panel.get_attribute("class")  # the colour goes with the words
    # the first screen: any banner's headline, the status line and "What to do now"
    if banner:
        headline = page.locator(".manual-banner summary").last
        assert squash(headline.inner_text()) == banner and headline.is_visible()
        assert headline.bounding_box()["y"] < line.bounding_box()["y"]
    heading = page.locator("#what-to-do-now")
    assert heading.bounding_box()["y"] + heading.bounding_box()["height"] <= PHONE[1]
    # the full panel, folded away, opens with one tap
    version = panel.get_by_text("Version", exact=True)
    assert not version.is_visible()
    panel.get_by_text("Version, approval and review dates").click()
    assert version.is_visible()


def test_wide_screens_and_paper_show_the_full_panel(open_page):
    page = open_page("procedures/rr-conference/", clock=utc(2027, 1, 10, 12))
    panel = page.locator(".manual-control")
    assert panel.get_by_text("Version", exact=True).is_visible()
    assert not panel.locator(".manual-control__line").is_visible()  # the panel says it all
    phone = open_page("procedures/rr-conference/", clock=utc(2027, 1, 10, 12), phone=True)
    phone.emulate_media(media="print")
    phone.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert phone.locator(".manual-control").get_by_text("Version", exact=True).is_visible()
    assert not phone.locator(".manual-control__line").is_visible()


def visible_titles(page) -> list[str]:
    rows = page.locator("[data-schedule='all'] tbody tr")
    return [
        squash(rows.nth(i).locator("td").first.inner_text()) for i in range(rows.count()) if rows.nth(i).is_visible()
    ]


def test_the_review_schedule_filters_by_owner_state_and_the_next_90_days(open_page):
    page = open_page("review-schedule/", clock=utc(2026, 11, 24, 12))
    assert page.locator("[data-schedule-filter]").is_visible()
    assert len(visible_titles(page)) == 8
    page.get_by_label("Owner").select_option(label="MASH Strategic Group")
    assert visible_titles(page) == ["Making a referral", "Screening contacts [MASH]"]
    assert squash(page.locator("[data-schedule-count]").inner_text()) == "Showing 2 of 8 documents."
    page.get_by_label("Review state").select_option(label="Review overdue")
    assert visible_titles(page) == ["Making a referral"]
    page.get_by_label("Owner").select_option(label="All owners")
    assert visible_titles(page) == ["Making a referral", "Allegations against staff"]
    page.get_by_label("Review state").select_option(label="All states")
    page.get_by_label("Only reviews due in the next 90 days").check()
    assert visible_titles(page) == ["Core groups", "Screening contacts [MASH]", "Neglect"]


def test_the_review_schedule_states_follow_the_readers_date(open_page):
    page = open_page("review-schedule/", clock=utc(2026, 12, 11, 12))
    assert (
        squash(page.locator("[data-schedule-as-of]").inner_text()) == "Review states are as of today, 11 December 2026."
    )
    page.get_by_label("Review state").select_option(label="Review overdue")
    assert visible_titles(page) == [
        "Making a referral",
        "Allegations against staff",
        "Core groups",
        "Screening contacts [MASH]",
    ]


def test_without_javascript_the_schedule_is_the_full_table(open_page):
    page = open_page("review-schedule/", javascript=False)
    assert not page.locator("[data-schedule-filter]").is_visible()
    assert len(visible_titles(page)) == 8
