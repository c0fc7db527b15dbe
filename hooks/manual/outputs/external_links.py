"""Links that leave the site, found in documents' Markdown for the external links report."""

from __future__ import annotations

import re
from dataclasses import dataclass

from manual.model.prose import lines_outside_code

_INLINE = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?((?:https?:)?//[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?((?:https?:)?//\S+?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<((?:https?:)?//[^>\s]+)>")
_HTML_HREF = re.compile(r"<a\b[^>]*\bhref\s*=\s*[\"']((?:https?:)?//[^\"']+)[\"']", re.IGNORECASE)


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
