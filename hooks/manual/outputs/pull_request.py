"""The documents a pull request changes, with their review state: the pull request's job summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from manual.model.addresses import SITE_RELATIVE, Addresses
from manual.model.manual import Manual
from manual.model.problems import Problem
from manual.outputs.pages import render_markdown
from manual.outputs.schedule import ScheduleEntry, schedule_entries


@dataclass(frozen=True)
class ChangedDocument:
    path: str
    entry: ScheduleEntry | None = None  # None when the file was removed or cannot be read as a document
    problems: tuple[Problem, ...] = field(default=())
    removed: bool = False


def changed_documents(manual: Manual, paths: list[str], addresses: Addresses = SITE_RELATIVE) -> list[ChangedDocument]:
    """The changed paths that are documents in procedures/ (other paths are left out), in the order given."""
    root = manual.settings.root
    procedures = manual.settings.procedures_dir.relative_to(root).as_posix()
    sources = {source.path: source for source in manual.sources}
    entries = {entry.path: entry for entry in schedule_entries(manual, addresses)}
    changed: list[ChangedDocument] = []
    seen = set()
    for raw in paths:
        path = PurePosixPath(raw.strip().replace("\\", "/")).as_posix()
        if not raw.strip() or path in seen or not path.startswith(procedures + "/") or not path.endswith(".md"):
            continue
        seen.add(path)
        source = sources.get(path)
        if source is None:
            if not (root / path).exists():
                changed.append(ChangedDocument(path, removed=True))
            continue
        changed.append(ChangedDocument(path, entries.get(path), tuple(manual.problems_for(path))))
    return changed


def summary_markdown(manual: Manual, changed: list[ChangedDocument]) -> str:
    return render_markdown("pull-request-summary.md.j2", today=manual.today, changed=changed)
