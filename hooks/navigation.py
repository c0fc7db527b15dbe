"""MkDocs hook: the navigation is built from procedures/ sections, and the contacts page from its data file."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from manual.pages import render_markdown

# Site pages (in docs/) shown after the manual's sections, in this order, when they exist.
ABOUT_PAGES = ["about.md", "contacts.md", "accessibility.md"]


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    vocabulary = manual.vocabulary
    contacts = list(vocabulary.contacts.values())
    files.append(
        File.generated(
            config,
            "contacts.md",
            content=render_markdown(
                "contacts.md.j2",
                contacts=contacts,
                contacts_by_key=vocabulary.contacts,
                owners=sorted(vocabulary.owners.values(), key=lambda o: o.name),
            ),
        )
    )
    nav: list = [{"Home": "index.md"}]
    for section in manual.sections:
        entries = [
            {source.document.title: source.path} if source.document else source.path
            for source in manual.sources
            if source.section == section.folder and (source.document is None or source.document.status in ("approved", "draft"))
        ]
        if entries:
            nav.append({section.title: entries})
    about = [uri for uri in ABOUT_PAGES if files.get_file_from_path(uri) is not None]
    nav.append({"About this manual": about})
    config.nav = nav
    return files
