"""A failed build leaves nothing a deploy step could publish (hooks/safe_output.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import make_project, run_build
from fixture_documents import document


def leftovers(root: Path) -> list[str]:
    """Staging folders beside site/ that a build forgot to remove."""
    return sorted(path.name for path in root.iterdir() if path.name.startswith((".site-building-", ".site-old-")))


def test_a_successful_build_replaces_site_whole(tmp_path):
    root = make_project(tmp_path)
    (root / "site").mkdir()
    (root / "site" / "stale.html").write_text("from an older build", encoding="utf-8")
    (root / "site" / ".git").mkdir()  # a checkout of the published branch, as MkDocs keeps it
    build = run_build(root)
    assert build.returncode == 0, build.output
    assert (root / "site" / "procedures" / "fixture-referral" / "index.html").exists()
    assert not (root / "site" / "stale.html").exists()
    assert (root / "site" / ".git").is_dir()
    assert (root / "site").stat().st_mode & 0o755 == 0o755  # readable by a web server, unlike a private temp folder
    assert leftovers(root) == []


def test_a_build_that_fails_leaves_no_site_neither_its_own_nor_an_older_one(tmp_path):
    """The manual's problems stop the build before any page is written; the last good build goes too,
    so a deploy step that ignored the failure would find nothing to publish rather than a stale site."""
    root = make_project(tmp_path)
    assert run_build(root).returncode == 0
    assert (root / "site" / "index.html").exists()
    bad = root / "procedures" / "child-protection" / "bad.md"
    bad.write_text(document(id="bad-document", owner="nobody"), encoding="utf-8")
    build = run_build(root)
    assert build.returncode != 0
    assert "nothing was built" in build.output
    assert "Traceback" not in build.output
    assert not (root / "site" / "index.html").exists()
    assert [path.name for path in (root / "site").iterdir()] == [] if (root / "site").exists() else True
    assert leftovers(root) == []


def test_a_build_that_fails_after_writing_pages_leaves_none_of_them(tmp_path):
    """A strict-mode warning fails the build only after MkDocs has written every page: none of them may stay."""
    root = make_project(tmp_path, files={"docs/broken-link.md": "# A page\n\nSee [the missing page](missing.md).\n"})
    build = run_build(root)
    assert build.returncode != 0
    assert "Aborted with 1 warnings in strict mode!" in build.output
    assert "missing.md" in build.output
    assert "Traceback" not in build.output
    assert not (root / "site" / "index.html").exists()
    assert not list(root.glob("**/procedures/fixture-referral/index.html"))
    assert leftovers(root) == []
