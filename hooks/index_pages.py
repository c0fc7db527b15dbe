"""MkDocs hook: the generated index pages under indexes/ (A to Z, topics, owners, agencies, levels, types).

Material's tags plugin files documents by topic; its allowed list is docs/data/tags.yml, so an unknown
tag fails the build. Everything else is rendered from the document records by manual.indexes.
"""

from __future__ import annotations

from pathlib import Path

from manual.model.problems import ManualError
from manual.model.vocabulary import TAGS_FILE
from manual.outputs import indexes
from manual.outputs.changes import recently_updated
from manual.outputs.pages import render_markdown, render_page
from manual.reading.yamlfile import load_yaml_file
from material.plugins.tags.structure.tag import Tag
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

TAGS_PLUGIN = "material/tags"

PAGES = [
    # (file, title, introduction, grouping)
    (
        "indexes/a-to-z.md",
        "A to Z of documents",
        "Every document in the manual, by the first letter of its title.",
        "a_to_z",
    ),
    ("indexes/topics.md", None, None, None),
    (
        "indexes/owners.md",
        "Documents by owner",
        "Who owns each document: the sub-group, panel or lead agency responsible for keeping it up to date.",
        "by_owner",
    ),
    (
        "indexes/agencies.md",
        "Documents by agency",
        "The documents each agency needs. Documents for all agencies are listed under every agency too.",
        "by_audience",
    ),
    (
        "indexes/levels.md",
        "Documents by level of need",
        "The documents that apply at each of the four Levels of Need, and those not tied to a level.",
        "by_level",
    ),
    (
        "indexes/types.md",
        "Documents by type",
        "Procedures, protocols, practice guidance and the other kinds of document in the manual.",
        "by_type",
    ),
]


@event_priority(100)
def on_config(config):
    """Before the tags plugin sets itself up: allow only the topics in docs/data/tags.yml."""
    plugin = config.plugins.get(TAGS_PLUGIN)
    if plugin is not None:
        root = Path(config.config_file_path).parent
        try:
            allowed = load_yaml_file(root, TAGS_FILE)
        except ManualError:
            return config  # hooks/documents.py reports the data file's problems and stops the build
        plugin.config.tags_allowed = {Tag(str(name)) for name in allowed}
    return config


def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    documents = manual.documents
    updated = {doc.id for doc in documents if recently_updated(doc, manual.today, manual.settings.updated_days)}
    titles = {doc.id: doc.title for doc in documents}
    withdrawn = indexes.no_longer_in_force(documents)
    addresses = config.extra["manual_urls"]  # document id -> its page's address
    for path, title, introduction, grouping in PAGES:
        page = File.generated(config, path, content="")
        if grouping is None:
            content = render_markdown("topics.md.j2", withdrawn=bool(withdrawn))
        else:
            finder = getattr(indexes, grouping)
            groups = finder(documents, manual.vocabulary) if grouping == "by_owner" else finder(documents)
            generated = render_page(
                "index.md.j2",
                title=title,
                introduction=introduction,
                groups=groups,
                jump=grouping != "a_to_z" or len(groups) > 1,
                updated=updated,
                titles=titles,
                hrefs={doc_id: get_relative_url(url, page.url) for doc_id, url in addresses.items()},
                withdrawn=withdrawn if grouping == "a_to_z" else [],
            )
            content = generated.markdown
            config.extra["manual_html_blocks"][path] = generated.html_blocks  # see hooks/html_blocks.py
        page.content_string = content
        files.append(page)
    return files
