"""Proposed statements on the site: marked "proposed" where they stand, and gathered on the "to be agreed"
page for the policy sub-group (manual.model.proposals). Local additions are in their chapter by now, so a
proposal inside one is marked and gathered with the chapter."""

from __future__ import annotations

from manual.model.proposals import mark_proposals
from manual.outputs.pages import render_markdown
from manual.outputs.readiness import document_proposals, levels_proposed
from manual_site.page import NewPage

PAGE = "to-be-agreed.md"


def pages(site):
    manual = site.manual
    yield NewPage(
        PAGE,
        render_markdown(
            "to-be-agreed.md.j2",
            found=document_proposals(manual),
            levels_proposed=levels_proposed(manual),
        ),
    )


def markdown(site, page, markdown: str) -> str:
    if page.document is None or "[proposed:" not in markdown:
        return markdown
    return mark_proposals(markdown, lambda text: render_markdown("proposed.md.j2", text=text).strip())
