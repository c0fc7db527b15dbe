"""MkDocs hook: the review schedule page (every document, its owner, state and next review)."""

from __future__ import annotations

from manual.outputs.schedule_page import PAGE, render_schedule_page
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    page = File.generated(config, PAGE, content="")

    urls = config.extra["manual_urls"]

    def href(entry) -> str:
        url = urls.get(entry.document.id)
        return get_relative_url(url, page.url) if url else entry.url

    generated = render_schedule_page(manual, href)
    page.content_string = generated.markdown
    config.extra["manual_html_blocks"][PAGE] = generated.html_blocks  # the tables: see hooks/html_blocks.py
    files.append(page)
    return files
