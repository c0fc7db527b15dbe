"""Published editions on the site: the editions page (editions.md), the edition in each document's control
panel, and, in an edition's archived copy, a banner on every page and no search-engine indexing.

The decisions are in manual.model.editions and manual.outputs.editions. An archived copy is this same build,
run from the edition's git tag with MANUAL_ARCHIVED_EDITION set to its slug (scripts/build_editions.py), and
published at editions/<slug>/ of the live site: its links to the live site go up two folders from its root.
"""

from __future__ import annotations

from manual.model.addresses import Addresses
from manual.model.editions import document_edition
from manual.outputs.editions import changes_since, edition_entries
from manual.reading.editions import archived_edition
from manual_site.listings import render_listing_page

PAGE = "editions.md"
SINCE_ANCHOR = "since-latest"
NOINDEX = '<meta name="robots" content="noindex">'


def _archive(site):
    """The edition this build is the archived copy of, or None (a problem in MANUAL_ARCHIVED_EDITION stops the build)."""
    return site.once("editions.archive", lambda: archived_edition(site.manual.editions))


def _live(site, target: str, from_url: str) -> str:
    """A link from the page at from_url to target, an address on the live site (never inside this archive)."""
    if _archive(site) is None:
        return Addresses.relative(target, from_url)
    to_root = "../" * (len(from_url.split("/")) - 1)
    return to_root + "../../" + target


def pages(site):
    manual = site.manual
    _archive(site)  # a MANUAL_ARCHIVED_EDITION that names no edition stops the build here
    entries = edition_entries(manual)
    here = site.addresses.page(PAGE)
    latest = entries[0].edition if entries else None
    yield render_listing_page(
        PAGE,
        "editions.md.j2",
        entries=entries,
        latest=latest,
        since=changes_since(manual, latest) if latest else [],
        archives={entry.edition.slug: _live(site, entry.edition.archive, here) for entry in entries},
        hrefs=site.hrefs_from(PAGE),
        layered=manual.regional,
    )


def context(site, page, context: dict) -> None:
    archive = _archive(site)
    if archive is not None:
        context["manual_archive"] = {"edition": archive, "current": _live(site, "", page.url) or "./"}
    doc = page.document
    if doc is None:
        return
    found = document_edition(doc, site.manual.editions, site.manual.today)
    if found is not None:
        anchor = SINCE_ANCHOR if found.changed_since else found.edition.slug
        href = Addresses.relative(site.addresses.page(PAGE), page.url) + "#" + anchor
        context.update(document_edition=found, document_edition_href=href)


def output(site, page, output: str) -> str:
    """An archived copy is a record, not the manual to follow: search engines are asked not to offer it."""
    if _archive(site) is None:
        return output
    return output.replace("</head>", f"  {NOINDEX}\n  </head>", 1)
