"""MkDocs hook: what Material's search indexes for each document.

- Withdrawn and superseded documents are left out of search (page.meta["search"]["exclude"]) and out of
  the topic listings (no tags for the tags plugin to file them under).
- Once the tags plugin has filed a document under its topics (its on_page_markdown, priority -50), the
  page's `tags` become its topics plus its search words: keywords, and the glossary's acronyms and
  expansions for it. Material's search weights `tags` above titles and titles above body text, so
  "LADO" finds the LADO procedure before every page that only mentions it.
"""

from __future__ import annotations

from manual.outputs.search_terms import SearchTerms
from mkdocs.plugins import event_priority


def _document(page, config):
    source = config.extra.get("manual_sources", {}).get(page.file.src_uri)
    return source.document if source is not None else None


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    doc = _document(page, config)  # hooks/documents.py set page.meta (priority 100) before this runs
    if doc is not None and doc.status in ("withdrawn", "superseded"):
        page.meta["tags"] = []
        page.meta["search"] = {"exclude": True}
    return markdown


@event_priority(-100)
def on_page_content(html: str, *, page, config, files) -> str:
    manual = config.extra.get("manual")
    doc = _document(page, config)
    if manual is None or doc is None or doc.status in ("withdrawn", "superseded"):
        return html
    terms = config.extra.get("manual_search_terms")
    if terms is None:  # once a build: the glossary's lookups
        terms = config.extra["manual_search_terms"] = SearchTerms(getattr(manual.vocabulary, "glossary", ()))
    page.meta["tags"] = list(doc.tags) + [term for term in terms.of(doc) if term not in doc.tags]
    return html
