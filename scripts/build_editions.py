"""Every published edition's archived copy, built into the site: editions/<slug>/ for each git tag edition/<slug>.

    .venv/bin/python scripts/build_editions.py --site-dir site --site-url https://example.github.io/manual/

The deploy workflow runs it after the strict build of the current manual, before it publishes site/. For each
tag edition/<slug> (made by `manual edition NAME --tag`, or by the git commands it prints), it checks the
tagged commit out into a temporary worktree, finds the edition in that commit's docs/data/editions.yml,
and builds that commit's manual strictly, with that commit's own code and pinned packages (its own .venv,
made by its Makefile; --python PY uses PY instead), as of the edition's date (MANUAL_TODAY), into
SITE_DIR/editions/<slug>/. MANUAL_ARCHIVED_EDITION=<slug> makes the copy say on every page which edition it
is, link back to the current manual, and ask search engines not to index it.

A tag whose edition cannot be found or built stops the script (exit 1), so the deploy publishes nothing it
has not built; an edition recorded in docs/data/editions.yml with no tag is reported and left out.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from manual import ManualError
from manual.model.editions import ARCHIVE_FOLDER, TAG_PREFIX
from manual.reading.editions import ARCHIVE_ENV, load_editions

REPO = Path(__file__).resolve().parent.parent
CONFIG = "mkdocs.archive.yml"


class Stop(Exception):
    """An edition that cannot be archived: said, and the script ends with status 1."""


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise Stop(f"`git {' '.join(args)}` failed: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def edition_tags(repo: Path) -> list[str]:
    return sorted(git("tag", "--list", f"{TAG_PREFIX}*", cwd=repo).split())


def build_edition(repo: Path, tag: str, site_dir: Path, site_url: str, python: str | None, work: Path) -> Path:
    """The tag's edition built into site_dir/editions/<slug>/; returns that folder."""
    slug = tag.removeprefix(TAG_PREFIX)
    tree = work / slug
    git("worktree", "add", "--detach", str(tree), tag, cwd=repo)
    try:
        try:
            edition = next((e for e in load_editions(tree) if e.slug == slug), None)
        except ManualError as error:
            raise Stop(f"{tag}: its docs/data/editions.yml cannot be read:\n{error}") from None
        if edition is None:
            raise Stop(f"{tag}: the tagged commit's docs/data/editions.yml has no edition named for {slug!r}")
        if python is None:
            if subprocess.run(["make", ".venv/.installed"], cwd=tree, timeout=1200).returncode != 0:
                raise Stop(f"{tag}: its packages could not be installed (`make .venv/.installed`; messages above)")
            python = str(tree / ".venv" / "bin" / "python")
        config = tree / CONFIG
        lines = ["INHERIT: mkdocs.yml"]
        if site_url:
            lines.append(f'site_url: "{site_url.rstrip("/")}/{ARCHIVE_FOLDER}/{slug}/"')
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out = site_dir.resolve() / ARCHIVE_FOLDER / slug
        env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
        env |= {"MANUAL_TODAY": edition.date.isoformat(), ARCHIVE_ENV: slug}
        command = [python, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(out)]
        print(f"{tag}: building the {edition.name} ({edition.date.isoformat()}) into {out}", flush=True)
        if subprocess.run(command, cwd=tree, env=env, timeout=1800).returncode != 0:
            raise Stop(f"{tag}: the strict build of the {edition.name} failed (its messages are above)")
        return out
    finally:
        git("worktree", "remove", "--force", str(tree), cwd=repo)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, required=True, help="the built site to add editions/<slug>/ to")
    parser.add_argument("--site-url", default="", help="the published site's address (the archives' site_url)")
    parser.add_argument("--repo", type=Path, default=REPO, help="the repository whose edition/* tags to build")
    parser.add_argument("--python", help="build with this Python instead of each tag's own .venv")
    args = parser.parse_args(argv)
    repo = args.repo.resolve()
    try:
        tags = edition_tags(repo)
        for edition in load_editions(repo):
            if edition.tag not in tags:
                print(f"warning: the {edition.name} has no git tag {edition.tag}, so no archived copy", flush=True)
        if not tags:
            print(f"No {TAG_PREFIX}* tags: no archived copies to build.")
            return 0
        with tempfile.TemporaryDirectory(prefix="manual-editions-") as work:
            for tag in tags:
                build_edition(repo, tag, args.site_dir, args.site_url, args.python, Path(work))
    except (Stop, ManualError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Built {len(tags)} archived {'copy' if len(tags) == 1 else 'copies'} into {args.site_dir / ARCHIVE_FOLDER}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
