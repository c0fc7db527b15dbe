"""The contacts page, generated from docs/data/contacts.yml and owners.yml."""

from __future__ import annotations

from manual.outputs.pages import render_markdown
from manual_site.page import NewPage


def pages(site):
    vocabulary = site.manual.vocabulary
    yield NewPage(
        "contacts.md",
        render_markdown(
            "contacts.md.j2",
            contacts=list(vocabulary.contacts.values()),
            contacts_by_key=vocabulary.contacts,
            settings=site.manual.settings,
            owners=sorted(vocabulary.owners.values(), key=lambda owner: owner.name),
        ),
    )
