"""The way off MkDocs 1.6.1 (HANDBOOK.md, "If Material or MkDocs stops being maintained"): ProperDocs, a
maintained fork of MkDocs 1.x pinned in requirements-dev.txt, builds the shipped manual with the same
mkdocs.yml, hook and plugins into the same site, file for file and byte for byte, but for the line in each
page's head that names the engine.

The MkDocs build is the browser suite's shipped_site (built in-process on the day the suite runs); ProperDocs
runs on its command line, the way a maintainer would switch to it, and is given that build's date.

Zensical is not one of the project's dependencies: scripts/engine_report.py compares it with MkDocs in the
engine-exit workflow. The report's reading of pages and of Zensical's messages is checked here, as that workflow
runs only monthly.
"""

from __future__ import annotations

import difflib
import importlib.util
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from browser import REPO, build_date

# The one line the engines write differently: <meta name="generator" content="mkdocs-1.6.1, mkdocs-material-...">
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def _engine_report():
    spec = importlib.util.spec_from_file_location("engine_report", REPO / "scripts" / "engine_report.py")
    module = sys.modules["engine_report"] = importlib.util.module_from_spec(spec)  # dataclasses look it up there
    spec.loader.exec_module(module)
    return module


engine_report = _engine_report()


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def without_generator(content: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator" content="">', content)


# Both tests read both builds: on one worker, so each build is made once.
pytestmark = pytest.mark.xdist_group("engine_exit")


@pytest.fixture(scope="module")
def properdocs_site(shipped_site, tmp_path_factory) -> Path:
    """The shipped manual built by `properdocs build --strict` on the same day as shipped_site."""
    site = tmp_path_factory.mktemp("properdocs") / "site"
    # -f: ProperDocs looks for properdocs.yml first and reads mkdocs.yml only as a fallback it says it will
    # drop, so the file is named, as the handbook tells a maintainer to.
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=REPO,
        env={
            **os.environ,
            "MANUAL_TODAY": build_date(shipped_site),
            "NO_MKDOCS_2_WARNING": "1",  # no engine notices, as the Makefile
            "DISABLE_MKDOCS_2_WARNING": "true",
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"properdocs build --strict failed:\n{result.stdout}{result.stderr}"
    return site


def test_properdocs_builds_the_same_pages_and_html_as_mkdocs(shipped_site, properdocs_site):
    mkdocs, properdocs = files(shipped_site), files(properdocs_site)
    assert "procedures/mash-referral/index.html" in mkdocs and "register.csv" in mkdocs  # a whole build, not a stub

    only_mkdocs, only_properdocs = sorted(mkdocs.keys() - properdocs.keys()), sorted(properdocs.keys() - mkdocs.keys())
    assert not only_mkdocs and not only_properdocs, (
        f"only MkDocs wrote {only_mkdocs or 'nothing else'}; only ProperDocs wrote {only_properdocs or 'nothing else'}"
    )

    # The offline list and the service worker carry a hash of every file, the generator line included, so they
    # differ whenever a page's generator line does; the files they list are compared here one by one.
    hashed = {"offline-files.json", "sw.js"}
    differing = [
        name
        for name in mkdocs
        if name not in hashed and without_generator(mkdocs[name]) != without_generator(properdocs[name])
    ]
    shown = []
    for name in differing[:3]:  # the first lines that differ in the first few files, enough to see what changed
        diff = difflib.unified_diff(
            without_generator(mkdocs[name]).decode(errors="replace").splitlines(),
            without_generator(properdocs[name]).decode(errors="replace").splitlines(),
            f"mkdocs/{name}",
            f"properdocs/{name}",
            n=0,
            lineterm="",
        )
        shown.append("\n".join(list(diff)[:12]))
    assert not differing, f"{len(differing)} files differ beyond the generator line: {differing}\n" + "\n".join(shown)


def test_the_generator_line_names_each_engine(shipped_site, properdocs_site):
    """The one line set aside above really is the engine's name: so the two sites came from two engines."""
    mkdocs = GENERATOR.findall((shipped_site / "about" / "index.html").read_bytes())
    properdocs = GENERATOR.findall((properdocs_site / "about" / "index.html").read_bytes())
    assert mkdocs == [f"mkdocs-{version('mkdocs')}, mkdocs-material-{version('mkdocs-material')}".encode()]
    assert properdocs == [
        f"mkdocs-ProperDocs {version('properdocs')}, mkdocs-material-{version('mkdocs-material')}".encode()
    ]


def test_the_zensical_report_reads_the_content_and_panels_a_reader_sees(shipped_site):
    home = engine_report.reading((shipped_site / "index.html").read_text(encoding="utf-8"))
    # The emergency line is outside the page's article; the report must see it, as readers do, to see it go.
    assert "A child in immediate danger: call 999. Worried about a child? Contact the MASH." in home.passages
    assert home.build_date and home.abbreviations > 0
    assert not any("Skip to content" in passage for passage in home.passages)  # the theme's own text is not compared


def test_the_zensical_report_names_each_missing_page_zensical_warns_about():
    # As Zensical prints a warning (colours already removed): the column points at the link's target.
    output = """Build started
Warning: page does not exist
    ╭─[ about.md:39:48 ]
    │
 39 │ All contact details are kept on the [Contacts](contacts.md) page. Some details are marked
    │                                                ─────┬─────
    │                                                     ╰─────── page does not exist
────╯
1 issues found
"""
    assert engine_report.zensical_warnings(output) == ["page does not exist: `contacts.md` (about.md:39)"]
