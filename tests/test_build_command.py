"""The suite builds in-process (conftest.run_build); this checks the real command line against it: the same
exit status and the same messages, for a good build, a manual with a problem and a strict-mode warning."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import TODAY, make_project, run_build
from fixture_documents import document


def lines(output: str) -> list[str]:
    """The output without what differs between two runs: timings and the staging folder's process id."""
    output = re.sub(r"built in [0-9.]+ seconds", "built in N seconds", output)
    return re.sub(r"\.site-building-\d+", ".site-building-N", output).splitlines()


@pytest.mark.parametrize(
    ("files", "returncode"),
    [
        ({}, 0),
        ({"procedures/child-protection/bad.md": document(id="bad-document", owner="nobody")}, 1),
        ({"docs/broken-link.md": "# A page\n\nSee [the missing page](missing.md).\n"}, 1),
    ],
)
def test_mkdocs_build_strict_on_the_command_line_says_what_the_suites_builds_say(tmp_path, files, returncode):
    root = make_project(tmp_path, files=files)
    command = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env={
            **os.environ,
            "MANUAL_TODAY": TODAY,
            "NO_MKDOCS_2_WARNING": "1",
            "DISABLE_MKDOCS_2_WARNING": "true",
        },  # no engine notices
        capture_output=True,
        text=True,
        timeout=300,
    )
    in_process = run_build(root, TODAY)
    assert (command.returncode, in_process.returncode) == (returncode, returncode), command.stdout + command.stderr
    assert lines(in_process.output) == lines(command.stdout + command.stderr)
