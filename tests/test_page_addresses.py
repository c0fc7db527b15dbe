"""A document's id may not take an address another page already has (hooks/page_addresses.py)."""

from __future__ import annotations


def test_a_site_page_at_a_documents_address_fails_the_build(build_manual):
    build = build_manual(files={"docs/procedures/fixture-referral.md": "# A page someone put under procedures/\n"})
    assert build.returncode != 0
    assert (
        "procedures/responding-to-concerns/referral.md, line 2, field 'id': the page for 'fixture-referral' would be written to "
        "procedures/fixture-referral/index.html, which is also where the page procedures/fixture-referral.md goes; expected an id no other page uses"
    ) in build.output
    assert "nothing was built" in build.output
    assert "Traceback" not in build.output
    assert not (build.site / "index.html").exists()


def test_the_reserved_id_index_fails_the_build(build_manual):
    from fixture_documents import document

    build = build_manual(
        files={"procedures/child-protection/index.md": document(id="index", title="Index of procedures")}
    )
    assert build.returncode != 0
    assert (
        "procedures/child-protection/index.md, line 2, field 'id': 'index' is reserved for the site's own pages"
        in build.output
    )
    assert "Traceback" not in build.output
