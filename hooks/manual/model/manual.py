"""Loading the whole manual: every file read and parsed once, validated, and checked across documents."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from manual.model.additions import LocalAddition, headings
from manual.model.document import Amendment, Document
from manual.model.editions import Edition
from manual.model.levels import LevelsOfNeed, load_levels
from manual.model.problems import ManualError, Problem
from manual.model.readability import ACTION_FLOOR, ACTION_HEADING, Readability, readability
from manual.model.review import Review
from manual.model.settings import Section, Settings
from manual.model.vocabulary import Owner, Vocabulary
from manual.reading.additions import load_additions
from manual.reading.checks import cross_checks
from manual.reading.data_files import glossary_problems, load_data_files, read_data_file
from manual.reading.editions import read_editions
from manual.reading.frontmatter import decode, parse_document_text
from manual.reading.regional import CHAPTERS, REGIONAL_DIR, Lock, lock_problems, read_lock
from manual.reading.safety import content_problems, front_matter_problems
from manual.reading.schema import schema_problems
from manual.reading.terms import retired_term_problems
from manual.reading.today import resolve_today

SECTIONS_FILE = "sections.yml"
IGNORED_NAMES = {"README.md"}


@dataclass
class Source:
    """One Markdown file in procedures/: its record when valid, and its body either way."""

    path: str
    section: str
    layer: str = "local"
    body: str = ""
    body_line: int = 1
    document: Document | None = None
    data: dict[str, Any] = field(default_factory=dict)  # the raw front matter
    readability: Readability | None = None  # of a document in force or a draft (manual.model.readability)


@dataclass
class Manual:
    settings: Settings
    vocabulary: Vocabulary
    sections: list[Section]
    sources: list[Source]
    problems: list[Problem]
    today: date
    levels: LevelsOfNeed | None = None  # the Levels of Need, when the manual has a threshold framework
    editions: tuple[Edition, ...] = ()  # every edition in docs/data/editions.yml, oldest first (manual.model.editions)
    regional: Lock | None = None  # the regional core release in regional/, when the manual has one
    additions: list[LocalAddition] = field(default_factory=list)  # the partnership's additions to regional chapters

    def additions_to(self, doc: Document) -> list[LocalAddition]:
        return sorted((a for a in self.additions if a.adds_to == doc.id), key=lambda a: (a.at, a.order or 0))

    def regional_change(self, addition: LocalAddition) -> date | None:
        """The day the chapter an addition sits in last changed, when its owner has not checked it since."""
        chapter = self.get(addition.adds_to)
        if chapter is None or self.regional is None:
            return None
        return addition.regional_change(self.regional.changed_on(chapter.path.removeprefix(f"{REGIONAL_DIR}/")))

    @property
    def documents(self) -> list[Document]:
        return [source.document for source in self.sources if source.document is not None]

    def __post_init__(self) -> None:
        self._by_id: dict[str, Document] = {}
        self._sources = {source.path: source for source in self.sources}
        for doc in self.documents:
            self._by_id.setdefault(doc.id, doc)

    def get(self, doc_id: str) -> Document | None:
        return self._by_id.get(doc_id)

    def review(self, doc: Document) -> Review:
        return doc.review(self.today, self.settings.due_soon_days)

    def readability(self, doc: Document) -> Readability | None:
        return self._sources[doc.path].readability if doc.path in self._sources else None

    def problems_for(self, path: str) -> list[Problem]:
        return [p for p in self.problems if p.path == path]


def load_manual(
    root: Path | str,
    today: date | str | None = None,
    paths: list[Path] | None = None,
    regional_root: Path | None = None,
) -> Manual:
    """Read the manual under root. Raises ManualError only when the data files themselves are unusable.

    The regional layer is read from regional/ under regional_root (by default root; a sync checks a release
    in a folder of its own before it takes its place)."""
    edition_problems: list[Problem] = []
    editions = read_editions(Path(root).resolve(), edition_problems)
    try:
        settings, vocabulary, sections = load_data_files(root)
    except ManualError as error:  # every data file's problems at once
        raise ManualError(sorted(error.problems + edition_problems, key=_problem_order)) from None
    if edition_problems:
        raise ManualError(edition_problems)
    today = resolve_today(today, settings.timezone)
    regional_root = Path(regional_root or settings.root)
    lock, problems = read_lock(regional_root, schemas=settings.root)
    problems += lock_problems(regional_root, lock)
    regional_owners = _regional_owners(regional_root, settings.root, problems)
    if regional_owners:
        vocabulary = replace(vocabulary, owners=vocabulary.owners | regional_owners)
    known_folders = {section.folder for section in sections}
    sources: list[Source] = []
    order = {section.folder: index for index, section in enumerate(sections)}
    chapters = regional_root / REGIONAL_DIR / CHAPTERS
    if paths is not None:
        files = [(file, "local") for file in paths]
    else:  # linked folders are not entered
        files = [(file, "local") for file in settings.procedures_dir.rglob("*.md")]
        files += [(file, "regional") for file in chapters.rglob("*.md")]
    for file, layer in sorted(files):
        if layer == "regional":
            inside = file.relative_to(chapters).parts
            relative = f"{REGIONAL_DIR}/{CHAPTERS}/{'/'.join(inside)}"
            section = inside[0] if len(inside) > 1 else ""
            source, found = _read_source(file, relative, section, settings, vocabulary, layer)
            if section not in known_folders:
                found.append(
                    Problem(
                        relative,
                        None,
                        None,
                        f"the regional core's folder {section!r} is not a section; list it in {_sections_path(settings)}",
                    )
                )
            sources.append(source)
            problems += found
            continue
        if file.name in IGNORED_NAMES:
            continue
        relative = file.relative_to(settings.root).as_posix()
        if file.is_symlink():  # a link could publish a file from outside the manual
            problems.append(
                Problem(
                    relative,
                    None,
                    None,
                    "is a symbolic link; expected an ordinary file (copy the document here instead)",
                )
            )
            continue
        if file.is_dir():
            continue
        inside = file.relative_to(settings.procedures_dir).parts
        section = inside[0] if len(inside) > 1 else ""
        if section not in known_folders:
            problems.append(
                Problem(
                    relative,
                    None,
                    None,
                    f"the folder {section or 'procedures/'!r} is not a section; put the file in a folder listed in {_sections_path(settings)}",
                )
            )
        source, found = _read_source(file, relative, section, settings, vocabulary, layer)
        sources.append(source)
        problems += found
    sources.sort(key=lambda s: (order.get(s.section, len(order)), (s.document.title.lower() if s.document else s.path)))
    documents = [s.document for s in sources if s.document is not None]
    problems += cross_checks(documents, vocabulary, today)
    problems += glossary_problems(vocabulary.glossary, {doc.id for doc in documents})
    levels, found = load_levels(settings, documents)
    problems += found
    additions, found = load_additions(settings.root, documents, vocabulary, vocabulary.contacts)
    problems += found
    problems = sorted(set(problems), key=_problem_order)
    return Manual(settings, vocabulary, sections, sources, problems, today, levels, editions, lock, additions)


def _regional_owners(regional_root: Path, root: Path, problems: list[Problem]) -> dict[str, Owner]:
    """The regional groups that own the regional chapters, from the core's own owners.yml."""
    relative = f"{REGIONAL_DIR}/owners.yml"
    if not (regional_root / relative).exists():
        return {}
    data, _ = read_data_file(regional_root, relative, problems, schemas=root)
    return {
        key: Owner(key, **entry | {"formerly": tuple(entry.get("formerly", ()))}) for key, entry in (data or {}).items()
    }


def _problem_order(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field or "", problem.message)


def _sections_path(settings: Settings) -> str:
    return (settings.procedures_dir / SECTIONS_FILE).relative_to(settings.root).as_posix()


def _read_source(
    file: Path, relative: str, section: str, settings: Settings, vocabulary: Vocabulary, layer: str
) -> tuple[Source, list[Problem]]:
    """The file's Source (with its record when the front matter is valid) and the file's own problems."""
    source = Source(relative, section, layer)
    try:
        raw = file.read_bytes()
    except OSError as error:
        return source, [
            Problem(
                relative,
                None,
                None,
                f"the file cannot be read ({error.strerror or error}); expected a readable text file",
            )
        ]
    try:
        parsed = parse_document_text(decode(raw, relative), relative)
    except ManualError as error:
        return source, error.problems
    source.body, source.body_line, source.data = parsed.body, parsed.body_line, parsed.data
    problems = schema_problems(parsed.data, parsed.lines, relative, settings.schema_file)
    if not problems:
        source.document = _record(parsed.data, parsed.lines, source, settings)
        problems += front_matter_problems(source.document, vocabulary.contacts)
        if not source.document.is_retired:
            source.readability = readability(source.body)
            problems += readability_problems(source)
    problems += retired_term_problems(relative, source.body, source.body_line, vocabulary.retired_terms)
    return source, problems + content_problems(relative, source.body, source.body_line, vocabulary.contacts)


def readability_problems(source: Source) -> list[Problem]:
    found = source.readability
    if found is None or not found.action_below_floor:
        return []
    line = next((i for i, _, text in headings(source.body) if text.lower() == ACTION_HEADING), 0)
    return [
        Problem(
            source.path,
            source.body_line + line,
            None,
            f"'What to do now' has a Flesch reading ease of {found.action_ease:g}; expected at least {ACTION_FLOOR}:"
            " shorter sentences and everyday words (one action per step)",
        )
    ]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _record(data: dict[str, Any], lines: dict[tuple, int], source: Source, settings: Settings) -> Document:
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
        layer=source.layer,
        field_lines=lines,
    )
