"""The Levels of Need navigator in real headless Chromium: filtering, keyboard use, small screens and axe.

Fixture manual tests/fixtures/levels (12 indicators) for the behaviour; the shipped manual for axe.
"""

from __future__ import annotations

import re

import pytest
import yaml
from browser import new_page, serve
from conftest import FIXTURES
from playwright.sync_api import expect

INDICATORS = yaml.safe_load(
    (FIXTURES / "levels" / "procedures/early-help/levels-of-need.yml").read_text(encoding="utf-8")
)["indicators"]
TITLES = {"fixture-exploitation": "Fixture exploitation", "fixture-mash": "Fixture MASH referral"}
VISIBLE = "[data-lon-indicator]:visible"


@pytest.fixture(scope="module")
def server(build_manual):
    build = build_manual("levels", "2026-11-24")
    assert build.returncode == 0, build.output
    with serve(build.site) as running:
        yield running


@pytest.fixture(scope="module")
def reader(browser):
    """One reader's browser for the module's tests: the navigator keeps its state in the address, not in storage,
    so each test's new tab starts as a first visit does, without a new browser context's start-up each time."""
    page = new_page(browser)
    page.close()
    yield page.context
    page.context.close()


@pytest.fixture
def navigator(reader, server):
    page = reader.new_page()
    page.goto(server.url("levels-of-need/"))
    yield page
    page.close()


def visible_texts(page) -> list[str]:
    return page.locator(f"{VISIBLE} .lon-indicator__text").all_inner_texts()


def texts(entries) -> list[str]:
    return [entry["text"] for entry in entries]


def count_says(page, text: str) -> None:
    expect(page.locator("[data-lon-count]")).to_have_text(text)


def searchable(entry) -> str:
    return " ".join([entry["text"], *(TITLES[i] for i in entry.get("see", []))]).lower()


def test_without_javascript_every_indicator_is_listed_and_the_filters_are_hidden(browser, server):
    page = new_page(browser, java_script_enabled=False)
    try:
        page.goto(server.url("levels-of-need/"))
        assert visible_texts(page) == texts(INDICATORS)
        expect(page.locator("[data-lon-filters]")).to_be_hidden()
    finally:
        page.context.close()


def test_with_javascript_the_filters_appear_with_a_count(navigator):
    expect(navigator.get_by_label("Words in the indicator")).to_be_visible()
    expect(navigator.get_by_label("Domain")).to_be_visible()
    expect(navigator.get_by_label("Age")).to_be_visible()
    expect(navigator.get_by_label("Level", exact=True)).to_be_visible()
    count_says(navigator, "Showing all 12 indicators.")
    status = navigator.locator("[data-lon-count]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert visible_texts(navigator) == texts(INDICATORS)


@pytest.mark.parametrize("words", ["baby", "exploitation", "Baby  MOBILE", "meals & bedtimes"])
def test_filtering_by_words_shows_only_matching_indicators(navigator, words):
    navigator.get_by_label("Words in the indicator").fill(words)
    wanted = [e for e in INDICATORS if all(w in searchable(e) for w in words.lower().split())]
    assert wanted, "the test should find something"
    expect(navigator.locator(VISIBLE)).to_have_count(len(wanted))
    assert visible_texts(navigator) == texts(wanted)
    count_says(
        navigator, f"Showing {len(wanted)} of 12 indicators." if len(wanted) > 1 else "Showing 1 of 12 indicators."
    )


def test_groups_with_nothing_to_show_are_hidden(navigator):
    navigator.get_by_label("Words in the indicator").fill("baby")
    expect(navigator.get_by_role("heading", name="Level 1: Universal", exact=True).last).to_be_hidden()
    expect(navigator.locator("#indicators-level-2")).to_be_visible()
    expect(navigator.locator("#indicators-level-3")).to_be_hidden()


@pytest.mark.parametrize("domain", ["developmental-needs", "parenting-capacity", "family-environment"])
def test_filtering_by_domain_shows_only_that_domain(navigator, domain):
    navigator.get_by_label("Domain").select_option(domain)
    wanted = [e for e in INDICATORS if e["domain"] == domain]
    expect(navigator.locator(VISIBLE)).to_have_count(len(wanted))
    assert visible_texts(navigator) == texts(wanted)
    assert set(navigator.locator(VISIBLE).evaluate_all("items => items.map(i => i.dataset.domain)")) == {domain}
    count_says(navigator, f"Showing {len(wanted)} of 12 indicators.")


def test_filtering_by_age_keeps_indicators_for_all_ages(navigator):
    navigator.get_by_label("Age").select_option("adolescent")
    wanted = [e for e in INDICATORS if "adolescent" in e["ages"] or "all" in e["ages"]]
    expect(navigator.locator(VISIBLE)).to_have_count(len(wanted))
    assert visible_texts(navigator) == texts(wanted)


def test_filters_combine_and_an_empty_result_says_so(navigator):
    navigator.get_by_label("Level", exact=True).select_option("4")
    navigator.get_by_label("Domain").select_option("family-environment")
    assert visible_texts(navigator) == ["Young person is being exploited by adults to sell drugs <county lines>."]
    navigator.get_by_label("Words in the indicator").fill("baby")
    expect(navigator.locator(VISIBLE)).to_have_count(0)
    expect(navigator.get_by_text("No indicators match.")).to_be_visible()
    count_says(navigator, "Showing 0 of 12 indicators.")


def test_a_filtered_list_can_be_shared_by_its_address(browser, server, navigator):
    navigator.get_by_label("Words in the indicator").fill("baby")
    navigator.get_by_label("Domain").select_option("parenting-capacity")
    expect(navigator).to_have_url(re.compile(r"/levels-of-need/\?words=baby&domain=parenting-capacity$"))
    colleague = new_page(browser)
    try:
        colleague.goto(navigator.url)
        assert visible_texts(colleague) == ["Parent finding it hard to settle a crying baby."]
        assert colleague.get_by_label("Words in the indicator").input_value() == "baby"
        assert colleague.get_by_label("Domain").input_value() == "parenting-capacity"
        count_says(colleague, "Showing 1 of 12 indicators.")
        colleague.goto(server.url("levels-of-need/?domain=no-such-domain&level=4"))
        expect(colleague.locator(VISIBLE)).to_have_count(len([e for e in INDICATORS if e["level"] == 4]))
    finally:
        colleague.context.close()


def test_the_filters_work_with_the_keyboard_alone(navigator):
    page = navigator
    for _ in range(150):  # from the top of the page, as a keyboard user would
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "lon-keyword":
            break
    else:
        pytest.fail("the words filter cannot be reached with the Tab key")
    page.keyboard.type("baby")
    expect(page.locator(VISIBLE)).to_have_count(2)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "lon-level"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "lon-domain"
    page.keyboard.press("ArrowDown")  # the first domain: the child's developmental needs
    expect(page.locator(VISIBLE)).to_have_count(1)
    assert visible_texts(page) == ["Any bruise on a baby who is not yet mobile."]
    page.keyboard.press("ArrowDown")  # parenting capacity
    assert visible_texts(page) == ["Parent finding it hard to settle a crying baby."]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "lon-age"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Clear the filters"
    page.keyboard.press("Enter")
    expect(page.locator(VISIBLE)).to_have_count(12)
    assert page.get_by_label("Words in the indicator").input_value() == ""
    count_says(page, "Showing all 12 indicators.")
    # the links in the list come next, in order
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('[data-lon-indicator]') !== null")


def test_the_levels_fit_a_320_pixel_screen(browser, server):
    page = new_page(browser, width=320, height=640)
    try:
        page.goto(server.url("levels-of-need/"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        boxes = [page.locator(f".lon-level--{n}").bounding_box() for n in (1, 2, 3, 4)]
        assert all(box["x"] >= 0 and box["x"] + box["width"] <= 320 for box in boxes)
        assert boxes[0]["y"] < boxes[1]["y"]  # one column: stacked, not squeezed
    finally:
        page.context.close()


def test_the_levels_sit_side_by_side_on_a_wide_screen(navigator):
    first, second = (navigator.locator(f".lon-level--{n}").bounding_box() for n in (1, 2))
    assert first["y"] == second["y"] and second["x"] > first["x"]


# ---- accessibility: axe-core (inside the pinned axe-playwright-python package, injected from disk) ----

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    response = Axe().run(page, options=options).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(' '.join(map(str, n['target'])) for n in v['nodes'][:5])}"
        for v in response["violations"]
    ]


def test_axe_finds_no_violations_while_filtering(browser, shipped_server):
    # Every page of the site as it loads, in both palettes and at 320px, is audited by tests/test_accessibility.py;
    # here, the navigator in the states only filtering reaches.
    page = new_page(browser)
    try:
        page.goto(shipped_server.url("levels-of-need/"))
        page.get_by_label("Domain").select_option("parenting-capacity")
        page.get_by_label("Words in the indicator").fill("alcohol")
        expect(page.locator("[data-lon-count]")).to_have_text(re.compile(r"Showing \d+ of \d+ indicators\."))
        assert axe_violations(page) == []
        page.get_by_label("Words in the indicator").fill("no such words anywhere")
        expect(page.get_by_text("No indicators match.")).to_be_visible()
        assert axe_violations(page) == []
    finally:
        page.context.close()
