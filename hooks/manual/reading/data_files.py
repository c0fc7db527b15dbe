"""Reading the partnership's data files: each checked against its JSON Schema, then against the others.

docs/data/settings.yml, owners.yml, contacts.yml, tags.yml, glossary.yml and procedures/sections.yml
are each validated by docs/schema/<name>.schema.json, with the messages front matter gets (file,
line, field and what was expected). Code checks only what a schema cannot say: that a time zone
exists, that a term or a folder is listed once, and that a key names an entry of another file.
Every problem in every data file is reported at once.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from manual.model.glossary import GLOSSARY_FILE, GlossaryEntry
from manual.model.problems import ManualError, Problem
from manual.model.settings import SETTINGS_FILE, EmergencyLine, ReportProblem, Section, Settings
from manual.model.vocabulary import (
    CONTACTS_FILE,
    OWNERS_FILE,
    RETIRED_TERMS_FILE,
    TAGS_FILE,
    Contact,
    Owner,
    RetiredTerm,
    Vocabulary,
)
from manual.reading.schema import read_schema, schema_problems
from manual.reading.yamlfile import parse_yaml
from manual.words import did_you_mean, field_path

SCHEMA_DIR = Path("docs/schema")
SETTINGS = SETTINGS_FILE.as_posix()

Lines = dict[tuple, int]
Keys = dict[str, tuple[str, ...]]  # a data file -> the keys of its entries, in order


def read_data_file(
    root: Path, relative: Path | str, problems: list[Problem], schemas: Path | None = None
) -> tuple[Any, Lines]:
    """A data file's content and the line of each key, checked against docs/schema/<its name>.schema.json
    (of the manual at `schemas`, when the file is in another folder, such as a regional core being synced).

    Its problems are added to problems, and the content is then None."""
    relative = Path(relative).as_posix()
    try:
        data, lines = parse_yaml((root / relative).read_text(encoding="utf-8-sig"), relative)
    except FileNotFoundError:
        found = [Problem(relative, None, None, "file not found")]
    except UnicodeDecodeError:
        found = [Problem(relative, None, None, "not UTF-8 text; save the file as UTF-8")]
    except ManualError as error:
        found = error.problems
    else:
        found = schema_problems(data, lines, relative, _schema(schemas or root, relative))
        if not found:
            return data, lines
    problems += found
    return None, {}


def load_data_files(root: Path | str) -> tuple[Settings, Vocabulary, list[Section]]:
    """The settings, the vocabulary and the sections, or a ManualError listing every problem in them."""
    root = Path(root).resolve()
    problems: list[Problem] = []
    settings, lines = _settings(root, problems)
    vocabulary, keys = _vocabulary(root, problems)
    sections = _sections(settings, problems) if settings is not None else None
    if settings is not None:
        for at, key, listing in (
            (("emergency_line", "contact"), settings.emergency_line.contact, CONTACTS_FILE),
            (("emergency_line", "out_of_hours"), settings.emergency_line.out_of_hours, CONTACTS_FILE),
            (("default_owner",), settings.default_owner, OWNERS_FILE),
            *(
                [(("report_problem", "contact"), contact, CONTACTS_FILE)]
                if (contact := _report_contact(settings))
                else []
            ),
        ):
            _names_entry(problems, SETTINGS, lines, at, key, keys, listing)
        # the link is an email to that contact: one with no email address would leave every page without it
        contact = vocabulary.contacts.get(_report_contact(settings)) if vocabulary is not None else None
        if contact is not None and not contact.email:
            at = ("report_problem", "contact")
            message = f"{contact.key!r} has no email in {CONTACTS_FILE}; expected a contact with an email address"
            problems.append(Problem(SETTINGS, lines.get(at), field_path(at), message))
    _stop_for(problems)
    return settings, vocabulary, sections


def load_settings(root: Path | str) -> Settings:
    """The settings alone (for what needs only the time zone or the folders)."""
    problems: list[Problem] = []
    settings, _ = _settings(Path(root).resolve(), problems)
    _stop_for(problems)
    return settings


def load_vocabulary(root: Path | str) -> Vocabulary:
    """Owners, tags, contacts and the glossary alone."""
    problems: list[Problem] = []
    vocabulary, _ = _vocabulary(Path(root).resolve(), problems)
    _stop_for(problems)
    return vocabulary


def glossary_problems(glossary: tuple[GlossaryEntry, ...], known_ids: Collection[str]) -> list[Problem]:
    """Each `see` must be a document's id: known only once the documents are read."""
    return [
        Problem(
            GLOSSARY_FILE,
            entry.see_line,
            f"{entry.term}.see",
            f"{entry.see!r} is not the id of any document{did_you_mean(entry.see, known_ids)}",
        )
        for entry in glossary
        if entry.see and entry.see not in known_ids
    ]


def _stop_for(problems: list[Problem]) -> None:
    if problems:
        raise ManualError(sorted(problems, key=lambda problem: (problem.path, problem.line or 0)))


def _schema(root: Path, relative: str) -> Path:
    return root / SCHEMA_DIR / f"{Path(relative).stem}.schema.json"


def _settings(root: Path, problems: list[Problem]) -> tuple[Settings | None, Lines]:
    data, lines = read_data_file(root, SETTINGS_FILE, problems)
    if data is None:
        return None, lines
    properties = read_schema(_schema(root, SETTINGS))["properties"]  # its defaults; read_schema: no jsonschema
    values = {name: rule["default"] for name, rule in properties.items() if "default" in rule} | data
    try:
        ZoneInfo(values["timezone"])
    except (ValueError, OSError, ZoneInfoNotFoundError):
        where = SETTINGS, lines.get(("timezone",)), "timezone"
        problems.append(Problem(*where, f"got {values['timezone']!r}; expected a time zone name such as Europe/London"))
    settings = Settings(
        **values
        | {
            "root": root,
            "emergency_line": EmergencyLine(**values["emergency_line"]),
            "report_problem": ReportProblem(**values["report_problem"]) if values.get("report_problem") else None,
            "procedures_dir": root / values["procedures_dir"],
            # a whole number written 60.0 passes the schema, and must still work as a number of days or a month
            "due_soon_days": int(values["due_soon_days"]),
            "updated_days": int(values["updated_days"]),
            "update_months": tuple(int(month) for month in values["update_months"]),
        }
    )
    return settings, lines


def _report_contact(settings: Settings) -> str | None:
    return settings.report_problem.contact if settings.report_problem else None


def _vocabulary(root: Path, problems: list[Problem]) -> tuple[Vocabulary | None, Keys]:
    """The vocabulary (None when it has problems), and the keys of the files that could be read, for other files'
    references to them."""
    found: list[Problem] = []
    contacts, _ = read_data_file(root, CONTACTS_FILE, found)
    owners, owner_lines = read_data_file(root, OWNERS_FILE, found)
    tags, _ = read_data_file(root, TAGS_FILE, found)
    glossary, glossary_lines = read_data_file(root, GLOSSARY_FILE, found)
    # optional: a manual without the file refuses no terms
    retired = read_data_file(root, RETIRED_TERMS_FILE, found)[0] if (root / RETIRED_TERMS_FILE).exists() else []
    keys = {file: tuple(data) for file, data in ((CONTACTS_FILE, contacts), (OWNERS_FILE, owners)) if data is not None}
    for key, owner in (owners or {}).items():
        if "contact" in owner:
            _names_entry(found, OWNERS_FILE, owner_lines, (key, "contact"), owner["contact"], keys, CONTACTS_FILE)
    if glossary is not None:
        _listed_once(glossary, "term", GLOSSARY_FILE, glossary_lines, found)
    problems += found
    if found:
        return None, keys
    entries = (
        GlossaryEntry(**_stripped(entry), see_line=glossary_lines.get((index, "see")))
        for index, entry in enumerate(glossary)
    )
    return Vocabulary(
        owners={
            key: Owner(key, **entry | {"formerly": tuple(entry.get("formerly", ()))}) for key, entry in owners.items()
        },
        tags=tags,
        contacts={key: Contact(key, **entry) for key, entry in contacts.items()},
        glossary=tuple(sorted(entries, key=lambda entry: entry.term.lower())),
        retired_terms=tuple(RetiredTerm(**entry) for entry in retired or ()),
    ), keys


def _stripped(entry: dict[str, Any]) -> dict[str, Any]:
    return {name: value.strip() if isinstance(value, str) else value for name, value in entry.items()}


def _sections(settings: Settings, problems: list[Problem]) -> list[Section] | None:
    relative = settings.sections_file.relative_to(settings.root).as_posix()
    found: list[Problem] = []
    entries, lines = read_data_file(settings.root, relative, found)
    if entries is not None:
        _listed_once(entries, "folder", relative, lines, found)
    problems += found
    return None if found else [Section(entry["folder"], entry["title"]) for entry in entries]


def _names_entry(
    problems: list[Problem], path: str, lines: Lines, at: tuple, key: str, keys: Keys, listing: str
) -> None:
    """The key written at `at` must be one of the entries of the data file `listing` (when that could be read)."""
    entries = keys.get(listing, (key,))
    if key not in entries:
        message = f"{key!r} is not a key in {listing}{did_you_mean(key, entries)}"
        problems.append(Problem(path, lines.get(at), field_path(at), message))


def _listed_once(items: list[dict], name: str, path: str, lines: Lines, problems: list[Problem]) -> None:
    first: dict[str, int | None] = {}
    for index, item in enumerate(items):
        value, line = item[name].strip(), lines.get((index, name))
        if value in first:
            problems.append(
                Problem(
                    path,
                    line,
                    field_path((index, name)),
                    f"{value!r} is listed twice (lines {first[value]} and {line}); expected each {name} once",
                )
            )
        first.setdefault(value, line)
