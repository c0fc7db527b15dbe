"""MkDocs hook: the register of documents, published at the site's root as register.json and register.csv."""

from __future__ import annotations

from manual.outputs.register import CSV_FILE, JSON_FILE, register_csv, register_json
from manual.outputs.schedule import schedule_entries
from mkdocs.structure.files import File, Files


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    entries = schedule_entries(manual, config.site_url or None)
    files.append(File.generated(config, JSON_FILE, content=register_json(entries, manual.today, config.site_name)))
    files.append(File.generated(config, CSV_FILE, content=register_csv(entries)))
    return files
