"""The review schedule page: overdue documents, those coming up, and every document with filters."""

from __future__ import annotations

from manual.model.readability import ACTION_FLOOR
from manual.model.review import ReviewState
from manual.outputs.pages import render_markdown
from manual.outputs.schedule import COMING_UP_DAYS, ScheduleEntry, coming_up, overdue, owners_of, schedule_entries
from manual_site.listings import render_listing_page

PAGE = "review-schedule.md"


def pages(site):
    manual = site.manual
    entries = schedule_entries(manual, site.addresses)
    hrefs = site.hrefs_from(PAGE)
    readability = {doc.id: found for doc in manual.documents if (found := manual.readability(doc)) is not None}

    def table(rows: list[ScheduleEntry], name: str) -> str:
        return render_markdown(
            "review-schedule-table.html.j2",
            entries=rows,
            name=name,
            hrefs=hrefs,
            due_soon_days=manual.settings.due_soon_days,
            readability=readability,
        ).strip()

    yield render_listing_page(
        PAGE,
        "review-schedule.md.j2",
        today=manual.today,
        entries=entries,
        overdue=overdue(entries),
        coming_up=coming_up(entries),
        coming_up_days=COMING_UP_DAYS,
        owners=owners_of(entries),
        states=list(ReviewState),
        table=table,
        action_floor=ACTION_FLOOR,
    )
