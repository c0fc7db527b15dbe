"""The Levels of Need pages, generated from the threshold framework's data (manual.model.levels).

- levels-of-need/            the levels side by side, step-up and step-down, and the indicator navigator
- levels-of-need/level-N/    one page per level: what to do, its documents (from their declared levels), its indicators
- levels-of-need/families/   the plain-language version for parents, carers and young people
"""

from __future__ import annotations

from manual.model.levels import documents_for_level
from manual.outputs.pages import render_markdown
from manual_site.page import NewPage

NAVIGATOR = "levels-of-need/index.md"
FAMILIES = "levels-of-need/families.md"


def pages(site):
    manual = site.manual
    levels = manual.levels
    if levels is None:
        return
    documents = {doc.id: doc for doc in manual.documents}
    shared = {
        "levels": levels,
        "framework": levels.document,
        "documents": documents,
        "by_level": {level.number: documents_for_level(manual.documents, level.number) for level in levels.levels},
        "settings": manual.settings,
    }
    hrefs = site.hrefs_from(NAVIGATOR)
    yield NewPage(NAVIGATOR, render_markdown("levels-of-need.md.j2", href=hrefs.__getitem__, **shared))
    for level in levels.levels:
        page = f"levels-of-need/level-{level.number}.md"
        yield NewPage(page, render_markdown("levels-of-need-level.md.j2", level=level, **shared))
    yield NewPage(FAMILIES, render_markdown("levels-of-need-families.md.j2", **shared))
