"""The partnership's data files are checked by their JSON Schemas (docs/schema/), with the messages front
matter gets: file, line, field and what was expected. Each case writes one bad file into a small
partnership's data and reads the manual as the build and the commands do."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import make_project, run_build

from manual import ManualError, load_manual
from manual.model.settings import EmergencyLine, load_settings

# A small partnership: short files, so the line numbers below can be counted by eye.
SETTINGS = """\
partnership: Example Safeguarding Children Partnership
description: The example partnership's procedures.
area: Exampleshire
local_label: Local (Exampleshire) content
emergency_line:
  contact: mash
  text: Contact the MASH
  out_of_hours: business-unit
default_owner: policy-procedures
"""
OWNERS = """\
policy-procedures:
  name: Policy and Procedures sub-group
  contact: business-unit
  github_team: '@example/policy-procedures'
"""
CONTACTS = """\
mash:
  name: Multi-Agency Safeguarding Hub (MASH)
  phone: null
business-unit:
  name: Partnership business unit
  email: unit@example.org
"""
TAGS = "Referrals: Contacting the MASH and making a referral\n"
GLOSSARY = """\
- term: MASH
  stands_for: Multi-Agency Safeguarding Hub
  meaning: Where agencies screen every contact about a child together.
"""
SECTIONS = "- folder: responding-to-concerns\n  title: Responding to concerns\n"

DATA = {
    "docs/data/settings.yml": SETTINGS,
    "docs/data/owners.yml": OWNERS,
    "docs/data/contacts.yml": CONTACTS,
    "docs/data/tags.yml": TAGS,
    "docs/data/glossary.yml": GLOSSARY,
    "procedures/sections.yml": SECTIONS,
}


def problems_reading(tmp_path, files: dict[str, str]) -> list[str]:
    """What the editor is told about the data files: the files given, the small partnership's for the rest."""
    root = make_project(tmp_path, None, DATA | files)
    with pytest.raises(ManualError) as error:
        load_manual(root, "2026-11-24")
    return [str(problem) for problem in error.value.problems]


def test_the_small_partnership_is_valid_and_a_setting_left_out_takes_its_default(tmp_path):
    root = make_project(tmp_path, None, DATA)
    manual = load_manual(root, "2026-11-24")
    settings = manual.settings
    assert (settings.partnership, settings.area, settings.local_label) == (
        "Example Safeguarding Children Partnership",
        "Exampleshire",
        "Local (Exampleshire) content",
    )
    assert settings.emergency_line == EmergencyLine(
        contact="mash", text="Contact the MASH", out_of_hours="business-unit"
    )
    assert settings.default_owner == "policy-procedures"
    assert (settings.due_soon_days, settings.updated_days, settings.update_months) == (60, 30, (3, 9))
    assert (settings.timezone, settings.default_review_interval) == ("Europe/London", "12 months")
    assert settings.procedures_dir == root / "procedures"
    assert manual.vocabulary.contacts["mash"].phone is None  # a detail not yet known may be left empty
    assert manual.vocabulary.owners["policy-procedures"].github_team == "@example/policy-procedures"
    assert [entry.stands_for for entry in manual.vocabulary.glossary] == ["Multi-Agency Safeguarding Hub"]
    assert [(section.folder, section.title) for section in manual.sections] == [
        ("responding-to-concerns", "Responding to concerns")
    ]


def test_the_shipped_settings_name_the_partnership_and_where_its_emergency_line_points():
    settings = load_settings(".")
    assert settings.area == "Herefordshire"
    assert settings.local_label == "Local (Herefordshire) content"
    assert settings.emergency_line == EmergencyLine(
        contact="mash", text="Contact the MASH", out_of_hours="out-of-hours"
    )
    assert settings.default_owner == "policy-procedures"


CASES = {
    # settings.yml
    "a misspelt setting": (
        "docs/data/settings.yml",
        SETTINGS + "due_son_days: 30\n",
        ["docs/data/settings.yml, line 10, field 'due_son_days': unknown field; did you mean 'due_soon_days'?"],
    ),
    "a required setting left out": (
        "docs/data/settings.yml",
        SETTINGS.replace("area: Exampleshire\n", ""),
        [
            "docs/data/settings.yml, field 'area': missing; expected text. The place the partnership serves, "
            'as it reads in a sentence such as "services in Herefordshire".'
        ],
    ),
    "days out of range": (
        "docs/data/settings.yml",
        SETTINGS + "due_soon_days: 400\n",
        [
            "docs/data/settings.yml, line 10, field 'due_soon_days': got 400; expected a whole number. "
            "A document is due soon when its next review falls within this many days, from 0 to 366."
        ],
    ),
    "days as words": (
        "docs/data/settings.yml",
        SETTINGS + "updated_days: soon\n",
        [
            "docs/data/settings.yml, line 10, field 'updated_days': got 'soon'; expected a whole number. "
            "A document amended within this many days is marked Updated, from 0 to 366."
        ],
    ),
    "a month that is not one": (
        "docs/data/settings.yml",
        SETTINGS + "update_months: [3, 13]\n",
        ["docs/data/settings.yml, line 10, field 'update_months[1]': got 13; expected a whole number from 1 to 12"],
    ),
    "an interval that is not one": (
        "docs/data/settings.yml",
        SETTINGS + "default_review_interval: yearly\n",
        [
            "docs/data/settings.yml, line 10, field 'default_review_interval': got 'yearly'; expected text. When a "
            "document's next review is due if it gives neither next_review nor review_interval, "
            'for example "12 months" or "2 years".'
        ],
    ),
    "a time zone that does not exist": (
        "docs/data/settings.yml",
        SETTINGS + "timezone: Mars/Olympus\n",
        [
            "docs/data/settings.yml, line 10, field 'timezone': got 'Mars/Olympus'; "
            "expected a time zone name such as Europe/London"
        ],
    ),
    "the emergency line without its words": (
        "docs/data/settings.yml",
        SETTINGS.replace("  text: Contact the MASH\n", ""),
        [
            "docs/data/settings.yml, line 5, field 'emergency_line.text': missing; expected text. "
            'The link\'s words, for example "Contact the MASH".'
        ],
    ),
    "the emergency line pointing at no contact": (
        "docs/data/settings.yml",
        SETTINGS.replace("contact: mash", "contact: mahs"),
        [
            "docs/data/settings.yml, line 6, field 'emergency_line.contact': 'mahs' is not a key in "
            "docs/data/contacts.yml (did you mean 'mash'?)"
        ],
    ),
    "a default owner that is no owner": (
        "docs/data/settings.yml",
        SETTINGS.replace("default_owner: policy-procedures", "default_owner: policy-procedure"),
        [
            "docs/data/settings.yml, line 9, field 'default_owner': 'policy-procedure' is not a key in "
            "docs/data/owners.yml (did you mean 'policy-procedures'?)"
        ],
    ),
    "a list instead of settings": (
        "docs/data/settings.yml",
        "- partnership: Example\n",
        [
            "docs/data/settings.yml: got a list; expected a set of 'field: value' lines. The partnership's name and "
            "place, and the settings the build and the commands read. A setting with a default may be left out, "
            "and then takes it."
        ],
    ),
    # owners.yml
    "an owner without a name": (
        "docs/data/owners.yml",
        OWNERS + "lado-service:\n  kind: service\n",
        [
            "docs/data/owners.yml, line 5, field 'lado-service.name': missing; expected text. "
            "The owner's display name, for example Policy and Procedures sub-group."
        ],
    ),
    "an owner's contact that is no contact": (
        "docs/data/owners.yml",
        OWNERS + "lado-service:\n  name: LADO service\n  contact: lado\n",
        ["docs/data/owners.yml, line 7, field 'lado-service.contact': 'lado' is not a key in docs/data/contacts.yml"],
    ),
    "a GitHub team written without its organisation": (
        "docs/data/owners.yml",
        OWNERS.replace("'@example/policy-procedures'", "policy team"),
        [
            "docs/data/owners.yml, line 4, field 'policy-procedures.github_team': got 'policy team'; expected text. "
            "The GitHub team that reviews changes to this owner's documents, written @organisation/team-name "
            "and in quotes."
        ],
    ),
    "former keys not written as a list": (
        "docs/data/owners.yml",
        OWNERS + "  formerly: policy-group\n",
        [
            "docs/data/owners.yml, line 5, field 'policy-procedures.formerly': got 'policy-group'; expected a list "
            "(one '- item' per line, or [a, b]). The owner's former keys, so that documents still naming one "
            "are told the key to use now."
        ],
    ),
    "a misspelt owner field": (
        "docs/data/owners.yml",
        OWNERS + "  formerley: [policy-group]\n",
        ["docs/data/owners.yml, line 5, field 'policy-procedures.formerley': unknown field; did you mean 'formerly'?"],
    ),
    # contacts.yml
    "a phone number not in quotes": (
        "docs/data/contacts.yml",
        CONTACTS + "  phone: 999\n",
        [
            "docs/data/contacts.yml, line 7, field 'business-unit.phone': got 999; expected text. "
            'The phone number, in quotes, for example "01432 260100".'
        ],
    ),
    "a contact without a name": (
        "docs/data/contacts.yml",
        CONTACTS + "lado:\n  email: lado@example.org\n",
        [
            "docs/data/contacts.yml, line 7, field 'lado.name': missing; expected text. "
            "The service's name, for example Multi-Agency Safeguarding Hub (MASH)."
        ],
    ),
    "confirmed as a word": (
        "docs/data/contacts.yml",
        CONTACTS + "  confirmed: maybe\n",
        [
            "docs/data/contacts.yml, line 7, field 'business-unit.confirmed': got 'maybe'; expected true or false. "
            "true once the partnership support team has checked the details; until then they show as to be confirmed."
        ],
    ),
    # tags.yml
    "a tag without its description": (
        "docs/data/tags.yml",
        TAGS + "Early help:\n",
        [
            "docs/data/tags.yml, line 2, field 'Early help': got nothing; expected text. "
            "What the tag covers, in one line, for example Contacting the MASH and making a referral."
        ],
    ),
    # glossary.yml
    "a term without its meaning": (
        "docs/data/glossary.yml",
        GLOSSARY + "- term: LADO\n  stands_for: Local Authority Designated Officer\n",
        [
            "docs/data/glossary.yml, line 4, field '[1].meaning': missing; expected text. "
            "What the term means, in a sentence or two."
        ],
    ),
    "a term listed twice": (
        "docs/data/glossary.yml",
        GLOSSARY + "- term: MASH\n  meaning: The hub.\n",
        [
            "docs/data/glossary.yml, line 4, field '[1].term': 'MASH' is listed twice (lines 1 and 4); "
            "expected each term once"
        ],
    ),
    "a misspelt glossary field": (
        "docs/data/glossary.yml",
        GLOSSARY.replace("stands_for", "stand_for"),
        ["docs/data/glossary.yml, line 2, field '[0].stand_for': unknown field; did you mean 'stands_for'?"],
    ),
    # procedures/sections.yml
    "a section without its title": (
        "procedures/sections.yml",
        SECTIONS + "- folder: child-protection\n",
        [
            "procedures/sections.yml, line 3, field '[1].title': missing; expected text. "
            "The section's title in the navigation, for example Child protection processes."
        ],
    ),
    "a folder listed twice": (
        "procedures/sections.yml",
        SECTIONS + "- folder: responding-to-concerns\n  title: Responding again\n",
        [
            "procedures/sections.yml, line 3, field '[1].folder': 'responding-to-concerns' is listed twice "
            "(lines 1 and 3); expected each folder once"
        ],
    ),
    "a folder given as a path": (
        "procedures/sections.yml",
        "- folder: procedures/responding-to-concerns\n  title: Responding to concerns\n",
        [
            "procedures/sections.yml, line 1, field '[0].folder': got 'procedures/responding-to-concerns'; "
            "expected text. The section's folder inside procedures/, for example child-protection "
            "(a name, without slashes)."
        ],
    ),
}


@pytest.mark.parametrize(("path", "text", "expected"), CASES.values(), ids=CASES.keys())
def test_a_bad_data_file_is_reported_by_file_line_field_and_what_was_expected(tmp_path, path, text, expected):
    assert problems_reading(tmp_path, {path: text}) == expected


def test_every_data_file_problem_is_reported_at_once(tmp_path):
    problems = problems_reading(
        tmp_path,
        {
            "docs/data/settings.yml": SETTINGS + "timezone: Mars/Olympus\n",
            "docs/data/owners.yml": OWNERS + "lado-service:\n  kind: service\n",
            "procedures/sections.yml": SECTIONS + "- title: Child protection\n",
        },
    )
    assert [problem.split(",")[0] for problem in problems] == [
        "docs/data/owners.yml",
        "docs/data/settings.yml",
        "procedures/sections.yml",
    ]


def test_a_glossary_entry_must_point_at_a_document(tmp_path):
    """Checked once the documents are read, so it is one of the manual's problems rather than a stop."""
    root = make_project(tmp_path, "basic")
    glossary = root / "docs/data/glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8") + "- term: Referral\n  meaning: A request.\n  see: fixture-referal\n"
    )
    line = len(glossary.read_text(encoding="utf-8").splitlines())
    assert [str(problem) for problem in load_manual(root, date(2026, 11, 24)).problems] == [
        f"docs/data/glossary.yml, line {line}, field 'Referral.see': 'fixture-referal' is not the id of any "
        "document (did you mean 'fixture-referral'?)"
    ]


def test_the_build_lists_every_data_file_problem_and_builds_nothing(tmp_path):
    root = make_project(tmp_path, "basic")
    owners, settings = root / "docs/data/owners.yml", root / "docs/data/settings.yml"
    owners_text = owners.read_text(encoding="utf-8").replace("contact: lado", "contact: lado-team")
    settings_text = settings.read_text(encoding="utf-8").replace("contact: mash", "contact: the-mash")
    owners.write_text(owners_text, encoding="utf-8")
    settings.write_text(settings_text, encoding="utf-8")
    owner_line = owners_text.splitlines().index("  contact: lado-team") + 1
    settings_line = settings_text.splitlines().index("  contact: the-mash") + 1
    build = run_build(root)
    assert build.returncode != 0
    assert (
        f"ERROR   -  manual: docs/data/owners.yml, line {owner_line}, field 'lado-service.contact': 'lado-team' is "
        "not a key in docs/data/contacts.yml (did you mean 'lado'?)" in build.output
    )
    assert (
        f"ERROR   -  manual: docs/data/settings.yml, line {settings_line}, field 'emergency_line.contact': 'the-mash' "
        "is not a key in docs/data/contacts.yml (did you mean 'mash'?)" in build.output
    )
    assert "nothing was built" in build.output
    assert "Traceback" not in build.output
    assert not (root / "site" / "index.html").exists()
