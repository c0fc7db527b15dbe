"""On a 375 x 667 phone, every procedure of the shipped manual opens with "What to do now" on the first screen,
below the banners that say whether it can be relied on (consultation, preview, draft, overdue, superseded)."""

from __future__ import annotations

import pytest
from browser import new_page
from conftest import REPO

from manual import load_manual

PHONE = {"width": 375, "height": 667}
TODAY = "2026-12-04"

FIRST_SCREEN = """() => {
  const heading = document.getElementById('what-to-do-now');
  const banners = [...document.querySelectorAll('.manual-banner')].map(banner => {
    const headline = banner.querySelector('summary') || banner;
    const box = headline.getBoundingClientRect();
    return {text: headline.innerText.trim().split('\\n')[0], top: box.top, bottom: box.bottom, shown: box.height > 0};
  });
  const box = heading && heading.getBoundingClientRect();
  return {heading: box && {top: box.top, bottom: box.bottom}, banners};
}"""


@pytest.fixture(scope="module")
def procedures() -> list[str]:
    manual = load_manual(REPO, TODAY)
    found = [f"procedures/{doc.id}/" for doc in manual.documents if doc.type == "procedure" and not doc.is_retired]
    assert len(found) >= 25  # drafts included: the shipped manual's procedures, not an empty list
    return found


def test_every_procedure_has_what_to_do_now_on_a_phone_s_first_screen(browser, shipped_server, procedures):
    page = new_page(browser, **PHONE)
    problems = []
    try:
        for path in procedures:
            page.goto(shipped_server.url(path))
            seen = page.evaluate(FIRST_SCREEN)
            heading = seen["heading"]
            if heading is None:
                problems.append(f"{path}: no 'What to do now' heading")
                continue
            if heading["bottom"] > PHONE["height"]:
                problems.append(f"{path}: 'What to do now' ends {heading['bottom']:.0f}px down")
            for banner in seen["banners"]:
                if not banner["shown"] or banner["bottom"] > heading["top"]:
                    problems.append(f"{path}: the banner '{banner['text']}' is not shown above 'What to do now'")
    finally:
        page.context.close()
    assert not problems, "\n".join(problems)
