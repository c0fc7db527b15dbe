"""Text from front matter reads as itself wherever it reaches a page: escaped once, never twice, never not.

Quotes, apostrophes, '&', '<' and Markdown's own marks in a title or a summary must not end an attribute,
open a tag, show an entity's name or turn into emphasis. The first property builds a fixture manual for
real and reads the built files (and the bulletin's HTML) back with a parser, html.parser or the XML parser
for the feed, as a browser or a feed reader would; the second puts any text through markdown_text.
"""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
import search_index
import yaml
from conftest import REPO, TODAY, make_project, run_build
from fixture_documents import document
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from manual import load_manual
from manual.outputs.bulletin import bulletin
from manual.outputs.pages import markdown_text

DOC_ID = "awkward-document"
PATH = f"procedures/responding-to-concerns/{DOC_ID}.md"
AMENDED = "2026-11-20"  # within the fixture's "updated" days of its today, so the changes page lists it as recent
AMENDED_IN_WORDS = "20 November 2026"
SITE_NAME = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
ATOM = "{http://www.w3.org/2005/Atom}"

# Text that has broken pages, or would: quotes and apostrophes in attributes, what HTML, XML and Markdown read
# as markup, entities written out, and marks that mean something at the start of a Markdown line.
AWKWARD = [
    "Tom's",
    '"one chance"',
    "A & B",
    "a < b",
    "b > a",
    "<b>bold</b>",
    "</h1>",
    "<!-- not a comment",
    "]]>",
    "&amp;",
    "&#39;",
    "*star*",
    "_under_",
    "[link](x)",
    "| pipe |",
    "`code`",
    "back\\slash",
    "{: #id }",
    "# hash",
    "- dash",
    "1. one",
    ": colon",
    "!!! note",
    "café",
    "‘curly’",
]
# No digits (they read as phone numbers) and no '=' or '@' (event handlers, email addresses): the build
# refuses those in any document, by design, and that is not what these tests are about.
words = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(alphabet=string.ascii_letters + "'\"&*_|`{}#-.:!()?~", min_size=1, max_size=6),
)
titles = st.lists(words, min_size=1, max_size=5).map(" ".join).filter(lambda text: 3 <= len(text) <= 120)
phrases = st.lists(words, min_size=1, max_size=8).map(" ".join)

# A build takes a second or two: a few examples, and no shrinking (a failure is reported as found, which for
# text this short is readable already).
BUILDS = settings(
    max_examples=3,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


class Elements(HTMLParser):
    """Every element of an HTML page with its attributes and its whole text (descendants' text included)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[tuple[str, list[str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        text: list[str] = []
        self.found.append((tag, {name: value or "" for name, value in attrs}, text))
        if tag not in self.VOID:
            self._open.append((tag, text))

    def handle_endtag(self, tag):
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                return

    def handle_data(self, data):
        for _, text in self._open:
            text.append(data)

    def all(self, tag: str, **attrs: str) -> list[tuple[dict[str, str], str]]:
        """(attributes, text) of each `tag` whose attributes start with these values."""
        return [
            (have, "".join(text))
            for name, have, text in self.found
            if name == tag and all(have.get(key, "\0").startswith(value) for key, value in attrs.items())
        ]


def words_of(text: str) -> str:
    """Text as a reader sees it: HTML makes any run of white space one space."""
    return " ".join(text.split())


def build_with(tmp_path: Path, title: str, summary: str, amendment: str):
    files = {
        PATH: document(
            id=DOC_ID,
            title=title,
            summary=summary,
            version="1.1",
            amendments=[{"date": AMENDED, "version": "1.1", "summary": amendment}],
        )
    }
    build = run_build(make_project(tmp_path, "basic", files))
    assert build.returncode == 0, build.output
    return build


def page(build, path: str, content_only: bool = False) -> Elements:
    """A built page's elements; with content_only, those of its article alone (no navigation, header or footer)."""
    html = (build.site / path / "index.html").read_text(encoding="utf-8")
    if content_only:
        html = html[html.index("<article") : html.index("</article>")]
    return Elements(html)


def links_to_document(elements: Elements) -> list[tuple[dict[str, str], str]]:
    return [(attrs, text) for attrs, text in elements.all("a") if attrs.get("href", "").endswith(f"{DOC_ID}/")]


@BUILDS
@given(title=titles, summary=phrases, amendment=phrases)
@example(
    title='Tom\'s "one chance" A & B <b>x</b> &amp; *star* [l](m) | `c` {: #i }',
    summary="Summary with \"double\" and 'single' quotes, A & B, a < b > c, <i>tag</i>, &amp;amp; and \\.",
    amendment='Added "was not brought" & <y> it\'s',
)
def test_titles_and_summaries_read_as_written_on_every_page_and_in_the_feed(
    tmp_path_factory, title, summary, amendment
):
    summary = f"{summary}: a summary for the escaping test."  # at least the schema's 20 characters
    amendment = f"Changed {amendment}"
    build = build_with(tmp_path_factory.mktemp("escaping"), title, summary, amendment)

    # The document's own page: its heading, the window's title, the description and the header's title.
    own = page(build, f"procedures/{DOC_ID}")
    assert [text for _, text in own.all("h1")] == [title]
    assert [text for _, text in own.all("title")] == [f"{title} - {SITE_NAME}"]
    assert [attrs["content"] for attrs, _ in own.all("meta", name="description")] == [summary]
    assert title in [words_of(text) for _, text in own.all("div", **{"class": "md-header__topic"})]
    assert [words_of(text) for _, text in own.all("td")][-1] == amendment  # the amendments table

    # Its neighbours: the navigation and the footer's link (Material escapes the footer's label itself).
    neighbour = page(build, "procedures/fixture-referral")
    links = links_to_document(neighbour)
    assert title in [words_of(text) for _, text in links]
    assert any(attrs.get("aria-label") in (f"Previous: {title}", f"Next: {title}") for attrs, _ in links)

    # The A to Z: the link and the summary under it.
    a_to_z = page(build, "indexes/a-to-z", content_only=True)
    assert [words_of(text) for _, text in links_to_document(a_to_z)] == [title]
    items = [words_of(text) for _, text in a_to_z.all("li") if words_of(text).endswith(summary)]
    assert len(items) == 1 and items[0].startswith(title)

    # What's changed: the recent list is Markdown, the month's table is HTML; both say the same.
    changes = page(build, "changes", content_only=True)
    assert [words_of(text) for _, text in links_to_document(changes)] == [title, title]
    recent = [words_of(text) for _, text in changes.all("li") if text.startswith(title)]
    assert recent == [f"{title}, {AMENDED_IN_WORDS}: {amendment}"]
    assert amendment in [words_of(text) for _, text in changes.all("td")]

    # The topics page (Material's tags plugin) and the search index (its title is text, which results show as text).
    assert title in [words_of(text) for _, text in links_to_document(page(build, "indexes/topics", content_only=True))]
    entry = next(doc for doc in search_index.entries(build.site) if doc["location"] == f"procedures/{DOC_ID}/")
    assert entry["title"] == title

    # The feed, read as XML.
    feed = ET.parse(build.site / "changes.xml").getroot()
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.find(f"{ATOM}link").get("href").endswith(f"{DOC_ID}/"))
    assert entry.findtext(f"{ATOM}title") == f"{title} (version 1.1)"
    assert entry.findtext(f"{ATOM}summary") == f"{AMENDED_IN_WORDS}: {amendment}"

    # The bulletin's HTML for email, made from Markdown like the changes page.
    mail = Elements(bulletin(load_manual(build.root, TODAY), date(2026, 11, 1)).html)
    assert [words_of(text) for _, text in links_to_document(mail)] == [title]
    assert amendment in [words_of(text) for _, text in mail.all("td")]


# ---- markdown_text, in process: any text, in each place a template writes it into Markdown -----------------

MKDOCS = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
EXTENSIONS = [next(iter(e)) if isinstance(e, dict) else e for e in MKDOCS["markdown_extensions"]]
PLACES = [
    "{}",  # a paragraph of its own, e.g. a level's summary
    "- [{}](x)",  # link text in a list
    "## {} {{: #anchor }}",  # a heading with its anchor
    "| Name | What |\n| --- | --- |\n| {} | x |",  # a table cell
    "**{}**\n:   x",  # a definition list's term
]
# Python-Markdown drops the two characters it uses for its own placeholders, and control characters (line
# breaks among them) cannot be in a title: neither is text anyone types. A paragraph may be several lines.
# Nor is a title of white space alone (an empty heading takes no anchor).
line = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x02\x03"), min_size=1, max_size=40
).filter(str.strip)
lines = st.lists(line, min_size=1, max_size=4).map("\n".join)
SHOWN_IN = {"{}": "p", "- [{}](x)": "a", "## {} {{: #anchor }}": "h2", "**{}**\n:   x": "dt"}  # else a table cell
STRUCTURE = {"p", "a", "ul", "li", "h2", "strong", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd"}


@settings(max_examples=300, deadline=None)
@given(data=st.data(), place=st.sampled_from(PLACES))
@example(data=None, place="{}")
def test_markdown_text_reads_as_itself_wherever_a_template_puts_it(data, place):
    if data is None:
        text = "1. # - + ! : = ~ ? > <b> &amp; {: #x }\na\n===\n    code\n- item\n: term\n~~~\n!!! note\n??? x"
    else:
        text = data.draw(lines if place == "{}" else line)
    html = markdown.markdown(place.format(markdown_text(text)), extensions=EXTENSIONS)
    elements = Elements(html)
    shown = " ".join(text for _, text in elements.all(SHOWN_IN.get(place, "td")))
    if place == "| Name | What |\n| --- | --- |\n| {} | x |":
        shown = shown.removesuffix(" x")
    assert words_of(shown) == words_of(text), html
    assert {tag for tag, _, _ in elements.found} <= STRUCTURE, html  # nothing of the text became markup
