"""Another partnership uses the same code: it changes only its data and content, never code or templates.

The regional core is the region's, shared by every partnership in it: it holds no partnership's name, and
another partnership takes the same release unchanged (its checksums in the lock would refuse any edit).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from browser import build_date
from conftest import REPO, run_build

# What a partnership owns: its settings and data, and its content, including its additions to regional chapters.
ITS_OWN = ["docs", "procedures", "local-additions"]
# What it shares with every other partnership, unchanged: the machinery, and the region's synced core.
SHARED = ["hooks", "overrides", "mkdocs.yml", "regional", "regional.lock.yml"]
# The region's text: as published (regional-core/) and as synced into the manual (regional/).
REGIONS = ["regional-core", "regional"]
NAME = re.compile("herefordshire", re.IGNORECASE)
ADDITION = re.compile(r'<section class="manual-local-addition">.*?</section>', re.DOTALL)
# A page's way to report a problem names the partnership's contact (data, like an owner's), not the chapter's text.
REPORT = re.compile(r'<p class="manual-report-problem">.*?</p>', re.DOTALL)
# Files that hold hashes of other files (Pagefind's index names its parts by theirs): renamed content changes them
# beyond the name. What the index holds is compared in tests/test_search.py.
HASHES = {"offline-files.json", "sw.js", "pagefind-entry.json"}


def _renamed(text: str) -> str:
    return text.replace("Herefordshire", "Exampleshire").replace("herefordshire", "exampleshire")


def _renamed_project(root: Path) -> Path:
    """A copy of the repository's manual in which another partnership's name stands wherever Herefordshire's did."""
    for name in ITS_OWN + SHARED:
        source, target = REPO / name, root / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, target)
    for name in ITS_OWN:
        target = root / name
        for path in [target] if target.is_file() else target.rglob("*"):
            if path.is_file() and path.suffix in (".md", ".yml", ".yaml", ".json"):
                path.write_text(_renamed(path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def sites(shipped_site, tmp_path_factory) -> tuple[Path, Path]:
    """The shipped manual as built for the browser suite, and a copy of it renamed, built on the same day."""
    renamed = _renamed_project(tmp_path_factory.mktemp("partnership"))
    build = run_build(renamed, today=build_date(shipped_site))
    assert build.returncode == 0, build.output
    return shipped_site, build.site


def _files(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*"))
        if path.suffix in (".html", ".xml", ".json", ".csv") and path.name not in HASHES
    }


def test_the_shipped_data_names_the_partnership_in_generated_pages_and_templates(sites):
    """The check below would prove nothing if the name were nowhere but in the documents' own text."""
    shipped = _files(sites[0])
    assert "Local (Herefordshire) content" in shipped["procedures/voice-of-the-child/index.html"]  # a template
    assert "Herefordshire Safeguarding Children Partnership" in shipped["changes.xml"]  # the feed
    assert "services in Herefordshire use the same four levels" in shipped["levels-of-need/families/index.html"]
    # a regional chapter names the partnership only in its local additions, which the renaming below covers
    fostering = shipped["procedures/private-fostering/index.html"]
    article = fostering[fostering.index("<article") : fostering.index("</article>")]
    additions = ADDITION.findall(article)
    assert any("Private fostering is under-reported in Herefordshire" in addition for addition in additions)
    assert not NAME.search(REPORT.sub("", ADDITION.sub("", article)))


def test_the_regional_core_names_no_partnership():
    files = [path for name in REGIONS for path in sorted((REPO / name).rglob("*")) if path.is_file()]
    assert len(files) > 20  # the core is there, with its chapters
    named = {path.relative_to(REPO).as_posix() for path in files if NAME.search(path.read_text(encoding="utf-8"))}
    assert named == set(), "a partnership's name in the region's text: put it in a local addition"


def test_a_second_partnership_changes_only_data_and_content_and_its_name_is_everywhere_the_first_s_was(sites):
    shipped, other = _files(sites[0]), _files(sites[1])
    assert sorted(other) == sorted(shipped)
    leftover = {path: NAME.findall(text)[:3] for path, text in other.items() if NAME.search(text)}
    assert leftover == {}, "the first partnership's name, written into code or a template"
    for path, text in other.items():  # the new name stands exactly where the old one stood
        back = text.replace("Exampleshire", "Herefordshire").replace("exampleshire", "herefordshire")
        if path.endswith(".json"):  # the same data: a file with sorted keys sorts the new name elsewhere
            assert json.loads(back) == json.loads(shipped[path]), path
        else:
            assert back == shipped[path], path
