"""Search: Pagefind's chunked index of the built site, answered in Material's own search box.

Material's search box, results list, keyboard handling and highlighting stay; its engine is replaced. Material's
engine downloads one index holding every page's text before the first result (past 300 KB compressed long before
2,000 documents) and builds it in the reader's browser; Pagefind's index is split by word, so a search downloads
only the parts its words need. The figures that decided it are the benchmark's (scripts/search_benchmark.py).

- markdown: Material's search plugin indexes nothing (every page is excluded, so its search_index.json keeps only
  the configuration that its highlighter of ?h= reads). Whether a page is searched (not a withdrawn or
  superseded document, not a page whose front matter says `search: exclude`) is kept for the output step.
- output: a searched page's content area is marked for Pagefind (data-pagefind-body); and every page's
  configuration names docs/assets/javascripts/search-worker.js in place of Material's worker, so Material's search
  box asks Pagefind.
- finished: Pagefind indexes the marked pages' articles, each document's with its keywords and phrases as
  metadata (which the worker weighs above the text), into pagefind/; the bundle's own user interfaces, which the
  site does not use, are removed; and search/words.json lists the words of titles, summaries, keywords and
  phrases, which the worker corrects a misspelt word against.

Nothing is fetched from anywhere but the site itself: the worker, Pagefind's files and the words list are the site's.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections import Counter
from html import escape
from pathlib import Path

from manual.model.addresses import document_source
from manual.model.document import Document
from manual.model.problems import ManualError, Problem
from manual_site.features.search_words import words_of

SEARCHED = "manual_search"  # page.meta key: this page is in the search index
INDEX_DIR = "pagefind"
WORDS_FILE = "search/words.json"
WORKER = "assets/javascripts/search-worker.js"

# The parts of a page that are about the page, not its subject: the document-control panel, banners, the
# lists of other documents' titles (which would make a search for one document find every page listing it),
# the amendments, the report-a-problem line, and the headings' permalinks.
NOT_INDEXED = (
    ".manual-banner",
    ".manual-control",
    ".manual-related",
    "#related-documents",
    ".manual-links-here",
    "#what-links-here",
    ".manual-amendments",
    "#amendments",
    ".manual-report-problem",
    ".manual-printed",
    ".headerlink",
)
# Pagefind writes three ready-made search interfaces and a highlighting script; the site uses none of them (Material's
# box is the interface), and the offline copy would save every one.
UNUSED = re.compile(r"pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$|^wasm\.unknown\.pagefind$")

# Material's content area, which holds the page's article and nothing else: a searched page's is marked.
_CONTENT = '<div class="md-content" data-md-component="content">'
_MARKED = _CONTENT[:-1] + " data-pagefind-body>"
_MATERIAL_WORKER = re.compile(r'("search":\s*"[^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')
_LANGUAGE = re.compile(r'<html[^>]*\slang="([^"]+)"')
_WORD = re.compile(r"[a-z0-9]+")


def markdown(site, page, markdown: str) -> str:
    page.meta[SEARCHED] = not (page.meta.get("search") or {}).get("exclude")
    page.meta["search"] = {"exclude": True}  # Material's index stays empty: Pagefind's is the one searched
    return markdown


def output(site, page, output: str) -> str:
    output, found = _MATERIAL_WORKER.subn(rf'\1{WORKER}"', output, count=1)
    if not found:
        site.warn(
            f"{page.path}: Material's search worker is not named in the page's configuration, so its search box "
            "would not reach Pagefind (has Material changed its base template?)"
        )
    if page.meta.get(SEARCHED):
        output = output.replace(_CONTENT, _MARKED, 1)
    return output


def finished(site, site_dir: Path) -> None:
    _index(site, site_dir)
    for file in (site_dir / INDEX_DIR).iterdir():
        if UNUSED.search(file.name):
            file.unlink()
    words = site_dir / WORDS_FILE
    words.parent.mkdir(parents=True, exist_ok=True)
    words.write_text(json.dumps(spelling_words(site), separators=(",", ":"), sort_keys=True), encoding="utf-8")


def _index(site, site_dir: Path) -> None:
    """Pagefind's command (the binary its Python package carries) on the searched pages' articles.

    Pagefind is given each marked page's article alone, in a page of its own at the page's path, with the page's
    language and, for a document, its keywords and phrases as metadata: the rest of a page (navigation, header,
    footer) is most of its bytes and would double Pagefind's time, and the words are the partnership's data, which
    a regional chapter's page must not carry. The marks are in the built files, so a rebuild of `mkdocs serve
    --dirty` indexes every page, not only those it rebuilt. The command is run to its end: the Python API's
    service can be stopped before it has written everything (an empty pagefind-entry.json was seen)."""
    from pagefind.service import get_executable  # finds the binary of pagefind[extended]; loaded when a build ends

    binary = get_executable()
    if binary is None:
        raise ManualError(Problem("requirements.txt", None, "pagefind", "Pagefind's binary is not installed"))
    documents = {
        site.addresses.output(document_source(doc.id)): doc for doc in site.manual.documents if not doc.is_retired
    }
    with tempfile.TemporaryDirectory(prefix="manual-search-") as staging:
        for page in site_dir.rglob("*.html"):
            path = page.relative_to(site_dir).as_posix()
            article = _searched_page(site, page.read_text(encoding="utf-8"), documents.get(path))
            if article is not None:
                target = Path(staging) / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(article, encoding="utf-8")
        command = [str(binary), "--site", staging, "--output-path", str(site_dir / INDEX_DIR), "--silent"]
        command += ["--exclude-selectors", ", ".join(NOT_INDEXED)]  # one CSS selector list
        ran = subprocess.run(command, capture_output=True, text=True, check=False)
    if ran.returncode != 0:
        said = (ran.stderr or ran.stdout).strip()[-2000:]
        raise ManualError(Problem(INDEX_DIR, None, None, f"Pagefind could not index the site: {said}"))


def _searched_page(site, html: str, doc: Document | None) -> str | None:
    """What Pagefind indexes of a built page: its article, with a document's words as metadata; None if the page
    is not searched."""
    marked = html.find(_MARKED)
    if marked < 0:
        return None
    start = html.find("<article", marked)
    end = html.find("</article>", start) + len("</article>")
    language = _LANGUAGE.search(html)
    lang = f' lang="{language.group(1)}"' if language else ""
    meta = ""
    if doc is not None:
        keywords, phrases = words_of(site, doc)
        meta = (
            ' data-pagefind-meta="keywords[data-keywords], phrases[data-phrases]"'
            f' data-keywords="{escape(", ".join(keywords))}" data-phrases="{escape(", ".join(phrases))}"'
        )
    return f"<!doctype html><html{lang}><body><main data-pagefind-body{meta}>{html[start:end]}</main></body></html>"


def spelling_words(site) -> dict[str, int]:
    """Each word of the searched documents' titles, summaries, keywords and phrases, with how many documents have
    it: the worker corrects a word no page has to the nearest of these (the most common, when two are as near)."""
    counts: Counter[str] = Counter()
    for doc in site.manual.documents:
        if doc.is_retired:
            continue
        keywords, phrases = words_of(site, doc)
        text = " ".join([doc.title, doc.summary, *keywords, *phrases]).lower().replace("'", "")
        counts.update({word for word in _WORD.findall(text) if len(word) > 2 and not word.isdigit()})
    return dict(counts)
