"""The shape the code keeps: one way in from MkDocs, a core that knows nothing of the engine, no path tricks."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml
from conftest import REPO

ENGINE = ("mkdocs", "material", "mkdocs_redirects")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _offenders(package: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    offenders = {}
    for path in sorted((REPO / "hooks" / package).rglob("*.py")):
        bad = sorted(name for name in _imports(path) if name.split(".")[0] in forbidden)
        if bad:
            offenders[path.relative_to(REPO).as_posix()] = bad
    return offenders


def test_mkdocs_is_reached_through_one_hook_file():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["hooks"] == ["hooks/mkdocs_entry.py"]
    assert sorted(path.name for path in (REPO / "hooks").glob("*.py")) == ["mkdocs_entry.py"]


def test_the_core_knows_nothing_of_the_engine_or_the_site():
    assert _offenders("manual", ENGINE + ("manual_site",)) == {}


def test_the_site_s_features_know_nothing_of_the_engine():
    assert _offenders("manual_site", ENGINE) == {}


def test_nothing_changes_python_s_import_path():
    changed = [
        path.relative_to(REPO).as_posix()
        for folder in ("hooks", "scripts", "tests")
        for path in sorted((REPO / folder).rglob("*.py"))
        if "sys.path" in path.read_text(encoding="utf-8") and path.name != "test_architecture.py"
    ]
    assert changed == []
