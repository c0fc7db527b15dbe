"""MkDocs's way in: the one hook file (mkdocs.yml, `hooks:`).

Thin on purpose. The core (hooks/manual) reads and checks the manual into records; the site
(hooks/manual_site) decides the pages and what each feature does to a page, in one declared order
(manual_site.features.FEATURES). This file hands MkDocs what they make - files, page source and
metadata, template context, plugin settings, the navigation - and keeps the build's output whole.
It is the only file that imports MkDocs: a change of engine changes this file alone.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import UTC, datetime, time
from pathlib import Path

from material.plugins.tags.structure.tag import Tag
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from manual import ManualError, load_manual, load_settings
from manual.model.additions import ADDITIONS_DIR
from manual.model.addresses import Addresses, address_clash_problems, document_source
from manual.model.readability import summary as readability_summary
from manual.outputs.pages import register_filters
from manual.reading.redirects import redirect_map
from manual.reading.regional import LOCK_FILE, REGIONAL_DIR
from manual.words import plural
from manual_site.html import theme_text
from manual_site.navigation import navigation
from manual_site.safe_output import StagedOutput
from manual_site.site import Site
from manual_site.stylesheets import BUNDLE, bundle

log = get_plugin_logger("manual")
EPOCH = "SOURCE_DATE_EPOCH"  # MkDocs dates the sitemap from it: the manual's today, so a build is reproducible


class Run:
    """One run of MkDocs (a build, or `mkdocs serve` and its rebuilds): the build's state lives here."""

    def __init__(self, command: str = "build", dirty: bool = False):
        self.command, self.dirty = command, dirty
        self.site: Site | None = None
        self.output: StagedOutput | None = None
        self.built = self.failed = False
        self.rendered: dict[str, tuple[str, str]] = {}  # for the print page, across `serve --dirty` rebuilds
        self.epoch: str | None = None  # the SOURCE_DATE_EPOCH this run set, so a rebuild can move it on
        self.stylesheets: list[str] = []  # the site's own, served as one file (manual_site.stylesheets)

    @property
    def strict(self) -> bool:
        """A build for publishing stops at the first problem; `mkdocs serve` shows problems on the page."""
        return self.command in ("build", "gh-deploy")

    def stop(self, problems: list, what: str) -> None:
        for problem in problems:
            log.error(str(problem))
        if self.strict:
            raise PluginError(f"{what} (listed above); nothing was built.")

    def view(self, page):
        return self.site.page_view(page.file.src_uri, page.url, page.meta)


run = Run()


def on_startup(*, command: str, dirty: bool) -> None:
    global run
    run = Run(command, dirty)


@event_priority(200)  # before every plugin: they all write to the staging folder, and the tags plugin reads its list
def on_config(config):
    run.site, run.built, run.failed = None, False, False
    run.stylesheets, config.extra_css = list(config.extra_css), [BUNDLE] if config.extra_css else []
    if run.strict and not run.dirty:
        run.output = StagedOutput(config.site_dir)
        config.site_dir = str(run.output.staging)
    root = Path(config.config_file_path).parent
    try:
        manual = load_manual(root)
    except ManualError as error:
        run.stop(error.problems, "The manual's data files have problems")
        return config
    if manual.problems:
        run.stop(manual.problems, f"The manual has {plural(len(manual.problems), 'problem')}")
    log.info(readability_summary({doc.id: found for doc in manual.documents if (found := manual.readability(doc))}))
    if EPOCH not in os.environ or os.environ[EPOCH] == run.epoch:  # the caller's own value wins
        run.epoch = os.environ[EPOCH] = str(int(datetime.combine(manual.today, time(), UTC).timestamp()))
    if not run.dirty:
        run.rendered.clear()  # every page is converted again
    run.site = Site(
        manual,
        Addresses(config.use_directory_urls, config.site_url or ""),
        config.site_name,
        warn=log.warning,
        rendered=run.rendered,
    )
    config.site_description = theme_text(config.site_description or manual.settings.description)
    tags = config.plugins.get("material/tags")
    if tags is not None:  # only the topics in docs/data/tags.yml: an unknown tag fails the build
        tags.config.tags_allowed = {Tag(theme_text(name)) for name in manual.vocabulary.tags}
    return config


@event_priority(50)  # after the core's records, before mkdocs-redirects reads its map
def on_files(files: Files, *, config) -> Files:
    if run.stylesheets:
        with _problems_stop_the_build():
            sheets = bundle(Path(config.docs_dir), run.stylesheets, Path(config.config_file_path))
        for sheet in run.stylesheets:
            files.remove(files.get_file_from_path(sheet))
        files.append(File.generated(config, BUNDLE, content=sheets))
    site = run.site
    if site is None:
        return files
    manual, root = site.manual, str(site.manual.settings.root)
    for source in manual.sources:
        dest = site.addresses.output(document_source(source.document.id)) if source.document else None
        files.append(File(source.path, root, config.site_dir, config.use_directory_urls, dest_uri=dest))
    with _problems_stop_the_build():
        new_pages = list(site.new_pages())
    for page in new_pages:
        files.append(File.generated(config, page.path, content=page.content))
    config.extra.setdefault("status", {}).update(site.page_statuses)
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        maps = dict(redirects.config.get("redirect_maps") or {})
        maps.update({document_source(old): doc.path for old, doc in redirect_map(manual.documents).items()})
        redirects.config["redirect_maps"] = maps
    config.nav = navigation(manual, lambda path: files.get_file_from_path(path) is not None)
    paths = {doc.path for doc in manual.documents}
    output_of = {file.src_uri: file.dest_uri for file in files if file.src_uri in paths}
    others = {file.dest_uri: file.src_uri for file in files if file.src_uri not in paths}
    clashes = address_clash_problems(manual.documents, output_of, others)
    if clashes:
        run.stop(clashes, f"{plural(len(clashes), 'document')} would overwrite another page")
    return files


def on_page_read_source(page, *, config) -> str | None:
    source = run.site.sources.get(page.file.src_uri) if run.site else None
    # Read and checked once, with the manual; MkDocs gets the body only. The leading blank line stops it
    # looking for metadata of its own.
    return "\n" + source.body if source is not None else None


def on_page_markdown(markdown: str, *, page, config, files) -> str:
    if run.site is None:
        return markdown
    view = run.view(page)
    with _problems_stop_the_build():
        markdown = run.site.markdown(view, markdown)
    for extension, settings in view.markdown_config.items():  # MkDocs makes each page's converter from these
        config.mdx_configs.setdefault(extension, {}).update(settings)
    return markdown


def on_page_content(html: str, *, page, config, files) -> str:
    if run.site is None:
        return html
    with _problems_stop_the_build():
        return run.site.html(run.view(page), html)


@event_priority(50)  # after the tags plugin has filed the page, before search indexes it
def on_page_context(context, *, page, config, nav):
    if run.site is not None:
        with _problems_stop_the_build():
            run.site.context(run.view(page), context)
    return context


def on_post_page(output: str, *, page, config) -> str:
    if run.site is None:
        return output
    with _problems_stop_the_build():
        return run.site.output(run.view(page), output)


def on_env(env, *, config, files):
    register_filters(env)
    env.globals["manual_site"] = run.site.template_context() if run.site else None
    return env


def on_post_build(*, config) -> None:
    if run.site is not None:
        with _problems_stop_the_build():
            run.site.finished(Path(config.site_dir))
    run.built = True  # MkDocs's strict check still follows; a failure there calls on_build_error


def on_build_error(*, error: Exception) -> None:
    run.failed = True


def on_shutdown() -> None:
    if run.output is None:
        return
    if run.built and not run.failed:
        run.output.publish()
    else:
        run.output.discard()


def on_serve(server, *, config, builder):
    """Rebuild when a document changes: procedures/, the regional layer and local additions are outside docs_dir,
    so they are watched here."""
    try:
        settings = load_settings(Path(config.config_file_path).parent)
    except ManualError:
        return server
    for source in (
        settings.procedures_dir,
        settings.root / REGIONAL_DIR,
        settings.root / LOCK_FILE,
        settings.root / ADDITIONS_DIR,
    ):
        if source.exists():
            server.watch(str(source))
    return server


@contextmanager
def _problems_stop_the_build():
    """A feature's problem stops the build with its message, never a traceback."""
    try:
        yield
    except ManualError as error:
        raise PluginError(str(error)) from None
