"""What the scripts need from mkdocs.yml without running MkDocs: the published address of the site."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

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


def site_url(root: Path | str) -> str | None:
    """mkdocs.yml's site_url, when it is set (the deploy workflow sets it); otherwise None."""
    path = Path(root) / CONFIG_FILE
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, yaml.YAMLError):
        return None
    value = data.get("site_url") if isinstance(data, dict) else None
    return str(value).strip() or None if value else None


def absolute_url(relative: str, base: str | None) -> str:
    """A site-relative address made absolute against the published site, when its address is known."""
    if not base:
        return relative
    return base.rstrip("/") + "/" + relative.lstrip("/")
