"""MkDocs hook: the whole manual on one page (print.md), for printing or saving as a PDF.

The manual goes through Markdown once. Each document's HTML is kept as its page is rendered
(on_page_content), in a temporary file rather than in memory, and the page's own copy is let go once the
page is written (on_post_page). The print page is written with a placeholder, which on_post_build replaces
with the documents, read back and written to the file a piece at a time so the whole manual is never in
memory at once. manual.whole_manual adapts each document's HTML to the page.
"""

from __future__ import annotations

import os
from pathlib import Path

from manual.outputs.external_links import make_external_links_safe
from manual.outputs.pages import render_markdown, stream_markdown
from manual.outputs.whole_manual import PLACEHOLDER, PRINT_PAGE, RenderedDocuments, ids_in, printed_sections
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

# Each document's page address and rendered HTML. Kept between `mkdocs serve --dirty` rebuilds, which
# render only the changed pages; only the documents in force in the current manual are printed. A build
# that renders every page starts it afresh.
_rendered = RenderedDocuments()
_written: dict[str, object] = {}  # the print page's file and address, once MkDocs has written it
_state = {"dirty": False}


def on_startup(*, command: str, dirty: bool) -> None:
    _state["dirty"] = dirty


def on_shutdown() -> None:
    _rendered.clear()


def _printed(page, config):
    """The page's document, if the print page prints it (a document in force)."""
    source = config.extra.get("manual_sources", {}).get(page.file.src_uri)
    doc = source.document if source is not None else None
    return doc if doc is not None and doc.in_force else None


def on_files(files: Files, *, config) -> Files:
    _written.clear()
    if not _state["dirty"]:
        _rendered.clear()  # every page is rendered again
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    content = render_markdown("print.md.j2", today=manual.today, placeholder=PLACEHOLDER)
    files.append(File.generated(config, PRINT_PAGE, content=content))
    return files


@event_priority(-200)  # after every other hook has finished with the page's HTML
def on_page_content(html: str, *, page, config, files) -> str:
    doc = _printed(page, config)
    if doc is not None:
        _rendered.add(doc.id, page.url, html)
    return html


@event_priority(-200)  # after every other hook has finished with the page
def on_post_page(output: str, *, page, config) -> str:
    if config.extra.get("manual") is not None and page.file.src_uri == PRINT_PAGE:
        if PLACEHOLDER not in output:
            raise PluginError(f"docs/{PRINT_PAGE}: the whole manual's placeholder is missing from the page's HTML")
        _written.update(path=Path(page.file.abs_dest_path), url=page.url)
    elif _printed(page, config) is not None:
        # The page's HTML is in its output now, and in _rendered for the print page: without this, MkDocs
        # keeps every page's HTML to the end of the build.
        page.content = ""
    return output


def on_post_build(*, config) -> None:
    manual = config.extra.get("manual")
    if manual is None or "path" not in _written:
        return
    path: Path = _written["path"]
    before, after = path.read_text(encoding="utf-8").split(PLACEHOLDER, 1)
    owners = {key: owner.name for key, owner in manual.vocabulary.owners.items()}
    pieces = stream_markdown(
        "print-documents.html.j2",
        # ids already on the page (its header, navigation, title) are not used again
        sections=printed_sections(manual, _rendered, _written["url"], taken=ids_in(before) | ids_in(after)),
        owners={doc.owner: owners.get(doc.owner, doc.owner) for doc in manual.documents},
        reviews={doc.id: doc.next_review for doc in manual.documents},
    )
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        out.write(before)
        for piece in pieces:
            out.write(make_external_links_safe(piece))  # as hooks/external_links.py does for every page
        out.write(after)
    os.replace(partial, path)
    _rendered.compact()  # after `mkdocs serve --dirty` rebuilds, drop the HTML since rendered again
