"""What the command needs from mkdocs.yml without running MkDocs: where the site's pages are published."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from manual.model.addresses import Addresses, address_clash_problems, document_source
from manual.model.document import Document
from manual.model.problems import Problem

CONFIG_FILE = "mkdocs.yml"


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loading of mkdocs.yml: !ENV is resolved as MkDocs would; other tags are read as nothing."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return default


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _config(root: Path | str) -> dict:
    try:
        data = yaml.load((Path(root) / CONFIG_FILE).read_text(encoding="utf-8-sig"), Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, yaml.YAMLError):
        data = None
    return data if isinstance(data, dict) else {}


def site_addresses(root: Path | str, site_url: str | None = None) -> Addresses:
    """The site's addresses as mkdocs.yml configures them: directory URLs or not, and site_url (the deploy
    workflow sets it; site_url given here wins). Without a site_url, links are site-relative."""
    data = _config(root)
    base = site_url or str(data.get("site_url") or "").strip()
    return Addresses(directory_urls=data.get("use_directory_urls", True) is not False, base=base)


def page_clash_problems(root: Path | str, documents: list[Document]) -> list[Problem]:
    """The build's check that no document's page overwrites a site page, made from the files alone. Generated
    pages are left out: none of them is published under the documents' folder."""
    addresses = site_addresses(root)
    docs = Path(root) / str(_config(root).get("docs_dir") or "docs")
    others = {
        addresses.output(page.relative_to(docs).as_posix()): page.relative_to(docs).as_posix()
        for page in docs.rglob("*.md")
    }
    output_of = {doc.path: addresses.output(document_source(doc.id)) for doc in documents}
    return address_clash_problems(documents, output_of, others)
