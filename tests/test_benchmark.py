"""The benchmark's parts, on a small synthetic manual (never timed: times are reported, not asserted).

- scripts/synthetic_manual.py writes a manual the core accepts without a single problem, the same for
  the same seed;
- scripts/benchmark.py's comparison build really has the hooks off: its config lists none, and its
  pages lack the document-control panel that the manual's build puts on every document page, while
  both write every document's page; the figures and budgets reach the output file;
- live preview really sees each edit, and the server it starts is stopped afterwards.
"""

from __future__ import annotations

import filecmp
import importlib.util
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO

from manual import ReviewState, load_manual


def _script(name: str):
    """A script of scripts/ as a module (benchmark imports synthetic_manual by name, as it does when run)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


synthetic_manual = _script("synthetic_manual")
benchmark = _script("benchmark")

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
def compared(tmp_path_factory) -> tuple[benchmark.Result, Path]:
    """One benchmark run on 30 synthetic documents: both builds once, the pages inspected (no live preview)."""
    work = tmp_path_factory.mktemp("bench")
    result = benchmark.benchmark_size(COUNT, work, seed=7, today=TODAY, runs=1, live_preview=False)
    return result, work / str(COUNT)


def test_the_comparison_build_has_no_hooks_and_no_overrides_and_the_same_markdown(compared):
    _, base = compared
    plain = benchmark.read_config(base / "plain" / "mkdocs.yml")
    real = benchmark.read_config(REPO / "mkdocs.yml")
    assert real["hooks"], "the real configuration has hooks"
    assert "hooks" not in plain and "nav" not in plain
    assert "custom_dir" not in plain["theme"]
    assert "navigation.prune" in plain["theme"]["features"]
    assert plain["theme"]["features"] == real["theme"]["features"]
    assert plain["markdown_extensions"] == real["markdown_extensions"]
    assert plain["plugins"] == real["plugins"]


def test_both_builds_write_every_document_page_and_only_the_manual_has_its_panel(compared):
    result, base = compared
    assert result.manual.returncode == 0 and result.plain.returncode == 0
    assert result.manual_pages.documents == result.plain_pages.documents == COUNT
    assert result.manual_pages.control_panels == COUNT  # every document page, in force or not
    assert result.plain_pages.control_panels == 0
    assert result.plain_pages.html_max_kb > 0 and result.manual_pages.html_max_kb > 0
    # doc: links became ordinary links between the plain build's pages
    plain_docs = base / "plain" / "docs" / "procedures"
    assert not any("](doc:" in page.read_text(encoding="utf-8") for page in plain_docs.rglob("*.md"))
    assert any("](../" in page.read_text(encoding="utf-8") for page in plain_docs.rglob("*.md"))


def test_the_table_and_the_budgets_are_printed(compared):
    result, _ = compared
    text = benchmark.render([result], runs=1)
    assert f"| {COUNT} | {result.manual.cpu_seconds:.1f} / {result.plain.cpu_seconds:.1f} s |" in text
    assert f"a document page's HTML under 80 KB at {COUNT} documents: largest" in text
    assert "live preview" not in text  # measured at 500 documents only


def test_the_command_writes_its_figures_to_the_output_file(tmp_path):
    output = tmp_path / "figures.md"
    args = ["--sizes", "5", "--runs", "1", "--work", str(tmp_path / "work"), "--output", str(output)]
    status = benchmark.main([*args, "--no-live-preview", "--no-lighthouse", "--no-search"])  # each measured on its own
    assert status == 0
    text = output.read_text(encoding="utf-8")
    assert text.startswith("## Build benchmark") and "| 5 |" in text
    assert "- PASS: a document page's HTML under 80 KB at 5 documents" in text


def test_a_bad_size_is_refused_with_a_message(capsys):
    with pytest.raises(SystemExit) as stopped:
        benchmark.main(["--sizes", "many"])
    assert stopped.value.code == 2
    assert "--sizes 'many': expected numbers of documents" in capsys.readouterr().err


def test_live_preview_sees_each_edit_on_the_page_and_in_the_a_to_z(tmp_path):
    """mkdocs serve on five synthetic documents: each title edit reaches the document's page and the A to Z."""
    ids = synthetic_manual.generate(tmp_path, 5, seed=7, today=TODAY)
    synthetic_manual.copy_machinery(tmp_path, ids)
    document = benchmark.preview_document(tmp_path)
    before = document.read_text(encoding="utf-8")
    log = tmp_path / "serve.log"
    result = benchmark.time_live_preview(tmp_path, TODAY, log, edits=3, ready_timeout=120, edit_timeout=60)
    assert result.error == "", log.read_text(encoding="utf-8")[-3000:]
    assert result.complete and len(result.seconds) == 3
    assert result.document == document.relative_to(tmp_path).as_posix()
    assert document.read_text(encoding="utf-8") == before  # the document is restored
    # The server has stopped: its process has exited and nothing answers on its port any more.
    assert result.exit_code is not None
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        assert probe.connect_ex((benchmark.LIVE_PREVIEW_HOST, result.port)) != 0


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


def test_the_budgets_are_judged_on_the_median_edit_and_the_cpu_ratio():
    def result(documents: int, manual_cpu: float, seconds: list[float], error: str = "") -> benchmark.Result:
        manual, plain = benchmark.Run(9.0, manual_cpu, 80.0, 0, ""), benchmark.Run(8.0, 10.0, 70.0, 0, "")
        pages = benchmark.Pages(documents, 40.0, 45.0, documents)
        outcome = benchmark.Result(documents, manual, plain, pages, pages)
        outcome.live_preview = benchmark.LivePreview("procedures/a/b.md", 3, seconds, error) if seconds else None
        return outcome

    text = benchmark.render([result(500, 12.9, [4.0, 6.0, 30.0]), result(2000, 15.5, [])], runs=3)
    assert "- PASS: the strict build at 500 documents at most 1.3x plain MkDocs + Material (CPU): 1.29x" in text
    assert "- MISS: the strict build at 2000 documents at most 1.5x plain MkDocs + Material (CPU): 1.55x" in text
    assert "- PASS: an edit seen in live preview within 10 s at 500 documents: median 6.0 s of 3 edits" in text
    text = benchmark.render([result(500, 13.1, [4.0], error="edit 2: the page did not show the new title")], runs=3)
    assert "- MISS: the strict build at 500 documents at most 1.3x" in text
    assert "- MISS: an edit seen in live preview within 10 s at 500 documents: median 4.0 s of 1 edits" in text
