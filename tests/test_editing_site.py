"""What the editing tools mean on the built site: real builds of fixture manuals after the commands ran."""

from __future__ import annotations

import html
import json
import re

import pytest
from cli_helpers import manual
from conftest import REPO, make_project, run_build


def visible_text(page: str) -> str:
    main = re.search(r"<article.*?</article>", page, re.S)
    text = re.sub(r"<[^>]+>", " ", main.group(0) if main else page)
    text = re.sub(r"\s+", " ", html.unescape(text)).strip()
    return re.sub(r" ([,.;:)])", r"\1", text)


def schema_fields(schema: dict, prefix: str = "") -> list[str]:
    """Every field the schema defines, nested ones as approved.date and amendments[].summary."""
    names = []
    for name, field in schema.get("properties", {}).items():
        names.append(prefix + name)
        if field.get("type") == "object":
            names += schema_fields(field, f"{prefix}{name}.")
        items = field.get("items")
        if field.get("type") == "array" and isinstance(items, dict) and items.get("type") == "object":
            names += schema_fields(items, f"{prefix}{name}[].")
    return names


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The basic fixture after a new document, a review and a supersession, built strictly."""
    root = make_project(tmp_path_factory.mktemp("editing"))
    steps = [
        (
            "new",
            "--title",
            "Parents who disengage",
            "--type",
            "guidance",
            "--owner",
            "development-practice",
            "--section",
            "child-protection",
        ),
        ("reviewed", "fixture-referral", "--summary", "Reviewed; the MASH decides within one working day."),
        (
            "withdraw",
            "fixture-conference",
            "--superseded-by",
            "fixture-leap-year",
            "--summary",
            "Replaced by the joint protocol.",
        ),
    ]
    for step in steps:
        run = manual(*step, root=root, today="2026-11-24")
        assert run.returncode == 0, run.output
    build = run_build(root, "2026-11-24")
    assert build.returncode == 0, build.output
    return build


def test_a_superseded_document_keeps_its_address_and_points_to_its_replacement(built):
    page = built.html("fixture-conference")
    banner = re.search(
        r'<div class="manual-banner (?!manual-banner--site-status)[^"]*"[^>]*>(.*?)</div>', page, re.S
    ).group(0)
    assert "Superseded: no longer in force." in visible_text(banner)
    assert 'href="../fixture-leap-year/"' in banner
    assert "Fixture reviewed on 29 February" in visible_text(banner)


def test_links_to_the_superseded_document_now_go_to_its_replacement(built):
    page = built.html("fixture-referral")
    assert 'href="../fixture-leap-year/#what-to-do-now"' in page
    assert 'href="../fixture-conference/' not in page


def test_the_reviewed_document_shows_its_new_version_and_dates(built):
    text = visible_text(built.html("fixture-referral"))
    assert "Version 2.1" in text
    assert "Last reviewed 24 November 2026" in text
    assert "Next review 24 November 2027" in text


def test_the_new_document_is_published_as_a_draft(built):
    text = visible_text(built.html("parents-who-disengage"))
    assert "Draft: not in force." in text
    assert "What to do now" in text


def test_every_field_of_the_schema_is_in_the_generated_front_matter_reference(built):
    schema = json.loads((REPO / "docs/schema/document.schema.json").read_text(encoding="utf-8"))
    page = (built.site / "editing/front-matter/index.html").read_text(encoding="utf-8")
    text = visible_text(page)
    fields = schema_fields(schema)
    assert len(fields) >= len(schema["properties"]) + 5  # nested fields too
    for name in fields:
        assert f"<code>{html.escape(name)}</code>" in page, f"{name} is not in the front matter reference"
        description = (schema["properties"].get(name) or {}).get("description")
        if description:
            assert description.split(".")[0] in text


def test_the_reference_follows_the_schema_not_a_copy(tmp_path):
    schema_path = "docs/schema/document.schema.json"
    schema = json.loads((REPO / schema_path).read_text(encoding="utf-8"))
    schema["properties"]["review_note"] = {
        "description": "A note for the next reviewer.",
        "type": "string",
        "minLength": 5,
    }
    root = make_project(tmp_path, files={schema_path: json.dumps(schema)})
    build = run_build(root)
    assert build.returncode == 0, build.output
    page = (build.site / "editing/front-matter/index.html").read_text(encoding="utf-8")
    assert "<code>review_note</code>" in page
    assert "A note for the next reviewer." in page


def test_the_editors_guide_is_in_the_navigation_and_links_to_the_reference(built):
    page = (built.site / "editing/index.html").read_text(encoding="utf-8")
    assert "How to edit the manual" in page
    assert 'href="front-matter/"' in page
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', page, re.S).group(0)
    assert re.search(r'href="\./"[^>]*>\s*<span class="md-ellipsis">\s*How to edit the manual', nav), (
        "the guide is not in the navigation"
    )
    assert re.search(r'href="front-matter/"[^>]*>\s*<span class="md-ellipsis">\s*Front matter reference', nav), (
        "the reference is not in the navigation"
    )
