"""The regional core: chapters the region publishes, synced into the partnership's repository at a pinned release.

A region (for example the West Midlands) publishes its core procedures (scope A) and agreed guidance (scope B)
as releases of its own repository or folder:

    core.yml                        the core's name and release
    owners.yml                      the regional groups that own its chapters
    procedures/<section>/<file>.md  its chapters, in the partnership's section folders

`manual sync-regional` copies one release into regional/ and records it in regional.lock.yml: the source,
the release, and for each file its checksum and when the partnership's copy of it last changed. The build
reads regional/ as the regional layer and refuses a file whose checksum no longer matches: the region's
text is changed by the region, and the partnership's own words go in local additions.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from manual.model.problems import ManualError, Problem
from manual.reading.frontmatter import decode, parse_document_text
from manual.words import plural

REGIONAL_DIR = "regional"
LOCK_FILE = "regional.lock.yml"
CORE_FILE = "core.yml"
CHAPTERS = "procedures"


@dataclass(frozen=True)
class LockedFile:
    sha256: str
    changed_in: str  # the release that brought this text
    changed_on: date  # the day the partnership's copy took it


@dataclass(frozen=True)
class Lock:
    source: str
    release: str
    synced_on: date
    files: dict[str, LockedFile]  # path inside regional/ -> its record

    def changed_on(self, regional_path: str) -> date | None:
        locked = self.files.get(regional_path)
        return locked.changed_on if locked else None


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_lock(root: Path, schemas: Path | None = None) -> tuple[Lock | None, list[Problem]]:
    """The lock, when the manual has a regional layer; problems when the lock cannot be read. The schema is the
    manual's at `schemas` when the lock is being checked in another folder."""
    from manual.reading.data_files import read_data_file  # data_files reads settings that name this module's folder

    if not (root / LOCK_FILE).exists():
        return None, []
    problems: list[Problem] = []
    data, _ = read_data_file(root, LOCK_FILE, problems, schemas)
    if data is None:
        return None, problems
    files = {
        path: LockedFile(entry["sha256"], str(entry["changed_in"]), date.fromisoformat(entry["changed_on"]))
        for path, entry in data["files"].items()
    }
    return Lock(data["source"], str(data["release"]), date.fromisoformat(data["synced_on"]), files), []


def lock_problems(root: Path, lock: Lock | None) -> list[Problem]:
    """Files of regional/ that do not match the lock: edited here, added here, or missing."""
    folder = root / REGIONAL_DIR
    if lock is None:
        if folder.exists():
            return [
                Problem(
                    REGIONAL_DIR,
                    None,
                    None,
                    f"has no {LOCK_FILE}; run `manual sync-regional` to sync the regional core",
                )
            ]
        return []
    problems = []
    present = {file.relative_to(folder).as_posix() for file in folder.rglob("*") if file.is_file()}
    for path in sorted(present):
        where = f"{REGIONAL_DIR}/{path}"
        locked = lock.files.get(path)
        if locked is None:
            problems.append(
                Problem(
                    where,
                    None,
                    None,
                    f"is not part of regional release {lock.release} ({LOCK_FILE}); put the partnership's own content in procedures/ or a local addition",
                )
            )
        elif checksum((folder / path).read_bytes()) != locked.sha256:
            problems.append(
                Problem(
                    where,
                    None,
                    None,
                    f"has been edited since regional release {lock.release} was synced; the region's text is changed by the region: "
                    "put the partnership's own words in a local addition, and undo the edit (git checkout -- the file)",
                )
            )
    for path in sorted(set(lock.files) - present):
        problems.append(
            Problem(
                f"{REGIONAL_DIR}/{path}",
                None,
                None,
                f"is missing: {LOCK_FILE} lists it in regional release {lock.release}; run `manual sync-regional` again",
            )
        )
    return problems


# ---- syncing ------------------------------------------------------------------------------------


class FetchError(ManualError):
    """The regional core could not be fetched (git failed, or the source is not there)."""


@dataclass
class SyncResult:
    release: str
    previous: str | None
    added: list[str] = field(default_factory=list)  # chapter ids
    changed: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    up_to_date: bool = False  # the manual already has exactly this release: nothing was written


def fetch(source: str, release: str | None, into: Path) -> None:
    """The core at `release` into the empty folder `into`: a git repository (URL or path) at a tag, or a
    plain folder as it stands. Raises ManualError naming the source when it cannot be fetched."""
    path = Path(source)
    if "://" not in source and not path.exists():
        raise FetchError(
            Problem(
                source, None, None, "no such folder or repository; expected a git URL or the regional core's folder"
            )
        )
    if path.is_dir() and not (path / ".git").exists():
        shutil.copytree(path, into, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".git"))
        return
    command = [
        "git",
        "clone",
        "--quiet",
        "--depth",
        "1",
        *(["--branch", release] if release else []),
        source,
        str(into),
    ]
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        raise FetchError(
            Problem(
                source,
                None,
                None,
                f"the regional core could not be fetched at {release or 'its latest commit'}: {detail.strip()}",
            )
        ) from None
    shutil.rmtree(into / ".git", ignore_errors=True)


def latest_release(source: str) -> str | None:
    """The newest tag of a git source, by version order; None when it has none (its latest commit is taken)."""
    try:
        listed = subprocess.run(
            ["git", "ls-remote", "--tags", "--refs", "--sort=-v:refname", source],
            check=True, capture_output=True, text=True, timeout=120,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        raise FetchError(
            Problem(source, None, None, f"the regional core's releases could not be listed: {detail.strip()}")
        ) from None
    tags = [line.split("refs/tags/", 1)[1] for line in listed.splitlines() if "refs/tags/" in line]
    return tags[0] if tags else None


def _chapter_ids(folder: Path) -> dict[str, str]:
    """Chapter id -> its path inside the core, for the chapters whose front matter gives an id."""
    found = {}
    for file in sorted((folder / CHAPTERS).rglob("*.md")):
        relative = file.relative_to(folder).as_posix()
        try:
            data = parse_document_text(decode(file.read_bytes(), relative), relative).data
        except ManualError:
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            found[data["id"]] = relative
    return found


def _release_of(folder: Path, source: str) -> str:
    try:
        core = yaml.safe_load((folder / CORE_FILE).read_text(encoding="utf-8"))
        return str(core["release"])
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        raise ManualError(
            Problem(source, None, CORE_FILE, f"the regional core has no readable {CORE_FILE} giving its release")
        ) from None


def sync(root: Path, source: str, release: str | None, today: date, check) -> SyncResult:
    """Replace regional/ with the core at `release`, and write the lock. The new copy is made and checked in a
    temporary folder (check(root_like_folder) returns its problems) and swapped in only when it is sound:
    regional/ and the lock are never left half-synced."""
    old_lock, _ = read_lock(root)
    with tempfile.TemporaryDirectory(prefix=".regional-sync-", dir=root) as work:
        fetched = Path(work) / "core"
        fetch(source, release, fetched)
        found_release = _release_of(fetched, source)
        if release and found_release != release.removeprefix("v"):
            raise ManualError(
                Problem(
                    source, None, CORE_FILE, f"release {release} says it is release {found_release}; expected the same"
                )
            )
        old_folder = root / REGIONAL_DIR
        files = {}
        for file in sorted(p for p in fetched.rglob("*") if p.is_file()):
            path = file.relative_to(fetched).as_posix()
            digest = checksum(file.read_bytes())
            before = old_lock.files.get(path) if old_lock else None
            same = before is not None and before.sha256 == digest
            files[path] = {
                "sha256": digest,
                "changed_in": before.changed_in if same else found_release,
                "changed_on": (before.changed_on if same else today).isoformat(),
            }
        if (
            old_lock is not None
            and (old_lock.source, old_lock.release) == (source, found_release)
            and {path: entry["sha256"] for path, entry in files.items()}
            == {p: f.sha256 for p, f in old_lock.files.items()}
            and not lock_problems(root, old_lock)
        ):
            # The same release again (the weekly check, say): the lock keeps its date, so git sees no change.
            return SyncResult(found_release, found_release, up_to_date=True)
        new_ids, old_ids = _chapter_ids(fetched), _chapter_ids(old_folder) if old_folder.exists() else {}
        result = SyncResult(found_release, old_lock.release if old_lock else None)
        result.added = sorted(set(new_ids) - set(old_ids))
        result.withdrawn = sorted(set(old_ids) - set(new_ids))
        result.changed = sorted(
            doc_id
            for doc_id in set(new_ids) & set(old_ids)
            if not (
                old_lock
                and old_lock.files.get(new_ids[doc_id])
                and old_lock.files[new_ids[doc_id]].sha256 == files[new_ids[doc_id]]["sha256"]
            )
        )
        lock_text = yaml.safe_dump(
            {"source": source, "release": found_release, "synced_on": today.isoformat(), "files": files},
            sort_keys=False,
        )
        lock_text = f"# Written by `manual sync-regional`: the regional core release in regional/, a checksum per file.\n{lock_text}"
        staged = Path(work) / "staged"
        shutil.copytree(fetched, staged / REGIONAL_DIR)
        (staged / LOCK_FILE).write_text(lock_text, encoding="utf-8")
        problems = check(staged)
        if problems:
            raise ManualError(problems)
        retired = Path(work) / "retired"
        if old_folder.exists():
            old_folder.rename(retired)
        (staged / REGIONAL_DIR).rename(old_folder)
        (staged / LOCK_FILE).replace(root / LOCK_FILE)
    return result


def sync_summary(result: SyncResult, affected: dict[str, list[str]]) -> str:
    """What a sync changed, in Markdown: chapters added, changed and withdrawn, and the local additions to check."""
    if result.up_to_date:
        return f"# Regional core: release {result.release}\n\nAlready up to date: the manual has this release, unchanged.\n"
    lines = [
        f"# Regional core: release {result.release}" + (f" (was {result.previous})" if result.previous else ""),
        "",
    ]
    for label, ids in (("Added", result.added), ("Changed", result.changed), ("Withdrawn", result.withdrawn)):
        lines.append(f"- {label}: {', '.join(ids) if ids else 'none'}")
    lines.append("")
    if affected:
        lines.append(
            f"{plural(sum(len(v) for v in affected.values()), 'local addition')} attach to a chapter that changed: check that each still fits."
        )
        lines.append("")
        lines += [f"- {chapter}: {', '.join(additions)}" for chapter, additions in sorted(affected.items())]
    else:
        lines.append("No local addition attaches to a chapter that changed.")
    return "\n".join(lines) + "\n"
