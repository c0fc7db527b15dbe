"""Two builds of the same manual on the same "today" give byte-identical files, so a pull request's
effect on the site can be seen with a plain diff of two builds."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_project

TODAY = "2030-01-15"  # not the machine's date: the sitemap must follow the manual's today, not the clock


def build(root: Path, hash_seed: str) -> Path:
    # A different PYTHONHASHSEED each time, so output that depends on set or dict-of-set order shows up.
    env = {**os.environ, "MANUAL_TODAY": TODAY, "PYTHONHASHSEED": hash_seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def fingerprints(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def project(tmp_path: Path, name: str) -> Path:
    (tmp_path / name).mkdir()
    root = make_project(tmp_path / name)
    config = root / "mkdocs.yml"
    # With a site address, MkDocs lists every page in sitemap.xml with a <lastmod> date.
    config.write_text(
        config.read_text(encoding="utf-8") + "\nsite_url: https://procedures.example.org/\n", encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def first_site(tmp_path_factory) -> Path:
    return build(project(tmp_path_factory.mktemp("reproducible"), "first"), "1")


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path, first_site):
    first = fingerprints(first_site)
    second = fingerprints(build(project(tmp_path, "second"), "2"))
    assert len(first) > 40
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    for name in (
        "sitemap.xml",
        "sitemap.xml.gz",
        "search/search_index.json",
        "index.html",
        "procedures/fixture-referral/index.html",
    ):
        assert name in first


def test_the_sitemap_is_dated_by_the_manuals_today(first_site):
    site = first_site
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert dates == {TODAY}
    gz = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(gz[4:8], "little") == 1_894_665_600  # gzip's own timestamp: 2030-01-15 00:00 UTC
