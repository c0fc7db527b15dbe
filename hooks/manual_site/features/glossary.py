"""The glossary page, and the abbreviations expanded on every page, from one data file (docs/data/glossary.yml)."""

from __future__ import annotations

from itertools import groupby

from manual.outputs.pages import render_markdown
from manual.words import slug
from manual_site.page import NewPage


def pages(site):
    manual = site.manual
    entries = [{"anchor": "term-" + slug(entry.term), **entry.__dict__} for entry in manual.vocabulary.glossary]
    groups = [(letter, list(items)) for letter, items in groupby(entries, key=lambda e: e["term"][0].upper())]
    titles = {doc.id: doc.title for doc in manual.documents}
    yield NewPage("glossary.md", render_markdown("glossary.md.j2", groups=groups, titles=titles))
