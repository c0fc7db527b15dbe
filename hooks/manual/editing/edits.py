"""The editors' changes to the manual: new document, reviewed, withdrawn or superseded, owner renamed.

Each function reads the manual with the same core as the build, decides, and returns the new
text of every file it would change (an Edit); nothing is written until `write_edit`. Fields are
changed in place by yamledit, so the rest of each file (comments, quoting, the body) is kept.
Every changed document is parsed and checked against the schema again before it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from manual.editing.yamledit import YamlText, quoted, scalar
from manual.model.additions import LocalAddition
from manual.model.document import TYPE_LABELS, Document
from manual.model.formatting import uk_date
from manual.model.links import DOC_LINK, doc_links
from manual.model.manual import Manual, load_manual
from manual.model.problems import ManualError, Problem
from manual.model.review import add_interval
from manual.model.settings import SETTINGS_FILE
from manual.model.vocabulary import OWNERS_FILE
from manual.outputs.pages import render_markdown
from manual.reading.additions import SCHEMA as ADDITIONS_SCHEMA
from manual.reading.frontmatter import decode, parse_document_text
from manual.reading.schema import load_schema, schema_problems
from manual.words import did_you_mean, plural, slug

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MAX = 60
NEW_VERSION = "0.1"
DEFAULT_SCOPE = "C"  # documents the partnership writes itself are local content
_AMENDMENTS_AFTER = (
    "legislation",
    "redirect_from",
    "superseded_by",
    "supersedes",
    "related",
    "keywords",
    "family_summary",
    "summary",
)
SUMMARY_PLACEHOLDER = "To do: say in one or two plain-English sentences what this document is for."


@dataclass
class Change:
    path: Path
    relative: str
    text: str
    created: bool = False


@dataclass
class Edit:
    """What a command would change, and what it has to tell the editor."""

    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, change: Change) -> None:
        self.changes = [c for c in self.changes if c.path != change.path] + [change]


def write_edit(edit: Edit) -> None:
    for change in edit.changes:
        change.path.parent.mkdir(parents=True, exist_ok=True)
        change.path.write_bytes(change.text.encode("utf-8"))


# -- documents as text ---------------------------------------------------------------------------


class DocumentText:
    """A document file's text, with its front matter editable field by field."""

    def __init__(self, path: Path, relative: str):
        raw = path.read_bytes()
        self.path, self.relative = path, relative
        self.bom = raw.startswith(b"\xef\xbb\xbf")
        self.crlf = b"\r\n" in raw
        text = decode(raw, relative)
        parsed = parse_document_text(text, relative)  # the same checks as the build: front matter present and readable
        self.front_matter = YamlText(text, relative, start=parsed.yaml_start, end=parsed.yaml_end, line_offset=1)

    @property
    def text(self) -> str:
        return self.front_matter.text

    def change(self) -> Change:
        text = self.text.replace("\n", "\r\n") if self.crlf else self.text
        return Change(self.path, self.relative, ("\ufeff" if self.bom else "") + text)


def _checked(change: Change, manual: Manual, schema: Path | None = None) -> Change:
    """Refuse to write a document (or, with its schema, a local addition) the build would reject on its own (the
    cross-checks come after)."""
    parsed = parse_document_text(change.text.lstrip("\ufeff").replace("\r\n", "\n"), change.relative)
    problems = schema_problems(parsed.data, parsed.lines, change.relative, schema or manual.settings.schema_file)
    if problems:
        raise ManualError(problems)
    return change


# -- finding things -------------------------------------------------------------------------------


def find_document(manual: Manual, doc_id: str) -> Document:
    doc = manual.get(doc_id)
    if doc is not None:
        return doc
    for source in manual.sources:
        if source.data.get("id") == doc_id:
            problems = "\n".join(f"  {p}" for p in manual.problems_for(source.path))
            raise ManualError(
                Problem(source.path, None, "id", f"the document {doc_id!r} has problems; fix them first:\n{problems}")
            )
    for other in manual.documents:
        if doc_id in other.redirect_from:
            raise ManualError(
                Problem("", None, None, f"{doc_id!r} is a former id of {other.id!r} ({other.path}); use {other.id!r}")
            )
    close = did_you_mean(doc_id, [d.id for d in manual.documents])
    raise ManualError(
        Problem(
            "", None, None, f"no document has the id {doc_id!r}{close}; the id is the 'id:' line at the top of the file"
        )
    )


def _text_of(manual: Manual, relative: str) -> DocumentText:
    return DocumentText(manual.settings.root / relative, relative)


def _owner_key(manual: Manual, key: str, what: str = "owner") -> str:
    owners = manual.vocabulary.owners
    if key in owners:
        return key
    renamed = manual.vocabulary.renamed_owner(key)
    if renamed is not None:
        raise ManualError(
            Problem(OWNERS_FILE, None, what, f"{key!r} has been renamed; use {renamed.key!r} ({renamed.name})")
        )
    close = did_you_mean(key, list(owners))
    raise ManualError(
        Problem(OWNERS_FILE, None, what, f"{key!r} is not a known owner{close}; expected one of: {', '.join(owners)}")
    )


# -- versions and dates ---------------------------------------------------------------------------


def bump_version(version: str, major: bool = False) -> str:
    """'2.1' -> '2.2' (or '3.0' with major); '2.9' -> '2.10'."""
    first, second = (int(part) for part in version.split("."))
    return f"{first + 1}.0" if major else f"{first}.{second + 1}"


def interval_between(start: date, end: date) -> str | None:
    """The whole number of months (or years) from start to end, as an interval, if there is one."""
    for months in range(1, 100):
        if add_interval(start, f"{months} months") == end:
            return plural(months // 12, "year") if months % 12 == 0 else plural(months, "month")
    return None


# -- new document ---------------------------------------------------------------------------------


def id_from_title(title: str) -> str:
    """'Children missing education (CME)' -> 'children-missing-education-cme'."""
    return slug(title, ID_MAX) or "document"


def taken_ids(manual: Manual) -> set[str]:
    """Ids in use: every document's id and former ids, including documents with problems."""
    ids: set[str] = set()
    for source in manual.sources:
        data = source.data
        if isinstance(data.get("id"), str):
            ids.add(data["id"])
        if isinstance(data.get("redirect_from"), list):
            ids.update(str(i) for i in data["redirect_from"])
        ids.add(Path(source.path).stem)
    return ids


def unique_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: ID_MAX - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1


def new_document(
    root: Path | str,
    title: str,
    doc_type: str,
    owner: str,
    section: str | None = None,
    today: date | str | None = None,
    tags: list[str] | None = None,
    summary: str | None = None,
    scope: str = DEFAULT_SCOPE,
) -> Edit:
    manual = load_manual(root, today)
    title = " ".join(title.split())
    schema = load_schema(manual.settings.schema_file)["properties"]
    if not 3 <= len(title) <= schema["title"].get("maxLength", 120):
        raise ManualError(
            Problem(
                "--title",
                None,
                "title",
                f"{title!r} is {len(title)} characters; expected 3 to {schema['title'].get('maxLength', 120)}",
            )
        )
    if doc_type not in TYPE_LABELS:
        raise ManualError(
            Problem(
                "--type",
                None,
                "type",
                f"{doc_type!r} is not a document type; expected one of: {', '.join(TYPE_LABELS)}",
            )
        )
    owner = _owner_key(manual, owner)
    if scope not in ("A", "B", "C"):
        raise ManualError(Problem("--scope", None, "scope", f"{scope!r}; expected A, B or C"))
    folders = [s.folder for s in manual.sections]
    if section is None:
        section = folders[0]
    elif section not in folders:
        raise ManualError(
            Problem("--section", None, None, f"{section!r} is not a section; expected one of: {', '.join(folders)}")
        )
    known_tags = list(manual.vocabulary.tags)
    tags = tags or known_tags[:1]
    for tag in tags:
        if tag not in manual.vocabulary.tags:
            raise ManualError(
                Problem(
                    "--tag", None, "tags", f"{tag!r} is not an allowed tag; expected one of: {', '.join(known_tags)}"
                )
            )
    summary = " ".join((summary or SUMMARY_PLACEHOLDER).split())
    doc_id = unique_id(id_from_title(title), taken_ids(manual))
    relative = (manual.settings.procedures_dir / section / f"{doc_id}.md").relative_to(manual.settings.root).as_posix()
    path = manual.settings.root / relative
    text = render_markdown(
        "new-document.md.j2",
        id=doc_id,
        title=scalar(title),
        type=doc_type,
        owner=owner,
        version=quoted(NEW_VERSION),
        scope=scope,
        tags="[" + ", ".join(scalar(tag, flow=True) for tag in tags) + "]",
        summary=scalar(summary),
        today=manual.today,
    )
    edit = Edit()
    edit.add(_checked(Change(path, relative, text, created=True), manual))
    edit.notes.append(f"Created {relative} with the id {doc_id!r} (status draft, version {NEW_VERSION}).")
    edit.notes.append(
        f"Its page will be at /procedures/{doc_id}/. Now check its scope, levels, audience, tags and summary, and write the body."
    )
    return edit


# -- reviewed -------------------------------------------------------------------------------------


def mark_reviewed(
    root: Path | str,
    doc_id: str,
    summary: str,
    today: date | str | None = None,
    major: bool = False,
    approved_by: str | None = None,
) -> Edit:
    manual = load_manual(root, today)
    today = manual.today
    summary = _summary(summary)
    addition = next((a for a in manual.additions if a.id == doc_id), None)
    if addition is not None:
        return _addition_reviewed(manual, addition, summary)
    doc = _local(find_document(manual, doc_id))
    if doc.status != "approved":
        raise ManualError(
            Problem(
                doc.path,
                doc.line_of("status"),
                "status",
                f"the document is {doc.status}; only approved documents are on the review cycle (approve a draft first)",
            )
        )
    if doc.last_reviewed and doc.last_reviewed > today:
        raise ManualError(
            Problem(
                doc.path,
                doc.line_of("last_reviewed"),
                "last_reviewed",
                f"{doc.last_reviewed.isoformat()} is after today ({today.isoformat()}); check --today",
            )
        )
    if approved_by is not None:
        approved_by = _owner_key(manual, approved_by, "approved.by")
    version = bump_version(doc.version, major)
    text = _text_of(manual, doc.path)
    fm = text.front_matter
    fm.set(("version",), quoted(version))
    fm.set(("last_reviewed",), today.isoformat(), after=("approved", "version", "status"))
    next_review = add_interval(today, doc.review_interval or doc.default_review_interval)
    if doc.next_review_given is not None:
        interval = (
            interval_between(doc.last_reviewed, doc.next_review_given) if doc.last_reviewed else None
        ) or doc.default_review_interval
        next_review = add_interval(today, interval)
        fm.set(("next_review",), next_review.isoformat())
    if approved_by is not None:
        if fm.node("approved") is None:
            fm.insert(
                ("approved",), f"approved:\n  date: {today.isoformat()}\n  by: {approved_by}\n", after=("version",)
            )
        else:
            fm.set(("approved", "date"), today.isoformat())
            fm.set(("approved", "by"), approved_by)
    fm.prepend_item(("amendments",), _amendment(today, version, summary), after=_AMENDMENTS_AFTER)
    edit = Edit()
    edit.add(_checked(text.change(), manual))
    edit.notes.append(
        f"{doc.path}: reviewed on {uk_date(today)}; version {doc.version} -> {version}; next review {uk_date(next_review)}."
    )
    return edit


def _local(doc: Document) -> Document:
    """The document, when it is the partnership's to edit; a regional chapter is the region's text."""
    if doc.is_regional:
        raise ManualError(
            Problem(
                doc.path,
                None,
                None,
                "is a regional chapter: the region reviews and changes it, and the partnership takes its releases "
                "with `manual sync-regional`; the partnership's own information for it goes in a local addition",
            )
        )
    return doc


def _addition_reviewed(manual: Manual, addition: LocalAddition, summary: str) -> Edit:
    """A local addition's review: its owner read it against the regional text, so both dates become today."""
    today = manual.today
    if addition.last_reviewed > today:
        raise ManualError(
            Problem(
                addition.path,
                addition.line_of("last_reviewed"),
                "last_reviewed",
                f"{addition.last_reviewed.isoformat()} is after today ({today.isoformat()}); check --today",
            )
        )
    text = _text_of(manual, addition.path)
    fm = text.front_matter
    fm.set(("last_reviewed",), today.isoformat())
    fm.set(("checked",), today.isoformat(), after=("last_reviewed",))
    fm.prepend_item(("amendments",), f"- date: {today.isoformat()}\n  summary: {scalar(summary)}\n", after=("checked",))
    edit = Edit()
    edit.add(_checked(text.change(), manual, manual.settings.root / ADDITIONS_SCHEMA))
    edit.notes.append(
        f"{addition.path}: reviewed and checked against the regional text on {uk_date(today)}; "
        f"next review {uk_date(add_interval(today, addition.review_interval))}."
    )
    return edit


def _summary(summary: str) -> str:
    summary = " ".join(summary.split())
    if len(summary) < 5:
        raise ManualError(
            Problem("--summary", None, "amendments.summary", "say in a sentence what changed (at least 5 characters)")
        )
    return summary


def _amendment(day: date, version: str, summary: str) -> str:
    return f"- date: {day.isoformat()}\n  version: {quoted(version)}\n  summary: {scalar(summary)}\n"


# -- withdrawn or superseded ----------------------------------------------------------------------


def withdraw(
    root: Path | str,
    doc_id: str,
    summary: str,
    today: date | str | None = None,
    superseded_by: str | None = None,
) -> Edit:
    manual = load_manual(root, today)
    today = manual.today
    doc = _local(find_document(manual, doc_id))
    summary = _summary(summary)
    if doc.is_retired:
        raise ManualError(Problem(doc.path, doc.line_of("status"), "status", f"the document is already {doc.status}"))
    replacement = None
    warnings: list[str] = []
    if superseded_by is not None:
        if superseded_by == doc_id:
            raise ManualError(
                Problem(
                    "--superseded-by", None, None, "a document cannot supersede itself; give the id of its replacement"
                )
            )
        replacement = find_document(manual, superseded_by)
        if replacement.is_retired:
            raise ManualError(
                Problem(
                    replacement.path,
                    replacement.line_of("status"),
                    "status",
                    f"the replacement {superseded_by!r} is itself {replacement.status}; name a document in force",
                )
            )
        if replacement.is_draft:
            warnings.append(
                f"{replacement.path}: the replacement is still a draft; approve it before this change is published"
            )
    status = "superseded" if replacement else "withdrawn"
    version = bump_version(doc.version)
    edit = Edit(warnings=warnings)

    text = _text_of(manual, doc.path)
    fm = text.front_matter
    fm.set(("status",), status)
    if replacement:
        fm.set(("superseded_by",), replacement.id, after=("status",))
    fm.set(("version",), quoted(version))
    if doc.last_reviewed is None:  # a withdrawn draft: the decision to withdraw is its last review
        fm.set(("last_reviewed",), today.isoformat(), after=("approved", "version"))
    words = f"Superseded by {replacement.title}" if replacement else "Withdrawn"
    fm.prepend_item(("amendments",), _amendment(today, version, f"{words}. {summary}"), after=_AMENDMENTS_AFTER)
    edit.add(_checked(text.change(), manual))
    edit.notes.append(
        f"{doc.path}: {status} (version {version}). Its page stays at /procedures/{doc.id}/"
        + (f" and points to {replacement.id!r}." if replacement else " and says it is withdrawn.")
    )

    if replacement:
        text = _text_of(manual, replacement.path)
        fm = text.front_matter
        if doc.id not in replacement.supersedes:
            fm.append_item(("supersedes",), doc.id, after=("related", "keywords", "family_summary", "summary"))
        _drop_from_related(fm, replacement, doc.id)
        edit.add(_checked(text.change(), manual))
        edit.notes.append(f"{replacement.path}: now supersedes {doc.id!r}.")

    for other in manual.documents:
        if other.id in (doc.id, replacement.id if replacement else None):
            continue
        links = [target for target, _ in _links(other) if target == doc.id]
        if doc.id not in other.related and not links:
            continue
        text = _text_of(manual, other.path)
        fm = text.front_matter
        if replacement:
            _repoint(fm, other, doc.id, replacement.id)
            edit.add(_checked(text.change(), manual))
            edit.notes.append(f"{other.path}: links to {doc.id!r} now go to {replacement.id!r}.")
        else:
            if doc.id in other.related:
                _drop_from_related(fm, other, doc.id)
                edit.add(_checked(text.change(), manual))
                edit.notes.append(f"{other.path}: {doc.id!r} taken out of related.")
            for line in (doc_line for target, doc_line in _links(other) if target == doc.id):
                edit.warnings.append(
                    f"{other.path}, line {other.body_line + line - 1}: links to {doc.id!r}, which is now withdrawn; change or remove the link"
                )
    return edit


def _links(doc: Document) -> list[tuple[str, int]]:
    return list(doc_links(doc.body))


def _drop_from_related(fm: YamlText, doc: Document, target: str) -> None:
    if target in doc.related:
        fm.remove_item(("related",), doc.related.index(target))


def _repoint(fm: YamlText, doc: Document, old: str, new: str) -> None:
    if old in doc.related:
        if new in doc.related:
            fm.remove_item(("related",), doc.related.index(old))
        else:
            fm.replace_item(("related",), doc.related.index(old), new)
    body_start = len(fm.text) - len(doc.body)

    def replace(match: re.Match) -> str:
        if match.group(1) != old:
            return match.group(0)
        return f"](doc:{new}{match.group(2) or ''})"

    fm.text = fm.text[:body_start] + DOC_LINK.sub(replace, fm.text[body_start:])


# -- owner renamed --------------------------------------------------------------------------------


def rename_owner(
    root: Path | str, old: str, new: str, name: str | None = None, today: date | str | None = None
) -> Edit:
    manual = load_manual(root, today)
    owners = manual.vocabulary.owners
    if old not in owners:
        renamed = manual.vocabulary.renamed_owner(old)
        if renamed is not None:
            raise ManualError(Problem(OWNERS_FILE, None, old, f"{old!r} was already renamed to {renamed.key!r}"))
        raise ManualError(
            Problem(OWNERS_FILE, None, old, f"{old!r} is not a known owner{did_you_mean(old, list(owners))}")
        )
    if not ID_PATTERN.match(new):
        raise ManualError(
            Problem("NEW", None, None, f"{new!r} is not a valid owner key; expected lower-case words joined by hyphens")
        )
    if new == old:
        raise ManualError(Problem("NEW", None, None, "the new key is the same as the old one"))
    if manual.vocabulary.renamed_owner(new) is not None:
        raise ManualError(
            Problem(
                OWNERS_FILE,
                None,
                new,
                f"{new!r} is a former key of {manual.vocabulary.renamed_owner(new).key!r}; choose another",
            )
        )
    edit = Edit()
    owners_path = manual.settings.root / OWNERS_FILE
    raw = owners_path.read_bytes()
    owners_yaml = YamlText(decode(raw, OWNERS_FILE), OWNERS_FILE)
    formerly = [old, *owners[old].formerly]
    if new in owners:  # merging into an owner that already exists
        owners_yaml.delete(old)
        target = new
    else:
        owners_yaml.rename_key(old, new)
        target = new
    for former in formerly:
        if former not in owners_yaml_formerly(owners_yaml, target):
            owners_yaml.append_item((target, "formerly"), former, after=tuple(owners_yaml.keys(target)))
    if name is not None:
        owners_yaml.set((target, "name"), scalar(" ".join(name.split())))
    edit.add(Change(owners_path, OWNERS_FILE, owners_yaml.text))
    what = "merged into" if new in owners else "renamed to"
    edit.notes.append(f"{OWNERS_FILE}: {old!r} {what} {new!r}; {old!r} is listed under formerly.")
    if manual.settings.default_owner == old:
        settings_path, settings_file = manual.settings.root / SETTINGS_FILE, SETTINGS_FILE.as_posix()
        settings_yaml = YamlText(decode(settings_path.read_bytes(), settings_file), settings_file)
        settings_yaml.set(("default_owner",), scalar(new))
        edit.add(Change(settings_path, settings_file, settings_yaml.text))
        edit.notes.append(f"{settings_file}: default_owner changed to {new!r}.")
    for source in manual.sources:
        data = source.data
        approved = data.get("approved") if isinstance(data.get("approved"), dict) else {}
        fields = [
            name for name, value in (("owner", data.get("owner")), ("approved.by", approved.get("by"))) if value == old
        ]
        if not fields:
            continue
        text = _text_of(manual, source.path)
        for name in fields:
            text.front_matter.set(tuple(name.split(".")), new)
        edit.add(text.change())
        edit.notes.append(f"{source.path}: {' and '.join(fields)} changed to {new!r}.")
    for addition in manual.additions:
        if addition.owner == old:
            text = _text_of(manual, addition.path)
            text.front_matter.set(("owner",), new)
            edit.add(text.change())
            edit.notes.append(f"{addition.path}: owner changed to {new!r}.")
    return edit


def owners_yaml_formerly(owners_yaml: YamlText, key: str) -> list[str]:
    node = owners_yaml.node(key, "formerly")
    return [item.value for item in getattr(node, "value", [])] if node is not None else []
