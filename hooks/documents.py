"""MkDocs hook: the manual's documents become pages.

Thin on purpose: the manual package reads, validates and decides; this file only hands its
records to MkDocs (files, page source, metadata, template context) and reports problems.
"""

from __future__ import annotations

from pathlib import Path

from manual import Manual, ManualError, load_manual, load_settings
from manual.model.formatting import join_words, uk_date
from manual.model.links import rewrite_doc_links
from manual.model.manual import Source
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

log = get_plugin_logger("manual")
_command = "build"


def on_startup(*, command: str, dirty: bool) -> None:
    global _command
    _command = command


def manual_of(config) -> Manual | None:
    """The manual loaded for this build (other hook files read config.extra["manual"] too)."""
    return config.extra.get("manual")


def on_config(config):
    config.extra["manual"] = None
    config.extra["manual_sources"] = {}
    config.extra["manual_urls"] = {}
    return config


@event_priority(100)
def on_files(files: Files, *, config) -> Files:
    root = Path(config.config_file_path).parent
    try:
        manual = load_manual(root)
    except ManualError as error:
        for problem in error.problems:
            log.error(str(problem))
        if _command == "build":
            raise PluginError("The manual's data files have problems (listed above); nothing was built.") from None
        return files
    for problem in manual.problems:
        log.error(str(problem))
    if manual.problems and _command == "build":
        count = len(manual.problems)
        raise PluginError(
            f"The manual has {count} problem{'s' if count != 1 else ''} (listed above); nothing was built."
        )
    config.extra["manual"] = manual
    for source in manual.sources:
        file = _file_for(source, root, config)
        files.append(file)
        config.extra["manual_sources"][source.path] = source
        if source.document is not None:
            config.extra["manual_urls"][source.document.id] = file.url  # for pages that list documents in HTML
    return files


def _file_for(source: Source, root: Path, config) -> File:
    dest = None
    if source.document is not None:
        doc_id = source.document.id
        dest = f"procedures/{doc_id}/index.html" if config.use_directory_urls else f"procedures/{doc_id}.html"
    return File(source.path, str(root), config.site_dir, config.use_directory_urls, dest_uri=dest)


def on_page_read_source(page, *, config) -> str | None:
    source = config.extra["manual_sources"].get(page.file.src_uri)
    if source is None:
        return None
    # The file was read and its front matter parsed once, in on_files; hand MkDocs the body only.
    # The leading blank line stops MkDocs looking for metadata of its own.
    return "\n" + source.body


@event_priority(100)
def on_page_markdown(markdown: str, *, page, config, files) -> str:
    manual = manual_of(config)
    if manual is None:
        return markdown
    source = config.extra["manual_sources"].get(page.file.src_uri)
    if source is not None:
        doc = source.document
        page.meta = {
            "title": doc.title if doc else source.data.get("title") or Path(source.path).stem,
            "description": doc.summary if doc else "",
            "tags": list(doc.tags) if doc else [],
        }

    def url_for(doc_id: str) -> str | None:
        target = manual.get(doc_id)
        if target is None:
            if source is None:  # documents' links are checked with the manual; site pages' here
                log.warning(f"docs/{page.file.src_uri}: links to doc:{doc_id}, which is not the id of any document")
            return None
        return get_relative_url(target.path, page.file.src_uri)

    return rewrite_doc_links(markdown, url_for)


@event_priority(-300)  # after every other hook and plugin has seen the page's Markdown and HTML
def on_page_content(html: str, *, page, config, files) -> str:
    """A document page's Markdown is not needed once it is HTML: MkDocs would keep it to the end of the
    build, beside the record's copy of the body (about 8 MB at 2,000 documents)."""
    if page.file.src_uri in config.extra["manual_sources"]:
        page.markdown = ""
    return html


def on_page_context(context, *, page, config, nav):
    manual = manual_of(config)
    source = config.extra["manual_sources"].get(page.file.src_uri)
    if manual is None or source is None:
        return context
    doc = source.document
    context["manual_problems"] = manual.problems_for(source.path)
    if doc is not None:
        context["document"] = doc
        context["review"] = manual.review(doc)
        context["owner"] = manual.vocabulary.owners.get(doc.owner)
        context["approver"] = manual.vocabulary.owners.get(doc.approved_by or "")
        context["related_documents"] = [d for d in (manual.get(i) for i in doc.related) if d is not None]
        context["replacement"] = manual.get(doc.superseded_by) if doc.superseded_by else None
    return context


def on_serve(server, *, config, builder):
    """mkdocs serve rebuilds when a document changes: procedures/ is outside docs_dir, so it is watched here
    (not with `watch:` in mkdocs.yml, which would fail the configuration of a project without it)."""
    root = Path(config.config_file_path).parent
    try:
        procedures = load_settings(root).procedures_dir
    except ManualError:
        procedures = root / "procedures"
    if procedures.is_dir():
        server.watch(str(procedures))
    return server


def on_env(env, *, config, files):
    env.filters["uk_date"] = uk_date
    env.filters["join_words"] = join_words
    return env
