"""A document's address has one home (manual.model.addresses), so every output agrees on it, with
directory URLs or without."""

from __future__ import annotations

import json

import pytest
from cli_helpers import manual
from conftest import make_project, run_build

from manual.model.addresses import Addresses


@pytest.mark.parametrize(
    "directory_urls, source, page",
    [
        (True, "index.md", ""),
        (True, "indexes/a-to-z.md", "indexes/a-to-z/"),
        (True, "levels-of-need/index.md", "levels-of-need/"),
        (False, "index.md", "index.html"),
        (False, "indexes/a-to-z.md", "indexes/a-to-z.html"),
        (False, "levels-of-need/index.md", "levels-of-need/index.html"),
    ],
)
def test_a_page_s_address_follows_the_site_s_setting(directory_urls, source, page):
    assert Addresses(directory_urls).page(source) == page


def test_links_between_pages_are_relative_as_mkdocs_writes_them():
    assert Addresses.relative("procedures/x/", "indexes/a-to-z/") == "../../procedures/x/"
    assert Addresses.relative("procedures/x.html", "indexes/a-to-z.html") == "../procedures/x.html"
    assert Addresses.relative("changes/", "changes/") == "./"
    assert Addresses(base="https://example.org/manual/").absolute("procedures/x/") == (
        "https://example.org/manual/procedures/x/"
    )


@pytest.fixture(scope="module")
def flat_site(tmp_path_factory):
    """The fixture manual built without directory URLs, and published at a known address."""
    root = make_project(tmp_path_factory.mktemp("flat"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("use_directory_urls: true", "use_directory_urls: false")
    config.write_text("site_url: https://procedures.example.org/\n" + text, encoding="utf-8")
    build = run_build(root)
    assert build.returncode == 0, build.output
    return build


def test_without_directory_urls_every_output_gives_a_document_the_same_address(flat_site):
    page = "https://procedures.example.org/procedures/fixture-referral.html"
    site = flat_site.site
    assert (site / "procedures" / "fixture-referral.html").exists()
    assert 'href="../procedures/fixture-referral.html"' in (site / "indexes" / "a-to-z.html").read_text(
        encoding="utf-8"
    )
    records = {record["id"]: record for record in json.loads((site / "register.json").read_text())["documents"]}
    assert records["fixture-referral"]["url"] == page
    assert page in (site / "changes.xml").read_text(encoding="utf-8")
    report = manual("report", "--all", root=flat_site.root)
    assert f"]({page})" in report.stdout
