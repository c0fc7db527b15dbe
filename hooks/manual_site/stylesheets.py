"""The site's own stylesheets, served as one file.

mkdocs.yml's extra_css lists them one concept to a file, in the order they apply. On a phone every stylesheet is
a request the first paint waits for, so the built site has one file with them all, in that order, and every page
links to it in their place. Each must be a file of the site's: a stylesheet from another site would be a request
to a third party on every page, which the manual never makes.
"""

from __future__ import annotations

from pathlib import Path

from manual.model.problems import ManualError, Problem

BUNDLE = "assets/stylesheets/site.css"


def bundle(docs_dir: Path, sheets: list[str], config_file: Path) -> str:
    """The stylesheets, each under a comment naming its source, in extra_css's order."""
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
