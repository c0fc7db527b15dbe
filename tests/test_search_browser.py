"""Search as a practitioner uses it: acronyms typed into the real search box of the shipped manual, in Chromium.

The expected documents are the shipped manual's ids (see the content plan): each acronym must bring its
document up as the first result, above every page that only mentions it.
"""

from __future__ import annotations

from urllib.parse import quote_plus, urlsplit

import pytest

ACRONYMS = {
    "LADO": "allegations-against-staff-lado",
    "MARF": "mash-referral",
    "MASH": "mash-referral",
    "CSE": "child-exploitation",
    "MACE": "child-exploitation",
    "FGM": "female-genital-mutilation",
    "ICPC": "child-protection-conferences",
    "RCPC": "child-protection-conferences",
    "MARAC": "domestic-abuse",
    "CME": "children-missing-education",
    "GCP2": "neglect",
    "ICON": "safer-sleeping-icon",
    "CSPR": "rapid-reviews-cspr",
    "CDOP": "child-death-reviews",
    "EHA": "early-help-assessment",
    "s47": "strategy-discussions-s47",
}


def search(page, query: str) -> list[str]:
    """Type a query into the header's search box; the result pages' paths, in order."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the box on keyup
    # Results are ready when the first result links with this query highlighted (?h=<query>).
    page.wait_for_function(
        """(query) => {
            const first = document.querySelector(".md-search-result__item > a");
            return first !== null && first.href.includes("h=" + query);
        }""",
        arg=quote_plus(query.lower()),
        timeout=15000,
    )
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return [urlsplit(href).path.strip("/") for href in hrefs]


@pytest.fixture(scope="module")
def search_page(browser, shipped_server):
    from browser import new_page

    page = new_page(browser)
    page.goto(shipped_server.url(""))
    yield page
    page.context.close()


@pytest.mark.parametrize(("query", "doc_id"), list(ACRONYMS.items()))
def test_an_acronym_finds_its_document_first(search_page, query, doc_id):
    results = search(search_page, query)
    assert results, f"no results for {query}"
    assert results[0] == f"procedures/{doc_id}", f"{query}: first results were {results[:3]}"


def test_a_superseded_document_is_not_offered_by_search(search_page):
    results = search(search_page, "missing")
    assert "procedures/missing-from-home-and-care" in results
    assert "procedures/missing-children-protocol-2011" not in results
