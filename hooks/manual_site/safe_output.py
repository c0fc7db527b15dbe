"""A build reaches the site's folder whole, or not at all.

The build writes into a staging folder beside site/ (`.site-building-<pid>`). Only when it has finished
without error, strict checks included, is site/ replaced by it. A failed build deletes its staging folder
and empties site/, so a deploy step finds neither half-written pages nor an older build it could mistake
for this one. As MkDocs does when it cleans site/, dot-files there (such as a .git folder) are kept.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class StagedOutput:
    def __init__(self, site_dir: Path | str):
        self.site_dir = Path(site_dir)
        # Beside site/, so the swap is a rename on the same disk.
        self.staging = self.site_dir.parent / f".{self.site_dir.name}-building-{os.getpid()}"
        if self.staging.exists():  # left by a killed build whose process id this one now has
            shutil.rmtree(self.staging)

    def publish(self) -> None:
        """Swap the finished build in for site/, carrying over site/'s dot-files."""
        self.staging.mkdir(parents=True, exist_ok=True)
        if not self.site_dir.is_dir():
            self.staging.rename(self.site_dir)
            return
        for entry in self.site_dir.iterdir():
            if entry.name.startswith(".") and not (self.staging / entry.name).exists():
                entry.rename(self.staging / entry.name)
        old = Path(tempfile.mkdtemp(prefix=f".{self.site_dir.name}-old-", dir=self.site_dir.parent))
        self.site_dir.rename(old / self.site_dir.name)
        self.staging.rename(self.site_dir)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Drop the staging folder and empty site/ (keeping its dot-files)."""
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.site_dir.is_dir():
            for entry in self.site_dir.iterdir():
                if entry.name.startswith("."):
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
