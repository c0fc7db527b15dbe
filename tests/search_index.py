"""What a built site's search index holds, read from Pagefind's files (for tests that check what search finds).

Each searched page has one fragment in pagefind/fragment/: gzip, then "pagefind_dcd" and the page's JSON, with its
address ("url", from the site's root), its text ("content") and its metadata ("meta": title, and for a document its
keywords and phrases, each list joined with ", ").
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

_HEADER = b"pagefind_dcd"


def entries(site: Path) -> list[dict]:
    """Every page in the index: {"location": "procedures/x/", "title": ..., "keywords": [...], "phrases": [...],
    "text": ...}, in the order of the fragments' files."""
    found = []
    for fragment in sorted((Path(site) / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(_HEADER), fragment
        page = json.loads(data[len(_HEADER) :])
        meta = page.get("meta", {})
        found.append(
            {
                "location": page["url"].lstrip("/"),
                "title": meta.get("title", ""),
                "keywords": [word for word in meta.get("keywords", "").split(", ") if word],
                "phrases": [phrase for phrase in meta.get("phrases", "").split(", ") if phrase],
                "text": page.get("content", ""),
            }
        )
    return found


def locations(site: Path) -> set[str]:
    return {entry["location"] for entry in entries(site)}
