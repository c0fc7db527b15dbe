"""The accessibility statement (docs/accessibility.md) gets the date and findings of the last browser test
run from docs/data/accessibility-tests.yml, so its "last tested" date is never typed by hand."""

from __future__ import annotations

from manual.outputs.accessibility_tests import load_test_record, render_statement

STATEMENT = "accessibility.md"


def markdown(site, page, markdown: str) -> str:
    if page.path != STATEMENT:
        return markdown
    return render_statement(markdown, load_test_record(site.manual.settings.root))
