"""Content safety: active content, external images and personal data in procedures/ fail the build,
naming the file and line; links to other sites are made safe and listed in a report."""

from __future__ import annotations

import re

import pytest
from cli_helpers import manual
from conftest import REPO, make_project
from fixture_documents import document

from manual.model.vocabulary import load_vocabulary
from manual.reading.safety import content_problems, nhs_number_is_valid

PLANTED = "procedures/responding-to-concerns/planted.md"
CONTACTS = load_vocabulary(REPO).contacts


def problems_in(body: str) -> list[str]:
    """What the build would print for a document body starting on line 30 of its file."""
    return [str(p) for p in content_problems(PLANTED, body, 30, CONTACTS)]


def test_a_script_in_a_document_fails_the_build_naming_the_file_and_line(build_manual):
    body = "## What to do now\n\nAct now.\n\n<script>alert('x')</script>\n"
    build = build_manual(files={PLANTED: document(body, id="planted")})
    assert build.returncode == 1
    # front matter is lines 1-19 (yaml.safe_dump of the valid document), then a blank line: the body starts at 21
    line = document(body, id="planted").split("\n").index("<script>alert('x')</script>") + 1
    assert f"{PLANTED}, line {line}: raw HTML <script> is not allowed in a document" in build.output
    assert "nothing was built" in build.output
    assert "Traceback" not in build.output


def test_an_nhs_number_in_a_document_fails_the_build(build_manual):
    body = "## What to do now\n\nThe child's NHS number is 943 476 5919.\n"
    build = build_manual(files={PLANTED: document(body, id="planted")})
    assert build.returncode == 1
    assert re.search(rf"{PLANTED}, line \d+: '943 476 5919' looks like an NHS number", build.output)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<script src='x.js'></script>", "raw HTML <script> is not allowed"),
        ("<SCRIPT>alert(1)</SCRIPT>", "raw HTML <script> is not allowed"),
        ('<iframe src="https://example.org/"></iframe>', "raw HTML <iframe> is not allowed"),
        ('<object data="movie.swf"></object>', "raw HTML <object> is not allowed"),
        ('<embed src="movie.swf">', "raw HTML <embed> is not allowed"),
        ("<style>@import url(https://fonts.example.com/x.css);</style>", "raw HTML <style> is not allowed"),
        ('<a href="#" onclick="steal()">Next</a>', "the inline event handler onclick= in <a> is not allowed"),
        ('<div onmouseover = "x()">Hover</div>', "the inline event handler onmouseover= in <div> is not allowed"),
        ('Read this { onclick="steal()" }', "the event handler onclick= in an attribute list is not allowed"),
        ("[Click here](javascript:alert(1))", "a javascript: link or address ('javascript:alert(1') is not allowed"),
        ('<a href="JavaScript:alert(1)">x</a>', "a javascript: link or address"),
        ("[x]: javascript:alert(1)", "a javascript: link or address"),
        ("![Map](https://example.org/map.png)", "the image 'https://example.org/map.png' is on another site"),
        ("![Map](//example.org/map.png)", "the image '//example.org/map.png' is on another site"),
        ('<img src="http://example.org/a.gif" alt="">', "the image 'http://example.org/a.gif' is on another site"),
        ("The NHS number 9434765919 was given.", "'9434765919' looks like an NHS number"),
        ("NHS no. 943-476-5919", "'943-476-5919' looks like an NHS number"),
        (
            "Email jane.smith@gmail.com for advice.",
            "the email address 'jane.smith@gmail.com' is not in docs/data/contacts.yml",
        ),
        ("Call 07700 900123 for advice.", "the phone number '07700 900123' is not in docs/data/contacts.yml"),
        (
            "Call +44 (0)1432 555123 for advice.",
            "the phone number '+44 (0)1432 555123' is not in docs/data/contacts.yml",
        ),
        ("Call (01432) 555 123 today.", "the phone number '(01432) 555 123' is not in docs/data/contacts.yml"),
        ("Call NHS 111 if you are unsure.", "the phone number '111' is not in docs/data/contacts.yml"),
        ("Childline is on 116 123.", "the phone number '116 123' is not in docs/data/contacts.yml"),
    ],
)
def test_unsafe_content_is_named_with_its_file_and_line(line, expected):
    problems = problems_in(f"## What to do now\n\n{line}\n")
    assert any(p.startswith(f"{PLANTED}, line 32: {expected}") for p in problems), problems


@pytest.mark.parametrize(
    "line",
    [
        "Call 999 if the child is in immediate danger; 101 if it is not an emergency.",  # both in contacts.yml
        "Phone the business unit on 01432 260100 or email admin.hscb@herefordshire.gov.uk.",  # in contacts.yml
        "Phone +44 1432 260100.",  # the same number, written internationally
        "Under section 111 of the Act, and paragraph 101.",  # references, not phone numbers
        "The form `<script>` tag is shown as code, never run.",
        "Read [the guidance](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).",
        "![Flow chart](../../assets/flow.png)",
        "Reference 123 456 7890 fails the NHS check digit.",  # 10 digits, not a valid NHS number
        "In 2023, 1,234 contacts were screened within 24 hours; 95% in 72 hours.",
        'A <details> element and <abbr title="Multi-Agency Safeguarding Hub">MASH</abbr> are fine.',
    ],
)
def test_safe_content_passes(line):
    assert problems_in(f"## What to do now\n\n{line}\n") == []


def test_code_blocks_are_not_checked():
    body = '## Example\n\n```html\n<script>alert(1)</script>\n<a onclick="x()">\n```\n\nAfter the code: <iframe>\n'
    assert problems_in(body) == [
        f"{PLANTED}, line 37: raw HTML <iframe> is not allowed in a document: an <iframe> shows another site inside the page. Remove it; write the content in Markdown"
    ]


@pytest.mark.parametrize(
    ("number", "valid"), [("9434765919", True), ("4010232137", True), ("9434765918", False), ("1234567890", False)]
)
def test_the_nhs_number_check_digit(number, valid):
    assert nhs_number_is_valid(number) is valid


# ---- links to other sites ---------------------------------------------------------------------------


EXTERNAL_BODY = (
    "## What to do now\n\n"
    "Read [Working Together](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).\n\n"
    "Also <https://www.legislation.gov.uk/ukpga/1989/41/section/47> and [the referral procedure](doc:fixture-referral).\n\n"
    "Again: [Working Together 2023](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).\n"
)


def test_links_to_other_sites_get_rel_noopener_and_internal_links_do_not(build_manual):
    build = build_manual(files={PLANTED: document(EXTERNAL_BODY, id="planted")})
    assert build.returncode == 0, build.output
    html = build.html("planted")
    anchors = re.findall(r"<a\b[^>]*>", html)
    external = [a for a in anchors if 'href="https://' in a]
    assert len(external) == 3
    assert all('rel="noopener noreferrer"' in a for a in external), external
    internal = next(a for a in anchors if 'href="../fixture-referral/"' in a)
    assert "noopener" not in internal


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<a href="https://x.org/a">x</a>', '<a href="https://x.org/a" rel="noopener noreferrer">x</a>'),
        ("<A HREF='//y.org' rel=\"nofollow\">y</A>", "<A HREF='//y.org' rel=\"nofollow noopener noreferrer\">y</A>"),
        (
            '<a\nclass="c"\nhref="http://z.org">z</a>',
            '<a\nclass="c"\nhref="http://z.org" rel="noopener noreferrer">z</a>',
        ),
        ('<a href="https://q.org" rel="noopener">q</a>', '<a href="https://q.org" rel="noopener noreferrer">q</a>'),
        # not links to other sites: left as they are
        ('<a title="a // b" href="../x/">w</a> <svg xmlns="http://www.w3.org/2000/svg"></svg> // text', None),
        ('<link href="https://x.org/style.css"> <img src="//x.org/i.png">', None),
    ],
)
def test_only_links_to_other_sites_are_given_rel(html, expected):
    from manual_site.html import make_external_links_safe

    assert make_external_links_safe(html) == (expected or html)
    assert (
        make_external_links_safe("<p>before</p>" + html + "<p>after</p>")
        == "<p>before</p>" + (expected or html) + "<p>after</p>"
    )


def test_the_external_links_report_lists_every_address_with_file_and_line(tmp_path):
    root = make_project(tmp_path, files={PLANTED: document(EXTERNAL_BODY, id="planted")})
    text = document(EXTERNAL_BODY, id="planted").split("\n")
    first = text.index(next(t for t in text if t.startswith("Read [Working Together]"))) + 1
    result = manual("links", root=root)
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert re.search(
        r"^\d+ addresses on other sites, linked \d+ times from \d+ files\. Not checked by the build", report, re.M
    )
    assert "| <https://www.equalityadvisoryservice.com/> | docs/accessibility.md, line " in report  # site pages too
    assert (
        f"| <https://www.gov.uk/government/publications/working-together-to-safeguard-children--2> | "
        f"{PLANTED}, line {first}<br>{PLANTED}, line {first + 4} |"
    ) in report
    assert f"| <https://www.legislation.gov.uk/ukpga/1989/41/section/47> | {PLANTED}, line {first + 2} |" in report
    csv_out = manual("links", "--format", "csv", root=root).stdout
    assert f"https://www.legislation.gov.uk/ukpga/1989/41/section/47,{PLANTED},{first + 2}," in csv_out


def test_the_shipped_manual_has_no_unsafe_content():
    from manual import load_manual

    manual = load_manual(REPO)
    unsafe = [
        str(p)
        for p in manual.problems
        if p.field is None and p.path.startswith("procedures/") and _is_safety(p.message)
    ]
    assert unsafe == []


def _is_safety(message: str) -> bool:
    return any(
        word in message
        for word in (
            "raw HTML",
            "event handler",
            "link or address",
            "on another site",
            "NHS number",
            "not in docs/data/contacts.yml",
        )
    )


def test_personal_data_in_the_front_matter_fails_the_build_naming_the_field(build_manual):
    text = document(id="planted", summary="Ring the duty worker on 07700 900123 before referring.")
    build = build_manual(files={PLANTED: text})
    assert build.returncode == 1
    line = text.split("\n").index(next(t for t in text.split("\n") if t.startswith("summary:"))) + 1
    assert (
        f"{PLANTED}, line {line}, field 'summary': the phone number '07700 900123' is not in docs/data/contacts.yml"
        in build.output
    )
