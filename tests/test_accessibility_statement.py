"""The accessibility statement: the UK model statement's parts, with the date and findings of the last
browser test run taken from the record the suite writes (never a date typed by hand)."""

from __future__ import annotations

import re

from conftest import make_project, run_build

from manual.outputs.accessibility_tests import RECORD_FILE

RECORD = """date: 2026-11-20
pages: 42
views: [light colours, dark colours, a screen 320 pixels wide]
standard: [wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa]
axe_core: 4.12.1
browser: Chromium 156.0.8078.79
problems: 0
pages_with_problems: 0
"""


def statement_text(build) -> str:
    html = (build.site / "accessibility" / "index.html").read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def test_the_statement_gives_the_date_and_findings_of_the_last_test_run(build_manual):
    build = build_manual(files={RECORD_FILE: RECORD})
    assert build.returncode == 0, build.output
    text = statement_text(build)
    assert "This website was last tested on 20 November 2026 ." in text
    assert "every page of the website (42 pages) in a real web browser (Chromium 156.0.8078.79)" in text
    assert "in each of these views: light colours, dark colours and a screen 320 pixels wide;" in text
    assert "axe-core accessibility engine (version 4.12.1)" in text
    assert "The checks found no problems." in text
    for heading in [
        "Accessibility statement",
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Compliance status",
        "Preparation of this accessibility statement",
    ]:
        assert heading in text
    assert "Equality Advisory and Support Service (EASS)" in text
    assert "{{" not in text and "{%" not in text


def test_the_statement_says_when_the_last_run_found_problems(build_manual):
    record = RECORD.replace("problems: 0\npages_with_problems: 0", "problems: 3\npages_with_problems: 2")
    text = statement_text(build_manual(files={RECORD_FILE: record}))
    assert "The checks found 3 problems on 2 pages." in text
    assert "no problems" not in text


def test_without_a_record_the_statement_says_the_site_is_not_yet_tested(tmp_path):
    root = make_project(tmp_path)
    (root / RECORD_FILE).unlink(missing_ok=True)
    build = run_build(root)
    assert build.returncode == 0, build.output
    text = statement_text(build)
    assert "This website has not yet been tested." in text
    assert "last tested on" not in text


def test_an_unreadable_record_fails_the_build_with_a_clear_message(build_manual):
    build = build_manual(files={RECORD_FILE: "date: last Tuesday\n"})
    assert build.returncode == 1
    assert f"{RECORD_FILE}: cannot be read" in build.output
    assert "run `make accessibility-record` to write it again" in build.output
    assert "Traceback" not in build.output
