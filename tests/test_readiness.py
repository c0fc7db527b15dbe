"""Readiness and what it counts: proposed statements (marked on the page, gathered on "to be agreed"),
consultation mode and the preview banner, unconfirmed contacts, drafts linked from documents in force, and
what national guidance requires of the threshold document. Each is planted in a manual that is otherwise ready."""

from __future__ import annotations

import html
import re

import pytest
from cli_helpers import manual, smoke
from conftest import make_project, run_build

TODAY = "2026-11-24"
COVERS_EVERYTHING = (
    "\n## What this framework covers\n\nThe early help assessment; referral for assessment under section 17,"
    " section 47, section 31 and section 20 of the Children Act 1989; the abuse, neglect and exploitation of"
    " children; children in the youth secure estate; and disabled children.\n"
)
PROPOSAL = "[proposed: Reports go to parents two working days before the conference.]"


@pytest.fixture
def ready(tmp_path):
    """The levels fixture made ready: every contact confirmed, the threshold document complete."""
    root = make_project(tmp_path, "levels")
    contacts = root / "docs/data/contacts.yml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("confirmed: false", "confirmed: true"), encoding="utf-8"
    )
    edit(root, "procedures/early-help/levels-of-need.md", lambda text: text + COVERS_EVERYTHING)
    edit(root, "docs/data/settings.yml", lambda text: text.replace("consultation: true", "consultation: false"))
    for path in root.glob("procedures/*/*.md"):  # the fixture's one draft is linked from documents in force
        edit(
            root,
            path.relative_to(root).as_posix(),
            lambda text: text.replace("](doc:fixture-draft-pathway)", "](doc:fixture-mash)"),
        )
    return root


def edit(root, relative: str, change) -> None:
    path = root / relative
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def words(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def test_a_ready_manual_says_so_and_exits_0(ready):
    run = manual("readiness", root=ready, today=TODAY)
    assert run.returncode == 0, run.stdout
    assert "Ready to publish: nothing is waiting to be confirmed or agreed." in run.stdout


PLANTED = {
    "proposal": (
        "procedures/early-help/step-up-step-down.md",
        lambda text: text.replace("\n## ", f"\nConference reports: {PROPOSAL}\n\n## ", 1),
        "## Proposed, not yet agreed (1)",
    ),
    "consultation": (
        "docs/data/settings.yml",
        lambda text: text.replace("consultation: false", "consultation: true"),
        "## Consultation mode",
    ),
    "contact": (
        "docs/data/contacts.yml",
        lambda text: text.replace("\n  confirmed: true", "\n  confirmed: false", 1),
        "## Contacts to be confirmed (1)\n\nIn docs/data/contacts.yml; set `confirmed: true` once the details are checked.\n\n- `emergency`",
    ),
    "draft link": (
        "procedures/early-help/step-up-step-down.md",
        lambda text: text + "\nSee the [new pathway](doc:fixture-draft-pathway).\n",
        "## Drafts linked from documents in force (1)",
    ),
    "threshold contents": (
        "procedures/early-help/levels-of-need.md",
        lambda text: text.replace(" section 31 and", ""),
        "## Missing from the threshold document (1)",
    ),
    "levels proposed": (
        "procedures/early-help/levels-of-need.yml",
        lambda text: "proposed: true\n" + text,
        "- The Levels of Need indicators (`proposed: true` in the Levels of Need data file)",
    ),
}


@pytest.mark.parametrize("planted", PLANTED)
def test_each_planted_blocker_makes_the_manual_not_ready(ready, planted):
    relative, change, expected = PLANTED[planted]
    edit(ready, relative, change)
    run = manual("readiness", root=ready, today=TODAY)
    assert run.returncode == 1, run.output
    assert "Not ready to publish as the partnership's agreed procedures." in run.stdout
    assert expected in run.stdout, run.stdout
    assert run.stdout.count("\n## ") == 1  # only what was planted


def test_readiness_names_the_file_and_line_of_a_proposal_and_runs_as_installed(ready):
    edit(ready, *PLANTED["proposal"][:2])
    run = smoke("readiness", root=ready, today=TODAY)
    assert run.returncode == 1
    line = next(
        number
        for number, text in enumerate((ready / PLANTED["proposal"][0]).read_text(encoding="utf-8").splitlines(), 1)
        if "[proposed:" in text
    )
    assert (
        f"- `procedures/early-help/step-up-step-down.md` (line {line}): Reports go to parents two working days before the conference."
        in run.stdout
    )


def test_a_manual_with_problems_is_not_judged(ready):
    edit(
        ready,
        "procedures/early-help/step-up-step-down.md",
        lambda text: text.replace("status: approved", "status: maybe"),
    )
    run = manual("readiness", root=ready, today=TODAY)
    assert run.returncode == 2 and "fix" in run.stderr


def test_a_proposal_is_marked_where_it_stands_and_gathered_for_the_sub_group(ready):
    edit(ready, *PLANTED["proposal"][:2])
    build = run_build(ready, TODAY)
    assert build.returncode == 0, build.output
    page = build.html("step-up-step-down")
    assert (
        '<span class="manual-proposed"><strong class="manual-proposed__label">Proposed, for the sub-group to agree:</strong>'
        " Reports go to parents two working days before the conference.</span>"
    ) in page
    agreed = (build.site / "to-be-agreed/index.html").read_text(encoding="utf-8")
    listed = words(agreed[agreed.index("<h1") : agreed.index("</article>")])
    assert "Reports go to parents two working days before the conference." in listed
    assert 'href="../procedures/step-up-step-down/"' in agreed
    assert "[proposed:" not in page and "[proposed:" not in agreed


def test_nothing_to_agree_says_so(ready):
    build = run_build(ready, TODAY)
    agreed = (build.site / "to-be-agreed/index.html").read_text(encoding="utf-8")
    assert "Nothing is waiting to be agreed." in agreed


def test_consultation_and_preview_put_a_banner_on_every_page(ready, monkeypatch):
    build = run_build(ready, TODAY)
    assert "Consultation draft" not in (build.site / "index.html").read_text(encoding="utf-8")
    edit(ready, *PLANTED["consultation"][:2])
    monkeypatch.setenv("MANUAL_PREVIEW", "1")
    build = run_build(ready, TODAY)
    assert build.returncode == 0, build.output
    pages = list(build.site.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        text = (page).read_text(encoding="utf-8")
        if "Redirecting" in text[:500]:
            continue
        assert "Consultation draft: not yet approved for use." in text, page
        assert "Preview: not ready to publish." in text, page


def test_proposed_indicators_are_marked_on_every_levels_of_need_page(ready):
    edit(ready, *PLANTED["levels proposed"][:2])
    build = run_build(ready, TODAY)
    assert build.returncode == 0, build.output
    pages = sorted((build.site / "levels-of-need").glob("*/index.html")) + [build.site / "levels-of-need/index.html"]
    indicator_pages = [page for page in pages if "families" not in page.as_posix()]
    assert len(indicator_pages) == 5  # the navigator and the four levels
    for page in indicator_pages:
        assert "Proposed indicators, for the sub-group to agree" in page.read_text(encoding="utf-8"), page
