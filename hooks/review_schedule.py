"""MkDocs hook: the review schedule page (every document, its owner, state and next review)."""

from __future__ import annotations

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from manual.schedule_page import PAGE, render_schedule_page


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    page = File.generated(config, PAGE, content="")

    def href(entry) -> str:
        target = files.get_file_from_path(entry.document.path)
        return get_relative_url(target.url, page.url) if target else entry.url

    page.content_string = render_schedule_page(manual, href)
    files.append(page)
    return files
