"""Readability: "What to do now" held to a plain-English floor, and every document's score on the review
schedule and in the build's log."""

from __future__ import annotations

import html
import re

from cli_helpers import manual
from conftest import make_project, run_build
from fixture_documents import document

from manual.model.readability import ACTION_FLOOR, plain_text, readability

TODAY = "2026-11-24"
WORDY = (
    "## What to do now\n\n"
    "1. Practitioners should consider undertaking comprehensive multidisciplinary evaluations, notwithstanding "
    "organisational considerations, incorporating consultation with appropriate professionals regarding "
    "safeguarding responsibilities and proportionate interventions.\n"
    "2. Documentation should subsequently be comprehensively reviewed by designated organisational representatives, "
    "considering multiagency information and institutional accountability.\n"
    "3. Subsequently, organisational representatives should communicate determinations to appropriate agencies.\n\n## Who does what\n\nEveryone acts.\n"
)


def test_plain_text_reads_the_words_not_the_markup():
    text = plain_text(
        "## Steps\n\n1. Call [the MASH](doc:mash){: .x }\n2. Write it down\n\n```\ncode here\n```\n| a | b |\n"
    )
    assert text == "Steps.\nCall the MASH.\nWrite it down."


def test_wordy_steps_fail_the_check_and_the_build_naming_the_file_and_line(tmp_path):
    root = make_project(
        tmp_path, files={"procedures/child-protection/wordy.md": document(id="fixture-wordy", body=WORDY)}
    )
    check = manual("check", root=root, today=TODAY)
    text = (root / "procedures/child-protection/wordy.md").read_text(encoding="utf-8")
    line = text.splitlines().index("## What to do now") + 1
    assert check.returncode == 1
    score = readability(WORDY).action_ease
    assert (
        f"procedures/child-protection/wordy.md, line {line}: 'What to do now' has a Flesch reading ease of {score:g};"
        f" expected at least {ACTION_FLOOR}"
    ) in check.stdout
    assert run_build(root, TODAY).returncode == 1


PLAIN = (
    "## What to do now\n\n"
    + "".join(f"{n}. Call the police on 999 if the child is in danger now. Then tell your lead.\n" for n in range(1, 6))
    + "\n## Who does what\n\nEveryone acts.\n"
)


def test_scores_are_on_the_review_schedule_and_in_the_build_log(tmp_path):
    root = make_project(
        tmp_path, files={"procedures/child-protection/plain.md": document(id="fixture-plain", body=PLAIN)}
    )
    build = run_build(root, TODAY)
    assert build.returncode == 0, build.output
    assert re.search(
        r"INFO +-  manual: Readability: 1 document, median Flesch reading ease [\d.]+; "
        r"the hardest 'What to do now' is fixture-plain at [\d.]+ \(at least 50 expected\)\.",
        build.output,
    )
    schedule = (build.site / "review-schedule/index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Reading ease</th>' in schedule
    rows = re.findall(r"<tr data-review-row.*?</tr>", schedule, flags=re.S)
    assert "What to do now: " in schedule
    assert rows and all(  # a document with a short "What to do now" has its whole score only
        re.search(
            r"<td>[\d.]+(; <span class=\"manual-schedule__action-ease\">What to do now: [\d.]+</span>)?</td>|<td>Not measured</td>",
            html.unescape(row),
        )
        for row in rows
    )
