"""HTML on the site side: text handed to the theme, links that leave the site, and a document placed on the
print page."""

from __future__ import annotations

import posixpath
import re

from markupsafe import Markup, escape

from manual.model.addresses import Addresses
from manual.reading.safety import is_external

# An anchor whose href leaves the site. It is tried only where "//" appears inside a tag: a page has
# hundreds of links and few of them external, and a literal search finds those few fastest.
_ANCHOR = re.compile(r"<a\b(?=[^>]*?\bhref\s*=\s*[\"']\s*(?:https?:)?//)[^>]*>", re.IGNORECASE)
_SLASHES = re.compile("//")
_HREF = re.compile(r"\bhref\s*=\s*([\"'])(.*?)\1", re.IGNORECASE | re.S)
_REL = re.compile(r"\brel\s*=\s*([\"'])(.*?)\1", re.IGNORECASE | re.S)
SAFE_REL = ("noopener", "noreferrer")

_HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s>])")
_ID = re.compile(r'\bid="([^"]+)"')
_RELATIVE_URL = re.compile(r'\b(href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/)([^"]+)"')  # no scheme, not from the root


def theme_text(text: str) -> Markup:
    """Plain text (a title, a summary) as the theme must be given it. The theme's Jinja environment does not
    escape, and Material writes page titles, descriptions and navigation titles into the page as they are,
    into text and attributes alike: MkDocs's titles are HTML. Markup, so a template's `| e` leaves it alone."""
    return escape(text)


def make_external_links_safe(html: str) -> str:
    """Give every link to another site rel="noopener noreferrer": the other site gets no hold on this page
    (window.opener) and is not told which page of the manual the reader came from."""

    def fix(match: re.Match) -> str:
        tag = match.group(0)
        href = _HREF.search(tag)
        if href is None or not is_external(href.group(2)):
            return tag
        rel = _REL.search(tag)
        if rel is None:
            return tag[:-1].rstrip("/ ") + f' rel="{" ".join(SAFE_REL)}">'
        words = rel.group(2).split()
        words += [word for word in SAFE_REL if word not in words]
        return tag[: rel.start()] + f'rel="{" ".join(words)}"' + tag[rel.end() :]

    pieces, done = [], 0
    for slashes in _SLASHES.finditer(html):
        start = html.rfind("<", done, slashes.start())
        if start == -1 or html.find(">", start, slashes.start()) != -1:
            continue  # not inside a tag
        anchor = _ANCHOR.match(html, start)
        if anchor:
            pieces += [html[done:start], fix(anchor)]
            done = anchor.end()
    return "".join(pieces) + html[done:] if pieces else html


def ids_in(html: str) -> set[str]:
    return set(_ID.findall(html))


class PageIds:
    """The ids used on a page so far. An id used again gets the first free suffix, as the toc extension
    numbers repeated headings (what-to-do-now, what-to-do-now_1, ...)."""

    def __init__(self, taken: set[str]):
        self._taken = set(taken)
        self._suffix: dict[
            str, int
        ] = {}  # the last suffix tried for an id: the print page repeats some hundreds of times

    def claim(self, wanted: str) -> str:
        new, n = wanted, self._suffix.get(wanted, 0)
        if n:
            new = f"{wanted}_{n}"
        while new in self._taken:
            n += 1
            new = f"{wanted}_{n}"
        self._suffix[wanted] = n
        self._taken.add(new)
        return new


def shift_headings(html: str, levels: int = 2) -> str:
    """Every heading `levels` levels down (at most h6). Code is escaped in HTML, so it is left alone."""
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + levels)}", html)


def _folder(url: str) -> str:
    """The folder a page's relative links start from: "procedures/x/" -> "procedures/x"; "a/b.html" -> "a"."""
    return url[:-1] if url.endswith("/") else posixpath.dirname(url)


def place_document(html: str, page_url: str, print_url: str, printed: dict[str, str], ids: PageIds) -> str:
    """A document page's HTML as it must read on another page (the whole manual's): ids repeated from
    earlier on that page get a suffix, links to a document also on it point down the page, other relative
    links are rebased from the document's address to the page's, and headings move two levels down.

    printed maps a printed document's page address to its anchor on the page.
    """
    renamed: dict[str, str] = {}
    for old in dict.fromkeys(_ID.findall(html)):
        new = ids.claim(old)
        if new != old:
            renamed[old] = new
    if renamed:
        html = _ID.sub(lambda m: f'id="{renamed.get(m.group(1), m.group(1))}"', html)

    from_dir = _folder(page_url)

    def rebase(match: re.Match) -> str:
        attr, target = match.group(1), match.group(2)
        if target.startswith("#"):
            fragment = target[1:]
            return f'{attr}="#{renamed.get(fragment, fragment)}"'
        path, hash_, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(from_dir, path)) if path else page_url.rstrip("/")
        if resolved == ".":
            resolved = ""
        slash = "/" if path.endswith("/") and resolved else ""
        anchor = printed.get(resolved + slash)
        if anchor is not None:
            return f'{attr}="#{anchor}"'
        return f'{attr}="{Addresses.relative(resolved + slash, print_url)}{hash_}{fragment}"'

    return shift_headings(_RELATIVE_URL.sub(rebase, html))
