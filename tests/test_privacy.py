"""No request leaves the site for a third party, and no cookie is set, on any page of the shipped site."""

from __future__ import annotations

from browser import site_pages
from site_audit import privacy_audit


def test_no_page_fetches_from_another_site_or_sets_a_cookie(browser, shipped_site, shipped_server):
    pages = site_pages(shipped_site)
    assert len(pages) > 10 and any(p.startswith("procedures/") for p in pages), pages
    audits = privacy_audit(browser, shipped_server, pages)
    assert [a.path for a in audits] == pages
    # The recorder really saw the pages' own requests (HTML, Material's CSS and JavaScript, the search index).
    assert all(a.own_requests >= 3 for a in audits), [(a.path, a.own_requests) for a in audits if a.own_requests < 3]
    third_party = [f"{a.path or '/'}: {url}" for a in audits for url in a.third_party]
    assert not third_party, "Pages asked another site for something:\n" + "\n".join(third_party)
    cookies = [f"{a.path or '/'}: {name}" for a in audits for name in a.cookies]
    assert not cookies, "Cookies were set:\n" + "\n".join(cookies)
