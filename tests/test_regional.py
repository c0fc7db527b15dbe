"""The regional core as a separate, versioned source: synced at a release, locked, and never edited here.

Each test syncs from a throwaway git repository with two tagged releases, as a region would publish them.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from cli_helpers import CONSOLE_SCRIPT, manual, smoke
from conftest import REPO, make_project, run_build
from fixture_documents import BODY, document

from manual.model.manual import load_manual
from manual.outputs.reminders import plan_issues
from manual.outputs.report import build_report

TODAY = "2026-11-24"
CHAPTER = "procedures/child-protection/{}.md"
OWNERS = "regional-group:\n  name: Regional procedures group\n  kind: regional group\n"


def chapter(doc_id: str, title: str, body: str = BODY) -> str:
    return document(id=doc_id, title=title, owner="regional-group", scope="A", body=body)


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Region", "-c", "user.email=region@example.invalid", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def release(core: Path, tag: str, files: dict[str, str], remove: tuple[str, ...] = ()) -> None:
    for name in remove:
        (core / name).unlink()
    for name, text in {"core.yml": f"name: Sample region\nrelease: '{tag}'\n", **files}.items():
        (core / name).parent.mkdir(parents=True, exist_ok=True)
        (core / name).write_text(text, encoding="utf-8")
    git(core, "add", "-A")
    git(core, "commit", "-q", "-m", f"Release {tag}")
    git(core, "tag", tag)


@pytest.fixture
def core(tmp_path) -> Path:
    """A region's repository: release 1.0 with two chapters; 1.1 changes one, withdraws the other, adds a third."""
    folder = tmp_path / "region"
    folder.mkdir()
    git(folder, "init", "-q")
    release(
        folder,
        "1.0",
        {
            "owners.yml": OWNERS,
            CHAPTER.format("regional-conferences"): chapter("regional-conferences", "Child protection conferences"),
            CHAPTER.format("regional-strategy"): chapter("regional-strategy", "Strategy discussions"),
        },
    )
    release(
        folder,
        "1.1",
        {
            CHAPTER.format("regional-conferences"): chapter(
                "regional-conferences",
                "Child protection conferences",
                BODY + "\n## Timescales\n\nWithin 15 working days.\n",
            ),
            CHAPTER.format("regional-core-groups"): chapter("regional-core-groups", "Core groups"),
        },
        remove=(CHAPTER.format("regional-strategy"),),
    )
    return folder


@pytest.fixture
def project(tmp_path, core) -> Path:
    return make_project(tmp_path)


def sync(root: Path, *args: str, today: str = TODAY):
    return manual("sync-regional", *args, root=root, today=today)


def test_a_release_is_synced_locked_and_built_as_the_regional_layer(project, core):
    run = sync(project, "--source", str(core), "--release", "1.0")
    assert run.returncode == 0, run.output
    assert "# Regional core: release 1.0" in run.stdout
    assert "- Added: regional-conferences, regional-strategy" in run.stdout
    lock = (project / "regional.lock.yml").read_text(encoding="utf-8")
    assert "release: '1.0'" in lock and "procedures/child-protection/regional-conferences.md:" in lock
    assert (project / "regional" / CHAPTER.format("regional-conferences")).exists()
    assert manual("check", root=project, today=TODAY).returncode == 0
    build = run_build(project, TODAY)
    assert build.returncode == 0, build.output
    page = (project / "site/procedures/regional-conferences/index.html").read_text(encoding="utf-8")
    assert "Child protection conferences" in page and "Regional procedures group" in page


def test_the_next_release_says_what_was_added_changed_and_withdrawn(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    run = sync(project, "--release", "1.1")  # the source is remembered in the lock
    assert run.returncode == 0, run.output
    assert "# Regional core: release 1.1 (was 1.0)" in run.stdout
    assert "- Added: regional-core-groups" in run.stdout
    assert "- Changed: regional-conferences" in run.stdout
    assert "- Withdrawn: regional-strategy" in run.stdout
    assert not (project / "regional" / CHAPTER.format("regional-strategy")).exists()
    lock = (project / "regional.lock.yml").read_text(encoding="utf-8")
    assert "changed_in: '1.1'" in lock and "changed_in: '1.0'" in lock  # owners.yml did not change


def test_a_regional_file_edited_here_fails_the_check_and_the_build_naming_it(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    edited = project / "regional" / CHAPTER.format("regional-strategy")
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA local change.\n", encoding="utf-8")
    expected = f"regional/{CHAPTER.format('regional-strategy')}: has been edited since regional release 1.0 was synced"
    check = manual("check", root=project, today=TODAY)
    assert check.returncode == 1 and check.stdout.startswith(expected), check.output
    build = run_build(project, TODAY)
    assert build.returncode == 1 and expected in build.output


def test_a_release_that_cannot_be_fetched_leaves_the_last_good_core(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    before = (project / "regional.lock.yml").read_text(encoding="utf-8")
    run = sync(project, "--release", "9.9")
    assert run.returncode == 3, run.output
    assert "error: the regional core was not synced; regional/ is as it was" in run.stderr
    assert "could not be fetched at 9.9" in run.stderr
    assert (project / "regional.lock.yml").read_text(encoding="utf-8") == before
    assert not list(project.glob(".regional-sync-*"))


def test_a_release_that_would_break_the_manual_is_not_swapped_in(project, core, tmp_path):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    release(
        core,
        "1.2",
        {CHAPTER.format("regional-conferences"): document(id="regional-conferences", owner="nobody", scope="A")},
    )
    run = sync(project, "--release", "1.2")
    assert run.returncode == 2, run.output
    assert "the release was not synced, because the manual would have problems" in run.stderr
    assert (
        f"regional/{CHAPTER.format('regional-conferences')}, line 5, field 'owner': 'nobody' is not a known owner"
        in run.stderr
    )
    assert "release: '1.0'" in (project / "regional.lock.yml").read_text(encoding="utf-8")


def test_a_local_document_cannot_reuse_a_regional_id(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    (project / CHAPTER.format("local-copy")).write_text(document(id="regional-strategy"), encoding="utf-8")
    check = manual("check", root=project, today=TODAY)
    assert check.returncode == 1
    assert check.stdout == (
        f"{CHAPTER.format('local-copy')}, line 2, field 'id': 'regional-strategy' is the id of the regional chapter "
        f"regional/{CHAPTER.format('regional-strategy')}; expected an id of the partnership's own "
        "(to add local information to that chapter, write a local addition)\n"
    )


def test_a_file_added_to_regional_by_hand_is_refused(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    (project / "regional" / CHAPTER.format("extra")).write_text(chapter("extra", "Extra"), encoding="utf-8")
    check = manual("check", root=project, today=TODAY)
    assert check.returncode == 1
    assert f"regional/{CHAPTER.format('extra')}: is not part of regional release 1.0" in check.stdout


def test_sync_regional_runs_as_installed(project, core):
    run = smoke("sync-regional", "--source", str(core), "--release", "1.0", root=project, today=TODAY)
    assert run.returncode == 0, run.output
    assert "- Added: regional-conferences, regional-strategy" in run.stdout


def reminder_issues(project: Path, today: str) -> list:
    """The reminder issues the weekly run would open for the manual, with none open yet."""
    return plan_issues(build_report(load_manual(project, today)), [])


def test_regional_chapters_are_reported_for_information_and_never_reach_an_owner(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    report = manual("report", "--format", "json", root=project, today="2027-01-01")  # a year after the review
    data = json.loads(report.stdout)
    assert {doc["id"] for doc in data["regional_for_information"]} == {"regional-conferences", "regional-strategy"}
    assert all(doc["id"].startswith("fixture") for owner in data["owners"] for doc in owner["documents"])
    markdown = manual("report", root=project, today="2027-01-01").stdout
    assert "## Regional chapters, for information" in markdown
    assert "Regional procedures group" not in markdown.split("## Regional chapters")[0]
    issues = reminder_issues(project, "2027-01-01")
    assert issues and "regional-group" not in {issue.owner for issue in issues}  # the fixture's own overdue documents
    assert all("Regional procedures group" not in issue.body and "regional-" not in issue.body for issue in issues)


def test_the_register_records_each_documents_layer_and_the_regional_release(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    assert run_build(project, TODAY).returncode == 0
    register = json.loads((project / "site/register.json").read_text(encoding="utf-8"))
    assert register["regional_core_release"] == "1.0"
    layers = {record["id"]: record["layer"] for record in register["documents"]}
    assert layers["regional-conferences"] == layers["regional-strategy"] == "regional"
    assert layers["fixture-referral"] == "local"
    assert "layer" in (project / "site/register.csv").read_text(encoding="utf-8").splitlines()[0]


# ---- local additions ------------------------------------------------------------------------------


def addition(
    doc_id: str = "local-conference-contacts", adds_to: str = "regional-conferences", at: str = "Who does what", **more
) -> str:
    fields = {
        "id": doc_id,
        "adds_to": adds_to,
        "at": at,
        "owner": "policy-procedures",
        "last_reviewed": TODAY,
        **more,
    }
    front = "".join(
        f"{key}: {value!r}\n" if isinstance(value, str) else f"{key}: {value}\n" for key, value in fields.items()
    )
    return f"---\n{front}---\n\nIn this area the conference chair's office sends invitations.\n"


def add(project: Path, name: str, text: str) -> None:
    folder = project / "local-additions"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.md").write_text(text, encoding="utf-8")


def test_a_local_addition_appears_inside_its_chapter_marked_as_local(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    add(project, "conference", addition())
    build = run_build(project, TODAY)
    assert build.returncode == 0, build.output
    page = (project / "site/procedures/regional-conferences/index.html").read_text(encoding="utf-8")
    who, _, _ = page.partition("</article>")
    section = who[who.index('id="who-does-what"') :]
    assert '<section class="manual-local-addition">' in section
    assert 'class="manual-local-addition__heading"' in section and "Local (Herefordshire) content" in section
    assert (
        "In this area the conference chair&#x27;s office sends invitations." in section or "chair's office" in section
    )
    assert "Policy and Procedures" in section  # its owner, in words
    assert "The regional text changed" not in page


def test_a_sync_that_changes_the_chapter_flags_exactly_its_additions(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    add(project, "conference", addition())
    add(project, "strategy", addition("local-strategy", "regional-strategy", "What to do now"))
    later = "2026-12-01"
    run = sync(project, "--release", "1.1", today=later)
    # regional-strategy is withdrawn in 1.1, so its addition would name no chapter: the sync is refused
    assert run.returncode == 2 and "'regional-strategy' is not the id of a regional chapter" in run.stderr
    (project / "local-additions/strategy.md").unlink()
    run = sync(project, "--release", "1.1", today=later)
    assert run.returncode == 0, run.output
    assert "- regional-conferences: local-additions/conference.md" in run.stdout
    assert run_build(project, later).returncode == 0
    html = (project / "site/procedures/regional-conferences/index.html").read_text(encoding="utf-8")
    assert "The regional text changed on 1 December 2026" in html
    report = manual("report", root=project, today=later).stdout
    assert "## Local additions to check" in report
    assert (
        "`local-additions/conference.md` (Who does what, in Child protection conferences): "
        "the regional text changed on 1 December 2026"
    ) in report
    schedule = words((project / "site/review-schedule/index.html").read_text(encoding="utf-8"))
    assert (
        "Child protection conferences: local information under \u201cWho does what\u201d The regional text changed on "
        "1 December 2026: check that this local information still fits."
    ) in schedule
    add(project, "conference", addition(checked=later))  # its owner has checked it
    assert "Local additions to check" not in manual("report", root=project, today=later).stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            addition(at="Contacts"),
            "local-additions/bad.md, line 4, field 'at': the chapter regional/procedures/child-protection/regional-conferences.md has no heading 'Contacts'",
        ),
        (
            addition(adds_to="fixture-referral"),
            "local-additions/bad.md, line 3, field 'adds_to': 'fixture-referral' is not the id of a regional chapter",
        ),
        (addition(owner="nobody"), "local-additions/bad.md, line 5, field 'owner': 'nobody' is not a known owner"),
    ],
)
def test_an_addition_that_cannot_be_placed_fails_naming_the_addition_and_field(project, core, text, message):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    add(project, "bad", text)
    check = manual("check", root=project, today=TODAY)
    assert check.returncode == 1 and check.stdout.startswith(message), check.output
    assert run_build(project, TODAY).returncode == 1


def test_two_additions_at_one_place_must_say_which_comes_first(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    add(project, "first", addition("first"))
    add(project, "second", addition("second"))
    check = manual("check", root=project, today=TODAY)
    assert check.returncode == 1
    assert (
        "local-additions/first.md, line 4, field 'order': local-additions/second.md also goes under 'Who does what'"
        in check.stdout
    )
    add(project, "first", addition("first", order=1))
    add(project, "second", addition("second", order=2))
    assert manual("check", root=project, today=TODAY).returncode == 0


def words(html_text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_text)).split())


def test_a_local_addition_due_for_review_reaches_its_owner_like_a_document(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    add(project, "conference", addition(last_reviewed="2025-06-01", checked=TODAY))  # reviewed every 12 months: overdue
    data = json.loads(manual("report", "--format", "json", root=project, today=TODAY).stdout)
    owner = next(section for section in data["owners"] if section["key"] == "policy-procedures")
    entry = next(doc for doc in owner["documents"] if doc["id"] == "local-conference-contacts")
    assert entry["state"] == "overdue" and entry["next_review"] == "2026-06-01"
    assert entry["path"] == "local-additions/conference.md" and entry["url"] == "procedures/regional-conferences/"
    assert entry["title"] == "Child protection conferences: local information under \u201cWho does what\u201d"
    assert "local-conference-contacts" not in {doc["id"] for doc in data["regional_for_information"]}
    (issue,) = [a for a in reminder_issues(project, TODAY) if a.owner == "policy-procedures"]
    assert issue.action == "open" and "local information under \u201cWho does what\u201d" in issue.body
    assert run_build(project, TODAY).returncode == 0
    register = json.loads((project / "site/register.json").read_text(encoding="utf-8"))
    assert "local-conference-contacts" not in {record["id"] for record in register["documents"]}  # documents only
    schedule = (project / "site/review-schedule/index.html").read_text(encoding="utf-8")
    overdue = words(schedule[schedule.index('data-schedule="overdue"') : schedule.index('data-schedule="coming-up"')])
    assert (
        "Child protection conferences: local information under \u201cWho does what\u201d Policy and Procedures"
        in overdue
    )


def test_renaming_an_owner_renames_it_in_local_additions_too(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    add(project, "conference", addition())
    run = manual("rename-owner", "policy-procedures", "procedures-team", root=project, today=TODAY)
    assert run.returncode == 0, run.output
    assert "local-additions/conference.md: owner changed to 'procedures-team'." in run.stdout
    assert "owner: procedures-team\n" in (project / "local-additions/conference.md").read_text(encoding="utf-8")
    assert manual("check", root=project, today=TODAY).returncode == 0


def test_reviewing_an_addition_records_both_dates_and_a_regional_chapter_is_not_edited_here(project, core):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    add(project, "conference", addition(last_reviewed="2025-06-01"))
    run = manual(
        "reviewed",
        "local-conference-contacts",
        "--summary",
        "Chair's office route confirmed.",
        root=project,
        today=TODAY,
    )
    assert run.returncode == 0, run.output
    text = (project / "local-additions/conference.md").read_text(encoding="utf-8")
    assert f"last_reviewed: {TODAY}\nchecked: {TODAY}\namendments:\n  - date: {TODAY}\n" in text
    assert "Chair's office route confirmed." in text
    assert manual("check", root=project, today=TODAY).returncode == 0
    for command in (
        ("reviewed", "regional-conferences", "--summary", "Reviewed here."),
        ("withdraw", "regional-strategy", "--summary", "Not needed."),
    ):
        refused = manual(*command, root=project, today=TODAY)
        assert refused.returncode == 2 and "is a regional chapter: the region reviews and changes it" in refused.stderr
    assert manual("check", root=project, today=TODAY).returncode == 0  # regional/ untouched


# ---- changes by layer ------------------------------------------------------------------------------


def test_changes_the_feed_and_the_bulletin_keep_the_regions_changes_apart_from_the_partnerships(
    project, core, tmp_path
):
    region_amended = document(
        id="regional-conferences",
        title="Child protection conferences",
        owner="regional-group",
        scope="A",
        amendments=[
            {"date": "2026-11-01", "version": "1.1", "summary": "Timescales brought into line with the region."}
        ],
    )
    release(core, "1.2", {CHAPTER.format("regional-conferences"): region_amended})
    assert sync(project, "--source", str(core), "--release", "1.2").returncode == 0
    add(
        project, "conference", addition(amendments=[{"date": "2026-11-20", "summary": "Chair's office contact added."}])
    )
    build = run_build(project, TODAY)
    assert build.returncode == 0, build.output

    changes = (project / "site/changes/index.html").read_text(encoding="utf-8")
    tables = re.findall(r"<table>\s*<caption>(.*?)</caption>(.*?)</table>", changes, flags=re.S)
    november = {caption: words(rows) for caption, rows in tables[:2]}
    assert list(november) == ["Regional chapters", "Local documents and local information"]
    assert (
        "Child protection conferences (version 1.1) Timescales brought into line with the region. 1 November 2026"
        in (november["Regional chapters"])
    )
    local = november["Local documents and local information"]
    assert (
        "Child protection conferences: local information under \u201cWho does what\u201d Chair's office contact added."
        in local
    )
    assert "Timescales" not in local
    recent = changes[changes.index('id="recently-updated"') : changes.index('id="changes-2026-11"')]
    assert recent.index('id="recently-updated-regional"') < recent.index('id="recently-updated-local"')

    feed = (project / "site/changes.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<entry>(.*?)</entry>", feed, flags=re.S)
    layers = {
        re.search(r"<title>(.*?)</title>", e).group(1): re.search(
            r'<category term="(\w+)" label="([^"]+)" scheme=', e
        ).groups()
        for e in entries
    }
    assert layers["Child protection conferences (version 1.1)"] == ("regional", "Regional chapters")
    assert layers["Child protection conferences: local information under \u201cWho does what\u201d"] == (
        "local",
        "Local documents and local information",
    )

    out = tmp_path / "bulletin"
    run = manual("bulletin", "--since", "2026-11-01", "--output-dir", str(out), root=project, today=TODAY)
    assert run.returncode == 0, run.output
    text = (out / f"bulletin-2026-11-01-to-{TODAY}.md").read_text(encoding="utf-8")
    regional, _, local = text.partition("## Local documents and local information")
    assert "## Regional chapters" in regional and "Timescales brought into line" in regional
    assert "Chair's office contact added" in local and "Timescales" not in local


# ---- the weekly sync ---------------------------------------------------------------------------------

FAKE_GH = """#!/bin/sh
# Stands in for GitHub's command: records each call; `pr list` prints the open pull request's number, if any.
echo "$*" >> "$GH_LOG"
if [ "$1 $2" = "pr list" ]; then cat "$GH_OPEN" 2>/dev/null; fi
while [ $# -gt 0 ]; do if [ "$1" = --body-file ]; then cp "$2" "$GH_BODY"; fi; shift; done
"""


def test_the_weekly_sync_proposes_a_new_release_in_one_pull_request_listing_the_additions_to_check(
    project, core, tmp_path
):
    assert sync(project, "--source", str(core), "--release", "1.0").returncode == 0
    add(project, "conference", addition())
    remote = tmp_path / "partnership.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "The manual on regional release 1.0")
    git(project, "remote", "add", "origin", str(remote))
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "gh").write_text(FAKE_GH, encoding="utf-8")
    (tools / "gh").chmod(0o755)
    log, body, open_pr = tmp_path / "gh.log", tmp_path / "body.md", tmp_path / "open-pr"
    env = {
        **os.environ,
        "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
        "MANUAL": str(CONSOLE_SCRIPT),
        "MANUAL_TODAY": TODAY,
        "GH_LOG": str(log),
        "GH_BODY": str(body),
        "GH_OPEN": str(open_pr),
        "GIT_AUTHOR_EMAIL": "sync@example.invalid",
    }

    def weekly() -> subprocess.CompletedProcess:
        return subprocess.run(
            ["bash", str(REPO / "scripts/regional-sync-pr.sh")], cwd=project, env=env, capture_output=True, text=True
        )

    def pushed_release() -> str:
        lock = subprocess.run(
            ["git", "--git-dir", str(remote), "show", "regional-sync:regional.lock.yml"], capture_output=True, text=True
        )
        return re.search(r"^release: '(.*)'$", lock.stdout, flags=re.M).group(1)

    run = weekly()
    assert run.returncode == 0, run.stdout + run.stderr
    assert pushed_release() == "1.1"
    assert (
        log.read_text(encoding="utf-8")
        .splitlines()[-1]
        .startswith("pr create --head regional-sync --title Regional core release 1.1 --body-file")
    )
    description = body.read_text(encoding="utf-8")
    assert "# Regional core: release 1.1 (was 1.0)" in description
    assert "- Changed: regional-conferences" in description and "- Withdrawn: regional-strategy" in description
    assert "- regional-conferences: local-additions/conference.md" in description
    assert "sets its `checked:` date" in description

    calls = len(log.read_text(encoding="utf-8").splitlines())
    again = weekly()  # the next week, with no new release
    assert again.returncode == 0 and "Nothing to propose" in again.stdout, again.stdout + again.stderr
    assert len(log.read_text(encoding="utf-8").splitlines()) == calls  # GitHub is not asked anything

    release(
        core,
        "1.2",
        {CHAPTER.format("regional-core-groups"): chapter("regional-core-groups", "Core groups", BODY + "\nMore.\n")},
    )
    open_pr.write_text("7\n", encoding="utf-8")  # the pull request for 1.1 is still open
    run = weekly()
    assert run.returncode == 0, run.stdout + run.stderr
    assert pushed_release() == "1.2"
    assert log.read_text(encoding="utf-8").splitlines()[-1].startswith("pr edit 7 --title Regional core release 1.2")

    # a release that would break the manual (the heading an addition attaches to is gone) is never pushed
    release(
        core,
        "1.3",
        {
            CHAPTER.format("regional-conferences"): chapter(
                "regional-conferences", "Child protection conferences", "## What to do now\n\nAct.\n"
            )
        },
    )
    run = weekly()
    assert run.returncode != 0 and "has no heading 'Who does what'" in run.stdout + run.stderr
    assert pushed_release() == "1.2"


# ---- a second partnership ---------------------------------------------------------------------------


def article_text(page: Path) -> str:
    """A page's article without its local additions, in words."""
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    article = re.sub(r'<section class="manual-local-addition">.*?</section>', "", article, flags=re.S)
    article = re.sub(r'<section class="manual-control.*?</section>', "", article, flags=re.S)  # its owner's contact
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


def test_two_partnerships_on_one_regional_core_share_its_chapters_and_keep_their_own(tmp_path, core):
    sites = {}
    for name, area in (
        ("Northshire Safeguarding Children Partnership", "Northshire"),
        ("Southshire Safeguarding Children Partnership", "Southshire"),
    ):
        folder = tmp_path / area.lower()
        run = manual(
            "new-partnership", str(folder), "--name", name, "--area", area, "--regional-source", str(core), "--release", "1.0",
            root=REPO, today=TODAY,
        )  # fmt: skip
        assert run.returncode == 0, run.output
        assert f"A new manual is ready in {folder}" in run.stdout
        assert "procedures-group" in (folder / "docs/data/owners.yml").read_text(encoding="utf-8")
        machinery = " ".join(
            f.read_text(encoding="utf-8") for f in [folder / "Makefile", *folder.glob(".github/workflows/*.yml")]
        )
        assert "regional-sync.yml" in {f.name for f in folder.glob(".github/workflows/*.yml")}
        needed = set(re.findall(r"scripts/[\w.-]+\.(?:sh|py)", machinery)) | {"package.json", "package-lock.json"}
        assert sorted(name for name in needed if not (folder / name).is_file()) == []  # what its workflows run is there
        add(
            folder,
            "conference",
            addition(owner="procedures-group").replace("the conference chair", f"the {area} conference chair"),
        )
        assert manual("check", root=folder, today=TODAY).returncode == 0
        build = run_build(folder, TODAY)
        assert build.returncode == 0, build.output
        sites[area] = folder / "site"
    north, south = sites["Northshire"], sites["Southshire"]
    chapters = sorted(p.relative_to(north).as_posix() for p in (north / "procedures").glob("regional-*/index.html"))
    assert chapters == sorted(
        p.relative_to(south).as_posix() for p in (south / "procedures").glob("regional-*/index.html")
    )
    assert chapters == ["procedures/regional-conferences/index.html", "procedures/regional-strategy/index.html"]
    for chapter in chapters:
        assert article_text(north / chapter) == article_text(south / chapter)
    for area, site in sites.items():
        page = (site / chapters[0]).read_text(encoding="utf-8")
        other = "Southshire" if area == "Northshire" else "Northshire"
        assert f"the {area} conference chair" in page and other not in page
        assert f"Local ({area}) content" in page
        assert f"{area} Safeguarding Children Partnership" in (site / "index.html").read_text(encoding="utf-8")
        contacts = (site / "contacts/index.html").read_text(encoding="utf-8")
        assert "to be confirmed" in contacts.lower()


def test_a_new_partnership_is_not_made_over_an_existing_folder(tmp_path, core):
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    run = manual(
        "new-partnership",
        str(folder),
        "--name",
        "X",
        "--area",
        "X",
        "--regional-source",
        str(core),
        root=REPO,
        today=TODAY,
    )
    assert run.returncode == 2 and "already exists and is not empty" in run.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_without_a_release_the_newest_tag_is_synced(project, core):
    run = sync(project, "--source", str(core))
    assert run.returncode == 0, run.output
    assert "# Regional core: release 1.1" in run.stdout
