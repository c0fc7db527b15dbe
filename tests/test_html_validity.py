"""Every page of the shipped manual is valid HTML, as the Nu Html Checker (vnu.jar, the W3C's checker) reads it.

An attribute broken by a stray quote, an element opened by a '<' in a title, an id used twice: a browser
guesses its way past them, a screen reader may not. The checker runs once, in one process, over every
page. An error fails the test unless tests/vnu-allowlist.yml names it as Material's own, with its reason;
warnings are reported without failing. `make test` installs the checker (package.json, pinned exactly)
and the Java it runs on (scripts/install-html-checker.sh).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST = Path(__file__).resolve().parent / "vnu-allowlist.yml"


def check_html(files: list[Path]) -> list[dict]:
    """The checker's messages about these files: one Java process for all of them."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        missing = "Java" if java is None else str(VNU.relative_to(REPO))
        pytest.fail(
            f"The HTML check needs {missing}, which is missing. Run `make test` (as root it installs Debian's Java, "
            "default-jre-headless; it runs `npm ci` for the checker), or install them and run `npm ci --ignore-scripts`.",
            pytrace=False,
        )
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)["messages"]


def markup(message: dict) -> str:
    """The part of the page the message is about, as the checker quotes it."""
    extract, start = message.get("extract", ""), message.get("hiliteStart", 0)
    return extract[start : start + message.get("hiliteLength", len(extract))]


def allowed(message: dict, entry: dict) -> bool:
    return bool(re.search(entry["message"], message["message"])) and bool(
        re.search(entry.get("markup", ""), markup(message))
    )


def describe(message: dict, root: Path) -> str:
    where = message.get("url", "").removeprefix("file:")
    where = Path(where).relative_to(root).as_posix() if where.startswith(str(root)) else where
    return f"{where}:{message.get('lastLine', '?')}: {message['message']}\n    {markup(message).strip()}"


def test_every_shipped_page_is_valid_html(shipped_site):
    allowlist = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))
    assert all(entry.get("message") and entry.get("reason") for entry in allowlist), "each entry has its reason"
    pages = sorted(shipped_site.rglob("*.html"))
    assert len(pages) > 20, pages  # not an empty or half-built site

    messages = check_html(pages)
    errors = [m for m in messages if m["type"] != "info"]  # "error", and "non-document-error" (a file unreadable)
    unexplained = [m for m in errors if not any(allowed(m, entry) for entry in allowlist)]
    unused = [entry["message"] for entry in allowlist if not any(allowed(m, entry) for m in errors)]
    for message in (m for m in messages if m["type"] == "info"):
        warnings.warn(f"Nu Html Checker: {describe(message, shipped_site)}", stacklevel=1)
    if unused:
        warnings.warn(f"tests/vnu-allowlist.yml: these entries match nothing any more: {unused}", stacklevel=1)
    assert not unexplained, f"{len(unexplained)} HTML errors:\n" + "\n".join(
        describe(m, shipped_site) for m in unexplained
    )


def test_the_checker_finds_a_broken_attribute_and_the_allowlist_does_not_hide_it(tmp_path):
    # What a summary with double quotes once did to a document's description.
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Broken</title>\n'
        '<meta name="description" content="the "one chance" rule"></head><body><p>Text</p></body></html>\n',
        encoding="utf-8",
    )
    allowlist = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))
    errors = [m for m in check_html([page]) if m["type"] == "error"]
    assert any("not allowed on element “meta”" in m["message"] for m in errors), errors
    assert not any(allowed(m, entry) for m in errors for entry in allowlist)
