"""Real MkDocs builds of fixture manuals: what a practitioner sees on the page."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, make_project, mkdocs_serve, run_build
from fixture_documents import DELETE, document


@pytest.fixture(scope="module")
def basic_project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("basic"))


def text_of(html: str, css_class: str) -> str:
    match = re.search(rf'class="[^"]*{css_class}[^"]*"[^>]*>(.*?)</(?:dd|div|section)>', html, re.S)
    assert match, f"no element with class {css_class}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()


@pytest.mark.parametrize(
    ("today", "doc_id", "state", "words"),
    [
        # fixture-conference: next_review given as 2026-12-20
        ("2026-10-20", "fixture-conference", "current", "Current"),
        ("2026-10-21", "fixture-conference", "due-soon", "Review due in 60 days"),
        ("2026-12-19", "fixture-conference", "due-soon", "Review due in 1 day"),
        ("2026-12-20", "fixture-conference", "due-soon", "Review due today"),
        ("2026-12-21", "fixture-conference", "overdue", "Review overdue by 1 day"),
        # fixture-leap-year: reviewed 29 February 2024, interval 1 year -> due 28 February 2025
        ("2025-02-28", "fixture-leap-year", "due-soon", "Review due today"),
        ("2025-03-01", "fixture-leap-year", "overdue", "Review overdue by 1 day"),
    ],
)
def test_the_page_shows_the_review_state_for_the_day_of_the_build(basic_project, today, doc_id, state, words):
    build = run_build(basic_project, today)
    assert build.returncode == 0, build.output
    html = build.html(doc_id)
    assert f"manual-state--{state}" in html
    # the phone's status line and the full panel say the same
    assert re.findall(r"data-review-state>([^<]*)<", html) == [words, words]
    assert ("manual-banner--overdue" in html) == (state == "overdue")


def test_an_overdue_page_says_it_stays_in_force_and_who_owns_the_review(build_manual):
    build = build_manual(today="2026-11-24")
    assert build.returncode == 0, build.output
    banner = text_of(build.html("fixture-referral"), "manual-banner--overdue")
    assert "Review overdue by 318 days" in banner
    assert "due for review on 10 January 2026" in banner
    assert "stays in force until it is replaced" in banner
    assert "MASH Strategic Group owns its review" in banner


def test_the_document_control_panel(build_manual):
    build = build_manual(today="2025-03-01")
    html = build.html("fixture-referral")
    section = re.search(r'<section class="manual-control.*?</section>', html, re.S).group(0)
    panel = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))
    for expected in [
        "Status Approved",
        "Owner MASH Strategic Group",
        "Version 2.0",
        "Approved 10 January 2025 by the Safeguarding Partners Board",
        "Last reviewed 10 January 2025",
        "Next review 10 January 2026",
        "Local",
    ]:
        assert expected in panel
    assert "Review Current" in panel
    # doc: links become real links, and related documents are listed
    assert 'href="../fixture-conference/#what-to-do-now"' in html
    assert '<li><a href="../fixture-conference/">Fixture conference procedure</a></li>' in html


def test_a_draft_is_unmistakable(build_manual):
    html = build_manual().html("fixture-draft")
    assert "Draft: not in force." in text_of(html, "manual-banner--draft")
    assert "Not approved" in html


def test_every_page_has_the_emergency_line_and_no_third_party_assets(build_manual):
    build = build_manual()
    pages = list(build.site.rglob("*.html"))
    assert len(pages) >= 7
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html" or 'http-equiv="refresh"' in html:
            continue
        assert "A child in immediate danger: call 999." in html, page
        assert re.search(r'href="(\.\./)*(contacts/)?#mash">Contact the MASH</a>', html), page
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert re.search(r'<(script|link)[^>]+(src|href)="https?://', html) is None, page
        assert '<html lang="en-GB"' in html


OWN_STYLESHEETS = re.findall(r"^  - (assets/stylesheets/\S+\.css)", (REPO / "mkdocs.yml").read_text(), re.M)


def test_a_page_is_drawn_after_three_stylesheets_and_no_script(build_manual):
    """On a phone each file the first paint waits for is a round trip: the site's own stylesheets come as one
    file, in mkdocs.yml's order, and every script is deferred."""
    site = build_manual().site
    assert len(OWN_STYLESHEETS) >= 5
    for page in ("index.html", "procedures/fixture-referral/index.html", "offline/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        linked = re.findall(r'<link rel="stylesheet" href="(?:\.\./)*(assets/stylesheets/[^"]+)"', html)
        assert linked[-1] == "assets/stylesheets/site.css", page  # after Material's, so the manual's rules win
        assert [
            sheet
            for sheet in linked
            if not sheet.startswith(("assets/stylesheets/main.", "assets/stylesheets/palette."))
        ] == ["assets/stylesheets/site.css"], page
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        assert len(scripts) >= 7, page  # Material's, the manual's own and the offline worker's registration
        assert all(re.match(r"<script defer src=", script) for script in scripts), (page, scripts)
    bundled = (site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    starts = [bundled.index(f"/* {sheet} */\n") for sheet in OWN_STYLESHEETS]
    assert starts == sorted(starts)
    for sheet in OWN_STYLESHEETS:
        assert (REPO / "docs" / sheet).read_text(encoding="utf-8").strip() in bundled
        assert not (site / sheet).exists(), f"{sheet} is published as well as bundled"


@pytest.mark.parametrize("listed", ["assets/stylesheets/printing.css", "https://fonts.example.com/roboto.css"])
def test_a_stylesheet_that_is_not_the_sites_own_file_fails_the_build_naming_the_line(build_manual, listed):
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    replaced = "  - assets/stylesheets/print.css"
    line = config.splitlines().index(replaced) + 1
    build = build_manual(files={"mkdocs.yml": config.replace(replaced, f"  - {listed}")})
    assert build.returncode != 0
    assert (
        f"mkdocs.yml, line {line}, field 'extra_css': lists '{listed}', which is not a file in docs/; "
        "expected a stylesheet of the site's own"
    ) in build.output
    assert "Traceback" not in build.output


def test_the_contacts_page_comes_from_the_data_file(build_manual):
    html = (build_manual().site / "contacts" / "index.html").read_text(encoding="utf-8")
    assert 'id="mash"' in html
    assert "Multi-Agency Safeguarding Hub (MASH)" in html
    assert "To be confirmed" in html  # the MASH's number is not in the partnership's papers
    assert "01432 260100 (to be confirmed)" in html  # taken from old papers, not yet checked


def test_the_url_comes_from_the_id_not_the_file(build_manual):
    build = build_manual()
    assert (build.site / "procedures" / "fixture-referral" / "index.html").exists()
    assert not (build.site / "procedures" / "responding-to-concerns").exists()


def test_navigation_follows_the_sections(build_manual):
    html = (build_manual().site / "index.html").read_text(encoding="utf-8")
    first, second = html.find("Responding to concerns"), html.find("Child protection processes")
    assert 0 < first < second


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"owner": "nobody"}, "owner"),
        ({"tags": ["Not a tag"]}, "tags"),
        ({"related": ["no-such-document"]}, "related"),
        ({"supersedes": ["no-such-document"]}, "supersedes"),
        ({"next_review": "2020-01-01", "review_interval": DELETE}, "next_review"),
        ({"approved": {"date": "2030-01-01", "by": "partnership-executive"}}, "approved.date"),
        ({"status": "draft", "approved": DELETE, "owner": DELETE}, "owner"),
        ({"last_reviewed": "2025-02-30"}, "last_reviewed"),
    ],
)
def test_a_strict_build_fails_naming_file_and_field(build_manual, changes, field):
    bad = "procedures/child-protection/bad.md"
    build = build_manual(files={bad: document(id="bad-document", **changes)})
    assert build.returncode != 0
    assert f"{bad}" in build.output
    assert f"field '{field}'" in build.output
    assert "Traceback" not in build.output
    assert "nothing was built" in build.output


def test_a_duplicate_id_and_a_link_to_a_withdrawn_document_fail_the_build(build_manual):
    build = build_manual(
        files={
            "procedures/child-protection/copy.md": document(id="fixture-referral"),
            "procedures/child-protection/old.md": document(id="old-document", status="withdrawn", approved=DELETE),
            "procedures/child-protection/linker.md": document(
                id="linker", body="## What to do now\n\nSee [old](doc:old-document).\n"
            ),
        }
    )
    assert build.returncode != 0
    assert (
        "procedures/child-protection/copy.md, line 2, field 'id': 'fixture-referral' is also the id of" in build.output
    )
    assert "procedures/child-protection/linker.md, line" in build.output and "which is withdrawn" in build.output
    assert "Traceback" not in build.output


def test_serve_keeps_running_and_shows_the_problem_on_the_page(tmp_path):
    """mkdocs serve builds with command 'serve': problems are logged and shown, the build goes on."""
    root = make_project(
        tmp_path, files={"procedures/child-protection/bad.md": document(id="bad-document", owner="nobody")}
    )
    with mkdocs_serve(root, "--no-livereload", today=None) as served:
        html = served.get("procedures/bad-document/")
        assert "This page has problems the build must not publish" in html
        assert "field &#39;owner&#39;: &#39;nobody&#39; is not a known owner" in html
        assert served.process.poll() is None
    assert "Traceback" not in served.output


def test_the_glossary_page_and_abbreviations_on_every_page(build_manual):
    build = build_manual()
    glossary = (build.site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "MASH</abbr></strong>: Multi-Agency Safeguarding Hub</dt>" in glossary
    assert "<dd>Where agencies screen every contact about a child together.</dd>" in glossary
    assert 'href="../procedures/fixture-referral/"' in glossary  # "see" links resolve to the document
    page = build.html("fixture-referral")
    assert '<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr>' in page
    assert '<abbr title="Multi-agency referral form">MARF</abbr>' in page
    assert '<abbr title="Domestic abuse">DA</abbr>' not in glossary  # ambiguous: never expanded automatically
