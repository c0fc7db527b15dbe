"""The Levels of Need: the indicators file is validated, and the pages show every level, document and indicator.

Fixture manual: tests/fixtures/levels (a threshold framework with 12 indicators, and documents declaring levels).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, REPO, make_project, run_build

from manual import load_manual

DATA = "procedures/early-help/levels-of-need.yml"
FIXTURE_DATA = (FIXTURES / "levels" / DATA).read_text(encoding="utf-8")
TODAY = "2026-11-24"


def with_data(tmp_path: Path, text: str) -> Path:
    return make_project(tmp_path, "levels", files={DATA: text})


def levels_problems(root: Path) -> list[str]:
    return [str(p) for p in load_manual(root, TODAY).problems]


def change(old: str, new: str) -> str:
    assert FIXTURE_DATA.count(old) == 1, old
    return FIXTURE_DATA.replace(old, new)


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def plain(fragment: str) -> str:
    """Text as a reader sees it: the main content only, tags dropped, spaces collapsed."""
    article = re.search(r"<article[^>]*>(.*)</article>", fragment, re.S)
    fragment = article.group(1) if article else fragment
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment)
    fragment = re.sub(r"</?(p|li|h[1-6]|div|section|ul|ol|br|span)\b[^>]*>", " ", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


# ---- validation -----------------------------------------------------------------------------------


def test_the_fixture_data_is_valid(tmp_path):
    root = make_project(tmp_path, "levels")
    manual = load_manual(root, TODAY)
    assert manual.problems == []
    assert len(manual.levels.indicators) == 12
    assert [level.name for level in manual.levels.levels] == [
        "Universal",
        "Additional needs",
        "Complex needs",
        "Acute or statutory",
    ]


BAD_DATA = [
    pytest.param(
        "{level: 2, domain: developmental-needs, ages: [child], text: School",
        "{level: 2, domain: child-needs, ages: [child], text: School",
        "field 'indicators[3].domain': indicator 4 ('School attendance falling below ninety per cent.'): "
        "got 'child-needs'; expected one of: developmental-needs, parenting-capacity, family-environment",
        id="unknown domain",
    ),
    pytest.param(
        "{level: 2, domain: family-environment, ages: [all], text: Family in debt",
        "{level: 5, domain: family-environment, ages: [all], text: Family in debt",
        "field 'indicators[5].level': indicator 6 ('Family in debt and worried about losing their home.'): got 5; expected one of: 1, 2, 3, 4",
        id="unknown level",
    ),
    pytest.param(
        "ages: [unborn-and-infant], text: Parent finding",
        "ages: [toddler], text: Parent finding",
        "field 'indicators[4].ages[0]': indicator 5 ('Parent finding it hard to settle a crying baby.'): got 'toddler'; "
        "expected one of: unborn-and-infant, child, adolescent, all",
        id="unknown age stage",
    ),
    pytest.param(
        "see: [fixture-exploitation]}",
        "see: [fixture-exploit]}",
        "field 'indicators[6].see[0]': indicator 7 ('Going missing overnight and returning with new phones or ...'): "
        "'fixture-exploit' is not the id of any document (did you mean 'fixture-exploitation'?)",
        id="unknown linked id",
    ),
    pytest.param(
        "see: [fixture-mash]}",
        "see: [fixture-old-protocol]}",
        "field 'indicators[9].see[0]': indicator 10 ('Any bruise on a baby who is not yet mobile.'): "
        "links to 'fixture-old-protocol', which is superseded; link to 'fixture-new-protocol' instead",
        id="superseded linked id",
    ),
    pytest.param(
        "[MASH referral](doc:fixture-mash)",
        "[MASH referral](doc:fixture-mahs)",
        "field 'levels[3].next_steps[0]': the link doc:fixture-mahs: 'fixture-mahs' is not the id of any document (did you mean 'fixture-mash'?)",
        id="unknown id in a level's text",
    ),
    pytest.param(
        "  protocol: step-up-step-down",
        "  protocol: step-up",
        "field 'routes.protocol': 'step-up' is not the id of any document",
        id="unknown route protocol",
    ),
    pytest.param(
        "ages: [all], text: Healthy and reaching",
        "ages: [all, child], text: Healthy and reaching",
        "field 'indicators[0].ages': indicator 1 ('Healthy and reaching developmental milestones.'): 'all' already covers every age stage",
        id="all with other ages",
    ),
    pytest.param(
        "text: Any bruise on a baby who is not yet mobile., see: [fixture-mash]",
        "text: Any bruise on a baby who is not yet mobile., see: [fixture-universal]",
        "field 'indicators[9].see[0]': indicator 10 ('Any bruise on a baby who is not yet mobile.'): a level 4 indicator "
        "routed to 'fixture-universal', which is for level 1; expected a document for level 4",
        id="route to a procedure for other levels",
    ),
    pytest.param(
        "text: Repeated police call-outs to arguments at home.}",
        "text: A youth worker who works with children may have harmed a child.}",
        "field 'indicators[8].see': indicator 9 ('A youth worker who works with children may have harmed a ...'): "
        "expected 'allegations-against-staff-lado' under see: Working Together to Safeguard Children 2023",
        id="allegation against a worker not routed to the LADO",
    ),
    pytest.param(
        "ages: [all], text: Parents provide",
        "text: Parents provide",
        "field 'indicators[1].ages': indicator 2 ('Parents provide warmth and consistent boundaries.'): missing; expected a list",
        id="missing ages",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), BAD_DATA)
def test_bad_indicator_data_is_reported_naming_the_file_the_indicator_and_the_field(tmp_path, old, new, expected):
    text = change(old, new)
    messages = levels_problems(with_data(tmp_path, text))
    assert len(messages) == 1, messages
    line = line_of(text, new)
    assert messages[0].startswith(f"{DATA}, line {line}, "), messages
    assert expected in messages[0]


def test_a_threshold_framework_without_its_indicators_file_is_reported(tmp_path):
    root = make_project(tmp_path, "levels")
    (root / DATA).unlink()
    messages = levels_problems(root)
    assert messages == [
        "procedures/early-help/levels-of-need.md, line 4, field 'type': a threshold framework keeps its levels and "
        f"indicators beside it; expected the file {DATA}"
    ]


def test_unreadable_yaml_is_reported_with_its_line(tmp_path):
    text = change("  - level: 3\n", "  - level: 3\n   bad indent: [\n")
    messages = levels_problems(with_data(tmp_path, text))
    assert len(messages) == 1 and messages[0].startswith(f"{DATA}, line "), messages
    assert "the YAML cannot be read" in messages[0]


def test_bad_indicator_data_stops_the_build_with_the_message(tmp_path):
    build = run_build(
        with_data(
            tmp_path,
            change(
                "domain: parenting-capacity, ages: [all], text: Parents provide",
                "domain: parenting, ages: [all], text: Parents provide",
            ),
        )
    )
    assert build.returncode != 0
    assert f"{DATA}, line " in build.output
    assert (
        "field 'indicators[1].domain': indicator 2 ('Parents provide warmth and consistent boundaries.'): got 'parenting'"
        in build.output
    )
    assert "Traceback" not in build.output
    assert not (build.root / "site" / "levels-of-need").exists()


def test_the_shipped_indicators_validate_and_cover_every_level_domain_and_age():
    manual = load_manual(REPO, TODAY)
    levels = manual.levels
    assert [
        str(p) for p in manual.problems if p.path.endswith("levels-of-need.yml") or "levels-of-need" in p.path
    ] == []
    assert levels is not None and levels.document.id == "levels-of-need"
    assert len(levels.indicators) >= 120
    for level in (1, 2, 3, 4):
        for domain in levels.domains:
            assert len(levels.indicators_for(level, domain)) >= 5, (level, domain)
    ages = {age for indicator in levels.indicators for age in indicator.ages}
    assert ages == {"all", "unborn-and-infant", "child", "adolescent"}
    texts = [indicator.text for indicator in levels.indicators]
    assert len(set(texts)) == len(texts), "an indicator is listed twice"
    exploitation = [i for i in levels.indicators if "exploited" in i.text]
    assert exploitation and all("child-exploitation" in i.see for i in exploitation)


# ---- the pages ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_site(build_manual):
    build = build_manual("levels", TODAY)
    assert build.returncode == 0, build.output
    return build.site


def fixture_indicators() -> list[dict]:
    return yaml.safe_load(FIXTURE_DATA)["indicators"]


def indicator_items(page_html: str) -> list[str]:
    return re.findall(r'<li class="lon-indicator".*?</li>', page_html, re.S)


def item_text(item: str) -> str:
    return plain(re.search(r'class="lon-indicator__text">(.*?)</span>', item, re.S).group(1))


def test_without_javascript_the_page_lists_every_indicator(fixture_site):
    page = (fixture_site / "levels-of-need" / "index.html").read_text(encoding="utf-8")
    items = indicator_items(page)
    assert [item_text(item) for item in items] == [entry["text"] for entry in fixture_indicators()]
    # the filters only appear once the script has run
    assert re.search(r'<form class="lon-filters" data-lon-filters hidden>', page)
    # and the special characters are shown as written
    assert "drinking means meals &amp; bedtimes are often missed." in page
    assert "sell drugs &lt;county lines&gt;." in page


def test_every_indicator_is_marked_with_its_level_domain_and_ages(fixture_site):
    page = (fixture_site / "levels-of-need" / "index.html").read_text(encoding="utf-8")
    for item, entry in zip(indicator_items(page), fixture_indicators(), strict=True):
        assert f'data-level="{entry["level"]}"' in item
        assert f'data-domain="{entry["domain"]}"' in item
        assert f'data-ages="{" ".join(entry["ages"])}"' in item


def test_indicators_link_to_their_procedures(fixture_site):
    page = (fixture_site / "levels-of-need" / "index.html").read_text(encoding="utf-8")
    county_lines = next(item for item in indicator_items(page) if "county lines" in item)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', county_lines)
    assert links == [
        ("../procedures/fixture-exploitation/", "Fixture exploitation"),
        ("../procedures/fixture-mash/", "Fixture MASH referral"),
    ]
    assert (fixture_site / "procedures" / "fixture-exploitation" / "index.html").exists()
    assert "Age: Young people" in plain(county_lines)


def test_the_levels_are_side_by_side_with_who_responds_and_the_route(fixture_site):
    page = (fixture_site / "levels-of-need" / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<section [^>]*class="lon-level lon-level--(\d)".*?</section>', page, re.S)
    assert cards == ["1", "2", "3", "4"]
    level_2 = plain(re.search(r'<section [^>]*class="lon-level lon-level--2".*?</section>', page, re.S).group(0))
    assert "Level 2: Additional needs" in level_2
    assert "Who responds: A lead practitioner." in level_2
    assert "Route: Early help through the early help procedure." in level_2
    assert 'href="../procedures/fixture-early-help/"' in page
    assert 'href="level-2/"' in page


def test_step_up_and_step_down_are_shown_as_a_route(fixture_site):
    page = plain((fixture_site / "levels-of-need" / "index.html").read_text(encoding="utf-8"))
    assert (
        "Stepping up to children's social care When: Needs rise to level 4. What happens: Refer to the MASH with the assessment attached."
        in page
    )
    assert "Stepping down to early help When: Risks have reduced to level 2 or 3." in page
    assert "Follow the Fixture step-up and step-down for the full steps." in page


def declared(documents, level: int) -> set[str]:
    return {
        doc.title
        for doc in documents
        if level in doc.levels and doc.status in ("approved", "draft") and doc.type != "threshold-framework"
    }


def listed_documents(level_page: str, level: int) -> set[str]:
    section = re.search(rf'<h2 id="documents-for-level-{level}">.*?(?=<h2 )', level_page, re.S).group(0)
    return {
        plain(re.search(r"<a [^>]*>(.*?)</a>", item, re.S).group(1))
        for item in re.findall(r"<li>(.*?)</li>", section, re.S)
    }


def test_each_level_lists_the_documents_that_declare_it(fixture_site, tmp_path):
    expected = {
        1: {"Fixture universal services"},
        2: {"Fixture early help", "Fixture new missing protocol", "Fixture step-up and step-down"},
        3: {
            "Fixture early help",
            "Fixture exploitation",
            "Fixture new missing protocol",
            "Fixture step-up and step-down",
        },
        4: {
            "Fixture exploitation",
            "Fixture MASH referral",
            "Fixture new missing protocol",
            "Fixture step-up and step-down",
            "Fixture draft pathway",
        },
    }
    documents = load_manual(make_project(tmp_path, "levels"), TODAY).documents
    for level, titles in expected.items():
        page = (fixture_site / "levels-of-need" / f"level-{level}" / "index.html").read_text(encoding="utf-8")
        listed = listed_documents(page, level)
        assert listed == titles
        assert declared(documents, level) == listed
    level_4 = plain((fixture_site / "levels-of-need" / "level-4" / "index.html").read_text(encoding="utf-8"))
    assert "Fixture draft pathway (draft: not in force):" in level_4
    # withdrawn and superseded documents, and documents tied to no level, are never listed
    all_levels = "".join(
        plain((fixture_site / "levels-of-need" / f"level-{n}" / "index.html").read_text(encoding="utf-8"))
        for n in range(1, 5)
    )
    assert "Fixture old missing protocol" not in all_levels
    assert "Fixture not tied to a level" not in all_levels


def test_a_level_page_has_what_to_do_and_its_indicators_by_domain(fixture_site):
    page = (fixture_site / "levels-of-need" / "level-4" / "index.html").read_text(encoding="utf-8")
    text = plain(page)
    assert "A child is in immediate danger Call 999." in text
    assert "What to do next Refer to the MASH: MASH referral." in text
    assert re.search(r'<h3 id="[^"]*">The child(&rsquo;|\')s developmental needs', page)
    assert "Any bruise on a baby who is not yet mobile. (Unborn babies and infants) See Fixture MASH referral." in text


def test_the_families_page_explains_each_level_in_plain_words(fixture_site):
    page = plain((fixture_site / "levels-of-need" / "families" / "index.html").read_text(encoding="utf-8"))
    assert "The fixture's words for families about the levels." in page
    for level in range(1, 5):
        assert f"Fixture family words for level {level}." in page
    assert "Level 4: help from a social worker Fixture family words for level 4." in page
    assert "statutory" not in page
    assert "Call 999" in page


def test_the_pages_are_in_the_navigation(fixture_site):
    page = (fixture_site / "levels-of-need" / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', page, re.S).group(0)
    assert re.search(
        r'<label class="md-nav__link md-nav__link--active" for="__toc">\s*<span class="md-ellipsis">\s*Levels of Need: indicators and what to do',
        nav,
    )
    assert '<a href="families/" class="md-nav__link">' in nav


def test_the_shipped_level_pages_list_exactly_the_documents_declaring_each_level(shipped_site):
    manual = load_manual(REPO, TODAY)
    for level in (1, 2, 3, 4):
        page = (shipped_site / "levels-of-need" / f"level-{level}" / "index.html").read_text(encoding="utf-8")
        assert listed_documents(page, level) == declared(manual.documents, level), level


def test_the_shipped_page_without_javascript_lists_every_indicator(shipped_site):
    manual = load_manual(REPO, TODAY)
    page = (shipped_site / "levels-of-need" / "index.html").read_text(encoding="utf-8")
    assert [item_text(item) for item in indicator_items(page)] == [i.text for i in manual.levels.indicators]


def test_the_families_page_says_what_the_framework_s_data_says(fixture_site):
    """The partnership's own words for families come from the data beside the framework, not the code."""
    page = plain((fixture_site / "levels-of-need" / "families" / "index.html").read_text(encoding="utf-8"))
    assert "other services in the area use the same four levels" in page
    assert 'This is called "stepping down".' in page
    assert "Early help (levels 2 and 3) is your choice." in page


def test_the_levels_index_names_each_level_as_the_framework_does(fixture_site):
    page = plain((fixture_site / "indexes" / "levels" / "index.html").read_text(encoding="utf-8"))
    assert "Level 4: Acute or statutory" in page
