"""No request leaves the site for a third party, and no cookie is set, on any page of the shipped site."""

from __future__ import annotations

import pytest
from browser import audit_parts


@pytest.mark.parametrize("part", audit_parts())  # the sweep that checks every page records what each one asked for
def test_no_page_fetches_from_another_site_or_sets_a_cookie(part, shipped_audit, shipped_pages):
    assert len(shipped_pages) > 10
    pages, audit = shipped_audit(part)
    audits = audit.privacy
    assert list(audits) == pages and None not in audits.values()
    # The recorder really saw the pages' own requests (HTML, Material's CSS and JavaScript, the search index).
    assert all(a.own_requests >= 3 for a in audits.values()), [
        (a.path, a.own_requests) for a in audits.values() if a.own_requests < 3
    ]
    third_party = [f"{a.path or '/'}: {url}" for a in audits.values() for url in a.third_party]
    assert not third_party, "Pages asked another site for something:\n" + "\n".join(third_party)
    cookies = [f"{a.path or '/'}: {name}" for a in audits.values() for name in a.cookies]
    assert not cookies, "Cookies were set:\n" + "\n".join(cookies)
