"""The site's own stylesheets, served as one file.

mkdocs.yml's extra_css lists them one concept to a file, in the order they apply. On a phone every stylesheet is
a request the first paint waits for, so the built site has one file with them all, in that order, and the page
links to it in their place. Addresses of other sites (none today) are left as they are.
"""

from __future__ import annotations

from pathlib import Path

from manual.model.problems import ManualError, Problem

BUNDLE = "assets/stylesheets/site.css"


def own(extra_css: list[str]) -> list[str]:
    """The site's own stylesheets among extra_css: every entry but a full address."""
    return [sheet for sheet in extra_css if "://" not in sheet and not sheet.startswith("//")]


def linked(extra_css: list[str]) -> list[str]:
    """What the page links to instead: the one file, where the own stylesheets were, and the others as they are."""
    mine = set(own(extra_css))
    if not mine:
        return list(extra_css)
    first = next(i for i, sheet in enumerate(extra_css) if sheet in mine)
    others = [sheet for sheet in extra_css if sheet not in mine]
    return others[:first] + [BUNDLE] + others[first:]


def bundle(docs_dir: Path, sheets: list[str], config_file: Path) -> str:
    """The own stylesheets, each under a comment naming its source, in extra_css's order."""
    missing = [sheet for sheet in sheets if not (docs_dir / sheet).is_file()]
    if missing:
        lines = config_file.read_text(encoding="utf-8").splitlines()
        raise ManualError(
            [
                Problem(
                    config_file.name,
                    next((n for n, line in enumerate(lines, 1) if sheet in line), None),
                    "extra_css",
                    f"lists '{sheet}', which is not a file in {docs_dir.name}/; expected a stylesheet of the site's own",
                )
                for sheet in missing
            ]
        )
    return "".join(f"/* {sheet} */\n{(docs_dir / sheet).read_text(encoding='utf-8').rstrip()}\n\n" for sheet in sheets)
