"""The updates feed (Atom 1.0), from the same change records as the amendments page.

The feed's values are decided here and written by a template (templates/changes.xml.j2), with Jinja's
escaping, so the build needs no XML library of its own (feedgen and lxml cost about 10 MB of memory
in every build). Deterministic: the same documents and the same "today" give the same bytes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from manual.model.addresses import SITE_RELATIVE, Addresses
from manual.model.formatting import uk_date
from manual.outputs.changes import LAYER_LABELS, Change
from manual.outputs.pages import render_markdown

FEED_PATH = "changes.xml"
_NAMESPACE = uuid.UUID("4f6c0a52-3c1e-4d2b-9a8e-6b1f2f0c7d11")  # fixed, so each change keeps its entry id


def _moment(day: date, timezone: str) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=ZoneInfo(timezone))


def _urn(key: str) -> str:
    return uuid.uuid5(_NAMESPACE, key).urn


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    updated: str  # RFC 3339
    link: str
    summary: str
    term: str
    label: str
    layer: str  # regional or local: a second category, so a reader can follow one layer
    layer_label: str


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    subtitle: str
    author: str
    generator: str
    alternate: str
    layer_scheme: str
    self_link: str
    updated: str
    entries: tuple[FeedEntry, ...]


def atom_feed(
    changes: list[Change],
    *,
    title: str,
    partnership: str,
    today: date,
    addresses: Addresses = SITE_RELATIVE,
    timezone: str = "Europe/London",
    limit: int = 50,
) -> bytes:
    """An Atom 1.0 document: one entry per amendment, newest first (at most `limit`)."""
    entries = []
    for change in changes[:limit]:
        doc, amendment = change.document, change.amendment
        version = f" (version {amendment.version})" if amendment.version else ""
        entries.append(
            FeedEntry(
                id=_urn(change.key),
                title=f"{change.title}{version}",
                updated=_moment(change.date, timezone).isoformat(),
                link=addresses.absolute(addresses.document(doc)),
                summary=f"{uk_date(change.date)}: {amendment.summary}",
                term=doc.type,
                label=doc.type_label,
                layer=change.layer,
                layer_label=LAYER_LABELS[change.layer],
            )
        )
    alternate = addresses.absolute(addresses.page("changes.md"))
    feed = Feed(
        id=_urn("feed:" + title),
        title=f"{title}: what's changed",
        subtitle=f"Changes to the {partnership}'s procedures, newest first.",
        author=partnership,
        generator=title,  # the manual itself; no third-party address in the feed
        alternate=alternate,
        layer_scheme=f"{alternate}#layers",
        self_link=addresses.absolute(FEED_PATH),
        updated=_moment(changes[0].date if changes else today, timezone).isoformat(),
        entries=tuple(entries),
    )
    return render_markdown("changes.xml.j2", feed=feed).encode("utf-8")
