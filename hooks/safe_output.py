"""MkDocs hook: a build reaches site/ whole, or not at all.

`mkdocs build` (and `gh-deploy`) write into a staging folder beside site/ (`.site-building-*`).
Only when the build has finished without error, strict checks included, is site/ replaced by it.
A failed build deletes its staging folder and empties site/, so a deploy step finds neither
half-written pages nor an older build it could mistake for this one. As MkDocs does when it
cleans site/, dot-files there (such as a .git folder) are kept. `mkdocs serve` builds into a
temporary folder of its own and is left alone; a `--dirty` build writes in place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import clean_directory

_state: dict = {}


def on_startup(*, command: str, dirty: bool) -> None:
    _state.clear()
    _state.update(active=command in ("build", "gh-deploy"), dirty=dirty, built=False, failed=False)


@event_priority(200)  # before every other plugin and hook, so they all write to the staging folder
def on_config(config):
    if not _state.get("active"):
        return config
    site_dir = Path(config.site_dir)
    _state.update(config=config, site_dir=site_dir)
    if _state["dirty"]:
        return config
    # Beside site/, so the swap is a rename on the same disk. MkDocs creates it when it writes the first file.
    staging = site_dir.parent / f".{site_dir.name}-building-{os.getpid()}"
    if staging.exists():  # left by a killed build whose process id this one now has
        shutil.rmtree(staging)
    _state["staging"] = staging
    config.site_dir = str(staging)
    return config


@event_priority(-200)
def on_post_build(*, config) -> None:
    _state["built"] = True  # MkDocs's strict check still follows; a failure there calls on_build_error


def on_build_error(*, error: Exception) -> None:
    _state["failed"] = True


def on_shutdown() -> None:
    if not _state.get("active") or "site_dir" not in _state:
        return
    site_dir: Path = _state["site_dir"]
    staging: Path | None = _state.get("staging")
    _state["config"].site_dir = str(site_dir)  # gh-deploy publishes from here after the build
    if _state["built"] and not _state["failed"]:
        if staging is not None:
            _publish(staging, site_dir)
        return
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)
    if site_dir.is_dir():
        clean_directory(str(site_dir))


def _publish(staging: Path, site_dir: Path) -> None:
    """Swap the finished build in for site/, carrying over site/'s dot-files."""
    staging.mkdir(parents=True, exist_ok=True)
    if site_dir.is_dir():
        for entry in site_dir.iterdir():
            if entry.name.startswith(".") and not (staging / entry.name).exists():
                entry.rename(staging / entry.name)
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        site_dir.rename(old / site_dir.name)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(site_dir)
