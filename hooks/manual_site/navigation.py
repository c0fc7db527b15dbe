"""The site's navigation: the manual's sections in order, then the site's own pages, grouped."""

from __future__ import annotations

from collections.abc import Callable

from manual.model.manual import Manual
from manual_site.html import theme_text

# Site pages (generated or in docs/), grouped after the manual's sections. A page appears in the
# navigation only when it exists in this build.
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
        "editions.md",
        "print.md",
    ],
    "About this manual": [
        "about.md",
        "review-schedule.md",
        "contacts.md",
        "editing.md",
        "editing/front-matter.md",
        "editing/levels-of-need.md",
        "editing/when-the-build-says-no.md",
        "accessibility.md",
    ],
}


def navigation(manual: Manual, exists: Callable[[str], bool]) -> list:
    """MkDocs's `nav`: the home page, each section's listed documents (a file with problems by its path), then
    the site pages that exist."""
    nav: list = [{"Home": "index.md"}]
    for section in manual.sections:
        entries = [
            {theme_text(source.document.title): source.path} if source.document else source.path
            for source in manual.sources
            if source.section == section.folder and (source.document is None or source.document.is_listed)
        ]
        if entries:
            nav.append({theme_text(section.title): entries})
    for group, paths in SITE_PAGES.items():
        present = [path for path in paths if exists(path)]
        if present:
            nav.append({group: present})
    return nav
