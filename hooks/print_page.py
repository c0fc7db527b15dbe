"""MkDocs hook: the whole manual on one page (print.md), for printing or saving as a PDF.

The documents' HTML is collected as each document page is rendered (on_page_content), and written into
the print page once every page has been (on_post_page runs after all pages are rendered), so the manual
goes through Markdown once. manual.whole_manual adapts each document's HTML to the page.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from manual.pages import render_markdown
from manual.whole_manual import PLACEHOLDER, PRINT_PAGE, printed_sections

# Document id -> (page address, rendered HTML). Kept between `mkdocs serve --dirty` rebuilds, which
# render only the changed pages; only the documents in force in the current manual are printed.
_rendered: dict[str, tuple[str, str]] = {}


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    content = render_markdown("print.md.j2", today=manual.today, placeholder=PLACEHOLDER)
    files.append(File.generated(config, PRINT_PAGE, content=content))
    return files


@event_priority(-200)  # after every other hook has finished with the page's HTML
def on_page_content(html: str, *, page, config, files) -> str:
    source = config.extra.get("manual_sources", {}).get(page.file.src_uri)
    doc = source.document if source is not None else None
    if doc is not None and doc.in_force:
        _rendered[doc.id] = (page.url, html)
    return html


@event_priority(50)  # before hooks that post-process the page's output (external links)
def on_post_page(output: str, *, page, config) -> str:
    manual = config.extra.get("manual")
    if manual is None or page.file.src_uri != PRINT_PAGE:
        return output
    if PLACEHOLDER not in output:
        raise PluginError(f"docs/{PRINT_PAGE}: the whole manual's placeholder is missing from the page's HTML")
    taken = set()  # ids already on the page, so a document's headings do not repeat them
    owners = {key: owner.name for key, owner in manual.vocabulary.owners.items()}
    html = render_markdown(
        "print-documents.html.j2",
        sections=printed_sections(manual, _rendered, page.url, taken),
        owners={doc.owner: owners.get(doc.owner, doc.owner) for doc in manual.documents},
        reviews={doc.id: doc.next_review for doc in manual.documents},
    )
    return output.replace(PLACEHOLDER, html, 1)
