"""`manual report` over a fixture manual with fixed dates: content, grouping, formats and exit statuses."""

from __future__ import annotations

import csv
import io
import json

import pytest
from cli_helpers import manual, smoke
from conftest import make_project
from fixture_documents import document

TODAY = "2026-11-24"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("report"), "review-reminders")


def report(project, *args: str, env: dict | None = None):
    return manual("report", *args, root=project, env=env)


def sections(markdown: str) -> dict[str, list[str]]:
    """Owner heading -> its list items."""
    found: dict[str, list[str]] = {}
    current = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = line[3:]
            found[current] = []
        elif line.startswith("- ") and current:
            found[current].append(line[2:])
    return found


def test_the_markdown_report_lists_overdue_and_due_documents_by_owner(project):
    result = smoke("report", root=project, today=TODAY)  # as the weekly workflow runs it
    assert result.returncode == 1, result.stderr
    text = result.stdout
    assert text.startswith("# Review report, 24 November 2026\n")
    assert "2 documents are overdue for review and 2 are due within 60 days, across 3 owners." in text
    assert sections(text) == {
        "Council children's services": [
            "**Due soon:** [Core groups](procedures/rr-core-groups/): due 24 November 2026, due today",
        ],
        "LADO service": [
            "**Overdue:** [Allegations against staff](procedures/rr-allegations/): due 23 November 2026, 1 day overdue",
        ],
        "MASH Strategic Group": [
            "**Overdue:** [Making a referral](procedures/rr-referral/): due 10 January 2026, 318 days overdue",
            "**Due soon:** [Screening contacts \\[MASH\\]](procedures/rr-screening/): due 10 December 2026, 16 days left",
        ],
    }
    # current, draft and withdrawn documents are not listed
    for absent in ["Child protection conferences", "Neglect", "Supervision standards", "Old escalation protocol"]:
        assert absent not in text


def test_due_within_widens_the_window(project):
    result = report(project, "--today", TODAY, "--due-within", "90")
    assert result.returncode == 1
    assert "- **Current:** [Neglect](procedures/rr-neglect/): due 24 January 2027, 61 days left" in result.stdout
    assert "due within 90 days" in result.stdout
    narrow = report(project, "--today", TODAY, "--due-within", "0")
    assert list(sections(narrow.stdout)) == ["Council children's services", "LADO service", "MASH Strategic Group"]
    assert "Screening contacts" not in narrow.stdout


def test_nothing_overdue_exits_zero(project):
    result = report(project, "--today", "2025-06-01")
    assert result.returncode == 0, result.stderr
    assert "Nothing is overdue for review or due within 60 days." in result.stdout
    assert "## " not in result.stdout


def test_due_soon_only_exits_zero(project):
    # On 2 December 2025 only the referral (due 10 January 2026) is within 60 days, and nothing is overdue.
    result = report(project, "--today", "2025-12-02")
    assert result.returncode == 0
    assert "1 document is due within 60 days." in result.stdout
    assert "[Making a referral](procedures/rr-referral/): due 10 January 2026, 39 days left" in result.stdout


def test_today_comes_from_the_environment_when_not_given(project):
    result = report(project, env={"MANUAL_TODAY": "2025-06-01"})
    assert result.returncode == 0
    assert "# Review report, 1 June 2025" in result.stdout


def test_links_use_the_site_address(project):
    result = report(project, "--today", TODAY, "--site-url", "https://example.org/manual/")
    assert "[Making a referral](https://example.org/manual/procedures/rr-referral/)" in result.stdout


def test_links_use_site_url_from_mkdocs_yml(tmp_path):
    root = make_project(tmp_path, "review-reminders")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_url: https://procedures.example.org/\n" + config.read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = report(root, "--today", TODAY)
    assert "[Making a referral](https://procedures.example.org/procedures/rr-referral/)" in result.stdout


def test_json_report(project):
    result = report(project, "--today", TODAY, "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["today"] == TODAY
    assert data["due_within_days"] == 60
    assert (data["overdue"], data["due"]) == (2, 2)
    assert [owner["key"] for owner in data["owners"]] == ["childrens-services", "lado-service", "mash-strategic-group"]
    mash = data["owners"][2]
    assert mash["name"] == "MASH Strategic Group"
    assert (mash["overdue"], mash["due"]) == (1, 1)
    referral = mash["documents"][0]
    assert referral == {
        "id": "rr-referral",
        "title": "Making a referral",
        "url": "procedures/rr-referral/",
        "path": "procedures/responding/referral.md",
        "status": "approved",
        "version": "1.0",
        "next_review": "2026-01-10",
        "state": "overdue",
        "state_label": "Review overdue by 318 days",
        "days_left": -318,
        "timing": "318 days overdue",
    }


def test_csv_report(project, tmp_path):
    out = tmp_path / "out" / "report.csv"
    result = report(project, "--today", TODAY, "--format", "csv", "--output", str(out))
    assert result.returncode == 1
    assert result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(row["owner"], row["id"], row["state"], row["days_left"]) for row in rows] == [
        ("childrens-services", "rr-core-groups", "due-soon", "0"),
        ("lado-service", "rr-allegations", "overdue", "-1"),
        ("mash-strategic-group", "rr-referral", "overdue", "-318"),
        ("mash-strategic-group", "rr-screening", "due-soon", "16"),
    ]
    assert rows[2]["owner_name"] == "MASH Strategic Group"
    assert rows[2]["next_review"] == "2026-01-10"
    assert rows[3]["title"] == "Screening contacts [MASH]"


def test_all_lists_every_document(project):
    result = report(project, "--today", TODAY, "--all", "--format", "json")
    ids = {doc["id"]: doc["state"] for owner in json.loads(result.stdout)["owners"] for doc in owner["documents"]}
    assert ids == {
        "rr-referral": "overdue",
        "rr-allegations": "overdue",
        "rr-core-groups": "due-soon",
        "rr-screening": "due-soon",
        "rr-conference": "current",
        "rr-neglect": "current",
        "rr-draft": "not-reviewed",
        "rr-withdrawn": "not-reviewed",
    }


def test_email_ready_messages_per_owner_with_something_due(project, tmp_path):
    emails = tmp_path / "emails"
    result = report(project, "--today", TODAY, "--emails", str(emails))
    assert result.returncode == 1
    manifest = json.loads((emails / "messages.json").read_text(encoding="utf-8"))
    assert [m["owner"] for m in manifest] == ["childrens-services", "lado-service", "mash-strategic-group"]
    assert sorted(p.name for p in emails.iterdir()) == sorted(
        ["messages.json"] + [f"{m['owner']}.{part}.txt" for m in manifest for part in ("subject", "body")]
    )
    subject = (emails / "mash-strategic-group.subject.txt").read_text(encoding="utf-8")
    assert (
        subject
        == "Document reviews for the MASH Strategic Group: 1 overdue and 1 due within 60 days (24 November 2026)\n"
    )
    body = (emails / "mash-strategic-group.body.txt").read_text(encoding="utf-8")
    assert body.startswith("To the MASH Strategic Group,\n")
    assert (
        "Overdue for review (each stays in force until it is replaced):\n- Making a referral\n  Due 10 January 2026, 318 days overdue."
        in body
    )
    assert "Due for review soon:\n- Screening contacts [MASH]\n  Due 10 December 2026, 16 days left." in body
    assert "Allegations" not in body  # another owner's document
    lado = (emails / "lado-service.body.txt").read_text(encoding="utf-8")
    assert "Due for review soon" not in lado


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--today", "24/11/2026"], "'24/11/2026' is not a date; expected YYYY-MM-DD"),
        (["--today", TODAY, "--due-within", "soon"], "'soon' is not a whole number of days"),
        (["--today", TODAY, "--due-within", "-3"], "'-3' is negative"),
        (["--today", TODAY, "--format", "pdf"], "invalid choice: 'pdf'"),
        (["--today", TODAY, "--colour"], "unrecognized arguments: --colour"),
    ],
)
def test_bad_options_exit_two_with_a_clear_message(project, args, message):
    result = report(project, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_manual_with_problems_exits_two_naming_the_file_and_field(tmp_path):
    root = make_project(
        tmp_path,
        "review-reminders",
        files={"procedures/guidance/broken.md": document(id="rr-broken", owner="nobody-at-all")},
    )
    result = report(root, "--today", TODAY)
    assert result.returncode == 2
    assert "the manual has 1 problem; fix it first" in result.stderr
    assert "procedures/guidance/broken.md" in result.stderr
    assert "field 'owner'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_data_files_exit_two(tmp_path):
    root = make_project(tmp_path, "review-reminders")
    (root / "docs" / "data" / "owners.yml").unlink()
    result = report(root, "--today", TODAY)
    assert result.returncode == 2
    assert "docs/data/owners.yml: file not found" in result.stderr
    assert "Traceback" not in result.stderr
