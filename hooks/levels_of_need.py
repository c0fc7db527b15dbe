"""MkDocs hook: the Levels of Need pages, generated from the threshold framework's data.

- levels-of-need/            the levels side by side, step-up and step-down, and the indicator navigator
- levels-of-need/level-N/    one page per level: what to do, its documents (from their declared levels), its indicators
- levels-of-need/families/   the plain-language version for parents, carers and young people

The data is read and validated by manual.levels when the manual loads (hooks/documents.py).
"""

from __future__ import annotations

from manual.model.levels import documents_for_level
from manual.outputs.pages import render_markdown
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

NAVIGATOR = "levels-of-need/index.md"
FAMILIES = "levels-of-need/families.md"


def level_page(number: int) -> str:
    return f"levels-of-need/level-{number}.md"


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None or manual.levels is None:
        return files
    levels = manual.levels
    documents = {doc.id: doc for doc in manual.documents}
    by_level = {level.number: documents_for_level(manual.documents, level.number) for level in levels.levels}
    shared = {"levels": levels, "framework": levels.document, "documents": documents, "by_level": by_level}

    navigator = File.generated(config, NAVIGATOR, content="")
    navigator.content_string = render_markdown(
        "levels-of-need.md.j2", href=_href_from(navigator, files, documents), **shared
    )
    files.append(navigator)
    for level in levels.levels:
        files.append(
            File.generated(
                config,
                level_page(level.number),
                content=render_markdown("levels-of-need-level.md.j2", level=level, **shared),
            )
        )
    files.append(File.generated(config, FAMILIES, content=render_markdown("levels-of-need-families.md.j2", **shared)))
    return files


def _href_from(page: File, files: Files, documents: dict):
    """Addresses of documents relative to a generated page, for links written in HTML rather than Markdown."""

    def href(doc_id: str) -> str:
        return get_relative_url(files.get_file_from_path(documents[doc_id].path).url, page.url)

    return href
