"""Local additions go into their regional chapter's Markdown, under the heading each names, before anything
else reads the page (their doc: links and abbreviations are then handled as the chapter's own)."""

from __future__ import annotations

from manual.model.additions import heading_level, place
from manual.outputs.pages import render_markdown


def markdown(site, page, markdown: str) -> str:
    doc = page.document
    if doc is None or not doc.is_regional:
        return markdown
    manual = site.manual
    for addition in manual.additions_to(doc):
        owner = manual.vocabulary.owners.get(addition.owner)
        block = render_markdown(
            "local-addition.md.j2",
            addition=addition,
            label=manual.settings.local_label,
            level=min(6, heading_level(markdown, addition.at) + 1),
            owner=owner.name if owner else addition.owner,
            regional_change=manual.regional_change(addition),
        )
        markdown = place(markdown, addition.at, block)
    return markdown
