"""MkDocs hook: the whole manual on one page (print.md), for printing or saving as a PDF."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from manual.pages import render_markdown
from manual.whole_manual import PRINT_PAGE, printed_sections


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    owners = {key: owner.name for key, owner in manual.vocabulary.owners.items()}
    content = render_markdown(
        "print.md.j2",
        sections=printed_sections(manual, PRINT_PAGE),
        owners={doc.owner: owners.get(doc.owner, doc.owner) for doc in manual.documents},
        reviews={doc.id: doc.next_review for doc in manual.documents},
        today=manual.today,
    )
    files.append(File.generated(config, PRINT_PAGE, content=content))
    return files
