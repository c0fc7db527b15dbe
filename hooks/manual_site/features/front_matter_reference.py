"""The editor's front matter reference, generated from docs/schema/document.schema.json, so it can never
drift from the schema the build validates against."""

from __future__ import annotations

from manual.outputs.pages import render_markdown
from manual.outputs.schema_reference import schema_reference
from manual.reading.schema import read_schema
from manual_site.page import NewPage

PAGE = "editing/front-matter.md"


def pages(site):
    reference = schema_reference(read_schema(site.manual.settings.schema_file))
    yield NewPage(PAGE, render_markdown("front-matter.md.j2", reference=reference))
