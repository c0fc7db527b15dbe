"""Running `manual` as a user does: in-process for most tests, the installed console script for one smoke test each.

Both give back what the user sees: the exit status, standard output and standard error.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from manual.cli import main

CONSOLE_SCRIPT = Path(sys.executable).parent / "manual"  # pyproject.toml's [project.scripts], installed by make


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _command_line(args: tuple[str, ...], root: Path | None, today: str | None) -> list[str]:
    return [str(arg) for arg in args] + (["--root", str(root)] if root else []) + (["--today", today] if today else [])


def manual(
    *args: str, root: Path | None = None, today: str | None = None, stdin: str = "", env: dict | None = None
) -> Run:
    """`manual ARGS --root ROOT --today TODAY`, called in this process from ROOT (when given), as an editor would
    run it from the repository's folder. MANUAL_TODAY is unset unless env sets it."""
    out, err = io.StringIO(), io.StringIO()
    environment = {key: value for key, value in os.environ.items() if key != "MANUAL_TODAY"} | (env or {})
    with (
        mock.patch.dict(os.environ, environment, clear=True),
        mock.patch.object(sys, "stdin", io.StringIO(stdin)),
        contextlib.chdir(root or Path.cwd()),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        status = main(_command_line(args, root, today))
    run = Run(status, out.getvalue(), err.getvalue())
    assert "Traceback" not in run.stderr, run.stderr
    return run


def smoke(
    *args: str, root: Path | None = None, today: str | None = None, stdin: str | None = None, env: dict | None = None
) -> Run:
    """The same through the installed console script, in a process of its own."""
    environment = {key: value for key, value in os.environ.items() if key != "MANUAL_TODAY"} | (env or {})
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), *_command_line(args, root, today)],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=root,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return Run(result.returncode, result.stdout, result.stderr)
