"""The repository keeps to its style (ruff's lint rules and formatting, as configured in pyproject.toml),
and the suite to its habits. (That no test writes a tracked file is checked at the end of every run:
tests/conftest.py.)"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO


@pytest.mark.parametrize(
    ("command", "fix"),
    [
        (["check", "--no-fix"], "run `.venv/bin/ruff check --fix .` and fix what remains"),
        (["format", "--check"], "run `.venv/bin/ruff format .`"),
    ],
    ids=["lint", "format"],
)
def test_ruff_finds_nothing(command, fix):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "--no-cache", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"ruff {' '.join(command)} ({fix}):\n{result.stdout}{result.stderr}"


# A port written into a test fails on a machine where something else holds it: bind port 0, or use
# conftest.mkdocs_serve, which finds a free one.
FIXED_PORT = re.compile(
    r"(?:127\.0\.0\.1|localhost|0\.0\.0\.0):\d+|\bport\s*=\s*\d+|\.bind\(\([^)]*,\s*[1-9]\d*\s*\)\)"
)


def test_no_test_uses_a_fixed_port():
    tests = Path(__file__).parent
    found = [
        f"{path.relative_to(REPO)}, line {number}: {line.strip()}"
        for path in sorted(tests.glob("*.py"))
        if path != Path(__file__)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if FIXED_PORT.search(line)
    ]
    assert found == []
