"""MkDocs hook: what Material's search indexes for each document.

- Its topics go to the tags plugin (page.meta["topics"], the plugin's `tags_name_property`).
- Its topics, keywords and the glossary's acronyms for it go to the search index's `tags` field
  (page.meta["tags"]), which Material weights above titles, so "LADO" finds the LADO procedure first.
- Withdrawn and superseded documents are left out of search (page.meta["search"]["exclude"]).
"""

from __future__ import annotations

from manual.search_terms import search_terms


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py, which set page.meta before this runs
    source = config.extra.get("manual_sources", {}).get(page.file.src_uri)
    if manual is None or source is None or source.document is None:
        return markdown
    doc = source.document
    in_use = doc.status in ("approved", "draft")
    page.meta["topics"] = list(doc.tags) if in_use else []
    glossary = getattr(manual.vocabulary, "glossary", ())
    page.meta["tags"] = list(doc.tags) + [term for term in search_terms(doc, glossary) if term not in doc.tags]
    if not in_use:
        page.meta["search"] = {"exclude": True}
    return markdown
