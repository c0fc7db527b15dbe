"""The cache of checked documents: each file's record and problems, kept between runs, keyed by its content.

Reading and checking a document (YAML, schema, content safety) is most of the cost of loading the
manual, and a file that has not changed since the last run gives the same answer. The cache holds,
for each file, a digest of its bytes and what reading it produced (the Source with its record, and
the file's own problems). An entry is used only when the file's bytes are the same; the whole cache
is used only when everything else that could change an answer is the same too: the manual package's
code, the schema, the data files and the sections file (their digest is the cache's context).
Checks across documents are never cached: they run on every load.

A file whose inode, size and times are as they were is not even read (see stamp()); one whose stamp
has changed is read, and its cached entry still used if its bytes are the same.

The file lives at .cache/manual-records.pickle in the repository (ignored by git). It is read with an
unpickler that builds only the manual's own record types and dates, so a planted file cannot run
code; a missing, unreadable or stale cache is ignored and rebuilt. MANUAL_CACHE=off turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

CACHE_FILE = Path(".cache/manual-records.pickle")
FORMAT = 2  # bump when the cached types change shape
RACY_NS = 2_000_000_000  # files written this recently are compared by their bytes (see stamp())
_PACKAGE = Path(__file__).parent.parent
# Everything besides a document's own bytes that can change what reading it gives.
_CONTEXT_GLOBS = (("docs/data", "*"), ("docs/schema", "*"))
_ALLOWED = {
    ("datetime", "date"),
    ("manual.document", "Document"),
    ("manual.document", "Amendment"),
    ("manual.manual", "Source"),
    ("manual.problems", "Problem"),
    ("manual.packed", "Packed"),
}


def digest(raw: bytes) -> bytes:
    return hashlib.sha256(raw).digest()  # the quickest strong hash here (processors compute SHA-256 in hardware)


def enabled() -> bool:
    return os.environ.get("MANUAL_CACHE", "").strip().lower() not in ("off", "0", "no", "false")


def stamp(status: os.stat_result) -> tuple | None:
    """What the file system says of a file: the same inode, size, modification and change times mean the
    same bytes, so the file need not be read. (The change time moves with every write and cannot be set
    back, so a file copied or edited with its old modification time kept still shows as changed.) A file
    written in the last two seconds gets no stamp, and is compared by its bytes next time: a second
    write in the same tick of the clock would leave the times as they were."""
    if time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) < RACY_NS:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


@dataclass
class RecordCache:
    """Entries by path (relative to the root): (digest of the file's bytes, its stamp, Source, the file's problems)."""

    path: Path | None
    context: bytes
    entries: dict[str, tuple] = field(default_factory=dict)
    kept: dict[str, tuple] = field(default_factory=dict)  # what the next run can use
    changed: bool = False

    def unchanged(self, relative: str, file_stamp: tuple | None):
        """The cached Source and problems when the file system says the file is as it was."""
        entry = self.entries.get(relative)
        if file_stamp is not None and entry is not None and entry[1] == file_stamp:
            self.kept[relative] = entry
            return entry[2], entry[3]
        return None

    def get(self, relative: str, key: bytes, file_stamp: tuple | None):
        """The cached Source and problems when the file's bytes are as they were (its stamp is renewed)."""
        entry = self.entries.get(relative)
        if entry is not None and entry[0] == key:
            self.put(relative, key, file_stamp, entry[2], entry[3])
            return entry[2], entry[3]
        return None

    def put(self, relative: str, key: bytes, file_stamp: tuple | None, source, problems: list) -> None:
        self.kept[relative] = (key, file_stamp, source, problems)
        self.changed = True

    def keep_unread(self) -> None:
        """Keep the entries of files this run did not read (a run that checked only some files)."""
        for relative, entry in self.entries.items():
            self.kept.setdefault(relative, entry)

    def save(self) -> None:
        if self.path is None or not (self.changed or self.kept.keys() != self.entries.keys()):
            return
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as out:  # streamed: never the whole cache as one bytes object in memory
                pickle.dump((FORMAT, self.context, self.kept), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)  # readers see the old cache or the new one, never half of one
        except OSError:  # a read-only checkout: every run reads every file, as without a cache
            with suppress(OSError):
                temporary.unlink(missing_ok=True)


def open_cache(root: Path, context_files: list[Path]) -> RecordCache:
    """The cache for the manual at root, empty when it is off, missing, unreadable or stale."""
    context = _context(root, context_files)
    if not enabled():
        return RecordCache(None, context)
    path = root / CACHE_FILE
    try:
        with path.open("rb") as stored:
            version, stored_context, entries = _Unpickler(stored).load()
    except Exception:  # noqa: BLE001 - missing or damaged: either way, start afresh
        return RecordCache(path, context)
    if version != FORMAT or stored_context != context or not isinstance(entries, dict):
        return RecordCache(path, context)
    return RecordCache(path, context, entries)


def _context(root: Path, extra: list[Path]) -> bytes:
    """A digest of the contents (and names) of the code and data that reading a document depends on."""
    files = [(f"manual/{file.name}", file) for file in sorted(_PACKAGE.glob("*.py"))]
    for folder, pattern in _CONTEXT_GLOBS:
        files += [(file.relative_to(root).as_posix(), file) for file in sorted((root / folder).rglob(pattern))]
    files += [(file.name, file) for file in extra]
    hasher = hashlib.blake2b(digest_size=16)
    for name, file in files:
        hasher.update(name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            hasher.update(file.read_bytes() if file.is_file() else b"<not a file>")
        except OSError:
            hasher.update(b"<unreadable>")
        hasher.update(b"\0")
    return hasher.digest()


class _Unpickler(pickle.Unpickler):
    """Builds the manual's records, dates and plain data only; anything else is refused."""

    def find_class(self, module: str, name: str):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the record cache")
