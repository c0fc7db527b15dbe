"""The editors' commands, run on a copy of a fixture manual: the files they write validate and say the right thing."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

import pytest
from cli_helpers import manual, smoke
from conftest import make_project
from fixture_documents import document

from manual import load_manual

REFERRAL = "procedures/responding-to-concerns/referral.md"
CONFERENCE = "procedures/child-protection/conference.md"
LEAP_YEAR = "procedures/child-protection/leap-year.md"


def edit(command: str, root: Path, *args: str, today: str | None = "2026-11-24"):
    return manual(command, *args, root=root, today=today)


def problems_of(root: Path, today: str = "2026-11-24") -> list[str]:
    """Every problem the build's core finds in the manual, as the build would print them."""
    return [str(problem) for problem in load_manual(root, today).problems]


def front_matter(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[: text.index("\n---\n", 4) + 5]


@pytest.fixture
def project(tmp_path):
    root = make_project(tmp_path)
    assert problems_of(root) == []
    return root


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


# -- new document ---------------------------------------------------------------------------------


def test_new_document_is_a_valid_draft_with_an_id_from_its_title(project):
    run = edit(
        "new",
        project,
        "--title",
        "Working with parents who disengage",
        "--type",
        "guidance",
        "--owner",
        "development-practice",
        "--section",
        "child-protection",
    )
    assert run.returncode == 0, run.output
    path = project / "procedures/child-protection/working-with-parents-who-disengage.md"
    assert "Created procedures/child-protection/working-with-parents-who-disengage.md" in run.stdout
    assert problems_of(project) == []
    doc = load_manual(project, "2026-11-24").get("working-with-parents-who-disengage")
    assert (doc.title, doc.type, doc.owner, doc.status, doc.version) == (
        "Working with parents who disengage",
        "guidance",
        "development-practice",
        "draft",
        "0.1",
    )
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "## What to do now" in body and "## Who does what" in body


def test_new_document_ids_are_unique_against_ids_former_ids_and_each_other(tmp_path):
    root = make_project(
        tmp_path,
        files={
            "procedures/child-protection/sleep.md": document(
                id="safe-sleep", title="Safe sleep guidance", redirect_from=["safer-sleeping"]
            ),
        },
    )
    first = edit("new", root, "--title", "Safer sleeping", "--type", "guidance", "--owner", "policy-procedures")
    second = edit("new", root, "--title", "Safer  sleeping!", "--type", "guidance", "--owner", "policy-procedures")
    assert first.returncode == 0 and second.returncode == 0, first.output + second.output
    manual = load_manual(root, "2026-11-24")
    assert manual.get("safer-sleeping") is None  # a former id of safe-sleep: its old links must keep working
    assert manual.get("safer-sleeping-2").title == "Safer sleeping"
    assert manual.get("safer-sleeping-3").title == "Safer sleeping!"
    assert problems_of(root) == []


def test_new_document_refuses_an_unknown_owner_with_a_suggestion(project):
    run = edit("new", project, "--title", "Some guidance", "--type", "guidance", "--owner", "policy-procedure")
    assert run.returncode == 2
    assert "'policy-procedure' is not a known owner (did you mean 'policy-procedures'?)" in run.stderr
    assert not list((project / "procedures").rglob("some-guidance.md"))


def test_new_document_names_the_new_key_for_a_renamed_owner(project):
    run = edit("new", project, "--title", "Some guidance", "--type", "guidance", "--owner", "ccg")
    assert run.returncode == 2
    assert "'ccg' has been renamed; use 'icb'" in run.stderr


def test_new_document_refuses_a_wrong_type_or_section(project):
    wrong_type = edit("new", project, "--title", "Some guidance", "--type", "leaflet", "--owner", "icb")
    assert wrong_type.returncode == 2 and "invalid choice: 'leaflet'" in wrong_type.stderr
    wrong_section = edit(
        "new",
        project,
        "--title",
        "Some guidance",
        "--type",
        "guidance",
        "--owner",
        "icb",
        "--section",
        "nowhere",
    )
    assert wrong_section.returncode == 2
    assert (
        "'nowhere' is not a section; expected one of: responding-to-concerns, child-protection" in wrong_section.stderr
    )


# -- mark reviewed --------------------------------------------------------------------------------


def test_mark_reviewed_sets_the_dates_bumps_the_version_and_adds_the_amendment_first(project):
    before = (project / REFERRAL).read_text(encoding="utf-8")
    run = edit(
        "reviewed",
        project,
        "fixture-referral",
        "--summary",
        "Reviewed; the MASH decides within one working day.",
        today="2026-11-24",
    )
    assert run.returncode == 0, run.output
    assert "version 2.0 -> 2.1; next review 24 November 2027" in run.stdout
    assert problems_of(project) == []
    doc = load_manual(project, "2026-11-24").get("fixture-referral")
    assert doc.version == "2.1"
    assert doc.last_reviewed == date(2026, 11, 24)
    assert doc.review_interval == "12 months"  # kept
    assert doc.next_review == date(2027, 11, 24)
    assert doc.amendments[0].date == date(2026, 11, 24)
    assert doc.amendments[0].version == "2.1"
    assert doc.amendments[0].summary == "Reviewed; the MASH decides within one working day."
    assert doc.amendments[1].version == "2.0"
    after = (project / REFERRAL).read_text(encoding="utf-8")
    removed, added = changed_lines(before, after)
    assert removed == ['version: "2.0"', "last_reviewed: 2025-01-10"]
    assert added == [
        'version: "2.1"',
        "last_reviewed: 2026-11-24",
        "  - date: 2026-11-24",
        '    version: "2.1"',
        "    summary: Reviewed; the MASH decides within one working day.",
    ]


def test_mark_reviewed_major_version(project):
    run = edit("reviewed", project, "fixture-referral", "--summary", "Rewritten for the new MASH.", "--major")
    assert run.returncode == 0, run.output
    assert load_manual(project, "2026-11-24").get("fixture-referral").version == "3.0"


def test_mark_reviewed_on_29_february_with_a_one_year_interval(project):
    run = edit(
        "reviewed",
        project,
        "fixture-leap-year",
        "--summary",
        "Reviewed; no changes needed.",
        today="2028-02-29",
    )
    assert run.returncode == 0, run.output
    doc = load_manual(project, "2028-02-29").get("fixture-leap-year")
    assert doc.last_reviewed == date(2028, 2, 29)
    assert doc.next_review == date(2029, 2, 28)
    assert doc.version == "1.1"
    assert "next review 28 February 2029" in run.stdout
    assert problems_of(project, "2028-02-29") == []


def test_mark_reviewed_moves_a_given_next_review_on_by_the_same_interval(tmp_path):
    root = make_project(
        tmp_path,
        files={
            "procedures/child-protection/six-monthly.md": document(
                id="six-monthly",
                last_reviewed="2024-02-29",
                next_review="2024-08-29",
                review_interval=None,
            ).replace("review_interval: null\n", ""),
        },
    )
    assert problems_of(root) == []
    run = edit("reviewed", root, "six-monthly", "--summary", "Six-monthly review.", today="2024-08-31")
    assert run.returncode == 0, run.output
    doc = load_manual(root, "2024-08-31").get("six-monthly")
    assert (doc.last_reviewed, doc.next_review_given) == (
        date(2024, 8, 31),
        date(2025, 2, 28),
    )  # 6 months from 31 August
    assert "next_review: 2025-02-28" in front_matter(root / "procedures/child-protection/six-monthly.md")


def test_mark_reviewed_uses_the_default_interval_when_the_given_dates_are_not_whole_months_apart(project):
    # fixture-conference: last reviewed 2024-02-29, next review given as 2026-12-20
    run = edit("reviewed", project, "fixture-conference", "--summary", "Reviewed.", today="2026-11-24")
    assert run.returncode == 0, run.output
    doc = load_manual(project, "2026-11-24").get("fixture-conference")
    assert doc.next_review_given == date(2027, 11, 24)
    assert doc.version == "1.2"
    # a document without amendments gets the list
    assert [a.summary for a in doc.amendments] == ["Reviewed."]
    assert problems_of(project) == []


def test_mark_reviewed_can_record_the_approval(project):
    run = edit(
        "reviewed",
        project,
        "fixture-leap-year",
        "--summary",
        "Approved after review.",
        "--approved-by",
        "partnership-executive",
        today="2026-11-24",
    )
    assert run.returncode == 0, run.output
    doc = load_manual(project, "2026-11-24").get("fixture-leap-year")
    assert (doc.approved_on, doc.approved_by) == (date(2026, 11, 24), "partnership-executive")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-doc", "--summary", "Reviewed."], "no document has the id 'no-such-doc'"),
        (["fixture-referal", "--summary", "Reviewed."], "(did you mean 'fixture-referral'?)"),
        (
            ["fixture-draft", "--summary", "Reviewed."],
            "field 'status': the document is draft; only approved documents are on the review cycle",
        ),
        (["fixture-referral", "--summary", "ok"], "say in a sentence what changed"),
        (["fixture-referral", "--summary", "Reviewed.", "--approved-by", "nobody"], "'nobody' is not a known owner"),
    ],
)
def test_mark_reviewed_refuses_with_a_clear_message_and_changes_nothing(project, args, message):
    before = {p: p.read_bytes() for p in (project / "procedures").rglob("*.md")}
    run = edit("reviewed", project, *args)
    assert run.returncode == 2
    assert message in run.stderr
    assert {p: p.read_bytes() for p in (project / "procedures").rglob("*.md")} == before


def test_mark_reviewed_rejects_a_date_that_is_not_a_date(project):
    run = edit("reviewed", project, "fixture-referral", "--summary", "Reviewed.", today="24/11/2026")
    assert run.returncode == 2
    assert "'24/11/2026' is not a date; expected YYYY-MM-DD" in run.stderr


def test_edits_keep_comments_quoting_line_endings_and_the_body(tmp_path):
    text = (
        "---\r\n"
        "# Owned by the MASH Strategic Group since 2024.\r\n"
        "id: commented\r\n"
        "title: 'A document: with comments'\r\n"
        "type: procedure\r\n"
        "owner: mash-strategic-group   # agreed at the March meeting\r\n"
        "status: approved\r\n"
        "version: '1.9'\r\n"
        "approved: {date: 2025-03-01, by: partnership-executive}\r\n"
        "last_reviewed: 2025-03-01  # the last full review\r\n"
        "review_interval: 2 years\r\n"
        "scope: C\r\n"
        "levels:\r\n"
        "- 3\r\n"
        "audience: [all-agencies]\r\n"
        "tags: [Referrals]\r\n"
        "summary: >\r\n"
        "  A summary folded over\r\n"
        "  two lines.\r\n"
        "amendments:\r\n"
        "- date: 2025-03-01\r\n"
        "  summary: First issue.\r\n"
        "---\r\n"
        "\r\n"
        "## What to do now\r\n"
        "\r\n"
        "Body text stays exactly as it was.   \r\n"
    )
    root = make_project(tmp_path, files={"procedures/child-protection/commented.md": text.encode("utf-8")})
    assert problems_of(root) == []
    run = edit("reviewed", root, "commented", "--summary", "Reviewed: no changes.", today="2026-11-24")
    assert run.returncode == 0, run.output
    after = (root / "procedures/child-protection/commented.md").read_bytes().decode("utf-8")
    removed, added = changed_lines(text.replace("\r\n", "\n"), after.replace("\r\n", "\n"))
    assert removed == ["version: '1.9'", "last_reviewed: 2025-03-01  # the last full review"]
    assert added == [
        'version: "1.10"',
        "last_reviewed: 2026-11-24  # the last full review",
        "- date: 2026-11-24",
        '  version: "1.10"',
        '  summary: "Reviewed: no changes."',
    ]
    assert after.count("\r\n") == after.count("\n")  # Windows line endings kept
    assert problems_of(root) == []
    assert load_manual(root, "2026-11-24").get("commented").next_review == date(2028, 11, 24)


# -- withdraw and supersede -----------------------------------------------------------------------


def test_supersede_points_the_old_document_to_its_replacement_and_moves_links(project):
    run = edit(
        "withdraw",
        project,
        "fixture-conference",
        "--superseded-by",
        "fixture-leap-year",
        "--summary",
        "Replaced by the joint protocol.",
    )
    assert run.returncode == 0, run.output
    assert problems_of(project) == []
    manual = load_manual(project, "2026-11-24")
    old, new, referral = (
        manual.get("fixture-conference"),
        manual.get("fixture-leap-year"),
        manual.get("fixture-referral"),
    )
    assert (old.status, old.superseded_by, old.version) == ("superseded", "fixture-leap-year", "1.2")
    assert old.amendments[0].summary == "Superseded by Fixture reviewed on 29 February. Replaced by the joint protocol."
    assert new.supersedes == ("fixture-conference",)
    assert referral.related == ("fixture-leap-year",)
    assert "(doc:fixture-leap-year#what-to-do-now)" in referral.body
    assert f"{REFERRAL}: links to 'fixture-conference' now go to 'fixture-leap-year'." in run.stdout


def test_withdraw_takes_the_document_out_of_related_and_lists_links_left_in_the_text(project):
    line = next(
        n for n, text in enumerate((project / REFERRAL).read_text().splitlines(), 1) if "doc:fixture-conference" in text
    )
    run = edit("withdraw", project, "fixture-conference", "--summary", "No longer needed.")
    assert run.returncode == 0, run.output
    manual = load_manual(project, "2026-11-24")
    assert manual.get("fixture-conference").status == "withdrawn"
    assert manual.get("fixture-referral").related == ()
    assert (
        f"warning: {REFERRAL}, line {line}: links to 'fixture-conference', which is now withdrawn; change or remove the link"
        in run.stderr
    )
    assert [p for p in problems_of(project)] == [
        f"{REFERRAL}, line {line}, field 'link': links to 'fixture-conference', which is withdrawn; expected a link to a document in force"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["fixture-conference", "--superseded-by", "fixture-conference", "--summary", "Replaced."],
            "a document cannot supersede itself",
        ),
        (
            ["fixture-conference", "--superseded-by", "nothing-here", "--summary", "Replaced."],
            "no document has the id 'nothing-here'",
        ),
    ],
)
def test_withdraw_refuses_a_wrong_replacement(project, args, message):
    run = edit("withdraw", project, *args)
    assert run.returncode == 2
    assert message in run.stderr


def test_withdraw_refuses_a_document_already_withdrawn(project):
    assert edit("withdraw", project, "fixture-draft", "--summary", "Not going ahead.").returncode == 0
    again = edit("withdraw", project, "fixture-draft", "--summary", "Not going ahead.")
    assert again.returncode == 2
    assert "the document is already withdrawn" in again.stderr
    doc = load_manual(project, "2026-11-24").get("fixture-draft")
    assert doc.last_reviewed == date(2026, 11, 24)  # a withdrawn draft needs a last review date


# -- rename owner ---------------------------------------------------------------------------------


def test_rename_owner_changes_the_owners_list_and_every_document(project):
    run = edit(
        "rename-owner",
        project,
        "policy-procedures",
        "policy-practice",
        "--name",
        "Policy and Practice sub-group",
        today=None,
    )
    assert run.returncode == 0, run.output
    assert problems_of(project) == []
    manual = load_manual(project, "2026-11-24")
    owner = manual.vocabulary.owners["policy-practice"]
    assert owner.name == "Policy and Practice sub-group"
    assert owner.formerly == ("policy-procedures",)
    assert owner.github_team  # everything else about the owner is kept
    assert "policy-procedures" not in manual.vocabulary.owners
    assert manual.get("fixture-leap-year").owner == "policy-practice"
    assert manual.get("fixture-leap-year").approved_by == "policy-practice"
    assert manual.get("fixture-draft").owner == "policy-practice"
    owners_text = (project / "docs/data/owners.yml").read_text(encoding="utf-8")
    assert owners_text.startswith("# The maintained list of owners")  # comments kept
    assert manual.settings.default_owner == "policy-practice"  # it reviews what no other team owns
    assert "docs/data/settings.yml: default_owner changed to 'policy-practice'." in run.stdout


def test_rename_owner_into_an_existing_owner_merges_them(project):
    run = edit("rename-owner", project, "mash-strategic-group", "childrens-services", today=None)
    assert run.returncode == 0, run.output
    manual = load_manual(project, "2026-11-24")
    assert "mash-strategic-group" not in manual.vocabulary.owners
    assert "mash-strategic-group" in manual.vocabulary.owners["childrens-services"].formerly
    assert manual.get("fixture-referral").owner == "childrens-services"
    assert problems_of(project) == []


def test_rename_owner_refuses_unknown_and_already_renamed_keys(project):
    unknown = edit("rename-owner", project, "nobody", "somebody", today=None)
    assert unknown.returncode == 2 and "'nobody' is not a known owner" in unknown.stderr
    renamed = edit("rename-owner", project, "ccg", "icb-new", today=None)
    assert renamed.returncode == 2 and "'ccg' was already renamed to 'icb'" in renamed.stderr
    bad = edit("rename-owner", project, "icb", "Health Board", today=None)
    assert bad.returncode == 2 and "'Health Board' is not a valid owner key" in bad.stderr


# -- through the installed command ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said", "changed"),
    [
        (
            ["new", "--title", "Some guidance", "--type", "guidance", "--owner", "icb"],
            "Created procedures/responding-to-concerns/some-guidance.md",
            "procedures/responding-to-concerns/some-guidance.md",
        ),
        (["reviewed", "fixture-referral", "--summary", "Reviewed."], "version 2.0 -> 2.1", REFERRAL),
        (
            ["withdraw", "fixture-draft", "--summary", "Not going ahead."],
            "procedures/child-protection/draft.md: withdrawn (version 0.2).",
            "procedures/child-protection/draft.md",
        ),
        (
            ["rename-owner", "icb", "icb-new"],
            "docs/data/owners.yml: 'icb' renamed to 'icb-new'; 'icb' is listed under formerly.",
            "docs/data/owners.yml",
        ),
    ],
)
def test_each_editing_command_runs_as_installed(project, args, said, changed):
    before = (project / changed).read_bytes() if (project / changed).exists() else None
    run = smoke(*args, root=project, today="2026-11-24")
    assert run.returncode == 0, run.output
    assert said in run.stdout
    assert (project / changed).read_bytes() != before
    assert problems_of(project) == []


def test_a_dry_run_says_what_would_change_and_changes_nothing(project):
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    run = edit("reviewed", project, "fixture-referral", "--summary", "Reviewed.", "--dry-run")
    assert run.returncode == 0, run.output
    assert "version 2.0 -> 2.1; next review 24 November 2027" in run.stdout
    assert run.stdout.endswith("Nothing written (--dry-run).\n")
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before
