"""MkDocs hook: the contacts page, generated from docs/data/contacts.yml and owners.yml."""

from __future__ import annotations

from manual.outputs.pages import render_markdown
from mkdocs.structure.files import File, Files


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    vocabulary = manual.vocabulary
    content = render_markdown(
        "contacts.md.j2",
        contacts=list(vocabulary.contacts.values()),
        contacts_by_key=vocabulary.contacts,
        owners=sorted(vocabulary.owners.values(), key=lambda owner: owner.name),
    )
    files.append(File.generated(config, "contacts.md", content=content))
    return files
