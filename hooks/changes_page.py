"""MkDocs hook: "What's changed" (changes.md), its Atom feed (changes.xml), and the "Updated" mark in the navigation.

All from the documents' amendment entries, through manual.changes and manual.feed.
"""

from __future__ import annotations

from manual.model.glossary import AbbreviationFinder
from manual.outputs.changes import all_changes, by_month, next_update, recent_changes, recently_updated
from manual.outputs.feed import FEED_PATH, atom_feed
from manual.outputs.pages import render_page
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

PAGE = "changes.md"
UPDATED = "updated"  # Material's page status: shown in the navigation beside the title


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    settings = manual.settings
    changes = all_changes(manual.documents, manual.today)
    recent = recent_changes(changes, manual.today, settings.updated_days)
    page = File.generated(config, PAGE, content="")
    finder = config.extra.get("manual_abbreviations")  # hooks/glossary_page.py
    texts = [text for change in changes for text in (change.document.title, change.amendment.summary)]
    generated = render_page(
        "changes.md.j2",
        abbreviations=(finder or AbbreviationFinder({})).splitter(texts),
        hrefs={doc_id: get_relative_url(url, page.url) for doc_id, url in config.extra["manual_urls"].items()},
        months=by_month(changes),
        recent=recent,
        updated_days=settings.updated_days,
        next_update=next_update(manual.today, settings.update_months),
        feed_path=FEED_PATH,
        cadence=_cadence(len(set(settings.update_months))),
    )
    page.content_string = generated.markdown
    config.extra["manual_html_blocks"][PAGE] = generated.html_blocks  # each month's table: see hooks/html_blocks.py
    files.append(page)
    feed = atom_feed(
        changes,
        title=config.site_name,
        partnership=settings.partnership,
        today=manual.today,
        site_url=config.site_url or "",
        timezone=settings.timezone,
    )
    files.append(File.generated(config, FEED_PATH, content=feed))
    config.extra.setdefault("status", {})[UPDATED] = f"Updated in the last {settings.updated_days} days"
    return files


def _cadence(times: int) -> str:
    return {1: "once a year", 2: "twice a year"}.get(times, f"{times} times a year")


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    manual = config.extra.get("manual")
    source = config.extra.get("manual_sources", {}).get(page.file.src_uri)
    if manual is None or source is None or source.document is None:
        return markdown
    if recently_updated(source.document, manual.today, manual.settings.updated_days):
        page.meta["status"] = UPDATED
    return markdown
