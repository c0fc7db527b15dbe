"""Links that leave the site: found in Markdown for the report, and made safe in the built HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass

from manual.reading.safety import is_external, lines_outside_code

_INLINE = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?((?:https?:)?//[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?((?:https?:)?//\S+?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<((?:https?:)?//[^>\s]+)>")
_HTML_HREF = re.compile(r"<a\b[^>]*\bhref\s*=\s*[\"']((?:https?:)?//[^\"']+)[\"']", re.IGNORECASE)

# Only anchors with an external href somewhere in the tag: a page's hundreds of navigation links are
# passed over in C rather than each checked in Python. fix() still decides, from the first href.
_ANCHOR = re.compile(r"<a\b(?=[^>]*?\bhref\s*=\s*[\"']\s*(?:https?:)?//)[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"\bhref\s*=\s*([\"'])(.*?)\1", re.IGNORECASE | re.S)
_REL = re.compile(r"\brel\s*=\s*([\"'])(.*?)\1", re.IGNORECASE | re.S)
SAFE_REL = ("noopener", "noreferrer")


@dataclass(frozen=True, order=True)
class ExternalLink:
    url: str
    path: str
    line: int
    text: str


def external_links(path: str, body: str, first_line: int = 1) -> list[ExternalLink]:
    """Every link to another site in a Markdown text, with the line it is on (code is skipped)."""
    links: list[ExternalLink] = []
    for number, line in lines_outside_code(body, first_line):
        for match in _INLINE.finditer(line):
            links.append(ExternalLink(match.group(2), path, number, match.group(1).strip()))
        reference = _REFERENCE.match(line)
        if reference:
            links.append(ExternalLink(reference.group(2), path, number, reference.group(1).strip()))
        for match in _AUTOLINK.finditer(line):
            links.append(ExternalLink(match.group(1), path, number, match.group(1)))
        for match in _HTML_HREF.finditer(line):
            links.append(ExternalLink(match.group(1), path, number, ""))
    return links


def make_external_links_safe(html: str) -> str:
    """Give every link to another site rel="noopener noreferrer": the other site gets no hold on this page
    (window.opener) and is not told which page of the manual the reader came from.

    An external address has '//' in it, and a page has few of those (a page has hundreds of links, and
    every icon's xmlns): only the tags around them are tried, where matching every <a> cost more."""

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

    pieces: list[str] = []
    done = 0  # html[:done] is in pieces
    slashes = html.find("//")
    while slashes != -1:
        start = html.rfind("<", done, slashes)  # the tag the '//' is in, if it is in one
        match = _ANCHOR.match(html, start) if start != -1 else None
        if match is not None and match.end() > slashes:
            pieces += [html[done : match.start()], fix(match)]
            done = match.end()
            slashes = html.find("//", done)
        else:
            slashes = html.find("//", slashes + 2)
    return "".join(pieces) + html[done:] if pieces else html
