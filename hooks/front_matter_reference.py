"""MkDocs hook: the editor's front matter reference, generated from docs/schema/document.schema.json."""

from __future__ import annotations

from manual.outputs.pages import render_markdown
from manual.outputs.schema_reference import schema_reference
from manual.reading.schema import read_schema
from mkdocs.structure.files import File, Files

PAGE = "editing/front-matter.md"


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    reference = schema_reference(read_schema(manual.settings.schema_file))
    files.append(File.generated(config, PAGE, content=render_markdown("front-matter.md.j2", reference=reference)))
    return files
