""" "Report a problem with this page": what a reader sees at the end of every document page, and where it sends them.

Fixture manuals are built for real and the pages read back with html.parser, as a browser reads them; the link's
address is taken apart with urllib.parse, as a mail program or GitHub would. One browser test opens a procedure of
the shipped site on a phone-sized screen.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from browser import new_page
from conftest import REPO, make_project, run_build
from fixture_documents import document

LINK_TEXT = "Report a problem with this page"
SITE_URL = "https://procedures.example.org/"
SHIPPED_SETTINGS = (REPO / "docs/data/settings.yml").read_text(encoding="utf-8")
SHIPPED_CONTACTS = (REPO / "docs/data/contacts.yml").read_text(encoding="utf-8")
SHIPPED_CONFIG = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
SETTING = "report_problem:\n  contact: partnership-business-unit\n"
assert SETTING in SHIPPED_SETTINGS, "the shipped settings no longer send reports to the business unit"

# The basic fixture's referral procedure, as its front matter names it.
REFERRAL = "fixture-referral"
REFERRAL_TITLE = "Fixture referral procedure"
REFERRAL_VERSION = "2.0"

# A contact marked confirmed, with a name that must be escaped once on the page; and a document whose title must be.
DESK = "reports-desk"
DESK_NAME = 'Reports & "queries" <b>desk</b>'
DESK_EMAIL = "reports@example.org"
DESK_CONTACT = f"""{DESK}:
  name: '{DESK_NAME}'
  email: {DESK_EMAIL}
  source: Written by a test
  confirmed: true
"""
AWKWARD = "awkward-title"
AWKWARD_TITLE = 'Tom\'s "one chance" & <b>bold</b> plan'
AWKWARD_VERSION = "1.0"
REPOSITORY = "https://github.com/example-partnership/manual"


def settings_with(setting: str) -> str:
    """The shipped settings with report_problem's lines replaced (setting "" leaves it out)."""
    return SHIPPED_SETTINGS.replace(SETTING, setting)


def files_with(setting: str, **extra: str) -> dict[str, str]:
    return {
        "mkdocs.yml": f"site_url: {SITE_URL}\n" + SHIPPED_CONFIG,  # as the deploy workflow builds it
        "docs/data/settings.yml": settings_with(setting),
        **extra,
    }


class ReportLine(HTMLParser):
    """The page's "report a problem" paragraph: its words, and each link's href and words, as a browser reads them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the paragraph while > 0
        self.words: list[str] = []
        self.links: list[dict] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth:
            self.depth += tag == "p"
            if tag == "a":
                self.links.append({"href": attributes.get("href"), "words": []})
        elif tag == "p" and "manual-report-problem" in (attributes.get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag == "p":
            self.depth -= 1
        elif self.depth and tag == "a" and self.links:
            self.links[-1]["done"] = True

    def handle_data(self, data):
        if self.depth:
            self.words.append(data)
            if self.links and not self.links[-1].get("done"):
                self.links[-1]["words"].append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.words).split())

    def link(self) -> tuple[str, str]:
        """The one link's words and href (fails when the paragraph has none, or more than one)."""
        assert len(self.links) == 1, f"expected one link in the report line: {self.text!r}, {self.links}"
        return " ".join("".join(self.links[0]["words"]).split()), self.links[0]["href"]


def report_line(build, doc_id: str) -> ReportLine:
    line = ReportLine(build.html(doc_id))
    assert line.words, f"procedures/{doc_id}/ has no 'report a problem' paragraph"
    return line


def query(href: str) -> dict[str, str]:
    """The link's query, decoded as its reader decodes it, one value per name: a mail program by RFC 6068 (only
    percent-escapes; a '+' stays a '+'), GitHub as a web form (a '+' is a space)."""
    address = urlsplit(href)
    if address.scheme == "mailto":
        pairs = [part.split("=", 1) for part in address.query.split("&")]
        assert all(len(pair) == 2 for pair in pairs), address.query
        names = [unquote(name) for name, _ in pairs]
        assert len(set(names)) == len(names), names
        return {unquote(name): unquote(value, errors="strict") for name, value in pairs}
    values = parse_qs(address.query, keep_blank_values=True, strict_parsing=True)
    assert all(len(found) == 1 for found in values.values()), values
    return {name: found[0] for name, found in values.items()}


def expected_body(title: str, doc_id: str, version: str) -> str:
    return f"Page: {title}\nAddress: {SITE_URL}procedures/{doc_id}/\nVersion: {version}\n"


# ---- three builds, each shared by the tests of this module -------------------------------------------------------


@pytest.fixture(scope="module")
def unconfirmed_build(build_manual):
    """The shipped setting: email the partnership business unit, whose address is still to be confirmed."""
    build = build_manual("basic", files=files_with(SETTING))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def confirmed_build(build_manual):
    """Email a confirmed contact with an awkward name; one document has an awkward title."""
    build = build_manual(
        "basic",
        files=files_with(
            f"report_problem:\n  contact: {DESK}\n",
            **{
                "docs/data/contacts.yml": SHIPPED_CONTACTS + DESK_CONTACT,
                f"procedures/responding-to-concerns/{AWKWARD}.md": document(
                    id=AWKWARD, title=AWKWARD_TITLE, version=AWKWARD_VERSION
                ),
            },
        ),
    )
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def repository_build(build_manual):
    build = build_manual("basic", files=files_with(f"report_problem:\n  repository: {REPOSITORY}\n"))
    assert build.returncode == 0, build.output
    return build


# ---- an email to the contact the settings name --------------------------------------------------------------------


def test_the_link_is_an_email_to_the_contact_naming_the_page_its_address_and_version(unconfirmed_build):
    line = report_line(unconfirmed_build, REFERRAL)
    words, href = line.link()
    assert words == LINK_TEXT
    address = urlsplit(href)
    assert (address.scheme, address.path) == ("mailto", "admin.hscb@herefordshire.gov.uk")
    message = query(href)
    assert set(message) == {"subject", "body"}
    assert REFERRAL_TITLE in message["subject"]
    assert f"version {REFERRAL_VERSION}" in message["subject"]
    assert message["body"].startswith(expected_body(REFERRAL_TITLE, REFERRAL, REFERRAL_VERSION))
    assert "(sent to: Safeguarding partnership business unit" in line.text


@pytest.mark.parametrize(
    ("build_name", "doc_id", "sent_to", "to_be_confirmed"),
    [
        ("unconfirmed_build", REFERRAL, "Safeguarding partnership business unit", True),
        ("confirmed_build", REFERRAL, DESK_NAME, False),
    ],
    ids=["contact to be confirmed", "contact confirmed"],
)
def test_the_line_names_who_it_goes_to_and_says_so_exactly_when_their_address_is_to_be_confirmed(
    request, build_name, doc_id, sent_to, to_be_confirmed
):
    line = report_line(request.getfixturevalue(build_name), doc_id)
    note = "; email address to be confirmed" if to_be_confirmed else ""
    assert line.text == f"{LINK_TEXT} (sent to: {sent_to}{note})."
    assert ("to be confirmed" in line.text) is to_be_confirmed


def test_every_document_page_has_the_link_to_its_own_page(confirmed_build):
    for doc_id, title, version in [
        (REFERRAL, REFERRAL_TITLE, REFERRAL_VERSION),
        (AWKWARD, AWKWARD_TITLE, AWKWARD_VERSION),
        ("fixture-conference", None, None),
    ]:
        words, href = report_line(confirmed_build, doc_id).link()
        assert words == LINK_TEXT
        assert href.startswith(f"mailto:{DESK_EMAIL}?")
        assert f"Address: {SITE_URL}procedures/{doc_id}/\n" in query(href)["body"]
        if title:
            assert query(href)["body"].startswith(expected_body(title, doc_id, version))


def test_a_title_with_ampersands_quotes_and_tags_is_escaped_exactly_once(confirmed_build):
    html = confirmed_build.html(AWKWARD)
    words, href = report_line(confirmed_build, AWKWARD).link()
    assert words == LINK_TEXT
    message = query(href)
    assert message["subject"] == f"Problem with “{AWKWARD_TITLE}” (version {AWKWARD_VERSION})"
    assert message["body"].startswith(expected_body(AWKWARD_TITLE, AWKWARD, AWKWARD_VERSION))
    assert "&amp;amp;" not in html
    # In the attribute, only the '&' between subject and body is written as an entity; the title is percent-encoded.
    written = html[html.index('<p class="manual-report-problem">') :]
    written = written[written.index('href="') + len('href="') :]
    written = written[: written.index('"')]
    assert written.count("&amp;") == 1 and "&amp;body=" in written
    assert not any(mark in written.replace("&amp;body=", "") for mark in "&<>'\" ")


# ---- a new issue in the manual's repository -----------------------------------------------------------------------


def test_the_repository_setting_opens_a_new_issue_naming_the_page_and_shows_no_email(repository_build):
    line = report_line(repository_build, REFERRAL)
    words, href = line.link()
    assert words == LINK_TEXT
    address = urlsplit(href)
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPOSITORY}/issues/new"
    issue = query(href)
    assert set(issue) == {"title", "body"}
    assert REFERRAL_TITLE in issue["title"] and f"version {REFERRAL_VERSION}" in issue["title"]
    assert issue["body"].startswith(expected_body(REFERRAL_TITLE, REFERRAL, REFERRAL_VERSION))
    assert line.text == f"{LINK_TEXT} (sent to: the manual's repository)."
    assert "@" not in line.text and "mailto:" not in repository_build.html(REFERRAL).split("manual-report-problem")[1]


# ---- a setting the build refuses ----------------------------------------------------------------------------------

BAD_SETTINGS = {
    "contact not in contacts.yml": (
        "report_problem:\n  contact: partnership-busines-unit\n",
        "  contact: partnership-busines-unit",
        "'report_problem.contact': 'partnership-busines-unit' is not a key in docs/data/contacts.yml "
        "(did you mean 'partnership-business-unit'?)",
    ),
    "contact with no email": (
        "report_problem:\n  contact: mash\n",
        "  contact: mash",
        "'report_problem.contact': 'mash' has no email in docs/data/contacts.yml",
    ),
    "both contact and repository": (
        f"report_problem:\n  contact: partnership-business-unit\n  repository: {REPOSITORY}\n",
        "report_problem:",
        "'report_problem': gives contact and repository; expected only one of contact or repository",
    ),
    "neither": (
        "report_problem: {}\n",
        "report_problem: {}",
        "'report_problem': gives no field; expected one of contact or repository",
    ),
    "a repository address ending in /": (
        f"report_problem:\n  repository: {REPOSITORY}/\n",
        f"  repository: {REPOSITORY}/",
        "'report_problem.repository':",
    ),
}


@pytest.mark.parametrize(("setting", "bad_line", "message"), BAD_SETTINGS.values(), ids=BAD_SETTINGS.keys())
def test_a_bad_setting_stops_the_build_naming_the_file_line_and_field(tmp_path, setting, bad_line, message):
    text = settings_with(setting)
    lines = text.splitlines()
    line = lines.index(bad_line, lines.index(setting.splitlines()[0])) + 1  # the first such line of the setting
    root = make_project(tmp_path, "basic", {"docs/data/settings.yml": text})
    build = run_build(root)
    assert build.returncode != 0
    assert f"ERROR   -  manual: docs/data/settings.yml, line {line}, field {message}" in build.output
    assert "nothing was built" in build.output
    assert "Traceback" not in build.output
    assert not (root / "site" / "procedures").exists()


# ---- in a browser, on the shipped site ----------------------------------------------------------------------------


def test_on_a_phone_the_shipped_procedure_page_has_a_visible_keyboard_reachable_link(browser, shipped_server):
    page = new_page(browser, 375, 667)
    try:
        page.goto(shipped_server.url("procedures/mash-referral/"))
        title = page.locator("article h1").first.inner_text().strip()
        assert title.startswith("Making a referral to the MASH")
        link = page.get_by_role("link", name=LINK_TEXT, exact=True)
        assert link.count() == 1
        link.focus()
        assert link.evaluate("element => element === document.activeElement")
        # in the tab order: back one stop and forward one comes back to it
        page.keyboard.press("Shift+Tab")
        assert not link.evaluate("element => element === document.activeElement")
        page.keyboard.press("Tab")
        assert link.evaluate("element => element === document.activeElement")
        assert link.is_visible()
        box = link.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 667  # focusing scrolled it into view
        href = link.get_attribute("href")
        assert href.startswith("mailto:")
        assert "Making a referral to the MASH" in query(href)["subject"]
    finally:
        page.context.close()
