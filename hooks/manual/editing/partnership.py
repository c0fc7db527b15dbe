"""Starting another partnership's manual on the same regional core.

A region's partnerships share one regional core and differ in everything else: their name, owners,
contacts, local documents and local additions. `manual new-partnership` makes a new manual from this
one's machinery (the build, its templates, schemas, workflows and the editors' guide), a starter set of
data and pages in the new partnership's name (every local detail left to be confirmed), and the regional
core synced at a release. It is written beside the target and moved into place only when it checks.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

from manual.model.problems import ManualError, Problem
from manual.outputs.pages import render_markdown
from manual.reading.regional import SyncResult

# What every partnership's manual runs on, copied as it is.
MACHINERY = (
    "mkdocs.yml",
    "Makefile",
    "pyproject.toml",
    "requirements.txt",
    "requirements-dev.txt",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/workflows",
    ".github/dependabot.yml",
    "scripts",
    "package.json",
    "package-lock.json",
    "hooks",
    "overrides",
    "docs/assets",
    "docs/schema",
    "docs/editing.md",
    "docs/editing",
    "docs/data/tags.yml",
    "docs/data/threshold-contents.yml",  # national lists: what guidance requires, the terms it retired, the routes it sets
    "docs/data/retired-terms.yml",
    "docs/data/indicator-routes.yml",
    "procedures/sections.yml",
)
# The new partnership's own starting point, from templates in its name.
STARTER = {
    "docs/data/settings.yml": "starter/settings.yml.j2",
    "docs/data/owners.yml": "starter/owners.yml.j2",
    "docs/data/contacts.yml": "starter/contacts.yml.j2",
    "docs/index.md": "starter/index.md.j2",
    "docs/about.md": "starter/about.md.j2",
    "docs/accessibility.md": "starter/accessibility.md.j2",
}
GLOSSARY = "docs/data/glossary.yml"
_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def new_partnership(
    source: Path,
    target: Path,
    partnership: str,
    area: str,
    sync: Callable[[Path], SyncResult],
) -> SyncResult:
    """Make the new manual at target (which must not exist, or be empty); sync(root) brings in the regional core."""
    if target.exists() and any(target.iterdir()):
        raise ManualError(Problem(str(target), None, None, "already exists and is not empty; expected a new folder"))
    if not target.parent.is_dir():
        raise ManualError(
            Problem(str(target.parent), None, None, "no such folder; expected the folder the new manual goes in")
        )
    with tempfile.TemporaryDirectory(prefix=f".{target.name}-new-", dir=target.parent) as work:
        root = Path(work) / "manual"
        for name in MACHINERY:
            origin = source / name
            if origin.is_dir():
                shutil.copytree(origin, root / name, ignore=_IGNORED)
            elif origin.exists():
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, root / name)
        for name, template in STARTER.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(render_markdown(template, partnership=partnership, area=area), encoding="utf-8")
        _starter_glossary(source, root)
        result = sync(root)
        if target.exists():
            target.rmdir()
        root.rename(target)
    return result


def _starter_glossary(source: Path, root: Path) -> None:
    """The national terms, without the pointers to this partnership's own documents."""
    entries = yaml.safe_load((source / GLOSSARY).read_text(encoding="utf-8")) or []
    kept = [{key: value for key, value in entry.items() if key != "see"} for entry in entries]
    header = "# Terms and abbreviations: expanded on every page and listed on the glossary page. Started from\n# another partnership's list by `manual new-partnership`: remove what does not apply here.\n"
    (root / GLOSSARY).write_text(
        header + yaml.safe_dump(kept, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )


def next_steps(target: Path, today: date) -> str:
    return (
        f"A new manual is ready in {target}.\n\n"
        "Next:\n"
        f"  cd {target} && git init && git add -A && git commit -m 'New manual, {today:%d %B %Y}'\n"
        "  Check docs/data/settings.yml, owners.yml and contacts.yml: every local contact is to be confirmed.\n"
        "  Write the partnership's own documents in procedures/ and its local information in local-additions/.\n"
        "  make serve    (build and preview the site)\n"
    )
