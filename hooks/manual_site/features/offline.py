"""Reading the manual offline, and installing it: the offline page, the web app manifest and the service worker.

The decisions (what is saved, the version, the manifest) are in manual.outputs.offline; the page's side (the
worker's registration, the notice of a new version) is docs/assets/javascripts/offline.js, included from
overrides/main.html. The worker and its list of files are written once every page is built (`finished`), from
the files of the built site, so this feature runs last: it must see every file the other features write.

An edition's archived copy (editions/<slug>/ of the live site) has none of this: it is inside the live site's
worker's scope already, and a worker of its own would save a second manual on every reader's device.
"""

from __future__ import annotations

import json
from pathlib import Path

from manual.outputs.offline import (
    FILE_LIST,
    MANIFEST,
    OFFLINE_PAGE,
    WORKER,
    WORKER_TEMPLATE,
    file_list,
    saved_files,
    theme_colour,
    version,
    web_manifest,
    worker_settings,
    worker_source,
)
from manual.outputs.pages import render_markdown
from manual.reading.editions import archived_edition
from manual_site.page import NewPage


def _archived(site) -> bool:
    # The same lookup, under the same name, as the editions feature's: made once per build.
    return site.once("editions.archive", lambda: archived_edition(site.manual.editions)) is not None


def pages(site):
    if not _archived(site):
        yield NewPage(OFFLINE_PAGE, render_markdown("offline.md.j2"))


def output(site, page, output: str) -> str:
    """The offline page is for a reader whose network failed: search engines are asked not to offer it."""
    if page.path != OFFLINE_PAGE:
        return output
    return output.replace("</head>", '  <meta name="robots" content="noindex">\n  </head>', 1)


def finished(site, site_dir: Path) -> None:
    if _archived(site):
        return
    settings = site.manual.settings
    manifest = web_manifest(site.site_name, settings.area, settings.description, theme_colour(site_dir))
    (site_dir / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    files = saved_files(site_dir)
    of_version = version(files, worker_source())
    offline = worker_settings(of_version, site.addresses.page(OFFLINE_PAGE), site.addresses.output(OFFLINE_PAGE))
    (site_dir / FILE_LIST).write_text(file_list(files, of_version), encoding="utf-8")
    (site_dir / WORKER).write_text(render_markdown(WORKER_TEMPLATE, settings=offline), encoding="utf-8")
