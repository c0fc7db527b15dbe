"""`manual check`: only the given or changed documents, judged against the whole manual's ids."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml
from cli_helpers import manual, smoke
from conftest import REPO, make_project
from fixture_documents import document

NEW = "procedures/child-protection/new.md"


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


def check(root, *args):
    return manual("check", *args, root=root, today="2026-11-24")


def test_a_valid_document_passes(project):
    run = check(project, "procedures/child-protection/conference.md")
    assert run.returncode == 0, run.output
    assert run.stdout == ""
    assert "No problems in 1 document." in run.stderr


def test_each_problem_names_the_file_line_and_field(project):
    (project / NEW).write_text(document(id="new-doc", scope="D", version="2"), encoding="utf-8")
    run = check(project, NEW)
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert len(lines) == 2
    assert all(re.match(rf"^{re.escape(NEW)}, line \d+, field '\w+': ", line) for line in lines)
    assert f"{NEW}, line 7, field 'version': got '2'; expected" in run.stdout
    assert f"{NEW}, line 13, field 'scope': got 'D'; expected one of: A, B, C" in run.stdout
    assert "2 problems found in 1 document." in run.stderr


def test_an_unknown_owner_is_reported_with_a_suggestion(project):
    (project / NEW).write_text(document(id="new-doc", owner="policy-procedure"), encoding="utf-8")
    run = check(project, NEW)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        f"{NEW}, line 5, field 'owner': 'policy-procedure' is not a known owner; expected a key from docs/data/owners.yml (did you mean 'policy-procedures'?)"
    ]


def test_links_are_checked_against_documents_that_were_not_given(project):
    body = "## What to do now\n\nSee [the conference](doc:fixture-conference) and [nothing](doc:no-such-document).\n"
    (project / NEW).write_text(document(id="new-doc", related=["fixture-referral"], body=body), encoding="utf-8")
    line = (project / NEW).read_text().splitlines().index(body.splitlines()[2]) + 1
    run = check(project, NEW)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        f"{NEW}, line {line}, field 'link': 'no-such-document' is not the id of any document"
    ]


def test_an_id_used_by_another_document_is_reported(project):
    (project / NEW).write_text(document(id="fixture-referral"), encoding="utf-8")
    run = check(project, NEW)
    assert run.returncode == 1
    assert (
        f"{NEW}, line 2, field 'id': 'fixture-referral' is also the id of procedures/responding-to-concerns/referral.md"
        in run.stdout
    )


def test_a_link_to_a_superseded_document_names_its_replacement(tmp_path):
    root = make_project(
        tmp_path,
        files={
            "procedures/child-protection/old.md": document(
                id="old-doc", status="superseded", superseded_by="fixture-referral"
            ),
            NEW: document(id="new-doc", related=["old-doc"]),
        },
    )
    run = check(root, NEW)
    assert run.returncode == 1
    assert "field 'related': links to 'old-doc', which is superseded; link to 'fixture-referral' instead" in run.stdout


def test_problems_in_other_documents_are_not_reported(tmp_path):
    root = make_project(
        tmp_path, files={"procedures/child-protection/broken.md": document(id="broken", owner="nobody")}
    )
    run = check(root, "procedures/child-protection/conference.md")
    assert run.returncode == 0, run.output
    everything = check(root)
    assert everything.returncode == 1
    assert "procedures/child-protection/broken.md, line 5, field 'owner'" in everything.stdout
    assert "found in the whole manual" in everything.stderr


def test_files_that_are_not_documents_are_skipped(project):
    run = check(project, "mkdocs.yml")
    assert run.returncode == 0
    assert "No problems in 0 documents." in run.stderr


def test_changed_checks_only_what_git_sees_changed(project):
    git_repository(project)
    clean = check(project, "--changed")
    assert clean.returncode == 0 and "No problems in 0 documents." in clean.stderr
    conference = project / "procedures/child-protection/conference.md"
    conference.write_text(conference.read_text().replace("scope: A", "scope: D"), encoding="utf-8")
    (project / NEW).write_text(document(id="new-doc"), encoding="utf-8")
    run = check(project, "--changed")
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "procedures/child-protection/conference.md, line 13, field 'scope': got 'D'; expected one of: A, B, C"
    ]
    assert "1 problem found in 2 documents." in run.stderr


def git_repository(project):
    git = lambda *args: subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "start")


def test_a_deleted_document_checks_the_whole_manual(project):
    git_repository(project)
    (project / "procedures/child-protection/conference.md").unlink()
    run = check(project, "--changed")
    assert run.returncode == 1
    assert "'fixture-conference' is not the id of any document" in run.stdout  # the referral still links to it
    assert "the whole manual" in run.stderr


def test_a_file_that_does_not_exist_is_invalid_input(project):
    run = check(project, "procedures/child-protection/conferense.md")
    assert run.returncode == 2
    assert run.stderr == "error: procedures/child-protection/conferense.md: no such file\n"


def test_a_changed_data_file_checks_the_whole_manual(project):
    run = check(project, "docs/data/owners.yml")
    assert run.returncode == 0, run.output
    assert "No problems in the whole manual." in run.stderr


def test_the_pre_commit_hook_runs_the_fast_validation_on_changed_documents(project):
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]}
    hook = hooks["validate-documents"]
    assert hook["entry"] == ".venv/bin/manual check"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    assert files.search("procedures/child-protection/conference.md")
    assert files.search("docs/data/owners.yml")
    assert not files.search("README.md")
    # what pre-commit runs, from the repository's folder, on a document with a problem
    (project / NEW).write_text(document(id="new-doc", scope="D"), encoding="utf-8")
    run = smoke("check", NEW, root=project, today="2026-11-24")
    assert run.returncode == 1
    assert run.stdout == f"{NEW}, line 13, field 'scope': got 'D'; expected one of: A, B, C\n"
    assert run.stderr == "1 problem found in 1 document.\n"


def test_the_manual_is_found_from_a_folder_inside_it_and_files_are_named_from_there(project, monkeypatch):
    monkeypatch.chdir(project / "procedures" / "child-protection")
    run = manual("check", "conference.md", today="2026-11-24")
    assert run.returncode == 0, run.output
    assert run.stderr == "No problems in 1 document.\n"


def test_outside_a_copy_of_the_manual_it_asks_for_the_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = manual("check")
    assert run.returncode == 2
    assert run.stderr == (
        f"error: {tmp_path.resolve()} is not in a copy of the manual (no docs/data/settings.yml here or above); "
        "give --root DIR\n"
    )
