"""The review schedule page and the register, as built; and the report agreeing with the built site."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from cli_helpers import manual
from conftest import make_project, run_build
from review_fixtures import BUILT_ON, review_site  # noqa: F401 - a fixture

TODAY = BUILT_ON
ALL_IDS = {
    "rr-referral",
    "rr-screening",
    "rr-conference",
    "rr-core-groups",
    "rr-allegations",
    "rr-neglect",
    "rr-draft",
    "rr-withdrawn",
}


@pytest.fixture(scope="module")
def built(review_site):
    return review_site


def schedule_rows(html: str, table: str) -> list[dict]:
    block = re.search(rf'<div class="manual-schedule" data-schedule="{table}".*?</table>', html, re.S)
    assert block, f"no {table} table"
    rows = []
    for row in re.finditer(r"<tr data-review-row (.*?)>(.*?)</tr>", block.group(0), re.S):
        attributes = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', row.group(1)))
        cells = [
            re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(2), re.S)
        ]
        href = re.search(r'href="([^"]+)"', row.group(2)).group(1)
        rows.append({**attributes, "cells": cells, "href": href})
    return rows


def test_the_register_json_has_one_record_per_document(built):
    data = json.loads((built.site / "register.json").read_text(encoding="utf-8"))
    assert data["as_of"] == TODAY
    assert data["count"] == 8
    records = {record["id"]: record for record in data["documents"]}
    assert set(records) == ALL_IDS
    assert records["rr-referral"] == {
        "id": "rr-referral",
        "title": "Making a referral",
        "url": "procedures/rr-referral/",
        "owner": {"key": "mash-strategic-group", "name": "MASH Strategic Group"},
        "status": "approved",
        "version": "1.0",
        "approved": "2024-01-10",
        "last_reviewed": "2025-01-10",
        "next_review": "2026-01-10",
        "state": "overdue",
        "state_label": "Review overdue by 318 days",
        "days_left": -318,
        "type": "procedure",
        "scope": "C",
        "layer": "local",
        "changed_since_edition": False,  # not changed since the edition the site was built from
    }
    draft = records["rr-draft"]
    assert (draft["status"], draft["state"], draft["approved"], draft["next_review"], draft["days_left"]) == (
        "draft",
        "not-reviewed",
        None,
        None,
        None,
    )
    assert records["rr-withdrawn"]["next_review"] is None  # off the review cycle
    assert records["rr-screening"]["days_left"] == 16
    # every record's URL is a page of the site
    for record in records.values():
        assert (built.site / record["url"] / "index.html").is_file()


def test_the_register_csv_matches_the_json(built):
    data = json.loads((built.site / "register.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((built.site / "register.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == [
        "id",
        "title",
        "url",
        "owner",
        "owner_name",
        "status",
        "version",
        "approved",
        "last_reviewed",
        "next_review",
        "state",
        "state_label",
        "days_left",
        "type",
        "scope",
        "layer",
        "edition",
        "changed_since_edition",
    ]
    assert [row["id"] for row in rows] == [record["id"] for record in data["documents"]]
    assert {row["edition"] for row in rows} == {data["edition"]["name"]}
    for row, record in zip(rows, data["documents"], strict=True):
        assert row["owner"] == record["owner"]["key"]
        assert row["owner_name"] == record["owner"]["name"]
        assert row["state"] == record["state"]
        assert row["next_review"] == (record["next_review"] or "")
        assert row["days_left"] == ("" if record["days_left"] is None else str(record["days_left"]))


def test_the_review_schedule_page(built):
    html = (built.site / "review-schedule" / "index.html").read_text(encoding="utf-8")
    assert "Review states are as of 24 November 2026, when the site was built." in html
    overdue = schedule_rows(html, "overdue")
    assert [row["cells"] for row in overdue] == [
        [
            "Making a referral",
            "MASH Strategic Group",
            "Approved",
            "Review overdue by 318 days",
            "10 January 2026",
            "Not measured",
        ],
        [
            "Allegations against staff",
            "LADO service",
            "Approved",
            "Review overdue by 1 day",
            "23 November 2026",
            "Not measured",
        ],
    ]
    coming = schedule_rows(html, "coming-up")
    assert [row["cells"][0] for row in coming] == ["Core groups", "Screening contacts [MASH]", "Neglect"]
    assert [row["cells"][3] for row in coming] == ["Review due today", "Review due in 16 days", "Current"]
    everything = schedule_rows(html, "all")
    assert len(everything) == 8
    assert [row["cells"] for row in everything[-2:]] == [  # off the review cycle: last, by title
        [
            "Old escalation protocol",
            "Policy and Procedures sub-group (to be confirmed)",
            "Withdrawn",
            "Not on the review cycle",
            "Not scheduled",
            "Not measured",
        ],
        [
            "Supervision standards",
            "Policy and Procedures sub-group (to be confirmed)",
            "Draft",
            "Not on the review cycle",
            "Not scheduled",
            "Not measured",
        ],
    ]
    for row in everything:  # every link leads to the document's page
        assert row["href"].startswith("../procedures/")
        assert (built.site / "review-schedule" / row["href"] / "index.html").resolve().is_file()
    # the filters: hidden until the script shows them, one option per owner and per state
    form = re.search(r"<form[^>]*data-schedule-filter[^>]*>", html).group(0)
    assert " hidden" in form
    owners = re.findall(
        r'<option value="([a-z-]+)">([^<]+)</option>',
        re.search(r'<select id="schedule-owner".*?</select>', html, re.S).group(0),
    )
    assert owners == [
        ("childrens-services", "Council children&#39;s services"),
        ("lado-service", "LADO service"),
        ("mash-strategic-group", "MASH Strategic Group"),
        ("neglect-strategic-group", "Neglect Strategic Group"),
        ("policy-procedures", "Policy and Procedures sub-group (to be confirmed)"),
    ]
    assert '<label for="schedule-owner">Owner</label>' in html
    assert '<label for="schedule-state">Review state</label>' in html
    assert 'href="../register.json"' in html and 'href="../register.csv"' in html


def test_the_review_schedule_is_in_the_navigation_under_about_this_manual(built):
    html = (built.site / "index.html").read_text(encoding="utf-8")
    nav = html[html.find("About this manual") :]
    assert 'href="review-schedule/"' in nav[:3000]


@pytest.fixture(scope="module")
def built_later_with_an_address(tmp_path_factory):
    """Built on another day, with site_url set, as the deploy workflow builds it."""
    root = make_project(tmp_path_factory.mktemp("review-site-later"), "review-reminders")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_url: https://procedures.example.org/\n" + config.read_text(encoding="utf-8"), encoding="utf-8"
    )
    build = run_build(root, LATER)
    assert build.returncode == 0, build.output
    return build


LATER = "2027-04-15"  # the conference procedure is due soon; everything else on the cycle is overdue


def test_register_urls_are_absolute_when_the_site_has_an_address(built_later_with_an_address):
    data = json.loads((built_later_with_an_address.site / "register.json").read_text(encoding="utf-8"))
    assert data["as_of"] == LATER
    assert {record["url"] for record in data["documents"]} == {
        f"https://procedures.example.org/procedures/{i}/" for i in ALL_IDS
    }


@pytest.mark.parametrize("which", ["built", "built_later_with_an_address"])
def test_the_report_and_the_site_agree_on_every_documents_state(request, which):
    build = request.getfixturevalue(which)
    today = TODAY if which == "built" else LATER
    root = build.root
    result = manual("report", "--all", "--format", "json", root=root, today=today)
    assert result.returncode in (0, 1), result.stderr
    from_report = {
        doc["id"]: (doc["state"], doc["state_label"])
        for owner in json.loads(result.stdout)["owners"]
        for doc in owner["documents"]
    }
    assert set(from_report) == ALL_IDS
    expected_states = (
        {"overdue", "due-soon", "current", "not-reviewed"}
        if which == "built"
        else {"overdue", "due-soon", "not-reviewed"}
    )
    assert {state for state, _ in from_report.values()} == expected_states
    html_schedule = (build.site / "review-schedule" / "index.html").read_text(encoding="utf-8")
    schedule = {row["href"].split("/")[-2]: row for row in schedule_rows(html_schedule, "all")}
    register = {r["id"]: r for r in json.loads((build.site / "register.json").read_text(encoding="utf-8"))["documents"]}
    for doc_id, (state, words) in from_report.items():
        page = build.html(doc_id)
        panel = re.search(r'<section class="manual-control manual-state--([a-z-]+)"', page)
        assert panel.group(1) == state, doc_id
        shown = re.search(r"data-review-state>([^<]*)<", page).group(1).strip()
        assert shown == words, doc_id
        assert ("manual-banner--overdue" in page) == (state == "overdue"), doc_id
        assert (schedule[doc_id]["state"], schedule[doc_id]["cells"][3]) == (state, words), doc_id
        assert (register[doc_id]["state"], register[doc_id]["state_label"]) == (state, words), doc_id
    # and the report's exit status says whether anything is overdue
    assert result.returncode == (1 if any(state == "overdue" for state, _ in from_report.values()) else 0)
