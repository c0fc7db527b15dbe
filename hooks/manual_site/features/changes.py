"""What's changed (changes.md), its Atom feed (changes.xml), and the "Updated" mark in the navigation.

All from the documents' amendment entries, through manual.outputs.changes and manual.outputs.feed.
"""

from __future__ import annotations

from manual.outputs.changes import all_changes, by_month, next_update, recent_changes, recently_updated
from manual.outputs.feed import FEED_PATH, atom_feed
from manual.words import plural
from manual_site.listings import render_listing_page
from manual_site.page import NewPage

PAGE = "changes.md"
UPDATED = "updated"  # Material's page status: shown in the navigation beside the title


def pages(site):
    manual = site.manual
    settings = manual.settings
    changes = all_changes(manual)
    site.page_statuses[UPDATED] = f"Updated in the last {settings.updated_days} days"
    yield render_listing_page(
        PAGE,
        "changes.md.j2",
        months=by_month(changes),
        recent=recent_changes(changes, manual.today, settings.updated_days),
        updated_days=settings.updated_days,
        next_update=next_update(manual.today, settings.update_months),
        feed_path=FEED_PATH,
        layered=manual.regional,
        cadence=_cadence(len(set(settings.update_months))),
        hrefs=site.hrefs_from(PAGE),
    )
    feed = atom_feed(
        changes,
        title=site.site_name,
        partnership=settings.partnership,
        today=manual.today,
        addresses=site.addresses,
        timezone=settings.timezone,
    )
    yield NewPage(FEED_PATH, feed)


def _cadence(times: int) -> str:
    return {1: "once a year", 2: "twice a year"}.get(times, f"{plural(times, 'time')} a year")


def markdown(site, page, markdown: str) -> str:
    doc = page.document
    manual = site.manual
    if doc is not None and recently_updated(doc, manual.today, manual.settings.updated_days, manual.additions_to(doc)):
        page.meta["status"] = UPDATED
    return markdown
