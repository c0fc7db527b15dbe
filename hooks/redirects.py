"""MkDocs hook: old addresses keep working. Each document's `redirect_from` ids become redirect pages.

mkdocs-redirects writes the pages; this hook hands it the map, built from the document records
(procedures/<old-id>/ -> the document's page), before the plugin reads it in its own on_files.
"""

from __future__ import annotations

from manual.reading.redirects import redirect_map, redirect_problems
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

log = get_plugin_logger("manual")
REDIRECTS_PLUGIN = "redirects"


@event_priority(50)  # after hooks/documents.py loads the manual (100), before mkdocs-redirects (0)
def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")
    plugin = config.plugins.get(REDIRECTS_PLUGIN)
    if manual is None or plugin is None:
        return files
    for problem in redirect_problems(manual.documents):
        log.warning(str(problem))  # a warning fails `mkdocs build --strict`
    maps = dict(plugin.config.get("redirect_maps") or {})
    for old_id, doc in redirect_map(manual.documents).items():
        maps[f"procedures/{old_id}.md"] = doc.path
    plugin.config["redirect_maps"] = maps
    return files
