"""MkDocs hook: the accessibility statement (docs/accessibility.md) gets the date and findings of the
last browser test run from docs/data/accessibility-tests.yml, written by the test suite."""

from __future__ import annotations

from pathlib import Path

from manual import ManualError
from manual.outputs.accessibility_tests import load_test_record, render_statement
from mkdocs.exceptions import PluginError

STATEMENT = "accessibility.md"


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    if page.file.src_uri != STATEMENT:
        return markdown
    root = Path(config.config_file_path).parent
    try:
        record = load_test_record(root)
    except ManualError as error:
        raise PluginError(str(error)) from None
    return render_statement(markdown, record)
