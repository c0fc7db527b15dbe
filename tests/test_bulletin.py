"""`manual bulletin`: the digest of changes since a date, run as an editor runs it."""

from __future__ import annotations

import re

import pytest
from cli_helpers import manual, smoke
from conftest import make_project


def bulletin(root, *args: str):
    return manual("bulletin", *args, root=root)


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, "finding")


def test_the_digest_lists_changes_since_the_date_newest_first_in_markdown_and_html(project, tmp_path):
    out = tmp_path / "out"
    result = smoke(
        "bulletin",
        "--since",
        "2026-03-10",
        "--today",
        "2026-11-24",
        "--output-dir",
        str(out),
        "--site-url",
        "https://manual.example/",
        root=project,
    )
    assert result.returncode == 0, result.stderr
    md_file = out / "bulletin-2026-03-10-to-2026-11-24.md"
    html_file = out / "bulletin-2026-03-10-to-2026-11-24.html"
    assert f"2 changes since 2026-03-10: wrote {md_file} and {html_file}" in result.stdout
    text = md_file.read_text(encoding="utf-8")
    assert text.startswith("# Changes to the safeguarding procedures, 10 March 2026 to 24 November 2026\n")
    assert "has changed 2 documents in its procedures manual since 10 March 2026" in text
    rows = [line for line in text.splitlines() if line.startswith("| [")]
    assert rows == [
        "| [Making a referral to the MASH](https://manual.example/procedures/find-referral/) (version 3.1) | Added the one working day decision timescale. | 10 November 2026 |",
        "| [Child protection conferences](https://manual.example/procedures/find-conference/) (version 2.0) | Replaced the 2011 protocol; conferences now within 15 working days. | 15 March 2026 |",
    ]
    assert "Rewritten for the new MASH" not in text  # 2 March: before --since
    assert "The next planned update of the manual is in March 2027." in text
    html = html_file.read_text(encoding="utf-8")
    assert html.startswith('<!doctype html>\n<html lang="en-GB">')
    assert (
        '<td><a href="https://manual.example/procedures/find-referral/">Making a referral to the MASH</a> (version 3.1)</td>'
        in html
    )
    assert re.search(r"<td>10 November 2026</td>", html)


def test_nothing_changed_says_so(project, tmp_path):
    result = bulletin(project, "--since", "2026-11-11", "--today", "2026-11-24", "--output-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "0 changes since 2026-11-11" in result.stdout
    text = (tmp_path / "bulletin-2026-11-11-to-2026-11-24.md").read_text(encoding="utf-8")
    assert "No documents in the procedures manual have changed since 11 November 2026." in text


def test_a_date_that_is_not_a_date_is_a_usage_error(project):
    result = bulletin(project, "--since", "10/11/2026")
    assert result.returncode == 2
    assert "'10/11/2026' is not a date; expected YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_since_after_today_is_refused(project):
    result = bulletin(project, "--since", "2026-12-01", "--today", "2026-11-24")
    assert result.returncode == 2
    assert "--since 2026-12-01 is after today (2026-11-24)" in result.stderr


def test_a_manual_with_problems_is_reported_not_digested(project, tmp_path):
    (project / "procedures" / "guidance" / "voice.md").write_text("---\nid: find-voice\n---\n", encoding="utf-8")
    result = bulletin(project, "--since", "2026-01-01", "--today", "2026-11-24", "--output-dir", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith(
        "error: the manual has 10 problems; fix them first:\n  procedures/guidance/voice.md"
    )
    assert not list(tmp_path.glob("bulletin-*"))
    assert "Traceback" not in result.stderr
