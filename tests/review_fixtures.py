"""The review-reminders fixture manual built once per test session, shared by the site and browser tests.

Import the fixture into a test module: `from review_fixtures import review_site`.
"""

from __future__ import annotations

import pytest
from conftest import make_project, run_build

BUILT_ON = "2026-11-24"


@pytest.fixture(scope="session")
def review_site(tmp_path_factory):
    """A strict build of tests/fixtures/review-reminders as of 24 November 2026 (a conftest.Build)."""
    root = make_project(tmp_path_factory.mktemp("review-site"), "review-reminders")
    build = run_build(root, BUILT_ON)
    assert build.returncode == 0, build.output
    return build
