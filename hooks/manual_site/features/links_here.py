""" "What links here" on every document page: the documents that link to it or list it as related."""

from __future__ import annotations

from manual.outputs.backlinks import links_here


def context(site, page, context: dict) -> None:
    if page.document is None:
        return
    found = site.once("links here", lambda: links_here(site.manual.documents))
    context["linked_from"] = found.get(page.document.id, ())
