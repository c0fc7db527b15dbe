"""The register of documents, published at the site's root as register.json and register.csv."""

from __future__ import annotations

from manual.outputs.editions import site_edition
from manual.outputs.register import CSV_FILE, JSON_FILE, register_csv, register_json
from manual.outputs.schedule import schedule_entries
from manual_site.page import NewPage


def pages(site):
    manual = site.manual
    entries = schedule_entries(manual, site.addresses, additions=False)  # one record per document
    edition = site_edition(manual)
    release = manual.regional.release if manual.regional else None
    yield NewPage(JSON_FILE, register_json(entries, manual.today, site.site_name, edition, release))
    yield NewPage(CSV_FILE, register_csv(entries, manual.today, edition))
