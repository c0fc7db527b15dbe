"""MkDocs hook: "What links here" on every document page, computed once per build by manual.backlinks."""

from __future__ import annotations

from manual.outputs.backlinks import links_here
from mkdocs.structure.files import Files


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    config.extra["manual_links_here"] = links_here(manual.documents) if manual is not None else {}
    return files


def on_page_context(context, *, page, config, nav):
    document = context.get("document")  # set by hooks/documents.py for document pages
    if document is not None:
        context["linked_from"] = config.extra.get("manual_links_here", {}).get(document.id, ())
    return context
