"""The updates feed (Atom), built with feedgen from the same change records as the amendments page.

Deterministic: the same documents and the same "today" give the same bytes.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from .changes import Change
from .formatting import uk_date

FEED_PATH = "changes.xml"
_NAMESPACE = uuid.UUID("4f6c0a52-3c1e-4d2b-9a8e-6b1f2f0c7d11")  # fixed, so each change keeps its entry id


def _moment(day: date, timezone: str) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=ZoneInfo(timezone))


def _urn(key: str) -> str:
    return uuid.uuid5(_NAMESPACE, key).urn


def _absolute(site_url: str, path: str) -> str:
    return (site_url.rstrip("/") + "/" + path) if site_url else path


def atom_feed(
    changes: list[Change],
    *,
    title: str,
    partnership: str,
    today: date,
    site_url: str = "",
    timezone: str = "Europe/London",
    limit: int = 50,
) -> bytes:
    """An Atom 1.0 document: one entry per amendment, newest first (at most `limit`)."""
    feed = FeedGenerator()
    feed.id(_urn("feed:" + title))
    feed.title(f"{title}: what's changed")
    feed.subtitle(f"Changes to the {partnership}'s procedures, newest first.")
    feed.author({"name": partnership})
    feed.language("en-GB")
    feed.generator(title)  # the manual itself; no third-party address in the feed
    feed.link(href=_absolute(site_url, "changes/"), rel="alternate", type="text/html")
    feed.link(href=_absolute(site_url, FEED_PATH), rel="self", type="application/atom+xml")
    latest = changes[0].date if changes else today
    feed.updated(_moment(latest, timezone))
    # feedgen prepends entries; add oldest first so the feed reads newest first.
    for change in reversed(changes[:limit]):
        doc, amendment = change.document, change.amendment
        entry = feed.add_entry()
        entry.id(_urn(change.key))
        version = f" (version {amendment.version})" if amendment.version else ""
        entry.title(f"{doc.title}{version}")
        entry.link(href=_absolute(site_url, doc.url), rel="alternate", type="text/html")
        entry.published(_moment(change.date, timezone))
        entry.updated(_moment(change.date, timezone))
        entry.summary(f"{uk_date(change.date)}: {amendment.summary}")
        entry.category(term=doc.type, label=doc.type_label)
    return feed.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
