"""MkDocs hook: the navigation, built from the procedures/ sections and the site's own pages.

Runs after every other hook's on_files, so generated pages (contacts, indexes, ...) exist by then.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

# Site pages (generated or in docs/), grouped after the manual's sections. A page appears in the
# navigation only when it exists in this build, so a hook adds its page here and nowhere else.
SITE_PAGES = {
    "Find a document": [
        "indexes/a-to-z.md",
        "indexes/topics.md",
        "levels-of-need/index.md",
        "levels-of-need/families.md",
        "indexes/levels.md",
        "indexes/agencies.md",
        "indexes/owners.md",
        "indexes/types.md",
        "glossary.md",
        "changes.md",
        "print.md",
    ],
    "About this manual": [
        "about.md",
        "review-schedule.md",
        "contacts.md",
        "editing.md",
        "editing/front-matter.md",
        "accessibility.md",
    ],
}


@event_priority(-100)
def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    nav: list = [{"Home": "index.md"}]
    for section in manual.sections:
        entries = [
            {source.document.title: source.path} if source.document else source.path
            for source in manual.sources
            if source.section == section.folder
            and (source.document is None or source.document.status in ("approved", "draft"))
        ]
        if entries:
            nav.append({section.title: entries})
    for group, uris in SITE_PAGES.items():
        present = [uri for uri in uris if files.get_file_from_path(uri) is not None]
        if present:
            nav.append({group: present})
    config.nav = nav
    return files
