"""The site's features, in the one order they run in.

Each feature is a module with the same small shape, any of:

    pages(site) -> iterable of NewPage          the pages and files it adds to the site
    markdown(site, page, markdown) -> str       what it does to a page's Markdown (before conversion)
    html(site, page, html) -> str               ... to a page's HTML body, once converted
    context(site, page, context) -> None        ... to the context the theme renders the page with
    output(site, page, output) -> str           ... to the page's finished HTML file
    finished(site, site_dir) -> None            what it adds to the built site once every page is written

The order matters where one feature reads what another wrote: listings go into a generated page's HTML
before anything else reads it; local additions go into their regional chapter before the chapter is
read as a document, and proposed statements are marked in both; documents set a page's title and
topics before search words add to them; the print page takes each document's finished body, and
external links are made safe on every page, the print page included; and the glossary picks a page's
abbreviations from its Markdown once every other feature has changed it; and offline reading, last, lists
for saving every file of the finished site, the search files another feature writes included.
"""

from manual_site.features import (
    accessibility_statement,
    changes,
    contacts,
    documents,
    editions,
    external_links,
    front_matter_reference,
    glossary,
    indexes,
    levels_of_need,
    links_here,
    listings,
    local_additions,
    offline,
    print_page,
    proposals,
    register,
    report_problem,
    review_schedule,
    search,
    search_words,
)

FEATURES = (
    listings,
    local_additions,
    proposals,
    documents,
    report_problem,
    links_here,
    search_words,
    search,  # after search_words, which takes withdrawn and superseded documents out of search
    indexes,
    changes,
    editions,
    levels_of_need,
    contacts,
    review_schedule,
    register,
    front_matter_reference,
    accessibility_statement,
    print_page,
    external_links,
    glossary,
    offline,  # last: its `finished` saves every file the others wrote, search files included
)
