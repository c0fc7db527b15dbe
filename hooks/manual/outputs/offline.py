"""Reading the manual offline: which files of a built site a reader's browser saves, the version they make, and
the web app manifest that lets the site be installed.

The service worker (templates/sw.js.j2, written by manual_site.features.offline once every page is built) saves
every file a reader needs on the first visit, so the whole manual, search included, reads offline. What it
saves is decided here from the built site itself, not from a list of pages, so a search engine another
feature writes (Material's search index, or Pagefind's files) is saved with everything else.

The version is a hash of what is saved (each file's path and content) and of the service worker's own code:
any change to the site, or to how it is saved, is a new version, which is how a reader learns that the manual
changed; two builds of the same manual are the same version, so rebuilding alone never tells readers anything.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

WORKER = "sw.js"  # at the site's root: a service worker's scope is its own folder and below, so the whole site
FILE_LIST = "offline-files.json"  # what the worker saves, fetched when it installs (see worker_settings)
MANIFEST = "manifest.webmanifest"
OFFLINE_PAGE = "offline.md"  # "This page was not saved for reading offline"
WORKER_TEMPLATE = "sw.js.j2"

ICONS = (  # generic icons, under docs/assets/images/: a partnership may replace the files
    ("assets/images/manual-icon.svg", "image/svg+xml", "any"),
    ("assets/images/manual-icon-192.png", "image/png", "192x192"),
    ("assets/images/manual-icon-512.png", "image/png", "512x512"),
)

# Files a reader never needs offline. Source maps are for developers; the compressed sitemap is for search engines
# (Material's script reads sitemap.xml itself, on every page with an alternate link, so that one is saved); 404.html
# is what the web server sends for an unknown address, and offline the worker sends the offline page instead.
_NOT_SAVED_NAMES = frozenset({WORKER, FILE_LIST, "sitemap.xml.gz", "404.html"})
_NOT_SAVED_SUFFIXES = (".map",)
# An edition's archived copy is published at editions/<slug>/ after this build (scripts/build_editions.py): a
# whole second manual per edition, a record rather than the manual to follow. Only the editions page is saved.
_ARCHIVES = "editions"
# Material's search loads lunr's language files only for languages other than English (its search worker's
# setup, which these rules copy): wordcut.js alone is 660 KB a reader of an English manual never uses.
_LUNR = "assets/javascripts/lunr/"
_SEARCH_INDEX = "search/search_index.json"


@dataclass(frozen=True)
class SavedFile:
    path: str  # relative to the site's root, with forward slashes: "procedures/mash-referral/index.html"
    revision: str  # a hash of its content: a new version fetches only the files whose revision changed


def saved_files(site_dir: Path) -> list[SavedFile]:
    """Every file of the built site a reader needs offline, in path order, with a hash of each one's content."""
    lunr = _lunr_files(site_dir)
    found = []
    for file in site_dir.rglob("*"):
        if not file.is_file():
            continue
        path = file.relative_to(site_dir).as_posix()
        if _saved(path, lunr):
            found.append(SavedFile(path, hashlib.sha256(file.read_bytes()).hexdigest()[:16]))
    return sorted(found, key=lambda saved: saved.path)


def _saved(path: str, lunr: frozenset[str]) -> bool:
    parts = PurePosixPath(path).parts
    if any(part.startswith(".") for part in parts):  # .nojekyll, and anything else hidden
        return False
    if parts[-1] in _NOT_SAVED_NAMES or path.endswith(_NOT_SAVED_SUFFIXES):
        return False
    if parts[0] == _ARCHIVES and len(parts) > 2:
        return False
    if path.startswith(_LUNR):
        return path in lunr
    return True


def _lunr_files(site_dir: Path) -> frozenset[str]:
    """The lunr files Material's search worker loads for the search index's languages (none for English alone)."""
    index = site_dir / _SEARCH_INDEX
    if not index.is_file():
        return frozenset()
    try:
        languages = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    except (ValueError, AttributeError):
        return frozenset()
    files = set()
    for language in languages:
        if language == "ja":
            files.add("tinyseg.js")
        elif language in ("hi", "th"):
            files.add("wordcut.js")
        if language != "en":
            files.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        files.add("min/lunr.multi.min.js")
    if files:
        files.add("min/lunr.stemmer.support.min.js")
    return frozenset(_LUNR + name for name in files)


def worker_source() -> str:
    """The worker's template as written, before the build puts its version in."""
    return (Path(__file__).parent / "templates" / WORKER_TEMPLATE).read_text(encoding="utf-8")


def version(files: Iterable[SavedFile], worker_code: str) -> str:
    """The version of the offline copy: changes with any saved file and with the worker's own code."""
    digest = hashlib.sha256(worker_code.encode("utf-8"))
    for file in files:
        digest.update(f"\n{file.path}\0{file.revision}".encode())
    return digest.hexdigest()[:20]


def file_list(files: list[SavedFile], of_version: str) -> str:
    """offline-files.json: the version it belongs to (the worker refuses another's), and each file and revision."""
    return json.dumps({"version": of_version, "files": [[f.path, f.revision] for f in files]}, separators=(",", ":"))


def worker_settings(of_version: str, offline_page: str, offline_file: str) -> dict[str, str]:
    """What the service worker is told: addresses relative to its own (the site's root, wherever it is served)."""
    return {
        "version": of_version,
        "files": FILE_LIST,
        "offlinePage": offline_page,  # the address a reader is sent to ("offline/")
        "offlineFile": offline_file,  # the file saved for it ("offline/index.html")
    }


def web_manifest(
    site_name: str, area: str, description: str, theme_colour: str | None, lang: str = "en-GB"
) -> dict[str, object]:
    """The web app manifest. Addresses are relative to the manifest, at the site's root, so the installed manual
    starts and stays within the site wherever it is published (GitHub Pages serves a project at /<repo>/)."""
    found: dict[str, object] = {
        # The app's name says whose manual it is: a practitioner working across a border may install two.
        "name": f"{site_name}: {area}",
        # On a home screen there is room for about 12 characters: the place tells two installed manuals apart,
        # and the icon says what it is.
        "short_name": area,
        "description": description,
        "id": "./",
        "start_url": "./",
        "scope": "./",
        # minimal-ui, not standalone: the reader keeps back and reload (reload takes a new version of the manual).
        "display": "minimal-ui",
        "lang": lang,
        "dir": "ltr",
        "background_color": "#ffffff",
        "icons": [{"src": src, "type": kind, "sizes": sizes, "purpose": "any"} for src, kind, sizes in ICONS]
        # The icon's shield sits inside the middle 60%, so a launcher may also crop the square PNGs to its own shape.
        + [{"src": src, "type": kind, "sizes": sizes, "purpose": "maskable"} for src, kind, sizes in ICONS[1:]],
    }
    if theme_colour:
        found["theme_color"] = theme_colour
    return found


_PRIMARY = re.compile(r'<body[^>]*\bdata-md-color-primary="([a-z-]+)"')


def theme_colour(site_dir: Path) -> str | None:
    """The header's colour as the theme built it: the home page's primary palette colour, looked up in the
    theme's built palette stylesheet. None when either is not found (the manifest then leaves it out)."""
    home = site_dir / "index.html"
    found = _PRIMARY.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    if found is None:
        return None
    rule = re.compile(
        r"\[data-md-color-primary=" + re.escape(found[1]) + r"\]\{[^}]*?--md-primary-fg-color:\s*(#[0-9a-fA-F]{3,8})"
    )
    for sheet in sorted((site_dir / "assets" / "stylesheets").glob("palette*.css")):
        colour = rule.search(sheet.read_text(encoding="utf-8"))
        if colour:
            return colour[1].lower()
    return None
