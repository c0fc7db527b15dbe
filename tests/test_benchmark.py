"""The benchmark's parts, on a small synthetic manual (never timed: times are reported, not asserted).

- scripts/synthetic_manual.py writes a manual the core accepts without a single problem, the same for
  the same seed;
- scripts/benchmark.py's comparison build really has the hooks off: its config lists none, and its
  pages lack the document-control panel that the hooks build puts on every document page.
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO

from manual import ReviewState, load_manual

sys.path.insert(0, str(REPO / "scripts"))

import benchmark  # noqa: E402
import synthetic_manual  # noqa: E402

TODAY = date(2026, 11, 24)
COUNT = 30


def same_tree(left: Path, right: Path) -> bool:
    compared = filecmp.dircmp(left, right)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(left / d, right / d) for d in compared.common_dirs)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synthetic")
    ids = synthetic_manual.generate(root, COUNT, seed=7, today=TODAY)
    synthetic_manual.copy_machinery(root, ids)
    return root


def test_the_synthetic_manual_validates_with_no_problems(synthetic):
    manual = load_manual(synthetic, TODAY)
    assert manual.problems == []
    assert len(manual.documents) == COUNT
    assert len(manual.sections) == 20
    states = {manual.review(doc).state for doc in manual.documents}
    assert {ReviewState.CURRENT, ReviewState.OVERDUE, ReviewState.DUE_SOON} <= states
    # documents point at one another, through related ids and doc: links in the body
    assert any(doc.related for doc in manual.documents)
    assert any("](doc:" in doc.body for doc in manual.documents)
    assert all(550 <= len(doc.body.split()) <= 800 for doc in manual.documents)


def test_the_same_seed_gives_the_same_manual_and_another_seed_another(tmp_path):
    synthetic_manual.generate(tmp_path / "a", COUNT, seed=3, today=TODAY)
    synthetic_manual.generate(tmp_path / "b", COUNT, seed=3, today=TODAY)
    synthetic_manual.generate(tmp_path / "c", COUNT, seed=4, today=TODAY)
    assert same_tree(tmp_path / "a", tmp_path / "b")
    assert not same_tree(tmp_path / "a", tmp_path / "c")


def test_the_generator_command_writes_a_buildable_project(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "synthetic_manual.py"),
            "--count",
            "5",
            "--seed",
            "2",
            "--out",
            str(tmp_path),
            "--project",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert f"Wrote 5 documents in 20 sections to {tmp_path / 'procedures'}" in result.stdout
    assert (tmp_path / "mkdocs.yml").exists() and (tmp_path / "hooks").is_dir()
    assert load_manual(tmp_path, TODAY).problems == []


def test_a_bad_count_is_refused_with_a_message(tmp_path):
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "synthetic_manual.py"), "--count", "0", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--count must be 1 or more" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def compared(tmp_path_factory) -> benchmark.Result:
    """One benchmark run on 30 synthetic documents: both builds, the report, the pages inspected."""
    return benchmark.benchmark_size(str(COUNT), tmp_path_factory.mktemp("bench"), seed=7, today=TODAY, profile=False)


def test_the_comparison_build_has_no_hooks_and_no_overrides(compared, tmp_path_factory):
    plain = benchmark.read_config(next(tmp_path_factory.getbasetemp().glob("bench*/30/plain/mkdocs.yml")))
    hooks = benchmark.read_config(REPO / "mkdocs.yml")
    assert hooks["hooks"], "the real configuration has hooks"
    assert "hooks" not in plain
    assert "custom_dir" not in plain["theme"]
    # the same navigation settings: theme features and Markdown extensions as the real configuration
    assert plain["theme"]["features"] == hooks["theme"]["features"]
    assert plain["markdown_extensions"] == hooks["markdown_extensions"]


def test_the_hooks_build_has_the_document_control_panel_and_the_plain_build_does_not(compared):
    assert compared.hooks.returncode == 0 and compared.plain.returncode == 0
    assert compared.hooks_site.control_panels == COUNT  # every document page, in force or not
    assert compared.plain_site.control_panels == 0
    assert compared.plain_site.doc_html_median_kb > 0  # the plain build wrote the same document pages


def test_both_builds_share_one_navigation(compared, tmp_path_factory):
    base = next(tmp_path_factory.getbasetemp().glob("bench*/30"))
    nav, ids = benchmark.hooks_navigation(base / "hooks", TODAY)
    plain_nav = benchmark.read_config(base / "plain" / "mkdocs.yml")["nav"]

    def documents(entries: list) -> list[str]:
        found = []
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            found += documents(value) if isinstance(value, list) else [value]
        return found

    assert [ids.get(uri, uri) for uri in documents(nav) if uri in ids] == [
        uri.removeprefix("procedures/").removesuffix(".md")
        for uri in documents(plain_nav)
        if uri.startswith("procedures/")
    ]


def test_the_table_and_the_budgets_are_printed(compared):
    text = benchmark.render([compared])
    assert f"| {COUNT} | {COUNT} |" in text
    assert "Search index raw" in text
    assert "### Budgets (judged on CPU time)" in text
    assert "review report on 30 documents under 0.3 s" in text


def test_live_preview_sees_each_edit_on_the_page_and_in_the_a_to_z(tmp_path):
    """mkdocs serve on five synthetic documents: each title edit reaches the document's page and the A to Z."""
    ids = synthetic_manual.generate(tmp_path, 5, seed=7, today=TODAY)
    synthetic_manual.copy_machinery(tmp_path, ids)
    document = benchmark._preview_document(tmp_path)
    before = document.read_text(encoding="utf-8")
    log = tmp_path / "serve.log"
    result = benchmark.time_live_preview(tmp_path, TODAY, log, edits=3, ready_timeout=45, edit_timeout=15)
    assert result.error == "", log.read_text(encoding="utf-8")[-3000:]
    assert result.complete and len(result.seconds) == 3
    assert result.document == document.relative_to(tmp_path).as_posix()
    assert document.read_text(encoding="utf-8") == before  # the document is restored
    assert "Shutting down" in log.read_text(encoding="utf-8")  # the server was stopped, and cleaned up after itself


def test_a_title_gets_a_word_whatever_its_quoting():
    for line, title in [
        ("title: Core groups", "Core groups"),
        ("title: 'Parents' views, part 2'", "Parents' views, part 2"),
        ('title: "A: B"', "A: B"),
    ]:
        text = f"---\nid: x\n{line}\nstatus: approved\n---\n\ntitle: in the body\n"
        new_text, new_title = benchmark.retitle(text.replace("'Parents' views", "'Parents'' views"), "Preview1")
        assert new_title == f"{title} Preview1"
        assert new_text.endswith("\ntitle: in the body\n")


def test_the_live_preview_line_and_its_budget_are_printed():
    run, site = benchmark.Run(1.0, 1.0, 50.0, 0, ""), benchmark.Site()
    result = benchmark.Result("shipped", 39, run, run, site, site, 0.2, 0.2, 1.0, 1.0, 0.1)
    result.live_preview = benchmark.LivePreview("procedures/a/b.md", 3, [1.2, 1.8, 3.5])
    text = benchmark.render([result])
    assert (
        "Live preview (shipped manual, mkdocs serve): edit to page and A to Z updated: median 1.8 s, max 3.5 s" in text
    )
    assert "- PASS: live preview under 3 s on the shipped manual: median 1.8 s wall (max 3.5 s, 3 edits)" in text
    result.live_preview = benchmark.LivePreview(
        "procedures/a/b.md", 3, [1.2], error="edit 2: the page did not show the new title"
    )
    assert "- MISS: live preview under 3 s on the shipped manual" in benchmark.render([result])
