"""Published editions on the site: the editions page, each document's edition, the register, and each
edition's archived copy (built from its git tag by scripts/build_editions.py, as the deploy workflow does)."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from cli_helpers import manual
from conftest import REPO, make_project, run_build
from test_editions import EDITIONS, TWO_EDITIONS, git, git_repository

TODAY = "2026-11-24"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("editions"), "finding", files={EDITIONS: TWO_EDITIONS})
    build = run_build(root, TODAY)
    assert build.returncode == 0, build.output
    return build


def page(build, path: str) -> str:
    return (build.site / path).read_text(encoding="utf-8")


def edition_row(html: str) -> str | None:
    found = re.search(r"<div><dt>Edition</dt><dd>(.*?)</dd></div>", html)
    return found.group(1) if found else None


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_the_editions_page_lists_every_edition_newest_first_with_what_changed_in_it(built):
    html = page(built, "editions/index.html")
    headings = re.findall(r'<h2 id="([^"]+)">', html)
    assert headings == ["archived-copies", "since-latest", "september-2026", "march-2026"]
    since, september, march = (
        html[html.index(f'<h2 id="{anchor}">') :] for anchor in ("since-latest", "september-2026", "march-2026")
    )
    since, september = since[: since.index('<h2 id="september-2026">')], september[: september.index('<h2 id="march')]
    # after the latest edition: on the site now, in the next edition
    assert "Added the one working day decision timescale." in since
    assert "Rewritten for the new MASH" not in since
    # after the March edition (10 March) and on or before the September one
    assert "1 document changed since the March 2026 edition:" in text_of(september)
    assert re.findall(r"<tr><td>(.*?)</td>", september) == [
        '<a href="../procedures/find-conference/">Child protection conferences</a> (version 2.0)'
    ]
    assert "The first published edition: the whole manual as it stood on 10 March 2026." in text_of(march)
    assert "<table>" not in march


def test_the_editions_page_links_each_archived_copy_and_explains_how_to_read_one(built):
    html = page(built, "editions/index.html")
    assert '<a href="september-2026/">Read the September 2026 edition as published</a>' in html
    assert '<a href="march-2026/">Read the March 2026 edition as published</a>' in html
    words = text_of(html)
    assert "How to read an archived copy" in words
    assert "Do not follow it in practice: follow the current manual." in words
    active = html.index('<a href="./" class="md-nav__link md-nav__link--active">')  # in the navigation
    assert text_of(html[active : html.index("</a>", active)]).strip() == "Editions"
    assert text_of(html[html.index("Find a document") : active]).rstrip().endswith("Glossary What's changed Editions")


@pytest.mark.parametrize(
    ("doc_id", "row"),
    [
        ("find-referral", '<a href="../../editions/#since-latest">Changed since September 2026 edition</a>'),
        ("find-conference", '<a href="../../editions/#september-2026">September 2026 edition</a>'),
        ("find-voice", '<a href="../../editions/#march-2026">March 2026 edition</a>'),  # unchanged since December 2025
        ("find-old-protocol", '<a href="../../editions/#march-2026">March 2026 edition</a>'),
        ("find-draft", None),  # not in force: in no edition
    ],
)
def test_each_document_shows_its_edition_in_the_document_control_panel(built, doc_id, row):
    assert edition_row(built.html(doc_id)) == row


def test_the_live_site_is_not_an_archived_copy(built):
    for html in (page(built, "index.html"), built.html("find-voice")):
        assert "Archived copy" not in html
        assert '<meta name="robots"' not in html


def test_the_register_records_the_edition_the_site_was_built_from(built):
    data = json.loads(page(built, "register.json"))
    assert data["edition"] == {"name": "September 2026 edition", "date": "2026-09-30", "tag": "edition/september-2026"}
    changed = {doc["id"]: doc["changed_since_edition"] for doc in data["documents"]}
    assert changed["find-referral"] is True and changed["find-conference"] is False
    rows = list(csv.DictReader(io.StringIO(page(built, "register.csv"))))
    assert {row["edition"] for row in rows} == {"September 2026 edition"}
    assert {row["id"]: row["changed_since_edition"] for row in rows}["find-referral"] == "yes"


def test_text_from_the_editions_file_is_escaped_once(tmp_path):
    name = "Spring & <Summer> *2026* edition"
    files = {EDITIONS: f'- name: "{name}"\n  date: 2026-10-01\n'}
    build = run_build(make_project(tmp_path, "finding", files=files), TODAY)
    assert build.returncode == 0, build.output
    escaped = "Spring &amp; &lt;Summer&gt; *2026* edition"
    assert edition_row(build.html("find-voice")) == f'<a href="../../editions/#spring-summer-2026">{escaped}</a>'
    html = page(build, "editions/index.html")
    assert f'<h2 id="spring-summer-2026">{escaped}' in html
    assert f"Read the {escaped} as published" in html
    assert "&amp;lt;" not in html and "<Summer>" not in html


def test_without_editions_the_page_says_so_and_there_is_no_edition_row_and_none_in_the_register(tmp_path):
    root = make_project(tmp_path, "finding")
    (root / EDITIONS).unlink()
    build = run_build(root, TODAY)
    assert build.returncode == 0, build.output
    assert "No edition has been published yet." in page(build, "editions/index.html")
    assert edition_row(build.html("find-voice")) is None
    assert json.loads(page(build, "register.json"))["edition"] is None


def test_an_edition_dated_after_the_build_s_day_is_not_yet_published(tmp_path):
    files = {EDITIONS: TWO_EDITIONS + "- name: December 2026 edition\n  date: 2026-12-01\n"}
    build = run_build(make_project(tmp_path, "finding", files=files), TODAY)
    assert build.returncode == 0, build.output
    assert "december" not in page(build, "editions/index.html").lower()
    assert edition_row(build.html("find-referral")) == (
        '<a href="../../editions/#since-latest">Changed since September 2026 edition</a>'
    )
    assert json.loads(page(build, "register.json"))["edition"]["name"] == "September 2026 edition"


def test_an_archived_copy_says_which_edition_it_is_on_every_page(tmp_path, monkeypatch):
    files = {EDITIONS: TWO_EDITIONS + "- name: November 2026 edition\n  date: 2026-11-24\n"}
    monkeypatch.setenv("MANUAL_ARCHIVED_EDITION", "november-2026")
    build = run_build(make_project(tmp_path, "finding", files=files), "2026-11-24")
    assert build.returncode == 0, build.output
    for path, current in [("index.html", "../../"), ("procedures/find-voice/index.html", "../../../../")]:
        html = page(build, path)
        assert (
            "<p><strong>Archived copy of the November 2026 edition</strong>, as published on 24 November 2026.\n"
            f'  It is kept as a record and may be out of date: <a href="{current}">follow the current manual</a>.</p>'
        ) in html, path
        assert '<meta name="robots" content="noindex">' in html
    # the archive's editions page links the live site's archived copies: up from editions/november-2026/editions/
    editions = page(build, "editions/index.html")
    assert '<a href="../../../editions/march-2026/">Read the March 2026 edition as published</a>' in editions
    assert '<a href="../../../editions/november-2026/">' in editions
    assert (
        edition_row(build.html("find-referral")) == '<a href="../../editions/#november-2026">November 2026 edition</a>'
    )


def test_an_archived_copy_of_an_edition_not_in_the_file_fails_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("MANUAL_ARCHIVED_EDITION", "summer-2026")
    build = run_build(make_project(tmp_path, "finding", files={EDITIONS: TWO_EDITIONS}), TODAY)
    assert build.returncode == 1
    assert (
        "MANUAL_ARCHIVED_EDITION: 'summer-2026' is not an edition in docs/data/editions.yml "
        "(its editions: march-2026, september-2026)"
    ) in build.output


def test_the_deploy_script_builds_each_tagged_edition_into_the_site(tmp_path):
    """As the deploy workflow runs it (with this Python, not each tag's own packages)."""
    root = make_project(tmp_path, "finding", files={EDITIONS: TWO_EDITIONS})
    git_repository(root)
    assert manual("edition", "December 2026 edition", "--tag", root=root, today="2026-12-01").returncode == 0
    (root / "procedures/guidance/voice.md").write_text("changed after the edition, not in its copy\n")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts/build_editions.py"), "--repo", str(root), "--site-dir", str(site)]
        + ["--site-url", "https://manual.example/", "--python", sys.executable],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning: the March 2026 edition has no git tag edition/march-2026, so no archived copy" in result.stdout
    assert "Built 1 archived copy into" in result.stdout
    copy = site / "editions" / "december-2026"
    home = (copy / "index.html").read_text(encoding="utf-8")
    assert "Archived copy of the December 2026 edition</strong>, as published on 1 December 2026." in home
    assert '<link rel="canonical" href="https://manual.example/editions/december-2026/">' in home
    voice = (copy / "procedures/find-voice/index.html").read_text(encoding="utf-8")
    assert edition_row(voice) == '<a href="../../editions/#march-2026">March 2026 edition</a>'
    assert git(root, "worktree", "list").count("\n") == 1  # its temporary checkout is gone
