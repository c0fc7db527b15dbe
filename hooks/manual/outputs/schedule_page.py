"""The review schedule page: overdue documents, those coming up, and every document with filters."""

from __future__ import annotations

from collections.abc import Callable

from manual.model.manual import Manual
from manual.model.review import ReviewState
from manual.outputs.pages import GeneratedPage, render_markdown, render_page
from manual.outputs.schedule import COMING_UP_DAYS, ScheduleEntry, coming_up, overdue, owners_of, schedule_entries

PAGE = "review-schedule.md"


def render_schedule_page(manual: Manual, href: Callable[[ScheduleEntry], str]) -> GeneratedPage:
    """The page; href gives the address of a document's page relative to this one. Its tables are HTML
    blocks, put into the page after Markdown."""
    entries = schedule_entries(manual)

    def table(rows: list[ScheduleEntry], name: str) -> str:
        return render_markdown(
            "review-schedule-table.html.j2",
            entries=rows,
            name=name,
            href=href,
            due_soon_days=manual.settings.due_soon_days,
        ).strip()

    return render_page(
        "review-schedule.md.j2",
        today=manual.today,
        entries=entries,
        overdue=overdue(entries),
        coming_up=coming_up(entries),
        coming_up_days=COMING_UP_DAYS,
        owners=owners_of(entries),
        states=list(ReviewState),
        table=table,
    )
