"""Checking only some documents, fast: for pre-commit hooks and editors.

The named files get every check the build makes of a single file (front matter, schema, section)
through load_manual(paths=...). The checks across documents then run against the front matter of
every other document (id, status, replacements, former ids), read but not validated, so that links,
duplicate ids and replacements are judged against the whole manual.
Changes to the data files or the schema affect every document, so they check everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from manual.model.additions import ADDITIONS_DIR
from manual.model.document import STATUS_LABELS, Document
from manual.model.manual import IGNORED_NAMES, load_manual
from manual.model.problems import ManualError, Problem
from manual.model.settings import load_settings
from manual.reading.checks import cross_checks
from manual.reading.frontmatter import decode, parse_document_text
from manual.reading.regional import LOCK_FILE, REGIONAL_DIR
from manual.reading.site_config import page_clash_problems

# A change to any of these can affect every document. The regional layer brings ids, owners and headings that
# local documents and additions rely on, and an addition is checked against its chapter, so they check the whole.
SHARED_INPUTS = (
    "docs/data/",
    "docs/schema/",
    "procedures/sections.yml",
    f"{REGIONAL_DIR}/",
    LOCK_FILE,
    f"{ADDITIONS_DIR}/",
)


@dataclass
class Validation:
    checked: list[str]  # the documents checked, relative to the root
    problems: list[Problem]
    everything: bool  # True when the whole manual was checked

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_manual(root: Path | str, today: date | str | None = None) -> Validation:
    """Everything the build checks, without the build: the manual's own checks, then the one that needs the
    site's pages (page_clash_problems)."""
    manual = load_manual(root, today)
    problems = manual.problems or page_clash_problems(manual.settings.root, manual.documents)
    return Validation([s.path for s in manual.sources], problems, everything=True)


def validate_files(root: Path | str, files: list[Path | str], today: date | str | None = None) -> Validation:
    """Check the named files (paths relative to root, or absolute). Others are read for their ids only."""
    settings = load_settings(root)
    root = settings.root
    procedures = settings.procedures_dir
    wanted: list[Path] = []
    for name in files:
        path = Path(name) if Path(name).is_absolute() else root / name
        path = path.resolve()
        try:
            relative = path.relative_to(root).as_posix()
        except ValueError:
            raise ManualError(Problem(str(name), None, None, f"is not inside the manual at {root}")) from None
        if relative.startswith(SHARED_INPUTS) or relative == (procedures / "sections.yml").relative_to(root).as_posix():
            return validate_manual(root, today)
        if not path.is_relative_to(procedures) or path.suffix != ".md" or path.name in IGNORED_NAMES:
            continue  # not a document: nothing to check here
        if not path.exists():  # deleted or moved: links to it elsewhere can only be seen by checking everything
            return validate_manual(root, today)
        wanted.append(path)
    if not wanted:
        return Validation([], [], everything=False)
    manual = load_manual(root, today, paths=wanted)
    checked = {source.path for source in manual.sources}
    given = manual.documents
    # Problems of each file on its own: what load_manual found, less its checks among the named files only.
    alone = set(cross_checks(given, manual.vocabulary, manual.today))
    problems = {p for p in manual.problems if p.path in checked and p not in alone}
    named = set(wanted)
    others = [
        _stub(path, root)
        for path in sorted(procedures.rglob("*.md"))
        if path not in named and path.name not in IGNORED_NAMES
    ]
    across = cross_checks(given + [doc for doc in others if doc is not None], manual.vocabulary, manual.today)
    problems.update(p for p in across if p.path in checked)
    return Validation(
        sorted(checked),
        sorted(problems, key=lambda p: (p.path, p.line or 0, p.field or "", p.message)),
        everything=False,
    )


def _stub(path: Path, root: Path) -> Document | None:
    """Just enough of another document for the checks across documents: what it is called and whether it is in force."""
    relative = path.relative_to(root).as_posix()
    try:
        data = parse_document_text(decode(path.read_bytes(), relative), relative).data
    except (ManualError, OSError):
        return None
    if not isinstance(data.get("id"), str):
        return None

    def strings(value: object) -> tuple[str, ...]:
        return tuple(str(v) for v in value) if isinstance(value, list) else ()

    status = data.get("status") if data.get("status") in STATUS_LABELS else "draft"
    return Document(
        id=data["id"],
        title=str(data.get("title", data["id"])),
        type="procedure",
        owner=str(data.get("owner", "")),
        status=status,
        version=str(data.get("version", "")),
        scope="C",
        levels=(),
        audience=(),
        tags=(),
        summary="",
        path=relative,
        section="",
        body="",
        supersedes=strings(data.get("supersedes")),
        superseded_by=data.get("superseded_by") if isinstance(data.get("superseded_by"), str) else None,
        redirect_from=strings(data.get("redirect_from")),
    )
