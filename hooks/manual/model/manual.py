"""Loading the whole manual: every file read and parsed once, validated, and checked across documents."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from stat import S_ISDIR, S_ISLNK
from typing import Any

from manual.model.document import Amendment, Document
from manual.model.levels import LevelsOfNeed, load_levels
from manual.model.problems import ManualError, Problem
from manual.model.review import Review
from manual.model.settings import Section, Settings
from manual.model.vocabulary import Vocabulary
from manual.reading.checks import cross_checks
from manual.reading.data_files import glossary_problems, load_data_files
from manual.reading.packed import Packed, pack
from manual.reading.record_cache import RecordCache, digest, open_cache, stamp
from manual.reading.today import resolve_today

SECTIONS_FILE = "sections.yml"
IGNORED_NAMES = {"README.md"}


@dataclass(slots=True)
class Source:
    """One Markdown file in procedures/: its record when valid, and its body either way."""

    path: str
    section: str
    body: str = ""
    body_line: int = 1
    document: Document | None = None
    data: Mapping[str, Any] = field(default_factory=dict)  # the raw front matter, packed (manual.packed)

    def __reduce__(self):  # pickled as a call, as Document is
        return Source, (self.path, self.section, self.body, self.body_line, self.document, self.data)


@dataclass
class Manual:
    settings: Settings
    vocabulary: Vocabulary
    sections: list[Section]
    sources: list[Source]
    problems: list[Problem]
    today: date
    levels: LevelsOfNeed | None = None  # the Levels of Need, when the manual has a threshold framework

    @property
    def documents(self) -> list[Document]:
        return [source.document for source in self.sources if source.document is not None]

    def __post_init__(self) -> None:
        self._by_id: dict[str, Document] = {}
        for doc in self.documents:
            self._by_id.setdefault(doc.id, doc)

    def get(self, doc_id: str) -> Document | None:
        return self._by_id.get(doc_id)

    def review(self, doc: Document) -> Review:
        return doc.review(self.today, self.settings.due_soon_days)

    def problems_for(self, path: str) -> list[Problem]:
        return [p for p in self.problems if p.path == path]


def load_manual(root: Path | str, today: date | str | None = None, paths: list[Path] | None = None) -> Manual:
    """Read the manual under root. Raises ManualError only when the data files themselves are unusable."""
    settings, vocabulary, sections = load_data_files(root)
    today = resolve_today(today, settings.timezone)
    known_folders = {section.folder for section in sections}
    problems: list[Problem] = []
    sources: list[Source] = []
    order = {section.folder: index for index, section in enumerate(sections)}
    root_prefix, procedures_prefix = settings.root.as_posix() + "/", settings.procedures_dir.as_posix() + "/"
    files = [path.as_posix() for path in paths] if paths is not None else _markdown_files(settings.procedures_dir)
    cache = open_cache(settings.root, [settings.procedures_dir / SECTIONS_FILE])
    for file in sorted(
        files, key=lambda f: f.split("/")
    ):  # paths as strings: thousands of Path objects cost more than the reading
        if file.rpartition("/")[2] in IGNORED_NAMES:
            continue
        try:
            status = os.lstat(file)  # one call answers "a folder?", "a link?" and "changed since the cache?"
        except OSError:
            status = None  # gone or unreadable: reading it says which
        if status is not None and S_ISDIR(status.st_mode):
            continue
        relative = file.removeprefix(root_prefix)
        if status is not None and S_ISLNK(status.st_mode):  # a link could publish a file from outside the manual
            problems.append(
                Problem(
                    relative,
                    None,
                    None,
                    "is a symbolic link; expected an ordinary file (copy the document here instead)",
                )
            )
            continue
        folder, _, name = file.removeprefix(procedures_prefix).partition("/")
        section = folder if name else ""
        if section not in known_folders:
            problems.append(
                Problem(
                    relative,
                    None,
                    None,
                    f"the folder {section or 'procedures/'!r} is not a section; put the file in a folder listed in {_sections_path(settings)}",
                )
            )
        source, found = _checked_source(file, status, relative, section, settings, vocabulary, cache)
        sources.append(source)
        problems += found
    if paths is not None:
        cache.keep_unread()
    cache.save()
    sources.sort(key=lambda s: (order.get(s.section, len(order)), (s.document.title.lower() if s.document else s.path)))
    documents = [s.document for s in sources if s.document is not None]
    problems += cross_checks(documents, vocabulary, today)
    problems += glossary_problems(vocabulary.glossary, {doc.id for doc in documents})
    levels, found = load_levels(settings, documents)
    problems += found
    return Manual(settings, vocabulary, sections, sources, sorted(set(problems), key=_problem_order), today, levels)


def _markdown_files(folder: Path) -> list[str]:
    """Every *.md file under folder, as rglob finds them (linked folders are not entered)."""
    return [f"{path}/{name}" for path, _, names in os.walk(folder) for name in names if name.endswith(".md")]


def _problem_order(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field or "", problem.message)


def _sections_path(settings: Settings) -> str:
    return (settings.procedures_dir / SECTIONS_FILE).relative_to(settings.root).as_posix()


def _checked_source(
    file: str,
    status: os.stat_result | None,
    relative: str,
    section: str,
    settings: Settings,
    vocabulary: Vocabulary,
    cache: RecordCache,
) -> tuple[Source, list[Problem]]:
    """The file's Source and its own problems: from the cache when the file is unchanged, else read and checked."""
    file_stamp = stamp(status) if status is not None else None
    cached = cache.unchanged(relative, file_stamp)
    if cached is not None:
        return cached
    try:
        with open(file, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        return Source(relative, section), [
            Problem(
                relative,
                None,
                None,
                f"the file cannot be read ({error.strerror or error}); expected a readable text file",
            )
        ]
    key = digest(raw)
    cached = cache.get(relative, key, file_stamp)
    if cached is not None:
        return cached
    from manual.reading.safety import (  # here: a run with every file cached needs neither
        content_problems,
        front_matter_problems,
    )

    source, problems = _read_source(raw, relative, section, settings)
    problems += content_problems(relative, source.body, source.body_line, vocabulary.contacts)
    if source.document is not None:
        problems += front_matter_problems(source.document, vocabulary.contacts)
    cache.put(relative, key, file_stamp, source, problems)
    return source, problems


def _read_source(raw: bytes, relative: str, section: str, settings: Settings) -> tuple[Source, list[Problem]]:
    from manual.reading.frontmatter import decode, parse_document_text
    from manual.reading.schema import schema_problems

    source = Source(relative, section)
    try:
        parsed = parse_document_text(decode(raw, relative), relative)
    except ManualError as error:
        return source, error.problems
    source.body, source.body_line, source.data = parsed.body, parsed.body_line, pack(parsed.data)
    problems = schema_problems(parsed.data, parsed.lines, relative, settings.schema_file)
    if not problems:
        source.document = _record(parsed.data, pack(parsed.lines), source, settings)
    return source, problems


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _record(data: dict[str, Any], lines: Packed, source: Source, settings: Settings) -> Document:
    approved = data.get("approved") or {}
    return Document(
        id=data["id"],
        title=data["title"].strip(),
        type=data["type"],
        owner=data["owner"],
        status=data["status"],
        version=data["version"],
        scope=data["scope"],
        levels=tuple(sorted(data["levels"])),
        audience=tuple(data["audience"]),
        tags=tuple(data["tags"]),
        summary=data["summary"].strip(),
        path=source.path,
        section=source.section,
        body=source.body,
        body_line=source.body_line,
        approved_on=_date(approved.get("date")),
        approved_by=approved.get("by"),
        last_reviewed=_date(data.get("last_reviewed")),
        next_review_given=_date(data.get("next_review")),
        review_interval=data.get("review_interval"),
        family_summary=(data.get("family_summary") or "").strip() or None,
        keywords=tuple(data.get("keywords", ())),
        related=tuple(data.get("related", ())),
        supersedes=tuple(data.get("supersedes", ())),
        superseded_by=data.get("superseded_by"),
        redirect_from=tuple(data.get("redirect_from", ())),
        legislation=tuple(data.get("legislation", ())),
        amendments=tuple(
            Amendment(date.fromisoformat(a["date"]), a["summary"].strip(), a.get("version"))
            for a in data.get("amendments", ())
        ),
        default_review_interval=settings.default_review_interval,
        field_lines=lines,
    )
