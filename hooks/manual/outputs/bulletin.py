"""The bulletin digest: changes to the manual since a date, for the partnership's fortnightly bulletin.

Markdown for editors to paste, and the same as a small HTML page for email. Both from the change records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import markdown as python_markdown

from manual.model.addresses import SITE_RELATIVE, Addresses
from manual.model.formatting import uk_date
from manual.outputs.changes import Change, all_changes, next_update
from manual.outputs.feed import FEED_PATH
from manual.outputs.pages import render_markdown


@dataclass(frozen=True)
class Bulletin:
    since: date
    today: date
    changes: tuple[Change, ...]
    markdown: str
    html: str


def bulletin(manual, since: date, addresses: Addresses = SITE_RELATIVE) -> Bulletin:
    """Every change from `since` up to the manual's today, newest first."""
    changes = all_changes(manual, since=since)
    context = dict(
        partnership=manual.settings.partnership,
        since=since,
        today=manual.today,
        changes=changes,
        layered=manual.regional is not None,
        links={change.document.id: addresses.absolute(addresses.document(change.document)) for change in changes},
        changes_page=addresses.absolute(addresses.page("changes.md")),
        feed=addresses.absolute(FEED_PATH),
        next_update=next_update(manual.today, manual.settings.update_months),
    )
    text = render_markdown("bulletin.md.j2", **context)
    body = python_markdown.markdown(text, extensions=["tables"], output_format="html")
    title = f"Changes to the safeguarding procedures, {uk_date(since)} to {uk_date(manual.today)}"
    page = render_markdown("bulletin.html.j2", title=title, body=body)
    return Bulletin(since, manual.today, tuple(changes), text, page)
