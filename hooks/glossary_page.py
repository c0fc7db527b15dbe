"""MkDocs hook: the glossary page, and the expansion of every abbreviation on every page, from one data file."""

from __future__ import annotations

import re
from itertools import groupby

from mkdocs.structure.files import File, Files

from manual.glossary import abbreviations
from manual.pages import render_markdown


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    glossary = manual.vocabulary.glossary
    # Python-Markdown's abbr extension applies its glossary to every page it renders.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = abbreviations(glossary)
    entries = [
        {"anchor": "term-" + re.sub(r"[^a-z0-9]+", "-", e.term.lower()).strip("-"), **e.__dict__} for e in glossary
    ]
    groups = [(letter, list(items)) for letter, items in groupby(entries, key=lambda e: e["term"][0].upper())]
    titles = {doc.id: doc.title for doc in manual.documents}
    files.append(File.generated(config, "glossary.md", content=render_markdown("glossary.md.j2", groups=groups, titles=titles)))
    return files
