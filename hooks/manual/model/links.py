"""Links between documents, written [text](doc:ID) so they survive moves and renames."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# [text](doc:some-id) or [text](doc:some-id#anchor)
DOC_LINK = re.compile(r"\]\(doc:([A-Za-z0-9_-]*)(#[^)\s]*)?\)")


def doc_links(body: str) -> Iterator[tuple[str, int]]:
    """Each document id the body links to, with the body line it is on (1-based)."""
    for target, offset in doc_link_offsets(body):
        yield target, body.count("\n", 0, offset) + 1


def doc_link_offsets(body: str) -> Iterator[tuple[str, int]]:
    """Each document id the body links to, with where its link starts in the body (cheaper than its line)."""
    for match in DOC_LINK.finditer(body):
        yield match.group(1), match.start()


def rewrite_doc_links(body: str, url_for: Callable[[str], str | None]) -> str:
    """Replace doc:ID targets with real addresses; unknown ids are left for the checks to report."""

    def replace(match: re.Match) -> str:
        url = url_for(match.group(1))
        return match.group(0) if url is None else f"]({url}{match.group(2) or ''})"

    return DOC_LINK.sub(replace, body)
