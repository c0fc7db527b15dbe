"""Search in practitioners' words, in the real search box of the shipped manual (Chromium), and what it indexes.

The evaluation set (tests/search-queries.yml: everyday words, misspellings, synonyms, questions, acronyms, agency
jargon) is typed into the search box one query after another, in one page, with the code the benchmark measures it
with (scripts/search_benchmark.py): the expected page first for at least 90% of the queries, in the first three
for at least 98%. A failure lists every query that missed and what came first.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from manual import ManualError
from manual.reading.search_phrases import PHRASES_FILE, load_search_phrases


def _script(name: str):
    """A script of scripts/ as a module."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


search_benchmark = _script("search_benchmark")
QUERIES = search_benchmark.load_queries()
KINDS = {"everyday", "misspelling", "synonym", "question", "acronym", "jargon"}


@pytest.fixture(scope="module")
def search_page(browser, shipped_server):
    from browser import new_page

    page = new_page(browser)
    page.goto(shipped_server.url(""))
    yield page
    page.context.close()


# ---- the evaluation set ------------------------------------------------------------------------------------------


def test_the_evaluation_set_is_practitioners_words_about_pages_that_exist(shipped_site):
    assert len(QUERIES) >= 60
    assert {entry["kind"] for entry in QUERIES} == KINDS
    assert all(set(entry) == {"query", "expected", "kind"} for entry in QUERIES), QUERIES
    queries = [entry["query"].lower() for entry in QUERIES]
    assert len(set(queries)) == len(queries), "a query is listed twice"
    missing = [
        e["expected"] for e in QUERIES if not (shipped_site / search_benchmark.expected_path(e["expected"])).is_dir()
    ]
    assert not missing, f"expected pages the shipped manual does not have: {missing}"


def test_the_evaluation_set_finds_the_right_page_first(search_page):
    outcomes = search_benchmark.run_queries(search_page, QUERIES)
    first, top3 = search_benchmark.accuracy(outcomes)
    not_first = "\n".join(f"  {o}" for o in outcomes if not o.first)
    said = f"{first:.0%} first, {top3:.0%} in the first three; not first:\n{not_first}"
    assert first >= search_benchmark.BUDGET_FIRST and top3 >= search_benchmark.BUDGET_TOP3, said


# ---- the search box ----------------------------------------------------------------------------------------------


def test_the_search_dialog_and_box_have_accessible_names_and_axe_finds_nothing(search_page):
    from site_audit import _AXE_OPTIONS, _axe

    page = search_page
    assert page.get_by_role("dialog", name="Search").count() == 1
    assert page.get_by_role("textbox", name="Search").count() == 1
    search_benchmark.search(page, search_benchmark.search_worker(page), "lado")  # the dialog open, with results
    page.add_script_tag(content=_axe.axe_script)
    violations = page.evaluate(
        "options => axe.run(document.querySelector('.md-search'), options).then(r => r.violations)", _AXE_OPTIONS
    )
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_a_misspelt_word_is_corrected_and_the_page_highlights_what_was_found(search_page):
    search_benchmark.search(search_page, search_benchmark.search_worker(search_page), "interpretor")
    first = search_page.locator(".md-search-result__item > a").first
    assert re.search(r"/procedures/working-with-interpreters/\?h=interpreter$", first.get_attribute("href"))


def test_search_asks_nothing_of_another_site(browser, shipped_server):
    from browser import new_page

    page = new_page(browser)
    asked = []
    page.context.on("request", lambda request: asked.append(request.url))
    try:
        page.goto(shipped_server.url(""))
        page.locator("input.md-search__input").click()
        search_benchmark.search(page, search_benchmark.search_worker(page), "baby sleeping on sofa")
    finally:
        page.context.close()
    assert any("/pagefind/" in url for url in asked), asked  # the requests of the worker were seen
    assert [url for url in asked if not url.startswith(shipped_server.origin)] == []


# ---- what is indexed ---------------------------------------------------------------------------------------------


def _indexed(site: Path, path: str) -> bool:
    return "data-pagefind-body" in (site / path / "index.html").read_text(encoding="utf-8")


def test_search_indexes_documents_and_pages_but_not_retired_documents_or_listings(shipped_site):
    site = shipped_site
    assert _indexed(site, "procedures/missing-from-home-and-care")
    assert _indexed(site, "contacts") and _indexed(site, "changes")
    assert not _indexed(site, "procedures/missing-children-protocol-2011")  # superseded
    for listing in ["indexes/a-to-z", "indexes/topics", "review-schedule", "print", "to-be-agreed"]:
        assert not _indexed(site, listing), listing
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = sum("data-pagefind-body" in page.read_text(encoding="utf-8") for page in site.rglob("*.html"))
    assert [language["page_count"] for language in entry["languages"].values()] == [marked]
    # Material's own index is empty: its search plugin stays only for its box and its highlighter's settings
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    assert not list((site / "pagefind").glob("pagefind-*ui*"))  # Pagefind's own interfaces are not shipped


def test_a_document_s_keywords_and_phrases_are_in_the_index_not_on_its_page(shipped_site, search_page):
    # On the page: only the mark. The words are the partnership's data; a regional chapter's page carries none of it.
    html = (shipped_site / "procedures" / "domestic-abuse" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in html and "dad shouting at mum" not in html
    # In the index: "Clare's Law" (an apostrophe, escaped once) and a phrase, each finding the document first.
    worker = search_benchmark.search_worker(search_page)
    for words in ["clares law", "Clare's Law", "dad shouting at mum", "MARAC Multi-Agency Risk Assessment Conference"]:
        assert search_benchmark.search(search_page, worker, words)[:1] == ["procedures/domestic-abuse"], words


# ---- the phrases file ----------------------------------------------------------------------------------------------


def _phrases_project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "docs" / "schema").mkdir(parents=True)
    (tmp_path / "docs" / "data").mkdir()
    schema = "search-phrases.schema.json"
    (tmp_path / "docs" / "schema" / schema).write_text((REPO / "docs" / "schema" / schema).read_text(encoding="utf-8"))
    (tmp_path / PHRASES_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_shipped_phrases_name_shipped_documents():
    shipped = yaml.safe_load((REPO / PHRASES_FILE).read_text(encoding="utf-8"))
    ids = {path.stem for folder in ("procedures", "regional/procedures") for path in (REPO / folder).rglob("*.md")}
    found = load_search_phrases(REPO, ids)
    assert found.unknown == () and set(found.by_id) == set(shipped)


def test_a_mistake_in_the_phrases_file_names_the_file_line_and_field(tmp_path):
    root = _phrases_project(tmp_path, "neglect:\n  - dirty house\n  - dirty house\ndomestic-abuse: dad shouting\n")
    with pytest.raises(ManualError) as raised:
        load_search_phrases(root, {"neglect", "domestic-abuse"})
    said = [str(problem) for problem in raised.value.problems]
    assert any(s.startswith(f"{PHRASES_FILE}, line 1, field 'neglect'") for s in said), said
    assert any(s.startswith(f"{PHRASES_FILE}, line 4, field 'domestic-abuse'") for s in said), said


def test_a_key_naming_no_document_here_is_set_aside_with_a_did_you_mean(tmp_path):
    root = _phrases_project(tmp_path, "neglect:\n  - dirty house\nneglet:\n  - messy house\n")
    found = load_search_phrases(root, {"neglect"})
    assert found.of("neglect") == ("dirty house",)
    assert found.unknown == ("'neglet' (line 3) (did you mean 'neglect'?)",)
