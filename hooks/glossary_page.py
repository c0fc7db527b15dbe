"""MkDocs hook: the glossary page, and the expansion of every abbreviation on every page, from one data file."""

from __future__ import annotations

import re
from itertools import groupby

from manual.model.glossary import AbbreviationFinder, abbreviations
from manual.outputs.pages import render_markdown
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    glossary = manual.vocabulary.glossary
    config.extra["manual_abbreviations"] = AbbreviationFinder(abbreviations(glossary))
    entries = [
        {"anchor": "term-" + re.sub(r"[^a-z0-9]+", "-", e.term.lower()).strip("-"), **e.__dict__} for e in glossary
    ]
    groups = [(letter, list(items)) for letter, items in groupby(entries, key=lambda e: e["term"][0].upper())]
    titles = {doc.id: doc.title for doc in manual.documents}
    files.append(
        File.generated(config, "glossary.md", content=render_markdown("glossary.md.j2", groups=groups, titles=titles))
    )
    return files


@event_priority(-100)  # after the other hooks have changed the page's Markdown
def on_page_markdown(markdown: str, *, page, config, files) -> str:
    """Python-Markdown's abbr extension expands the glossary's abbreviations on every page. MkDocs makes a
    new Markdown converter for each page from mdx_configs, so each page is given only the abbreviations
    it contains: the extension's cost grows with the number of abbreviations it looks for."""
    finder = config.extra.get("manual_abbreviations")
    if finder is not None:
        config.mdx_configs.setdefault("abbr", {})["glossary"] = finder.in_text(markdown)
    return markdown
