"""Shared test helpers: fixture manuals built for real with MkDocs, never mocked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# What a fixture project borrows from the real repository: the machinery, the site pages and data.
MACHINERY = ["mkdocs.yml", "hooks", "overrides", "docs"]

# Browser fixtures (browser, shipped_site, shipped_server, page): tests/browser.py
pytest_plugins = ["browser"]


@dataclass
class Build:
    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, doc_id: str) -> str:
        return (self.site / "procedures" / doc_id / "index.html").read_text(encoding="utf-8")


def make_project(tmp_path: Path, fixture: str | None = "basic", files: dict[str, str | bytes] | None = None) -> Path:
    """A throwaway project: the repository's machinery, a fixture's procedures/, plus any extra files."""
    root = tmp_path / "project"
    root.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in MACHINERY:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=ignore)
        else:
            shutil.copy2(source, root / name)
    # The shipped glossary points at the shipped documents: fixtures get a small one of their own.
    shutil.copy2(FIXTURES / "glossary.yml", root / "docs" / "data" / "glossary.yml")
    if fixture is not None:
        shutil.copytree(FIXTURES / fixture / "procedures", root / "procedures", ignore=ignore)
        if (FIXTURES / fixture / "docs").is_dir():  # a fixture may replace site pages, e.g. its own home page
            shutil.copytree(FIXTURES / fixture / "docs", root / "docs", ignore=ignore, dirs_exist_ok=True)
    else:
        (root / "procedures").mkdir()
    for relative, content in (files or {}).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def run_build(root: Path, today: str = "2026-11-24", *args: str) -> Build:
    env = {**os.environ, "MANUAL_TODAY": today}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Build(root, result.returncode, result.stdout + result.stderr)


@pytest.fixture
def build_manual(tmp_path):
    """build_manual(fixture="basic", today="2026-11-24", files={...}) -> Build."""

    def build(
        fixture: str | None = "basic", today: str = "2026-11-24", files: dict[str, str | bytes] | None = None
    ) -> Build:
        return run_build(make_project(tmp_path, fixture, files), today)

    return build
