"""The cache of checked documents (manual.record_cache): a run with the cache gives exactly what a run
without it gives, a changed file or data file is checked afresh, and a damaged or planted cache file is
ignored without running anything from it."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_project

from manual import load_manual
from manual.reading.record_cache import CACHE_FILE

TODAY = "2026-11-24"
CONFERENCE = "procedures/child-protection/conference.md"


def loaded(root, monkeypatch, cache: bool = True):
    monkeypatch.setenv("MANUAL_CACHE", "on" if cache else "off")
    manual = load_manual(root, TODAY)
    return [(s.path, s.section, s.body, s.body_line, dict(s.data), s.document) for s in manual.sources], manual.problems


def test_a_second_run_reads_the_cache_and_gives_the_same_records_and_problems(tmp_path, monkeypatch):
    root = make_project(tmp_path, files={"procedures/child-protection/bad.md": "---\nid: Bad Id\n---\nBody\n"})
    uncached = loaded(root, monkeypatch, cache=False)
    assert not (root / CACHE_FILE).exists()  # MANUAL_CACHE=off neither reads nor writes it
    first = loaded(root, monkeypatch)
    assert (root / CACHE_FILE).exists()
    second = loaded(root, monkeypatch)
    assert first == uncached and second == uncached
    assert any(p.path == "procedures/child-protection/bad.md" and p.field == "id" for p in second[1])
    # the field lines kept for messages come back from the cache too
    doc = next(d for *_, d in second[0] if d is not None and d.id == "fixture-conference")
    assert doc.line_of("owner") == 5 and doc.line_of("tags") == 16


def test_an_edited_document_is_checked_again(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    loaded(root, monkeypatch)
    path = root / CONFERENCE
    path.write_text(
        path.read_text(encoding="utf-8").replace("owner: childrens-services", "owner: nobody-at-all"), encoding="utf-8"
    )
    _, problems = loaded(root, monkeypatch)
    assert [(p.path, p.line, p.field) for p in problems] == [(CONFERENCE, 5, "owner")]


def test_a_changed_data_file_checks_every_document_again(tmp_path, monkeypatch):
    """Whether a phone number is allowed depends on the contacts file, not on the document."""
    root = make_project(tmp_path)
    path = root / CONFERENCE
    path.write_text(path.read_text(encoding="utf-8") + "\nCall 01432 260 000 for advice.\n", encoding="utf-8")
    _, problems = loaded(root, monkeypatch)
    assert [p.path for p in problems] == [CONFERENCE] and "phone" in problems[0].message
    contacts = root / "docs" / "data" / "contacts.yml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8")
        + '\nadvice-line:\n  name: Advice line\n  description: Advice.\n  phone: "01432 260 000"\n  source: Test\n  confirmed: false\n',
        encoding="utf-8",
    )
    assert loaded(root, monkeypatch)[1] == []


def test_a_moved_document_is_read_under_its_new_path(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    loaded(root, monkeypatch)
    (root / CONFERENCE).rename(root / "procedures" / "responding-to-concerns" / "conference.md")
    sources, problems = loaded(root, monkeypatch)
    assert problems == []
    assert ("procedures/responding-to-concerns/conference.md", "responding-to-concerns") in [
        (s[0], s[1]) for s in sources
    ]
    assert next(s[5] for s in sources if s[0].endswith("/conference.md")).section == "responding-to-concerns"


class _Planted:
    """Unpickling this would run a command that leaves a file behind."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


@pytest.mark.parametrize("content", ["planted", "garbage", "truncated"])
def test_a_damaged_or_planted_cache_is_ignored_and_replaced(tmp_path, monkeypatch, content):
    root = make_project(tmp_path)
    expected = loaded(root, monkeypatch, cache=False)
    cache = root / CACHE_FILE
    marker = tmp_path / "code-ran"
    cache.parent.mkdir(parents=True, exist_ok=True)
    if content == "planted":
        cache.write_bytes(pickle.dumps(_Planted(marker)))
    elif content == "garbage":
        cache.write_bytes(b"not a cache at all")
    else:
        loaded(root, monkeypatch)
        cache.write_bytes(cache.read_bytes()[:1000])
    assert loaded(root, monkeypatch) == expected
    assert not marker.exists()
    assert loaded(root, monkeypatch) == expected  # rewritten, and readable again


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    root = make_project(tmp_path)
    (root / ".cache").write_text("a file where the cache folder would go", encoding="utf-8")
    expected = loaded(root, monkeypatch, cache=False)
    assert loaded(root, monkeypatch) == expected
    assert loaded(root, monkeypatch) == expected


def test_the_review_report_says_the_same_with_a_cold_and_a_warm_cache(tmp_path):
    root = make_project(tmp_path)
    command = [
        str(Path(sys.executable).parent / "manual"),
        "report",
        "--root",
        str(root),
        "--today",
        TODAY,
        "--all",
    ]
    cold = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert (root / CACHE_FILE).exists()
    warm = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert (cold.returncode, cold.stdout, cold.stderr) == (warm.returncode, warm.stdout, warm.stderr)
    assert "Fixture conference procedure" in warm.stdout


def test_an_edit_that_keeps_the_size_and_the_modification_time_is_still_seen(tmp_path, monkeypatch):
    """A file the file system says is unchanged is not read again; an edit always moves its change time."""
    import manual.reading.record_cache as record_cache

    monkeypatch.setattr(record_cache, "RACY_NS", 0)  # trust stamps at once (normally files older than 2 s)
    root = make_project(tmp_path)
    path = root / CONFERENCE
    loaded(root, monkeypatch)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("owner: childrens-services", "owner: childrens-servicez"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or `rsync -t` would leave it
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    _, problems = loaded(root, monkeypatch)
    assert [(p.path, p.field) for p in problems] == [(CONFERENCE, "owner")]
    assert "did you mean 'childrens-services'" in problems[0].message
