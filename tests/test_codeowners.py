""".github/CODEOWNERS is generated from the owners list, and a test fails when it is out of date."""

from __future__ import annotations

from cli_helpers import manual, smoke
from conftest import REPO, make_project
from fixture_documents import document


def test_the_repository_codeowners_file_is_up_to_date():
    run = smoke("codeowners", "--check", root=REPO)  # as the pre-commit hook runs it
    assert run.returncode == 0, f"{run.output}\nRun: .venv/bin/manual codeowners"
    assert run.stdout == ".github/CODEOWNERS is up to date.\n"
    assert (
        (REPO / ".github/CODEOWNERS")
        .read_text(encoding="utf-8")
        .startswith("# Generated from docs/data/owners.yml by `manual codeowners`: do not edit by hand.\n")
    )


def test_each_owner_with_a_team_reviews_its_own_documents_and_the_default_team_the_rest(tmp_path):
    root = make_project(tmp_path)
    run = manual("codeowners", root=root)
    assert run.returncode == 0, run.output
    lines = (root / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines()
    rules = [line for line in lines if line and not line.startswith("#")]
    assert rules[0] == "* @hscp-procedures/policy-procedures"
    # fixture-referral is owned by the MASH Strategic Group, which has a team; the others' owners do not
    # (policy-procedures is the default, so it needs no lines of its own)
    assert rules[1:] == ["/procedures/responding-to-concerns/referral.md @hscp-procedures/mash-strategic-group"]


def test_check_fails_with_the_difference_when_a_document_changes_owner(tmp_path):
    root = make_project(tmp_path)
    assert manual("codeowners", root=root).returncode == 0
    assert manual("codeowners", "--check", root=root).returncode == 0
    (root / "procedures/child-protection/exploitation.md").write_text(
        document(id="exploitation", owner="exploitation-missing"), encoding="utf-8"
    )
    stale = manual("codeowners", "--check", root=root)
    assert stale.returncode == 1
    assert stale.stderr.startswith(".github/CODEOWNERS is out of date; run: manual codeowners\n")
    assert "+/procedures/child-protection/exploitation.md @hscp-procedures/exploitation-missing" in stale.stderr
    assert manual("codeowners", root=root).returncode == 0
    assert manual("codeowners", "--check", root=root).returncode == 0


def test_check_fails_when_the_file_is_missing(tmp_path):
    root = make_project(tmp_path)
    run = manual("codeowners", "--check", root=root)
    assert run.returncode == 1
    assert ".github/CODEOWNERS is missing" in run.stderr


def test_a_malformed_team_is_reported_by_file_and_field(tmp_path):
    root = make_project(tmp_path)
    owners = root / "docs/data/owners.yml"
    text = owners.read_text(encoding="utf-8").replace("'@hscp-procedures/mash-strategic-group'", "mash team")
    owners.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  github_team: mash team") + 1
    run = manual("codeowners", root=root)
    assert run.returncode == 2
    assert (
        f"docs/data/owners.yml, line {line}, field 'mash-strategic-group.github_team': got 'mash team'; expected text. "
        "The GitHub team that reviews changes to this owner's documents, written @organisation/team-name" in run.stderr
    )


def test_renaming_an_owner_regenerates_codeowners(tmp_path):
    root = make_project(tmp_path)
    assert manual("codeowners", root=root).returncode == 0
    run = manual("rename-owner", "mash-strategic-group", "mash-board", root=root)
    assert run.returncode == 0, run.output
    assert ".github/CODEOWNERS: regenerated." in run.stdout
    assert "# MASH Strategic Group (mash-board)" in (root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert manual("codeowners", "--check", root=root).returncode == 0


def test_a_new_document_of_an_owner_with_a_team_is_added_to_codeowners(tmp_path):
    root = make_project(tmp_path)
    assert manual("codeowners", root=root).returncode == 0
    run = manual(
        "new",
        "--title",
        "Missing children update",
        "--type",
        "guidance",
        "--owner",
        "exploitation-missing",
        root=root,
        today="2026-11-24",
    )
    assert run.returncode == 0, run.output
    assert ".github/CODEOWNERS: regenerated." in run.stdout
    assert "/procedures/responding-to-concerns/missing-children-update.md @hscp-procedures/exploitation-missing" in (
        root / ".github/CODEOWNERS"
    ).read_text(encoding="utf-8")
    assert manual("codeowners", "--check", root=root).returncode == 0
