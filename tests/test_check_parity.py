"""`manual check` makes every check the build makes, without MkDocs, and says the same things.

CI runs it as a step of its own before the build, so an engine that skipped the hooks could never publish
content that nobody checked. Each case breaks a fixture manual one way; check and the strict build must
both refuse it, with the same problem lines.
"""

from __future__ import annotations

import pytest
from cli_helpers import manual
from conftest import make_project, run_build
from fixture_documents import BODY, document

TODAY = "2026-11-24"
NEW = "procedures/child-protection/new.md"

CASES = {
    "the schema": ("basic", {NEW: document(id="new-doc", version="2")}),
    "an owner not in the owners list": ("basic", {NEW: document(id="new-doc", owner="nobody")}),
    "an id used twice": ("basic", {NEW: document(id="fixture-referral")}),
    "a link to no document": ("basic", {NEW: document(id="new-doc", body=BODY + "\nSee [this](doc:no-such-doc).\n")}),
    "a phone number in the text": ("basic", {NEW: document(id="new-doc", body=BODY + "\nRing 01432 260800.\n")}),
    "raw script in the text": ("basic", {NEW: document(id="new-doc", body=BODY + "\n<script>alert(1)</script>\n")}),
    "an old address still in use": ("basic", {NEW: document(id="new-doc", redirect_from=["fixture-referral"])}),
    "a glossary term pointing at no document": (
        "basic",
        {"docs/data/glossary.yml": "- term: LADO\n  meaning: The designated officer.\n  see: no-such-doc\n"},
    ),
    "a document's page over a site page": (
        "basic",
        {NEW: document(id="new-doc"), "docs/procedures/new-doc.md": "# A site page\n"},
    ),
}


def problem_lines(text: str) -> list[str]:
    lines = (line.split(" -  ", 1)[-1].removeprefix("manual: ") for line in text.splitlines())
    return sorted(line for line in lines if ", field '" in line or ", line " in line)


@pytest.mark.parametrize("case", list(CASES))
def test_check_refuses_what_the_build_refuses_with_the_same_messages(tmp_path, case):
    fixture, files = CASES[case]
    root = make_project(tmp_path, fixture, files=files)
    checked = manual("check", root=root, today=TODAY)
    built = run_build(root, TODAY)
    assert checked.returncode == 1, checked.output
    assert built.returncode == 1, built.output
    assert problem_lines(checked.stdout), checked.output
    assert problem_lines(checked.stdout) == problem_lines(built.output), built.output


def test_levels_of_need_data_is_checked_the_same_way(tmp_path):
    root = make_project(tmp_path, "levels")
    data = root / "procedures/early-help/levels-of-need.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("doc:fixture-mash", "doc:no-such-doc"), encoding="utf-8")
    checked = manual("check", root=root, today=TODAY)
    built = run_build(root, TODAY)
    assert (checked.returncode, built.returncode) == (1, 1), checked.output + built.output
    assert problem_lines(checked.stdout) == problem_lines(built.output)


def test_a_sound_manual_passes_both(tmp_path):
    root = make_project(tmp_path, "basic")
    assert manual("check", root=root, today=TODAY).returncode == 0
    assert run_build(root, TODAY).returncode == 0
