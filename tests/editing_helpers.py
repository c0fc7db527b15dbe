"""Running the editing commands as an editor would: a subprocess on a throwaway copy of a fixture manual."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import REPO

from manual import load_manual


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_script(name: str, root: Path, *args: str, today: str | None = "2026-11-24") -> Run:
    command = [sys.executable, str(REPO / "scripts" / name), *args, "--root", str(root)]
    if today is not None:
        command += ["--today", today]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=root)
    assert "Traceback" not in result.stderr, result.stderr
    return Run(result.returncode, result.stdout, result.stderr)


def problems_of(root: Path, today: str = "2026-11-24") -> list[str]:
    """Every problem the build's core finds in the manual, as the build would print them."""
    return [str(problem) for problem in load_manual(root, today).problems]


def front_matter(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[: text.index("\n---\n", 4) + 5]
