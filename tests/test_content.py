"""The shipped manual: structure, front matter, glossary coverage and contact details (not wording)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml
from conftest import REPO

from manual import load_manual

TODAY = "2026-11-24"
# Capitals that are words, not abbreviations needing a glossary entry.
NOT_ABBREVIATIONS = {"UK", "OK", "AI"}
# Pages families are likely to read carry a plain-language summary.
FAMILY_PAGES = {"child-protection-conferences", "mash-referral", "early-help-assessment", "levels-of-need"}


@pytest.fixture(scope="module")
def manual():
    return load_manual(REPO, TODAY)


def test_the_shipped_manual_has_no_problems(manual):
    assert [str(p) for p in manual.problems] == []


def test_the_manual_is_real(manual):
    documents = manual.documents
    assert len(documents) >= 35
    assert {doc.section for doc in documents} == {section.folder for section in manual.sections}
    counts = Counter(doc.type for doc in documents)
    assert counts["procedure"] >= 15 and counts["protocol"] >= 2 and counts["guidance"] >= 4
    states = Counter(manual.review(doc).state.value for doc in documents)
    assert states["current"] >= 20 and states["due-soon"] >= 1 and states["overdue"] >= 1
    assert any(doc.is_draft for doc in documents)
    assert any(doc.scope == "C" for doc in documents) and any(doc.scope == "A" for doc in documents)


@pytest.mark.parametrize("doc_id", sorted(FAMILY_PAGES))
def test_pages_families_read_have_a_plain_summary(manual, doc_id):
    doc = manual.get(doc_id)
    assert doc is not None and doc.family_summary


def _headings(body: str) -> list[str]:
    return re.findall(r"^(#{1,2}) (.+?)\s*$", body, re.M)


def test_every_document_has_the_required_structure(manual):
    for doc in manual.documents:
        headings = _headings(doc.body)
        assert headings, doc.path
        assert all(level == "##" for level, _ in headings), (
            f"{doc.path}: the title comes from front matter, not a # heading"
        )
        if doc.status in ("withdrawn", "superseded"):
            continue
        names = [name for _, name in headings]
        assert names[0] == "What to do now", doc.path
        assert "Who does what" in names, doc.path
        assert not {"Related documents", "Legislation"} & set(names), f"{doc.path}: rendered from front matter"
        assert len(doc.body.split()) >= 400, doc.path
        assert doc.legislation and doc.amendments, doc.path


def test_every_related_id_resolves(manual):
    for doc in manual.documents:
        for other in (*doc.related, *doc.supersedes, *([doc.superseded_by] if doc.superseded_by else [])):
            assert manual.get(other) is not None, f"{doc.path}: {other}"


def test_every_abbreviation_has_a_glossary_entry(manual):
    terms = {entry.term for entry in manual.vocabulary.glossary}
    assert len(terms) >= 80
    missing = Counter()
    # local additions are read inside their chapters, so their abbreviations need entries too
    for doc in [*manual.documents, *manual.additions]:
        text = re.sub(r"\]\([^)]*\)", "]", doc.body)  # not link targets
        for token in re.findall(r"(?<![\w/#-])([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)(?![\w-])", text):
            if re.search(r"[a-z]{2}", token):  # a product name such as DadPad, not an abbreviation
                continue
            singular = token[:-1] if token.endswith("s") else token
            if token not in terms and singular not in terms and token not in NOT_ABBREVIATIONS:
                missing[f"{token} ({doc.path})"] += 1
    assert not missing, sorted(missing)


def _contact_details():
    contacts = yaml.safe_load((REPO / "docs/data/contacts.yml").read_text(encoding="utf-8"))
    phones = {re.sub(r"\D", "", str(c["phone"])) for c in contacts.values() if c.get("phone")}
    emails = {str(c["email"]).lower() for c in contacts.values() if c.get("email")}
    return phones, emails


PHONE = re.compile(r"(?<![\w-])(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?![\w-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def test_no_contact_details_except_from_the_contacts_file():
    phones, emails = _contact_details()
    folders = ["procedures", "docs", "local-additions", "regional", "regional-core"]
    pages = [path for folder in folders for path in sorted((REPO / folder).rglob("*.md"))]
    assert any(path.is_relative_to(REPO / "local-additions") for path in pages)
    for path in pages:
        text = path.read_text(encoding="utf-8")
        for match in PHONE.finditer(text):
            assert re.sub(r"\D", "", match.group(0)) in phones, f"{path}: {match.group(0)}"
        for match in EMAIL.finditer(text):
            assert match.group(0).lower() in emails, f"{path}: {match.group(0)}"
