"""Running the review scripts as a user does: a subprocess, its exit status, its output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_script(
    script: str, *args: str, stdin: str | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "MANUAL_TODAY"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / script), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
