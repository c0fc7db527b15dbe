"""Finding and following, built for real from the "finding" fixture manual: the generated indexes, what's
changed and its feed, the "Updated" mark, search words, stable addresses and redirects, what links here,
and print."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import search_index
from conftest import make_project, run_build
from fixture_documents import document

TODAY = "2026-11-24"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(build_manual) -> Path:
    build = build_manual("finding", TODAY)
    assert build.returncode == 0, build.output
    return build.site


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    match = re.search(r'<article class="md-content__inner md-typeset">(.*)</article>', html, re.S)
    assert match, "no article on the page"
    return match.group(1)


def words(html: str) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.replace("&para;", ""))).strip()
    return re.sub(r" ([.,:;)])", r"\1", text)


def section(html: str, anchor: str) -> str:
    """The HTML from the heading with this id up to the next heading of the same or a higher level."""
    start = re.search(rf'<h([1-6]) id="{re.escape(anchor)}"', html)
    assert start, f"no heading with id {anchor}"
    end = re.compile(rf"<h[1-{start.group(1)}][ >]").search(html, start.end())
    return html[start.start() : end.start() if end else len(html)]


# ---- the indexes -----------------------------------------------------------------------------------


def test_a_to_z_lists_every_document_in_force_under_its_letter_and_marks_drafts_and_updates(site):
    html = article(read(site, "indexes/a-to-z"))
    headings = re.findall(r'<h2 id="(letter-[^"]+)"', html)
    assert headings == ["letter-0-9", "letter-c", "letter-m", "letter-v"]
    assert 'href="../../procedures/find-conference/"' in section(html, "letter-c")
    referral = words(section(html, "letter-m"))
    assert "Making a referral to the MASH Updated Local" in referral  # amended on 10 November: within 30 days
    assert "How to contact the MASH and complete the referral form." in referral
    assert "16 and 17 year olds (draft) Draft" in words(section(html, "letter-0-9"))
    assert "Updated" not in words(section(html, "letter-v"))  # last amended December 2025


def test_a_to_z_lists_superseded_documents_apart_with_their_replacement(site):
    html = article(read(site, "indexes/a-to-z"))
    assert "Conference protocol 2011" not in words(html.split('id="no-longer-in-force"')[0])
    apart = words(section(html, "no-longer-in-force"))
    assert "Conference protocol 2011: Superseded Replaced by Child protection conferences." in apart
    assert 'href="../../procedures/find-conference/"' in section(html, "no-longer-in-force")


@pytest.mark.parametrize(
    ("page", "anchor", "expected", "absent"),
    [
        ("indexes/owners", "owner-mash-strategic-group", ["Making a referral to the MASH"], ["Voice of the child"]),
        ("indexes/owners", "owner-development-practice", ["Voice of the child"], ["Making a referral"]),
        # all-agencies documents are listed under every agency
        (
            "indexes/agencies",
            "audience-police",
            ["Making a referral to the MASH", "Voice of the child"],
            ["Child protection conferences"],
        ),
        (
            "indexes/agencies",
            "audience-health",
            ["Child protection conferences", "Making a referral to the MASH"],
            ["Voice of the child"],
        ),
        ("indexes/agencies", "audience-housing", ["16 and 17 year olds (draft)"], ["Voice of the child"]),
        (
            "indexes/levels",
            "level-4",
            ["Child protection conferences", "Making a referral to the MASH"],
            ["Voice of the child"],
        ),
        ("indexes/levels", "level-2", ["16 and 17 year olds (draft)"], ["Making a referral"]),
        ("indexes/levels", "level-none", ["Voice of the child"], ["Child protection conferences"]),
        (
            "indexes/types",
            "type-procedure",
            ["Child protection conferences", "Making a referral to the MASH"],
            ["Voice of the child"],
        ),
        ("indexes/types", "type-guidance", ["Voice of the child"], ["Conference protocol 2011"]),
    ],
)
def test_each_index_groups_documents_from_their_records(site, page, anchor, expected, absent):
    group = words(section(article(read(site, page)), anchor))
    for title in expected:
        assert title in group
    for title in absent:
        assert title not in group


def test_the_indexes_leave_out_documents_no_longer_in_force(site):
    for page in ["indexes/owners", "indexes/agencies", "indexes/levels", "indexes/types", "indexes/topics"]:
        assert "Conference protocol 2011" not in words(article(read(site, page))), page


def test_levels_index_titles_and_order(site):
    html = article(read(site, "indexes/levels"))
    assert re.findall(r'<h2 id="(level-[^"]+)"', html) == ["level-2", "level-3", "level-4", "level-none"]
    assert re.findall(r"<h2 id=\"level-[^\"]+\">([^<]+)<", html)[-2] == "Level 4"  # no framework here: by number alone


def test_topics_page_files_documents_under_their_tags(site):
    html = article(read(site, "indexes/topics"))
    conferences = words(section(html, "tag:conferences"))
    assert "Child protection conferences" in conferences
    assert "Making a referral" not in conferences
    assert "Making a referral to the MASH" in words(section(html, "tag:referrals"))


def test_the_index_pages_are_in_the_navigation_under_find_a_document(site):
    html = read(site, "indexes/a-to-z")
    nav = words(html.split('class="md-nav__title"', 1)[1])
    for title in [
        "A to Z of documents",
        "Documents by topic",
        "Documents by owner",
        "Documents by agency",
        "Documents by level of need",
        "Documents by type",
        "What's changed",
        "The whole manual",
    ]:
        assert title in nav


def test_an_unknown_tag_on_a_site_page_fails_the_build(tmp_path):
    root = make_project(tmp_path, "finding", files={"docs/about.md": "---\ntags: [Not a topic]\n---\n# About\n"})
    build = run_build(root, TODAY)
    assert build.returncode != 0
    assert "Tags not in allow list: Not a topic" in build.output


def test_an_unknown_tag_on_a_document_names_the_file_and_the_allowed_list(tmp_path):
    root = make_project(
        tmp_path, "finding", files={"procedures/guidance/extra.md": document(id="extra", tags=["Refferals"])}
    )
    build = run_build(root, TODAY)
    assert build.returncode != 0
    assert "procedures/guidance/extra.md" in build.output
    assert (
        "'Refferals' is not an allowed tag; expected a tag from docs/data/tags.yml (did you mean 'Referrals'?)"
        in build.output
    )


# ---- what's changed, the feed and the "Updated" mark ----------------------------------------------


def test_the_changes_page_lists_amendments_newest_first_grouped_by_month(site):
    html = article(read(site, "changes"))
    months = re.findall(r'<h2 id="changes-(\d{4}-\d{2})"', html)
    assert months == ["2026-11", "2026-03", "2025-12", "2011-05"]
    march = words(section(html, "changes-2026-03"))
    # the conference (15 March) comes before the referral's earlier change (2 March)
    assert march.index("Child protection conferences (version 2.0)") < march.index(
        "Making a referral to the MASH (version 3.0)"
    )
    assert "Replaced the 2011 protocol; conferences now within 15 working days. 15 March 2026" in march
    assert "Rewritten for the new MASH. 2 March 2026" in march
    assert "Conference protocol 2011 (version 1.0) Superseded First issued. 1 May 2011" in words(
        section(html, "changes-2011-05")
    )
    assert "16 and 17 year olds" not in words(html)  # a draft has no published changes


def test_the_changes_page_links_each_document_in_a_table_per_month(site):
    """Each month is a listing (HTML, not Markdown): a link per document, its text escaped once, no
    abbreviation half-expanded. Recent changes are Markdown, so theirs are expanded."""
    html = article(read(site, "changes"))
    march = section(html, "changes-2026-03")
    assert "<th>Document</th><th>What changed</th><th>Date</th>" in march
    assert '<a href="../procedures/find-referral/">Making a referral to the MASH</a>' in march
    assert "<td>Rewritten for the new MASH.</td><td>2 March 2026</td>" in march
    recent = section(html, "recently-updated")
    assert '<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr>' in recent
    assert "Domestic abuse" not in html  # DA is ambiguous in the glossary: never expanded


def test_the_changes_page_gives_the_next_planned_update_and_recent_changes(site):
    html = article(read(site, "changes"))
    text = words(html)
    assert "the next planned update is in March 2027 (from 1 March 2027)" in text
    recent = words(section(html, "recently-updated"))
    assert recent.startswith("Updated in the last 30 days")
    assert "Making a referral to the MASH, 10 November 2026: Added the one working day decision timescale." in recent
    assert "Voice of the child" not in recent
    assert 'href="../changes.xml"' in html


def test_the_feed_is_valid_atom_with_one_entry_per_amendment_newest_first(site):
    root = ET.fromstring((site / "changes.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}updated").text == "2026-11-10T00:00:00+00:00"
    entries = root.findall(f"{ATOM}entry")
    got = [
        (e.find(f"{ATOM}title").text, e.find(f"{ATOM}updated").text, e.find(f"{ATOM}link").get("href")) for e in entries
    ]
    assert got == [
        ("Making a referral to the MASH (version 3.1)", "2026-11-10T00:00:00+00:00", "procedures/find-referral/"),
        ("Child protection conferences (version 2.0)", "2026-03-15T00:00:00+00:00", "procedures/find-conference/"),
        ("Making a referral to the MASH (version 3.0)", "2026-03-02T00:00:00+00:00", "procedures/find-referral/"),
        ("Voice of the child (version 1.2)", "2025-12-01T00:00:00+00:00", "procedures/find-voice/"),
        ("Conference protocol 2011 (version 1.0)", "2011-05-01T00:00:00+01:00", "procedures/find-old-protocol/"),
    ]
    assert entries[0].find(f"{ATOM}summary").text == "10 November 2026: Added the one working day decision timescale."
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    # every page points feed readers at it
    assert '<link rel="alternate" type="application/atom+xml" title="What\'s changed" href="../changes.xml">' in read(
        site, "changes"
    )


def test_the_feed_is_the_same_for_the_same_today_and_leaves_out_later_changes(tmp_path):
    from manual import load_manual
    from manual.outputs.changes import all_changes
    from manual.outputs.feed import atom_feed

    project = make_project(tmp_path, "finding")

    def feed(today: str) -> bytes:
        manual = load_manual(project, today)
        return atom_feed(all_changes(manual), title="T", partnership="P", today=manual.today)

    assert feed("2026-11-24") == feed("2026-11-24")
    earlier = ET.fromstring(feed("2026-11-01"))
    titles = [e.find(f"{ATOM}title").text for e in earlier.findall(f"{ATOM}entry")]
    assert "Making a referral to the MASH (version 3.1)" not in titles  # made on 10 November
    assert earlier.find(f"{ATOM}updated").text == "2026-03-15T00:00:00+00:00"


def nav_link(html: str, title: str) -> str:
    match = re.search(
        rf'<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*{re.escape(title)}.*?</a>',
        html,
        re.S,
    )
    assert match, f"no navigation link for {title}"
    return match.group(0)


def test_a_recently_changed_document_is_marked_updated_in_the_navigation(site):
    # The navigation is pruned to the open section, so each link is read on a page of its own section.
    assert 'md-status--updated" title="Updated in the last 30 days"' in nav_link(
        read(site, "procedures/find-referral"), "Making a referral to the MASH"
    )
    assert "md-status" not in nav_link(read(site, "procedures/find-conference"), "Child protection conferences")


def test_the_updated_mark_goes_once_the_change_is_older_than_the_setting(tmp_path):
    build = run_build(make_project(tmp_path, "finding"), "2026-12-10")  # 30 days after 10 November
    assert build.returncode == 0, build.output
    html = (build.site / "indexes" / "a-to-z" / "index.html").read_text(encoding="utf-8")
    assert "md-status" not in nav_link(read(build.site, "procedures/find-referral"), "Making a referral to the MASH")
    assert "Updated" not in words(section(article(html), "letter-m"))


# ---- search ----------------------------------------------------------------------------------------


def test_keywords_and_glossary_expansions_are_search_words_of_their_document(site):
    entry = next(e for e in search_index.entries(site) if e["location"] == "procedures/find-referral/")
    assert entry["title"] == "Making a referral to the MASH"
    # each acronym followed by the glossary's expansion (how search weighs them: tests/test_search.py)
    assert entry["keywords"] == ["MARF", "Multi-agency referral form", "referral form"]


def test_superseded_and_withdrawn_documents_are_left_out_of_search(site):
    locations = search_index.locations(site)
    assert "procedures/find-conference/" in locations
    assert "procedures/find-old-protocol/" not in locations
    assert "print/" not in locations  # the whole manual would repeat every document


# ---- stable addresses and redirects -----------------------------------------------------------------


def test_old_ids_redirect_to_the_document(site):
    for old in ["mash-referral-old", "making-a-referral"]:
        html = (site / "procedures" / old / "index.html").read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="0; url=../find-referral/">' in html
        assert '<link rel="canonical" href="../find-referral/">' in html


def test_a_redirect_from_an_id_still_in_use_fails_the_build(tmp_path):
    root = make_project(
        tmp_path, "finding", files={"procedures/guidance/extra.md": document(id="extra", redirect_from=["find-voice"])}
    )
    build = run_build(root, TODAY)
    assert build.returncode != 0
    assert "procedures/guidance/extra.md" in build.output
    assert "field 'redirect_from': 'find-voice' is the id of procedures/guidance/voice.md" in build.output


def test_moving_and_renaming_a_file_keeps_its_address_and_the_links_to_it(tmp_path):
    root = make_project(tmp_path, "finding")
    before = run_build(root, TODAY)
    assert before.returncode == 0, before.output
    page_before = words(article(before.html("find-referral")))
    # move the referral procedure to another section under another file name
    (root / "procedures" / "responding" / "referral.md").rename(root / "procedures" / "guidance" / "how-to-refer.md")
    after = run_build(root, TODAY)
    assert after.returncode == 0, after.output
    assert words(article(after.html("find-referral"))) == page_before
    assert not (after.site / "procedures" / "how-to-refer").exists()
    assert 'href="../find-referral/#what-to-do-now"' in after.html("find-conference")
    assert '<meta http-equiv="refresh" content="0; url=../find-referral/">' in (
        after.site / "procedures" / "mash-referral-old" / "index.html"
    ).read_text(encoding="utf-8")


def test_a_superseded_document_points_to_its_replacement(site):
    banner = re.search(
        r'<div class="manual-banner manual-banner--withdrawn".*?</div>',
        read(site, "procedures/find-old-protocol"),
        re.S,
    )
    assert banner
    assert "Superseded: no longer in force. Follow Child protection conferences instead." in words(banner.group(0))
    assert 'href="../find-conference/"' in banner.group(0)


# ---- what links here -------------------------------------------------------------------------------


def test_what_links_here_lists_documents_linking_or_listing_it_as_related(site):
    html = read(site, "procedures/find-conference")
    links_here = words(section(html, "what-links-here"))
    # the referral procedure links to it and lists it as related; the old protocol links to it
    assert links_here == "What links here Conference protocol 2011 (superseded) Making a referral to the MASH"
    assert (
        words(section(read(site, "procedures/find-referral"), "what-links-here"))
        == "What links here Child protection conferences"
    )
    assert 'id="what-links-here"' not in read(site, "procedures/find-voice")


# ---- print -----------------------------------------------------------------------------------------


def test_every_page_carries_the_printed_on_line_with_the_build_date(site):
    for page in ["procedures/find-referral", "indexes/a-to-z", "print"]:
        line = re.search(r'<p class="manual-printed">.*?</p>', read(site, page), re.S)
        assert line, page
        assert words(line.group(0)) == "Printed on 24 November 2026: check the website for the current version."
        assert 'data-print-date data-build-date="2026-11-24"' in line.group(0)


def test_the_whole_manual_page_holds_every_document_in_force_in_section_order(site):
    html = article(read(site, "print"))
    documents = re.findall(r'<h3 id="doc-([^"]+)"', html)
    assert documents == ["find-referral", "find-conference", "find-voice"]  # sections: responding, protection, guidance
    text = words(html)
    assert "Version 3.1. Approved 10 November 2026. Owner: MASH Strategic Group." in text
    assert "find-draft" not in html and "find-old-protocol" not in html
    # doc: links point down the page; a relative link is rebased from the document's folder
    assert 'href="#doc-find-conference"' in html
    assert 'href="../contacts/"' in html
    # body headings sit under the document heading
    assert '<h4 id="what-to-do-now">' in html
