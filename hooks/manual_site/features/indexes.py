"""The index pages under indexes/: A to Z, topics, owners, agencies, levels of need and types.

Material's tags plugin files documents by topic (its allowed list is docs/data/tags.yml, set by the
entry point, so an unknown tag fails the build). The other pages are rendered from the records,
grouped by manual.outputs.indexes.
"""

from __future__ import annotations

from manual.outputs import indexes
from manual.outputs.changes import recently_updated
from manual.outputs.pages import render_markdown
from manual_site.listings import render_listing_page
from manual_site.page import NewPage

# (page, title, introduction, grouping); the topics page is the tags plugin's
PAGES = (
    ("indexes/a-to-z.md", "A to Z of documents", "Every document in the manual, by the first letter of its title.", "a_to_z"),
    ("indexes/owners.md", "Documents by owner", "Who owns each document: the sub-group, panel or lead agency responsible for keeping it up to date.", "by_owner"),
    ("indexes/agencies.md", "Documents by agency", "The documents each agency needs. Documents for all agencies are listed under every agency too.", "by_audience"),
    ("indexes/levels.md", "Documents by level of need", "The documents that apply at each level of need, and those not tied to a level.", "by_level"),
    ("indexes/types.md", "Documents by type", "Procedures, protocols, practice guidance and the other kinds of document in the manual.", "by_type"),
)  # fmt: skip
TOPICS = "indexes/topics.md"


def pages(site):
    manual = site.manual
    documents = manual.documents
    retired = indexes.no_longer_in_force(documents)
    groupings = {
        "a_to_z": lambda: indexes.a_to_z(documents),
        "by_owner": lambda: indexes.by_owner(documents, manual.vocabulary),
        "by_audience": lambda: indexes.by_audience(documents),
        "by_level": lambda: indexes.by_level(documents, manual.levels),
        "by_type": lambda: indexes.by_type(documents),
    }
    shared = {
        "updated": {
            doc.id
            for doc in documents
            if recently_updated(doc, manual.today, manual.settings.updated_days, manual.additions_to(doc))
        },
        "titles": {doc.id: doc.title for doc in documents},
    }
    yield NewPage(TOPICS, render_markdown("topics.md.j2", withdrawn=bool(retired)))
    for path, title, introduction, grouping in PAGES:
        groups = groupings[grouping]()
        yield render_listing_page(
            path,
            "index.md.j2",
            title=title,
            introduction=introduction,
            groups=groups,
            jump=grouping != "a_to_z" or len(groups) > 1,
            hrefs=site.hrefs_from(path),
            withdrawn=retired if grouping == "a_to_z" else [],
            **shared,
        )
