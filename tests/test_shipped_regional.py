"""The shipped manual in layers: the region's chapters synced into regional/, the partnership's own documents in
procedures/, and the partnership's local additions shown inside regional chapters, as a reader and the register
see them."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml
from conftest import REPO

from manual import load_manual
from manual.model.additions import headings
from manual.model.proposals import mark_proposals
from manual.reading.regional import checksum

TODAY = "2026-12-04"
ADDITION = re.compile(r'<section class="manual-local-addition">(.*?)</section>', re.DOTALL)
REPORT = re.compile(r'<p class="manual-report-problem">.*?</p>', re.DOTALL)
HEADING = re.compile(r'<h([1-6])[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)


@pytest.fixture(scope="module")
def manual():
    return load_manual(REPO, TODAY)


def plain(text: str) -> str:
    """Words as a reader sees them, from HTML or from an addition's Markdown."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # Markdown links: their words
    text = re.sub(r"^\|?[\s|:-]+\|?$", " ", text, flags=re.M)  # Markdown table rules
    text = re.sub(r"<[^>]+>|\*\*|^\s*- ", "", text, flags=re.M)
    text = html.unescape(text).replace("¶", "").replace("|", " ")
    return " ".join(text.split())


def article(site, doc_id: str) -> str:
    """The page's article, without its way to report a problem (the partnership's contact, data like an owner's)."""
    page = (site / "procedures" / doc_id / "index.html").read_text(encoding="utf-8")
    return REPORT.sub("", page[page.index("<article") : page.index("</article>")])


def section_under(page: str, title: str) -> str:
    """The page from the heading with this title to the next heading of its level or above."""
    found = [
        (int(level), plain(text), match.start())
        for match in HEADING.finditer(page)
        for level, _, text in [match.groups()]
    ]
    start = next(i for i, (_, text, _) in enumerate(found) if text == title)
    level = found[start][0]
    end = next((at for lvl, _, at in found[start + 1 :] if lvl <= level), len(page))
    return page[found[start][2] : end]


def test_the_shipped_site_has_regional_and_local_chapters_and_the_register_says_which(manual, shipped_site):
    register = json.loads((shipped_site / "register.json").read_text(encoding="utf-8"))
    lock = yaml.safe_load((REPO / "regional.lock.yml").read_text(encoding="utf-8"))
    core = yaml.safe_load((REPO / "regional" / "core.yml").read_text(encoding="utf-8"))
    assert register["regional_core_release"] == lock["release"] == core["release"]
    layers = {record["id"]: record["layer"] for record in register["documents"]}
    chapters = {doc.id for doc in manual.documents if doc.path.startswith("regional/procedures/")}
    assert len(chapters) >= 20
    assert layers == {doc_id: "regional" if doc_id in chapters else "local" for doc_id in layers}
    assert sum(layer == "regional" for layer in layers.values()) >= 15 and "local" in layers.values()
    header = (shipped_site / "register.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "layer" in header
    # a regional chapter's page names the region's group as its owner; a local document, the partnership's
    owners = yaml.safe_load((REPO / "regional" / "owners.yml").read_text(encoding="utf-8"))
    regional_owner = manual.get("strategy-discussions-s47").owner
    assert owners[regional_owner]["name"] in article(shipped_site, "strategy-discussions-s47")
    assert manual.get("mash-referral").layer == "local" and owners.get(manual.get("mash-referral").owner) is None


def test_regional_chapters_carry_the_partnership_s_additions_marked_local_under_their_headings(manual, shipped_site):
    label = manual.settings.local_label
    assert len({addition.adds_to for addition in manual.additions}) >= 3
    for addition in manual.additions:
        page = article(shipped_site, addition.adds_to)
        under = section_under(page, addition.at)
        shown = [plain(block) for block in ADDITION.findall(under)]
        written = mark_proposals(addition.body, lambda text: f"Proposed, for the sub-group to agree: {text}")
        assert any(plain(written) in block for block in shown), (addition.path, shown)
        assert all(block.startswith(label) for block in shown), addition.path  # marked local, in words


def test_a_regional_chapter_names_the_partnership_only_in_its_local_additions(manual, shipped_site):
    area = re.compile(re.escape(manual.settings.area), re.IGNORECASE)
    with_additions = {addition.adds_to for addition in manual.additions}
    for doc in manual.documents:
        if doc.is_regional and doc.is_listed:
            page = article(shipped_site, doc.id)
            assert not area.search(ADDITION.sub("", page)), doc.path
            if doc.id in with_additions:
                assert ADDITION.search(page), doc.path


def test_every_addition_sits_under_a_heading_its_chapter_has(manual):
    """The check refuses a misplaced addition; this keeps the shipped ones honest about where they go."""
    for addition in manual.additions:
        chapter = manual.get(addition.adds_to)
        assert chapter is not None and chapter.is_regional, addition.path
        assert addition.at in [text for _, _, text in headings(chapter.body)], addition.path


def test_the_synced_core_is_the_sample_as_published():
    """regional/ is written only by a sync from regional-core/: a change to the sample core shows on the site only
    once it is synced (`manual sync-regional --source regional-core`), and the lock says which release it is."""
    lock = yaml.safe_load((REPO / "regional.lock.yml").read_text(encoding="utf-8"))
    published = REPO / "regional-core"
    files = {path.relative_to(published).as_posix(): path for path in published.rglob("*") if path.is_file()}
    assert lock["source"] == "regional-core"  # relative, so the lock works in any clone
    assert sorted(lock["files"]) == sorted(files)
    stale = [name for name, path in files.items() if checksum(path.read_bytes()) != lock["files"][name]["sha256"]]
    assert stale == [], "regional-core/ changed since the last sync: run manual sync-regional --source regional-core"
