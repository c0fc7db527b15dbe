"""The whole-manual page made from the documents' rendered pages, and the index listings written as HTML
from the records, built for real from the "finding" fixture manual."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import search_index
from conftest import make_project, run_build


@pytest.fixture(scope="module")
def site(build_manual) -> Path:
    build = build_manual("finding", "2026-11-24")
    assert build.returncode == 0, build.output
    return build.site


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_the_whole_manual_page_repeats_no_id_and_its_own_links_follow_the_renamed_headings(site):
    html = read(site, "print")
    repeated = [name for name, count in Counter(re.findall(r'\bid="([^"]+)"', html)).items() if count > 1]
    assert repeated == []
    # three documents have a "What to do now" heading: the second and third get a suffix, and their
    # permalinks point at their own heading
    assert '<h4 id="what-to-do-now_1">What to do now<a class="headerlink" href="#what-to-do-now_1"' in html
    assert '<h4 id="what-to-do-now_2">' in html
    assert "data-manual-print-documents" not in html  # the placeholder was filled
    assert not list(site.rglob("*.partial"))
    assert not list(site.parent.rglob("manual-print-*"))  # the documents' HTML waited in a file with no name


def test_the_whole_manual_page_keeps_each_document_s_body_as_its_page_renders_it(site):
    printed = read(site, "print")
    page = read(site, "procedures/find-conference")
    for cell in ["<td>ICPC</td>", "<td>15 working days</td>"]:
        assert cell in page and cell in printed


def test_the_listings_link_each_document_and_are_left_out_of_search(site):
    html = read(site, "indexes/owners")
    assert '<a href="../../procedures/find-voice/">Voice of the child</a>' in html
    locations = search_index.locations(site)
    for page in ["a-to-z", "owners", "agencies", "levels", "types", "topics"]:
        assert f"indexes/{page}/" not in locations
    assert "review-schedule/" not in locations  # a row per document, as the listings
    assert "changes/" in locations  # what changed is said only there
    assert "procedures/find-voice/" in locations


def test_ids_repeated_on_the_print_page_get_the_first_free_suffix():
    from manual_site.html import PageIds

    ids = PageIds({"what-to-do-now_1", "doc-x"})
    claimed = [ids.claim(name) for name in ["what-to-do-now"] * 4 + ["doc-x", "who-does-what", "what-to-do-now_3"]]
    assert claimed == [
        "what-to-do-now",
        "what-to-do-now_2",
        "what-to-do-now_3",
        "what-to-do-now_4",
        "doc-x_1",
        "who-does-what",
        "what-to-do-now_3_1",
    ]


def article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


_DIRTY_REBUILD = r"""
import os, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

root, edited, keep = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
config = load_config(str(root / "mkdocs.yml"))
config.plugins.on_startup(command="serve", dirty=True)
try:
    build(config, dirty=True)
    edited.write_text(edited.read_text(encoding="utf-8") + "\nSaid again after the first build.\n", encoding="utf-8")
    later = time.time() + 10
    os.utime(edited, (later, later))
    config = load_config(str(root / "mkdocs.yml"))
    build(config, dirty=True)
    keep.write_bytes((Path(config.site_dir) / "print" / "index.html").read_bytes())
finally:
    config.plugins.on_shutdown()
"""


def test_a_dirty_rebuild_prints_the_documents_it_did_not_render_again(tmp_path):
    root = make_project(tmp_path, "finding")
    edited, kept = root / "procedures" / "responding" / "referral.md", tmp_path / "dirty-print.html"
    result = subprocess.run(
        [sys.executable, "-c", _DIRTY_REBUILD, str(root), str(edited), str(kept)],
        cwd=root,
        env={**os.environ, "MANUAL_TODAY": "2026-11-24"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    dirty = kept.read_text(encoding="utf-8")
    assert "Said again after the first build." in dirty
    # the same page a full build of the edited manual writes: every document in force, the unchanged ones too
    build = run_build(root, "2026-11-24")
    assert build.returncode == 0, build.output
    # (the page's footer names the next page, whose title a --dirty build has not read: compare the article)
    assert article(dirty) == article((build.site / "print" / "index.html").read_text(encoding="utf-8"))
    assert 'id="doc-find-conference"' in dirty and 'id="doc-find-voice"' in dirty
