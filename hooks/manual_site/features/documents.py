"""Document pages: each document's record becomes its page's title, description and topics, and the
context its templates show (review state, owner, related documents, problems). Links written
doc:ID become links to that document's file, on every page of the site, which MkDocs turns into its address."""

from __future__ import annotations

from pathlib import PurePosixPath

from manual.model.links import rewrite_doc_links
from manual_site.html import theme_text


def markdown(site, page, markdown: str) -> str:
    source, doc = page.source, page.document
    if source is not None:
        page.meta.update(
            title=theme_text(doc.title if doc else source.data.get("title") or PurePosixPath(source.path).stem),
            description=theme_text(doc.summary if doc else ""),
            tags=[theme_text(tag) for tag in doc.tags] if doc else [],
        )

    def url_for(doc_id: str) -> str | None:
        target = site.manual.get(doc_id)
        if target is None:
            if source is None:  # a document's links are checked with the manual; a site page's here
                site.warn(f"docs/{page.path}: links to doc:{doc_id}, which is not the id of any document")
            return None
        return site.addresses.relative(target.path, page.path)  # a link to its file: MkDocs checks and converts it

    return rewrite_doc_links(markdown, url_for)


def context(site, page, context: dict) -> None:
    if page.source is None:
        return
    manual, doc = site.manual, page.document
    context["manual_problems"] = manual.problems_for(page.source.path)
    if doc is None:
        return
    owners = manual.vocabulary.owners
    context.update(
        document=doc,
        review=manual.review(doc),
        owner=owners.get(doc.owner),
        approver=owners.get(doc.approved_by or ""),
        related_documents=[d for d in (manual.get(i) for i in doc.related) if d is not None],
        replacement=manual.get(doc.superseded_by) if doc.superseded_by else None,
        url_of=site.url,
    )
