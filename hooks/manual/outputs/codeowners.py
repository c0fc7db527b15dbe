""".github/CODEOWNERS, generated from the owners list: each owner's documents go to its GitHub team.

GitHub asks the team named for a file to review every pull request that changes it. The last
matching line wins, so the default team comes first (everything), then one line per document or
local addition whose owner has a team of its own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from manual.model.manual import Manual, load_manual
from manual.model.problems import ManualError, Problem
from manual.model.vocabulary import OWNERS_FILE

CODEOWNERS_FILE = ".github/CODEOWNERS"


def codeowners_text(manual: Manual) -> str:
    owners = manual.vocabulary.owners
    default_owner = manual.settings.default_owner  # reviews everything no other team owns
    default = owners.get(default_owner)
    if default is None or not default.github_team:
        raise ManualError(
            Problem(
                OWNERS_FILE,
                None,
                f"{default_owner}.github_team",
                "missing; the default reviewers of the repository need a GitHub team, written @organisation/team",
            )
        )
    lines = [
        "# Generated from docs/data/owners.yml by `manual codeowners`: do not edit by hand.",
        "# After changing an owner's github_team, adding a document or changing its owner, run",
        "#   .venv/bin/manual codeowners",
        "# (the tests fail while this file is out of date). The last matching line wins.",
        "",
        f"# Everything else: {default.name}",
        f"* {default.github_team}",
    ]
    # A regional chapter changes only through `manual sync-regional`, which the default team reviews, even if the
    # region's owners.yml gives its groups teams; a local addition is the partnership's own, so its owner's team.
    owned = [(doc.path, doc.owner) for doc in manual.documents if not doc.is_regional]
    owned += [(addition.path, addition.owner) for addition in manual.additions]
    for owner in sorted(owners.values(), key=lambda o: o.key):
        if not owner.github_team or owner.key == default_owner:
            continue
        paths = sorted(path for path, key in owned if key == owner.key)
        if paths:
            lines += ["", f"# {owner.name} ({owner.key})"]
            lines += [f"/{_escape(path)} {owner.github_team}" for path in paths]
    return "\n".join(lines) + "\n"


def _escape(path: str) -> str:
    return path.replace(" ", "\\ ")


def codeowners_status(root: Path | str, today: date | str | None = None) -> tuple[str, str | None]:
    """The file as it should be, and as it is (None when there is none)."""
    manual = load_manual(root, today)
    expected = codeowners_text(manual)
    path = manual.settings.root / CODEOWNERS_FILE
    current = path.read_text(encoding="utf-8") if path.exists() else None
    return expected, current


def write_codeowners(root: Path | str, today: date | str | None = None) -> bool:
    """Write the file; True when it changed."""
    expected, current = codeowners_status(root, today)
    if expected == current:
        return False
    path = Path(root).resolve() / CODEOWNERS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(expected, encoding="utf-8")
    return True


def refresh_codeowners(root: Path | str, today: date | str | None = None) -> str | None:
    """Regenerate the file where the repository has one (after an owner is renamed)."""
    if not (Path(root).resolve() / CODEOWNERS_FILE).exists():
        return None
    return f"{CODEOWNERS_FILE}: regenerated." if write_codeowners(root, today) else None
