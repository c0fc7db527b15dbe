"""The regional layer: sync-regional brings a release of the regional core into regional/; new-partnership
starts another partnership's manual on the same core."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from manual.cli import EXIT_OK, EXIT_TOOL_FAILED, Failure
from manual.editing.partnership import new_partnership, next_steps
from manual.model.manual import load_manual
from manual.model.problems import ManualError
from manual.reading.regional import REGIONAL_DIR, FetchError, read_lock, sync, sync_summary


def add_commands(command) -> None:
    sub = command(
        "sync-regional",
        sync_regional,
        "Bring a release of the regional core into regional/, check it, and say what changed.",
    )
    sub.add_argument(
        "--source", help="the regional core: a git URL or a folder (default: the one in regional.lock.yml)"
    )
    sub.add_argument("--release", help="the release (a git tag) to sync (default: the source's newest tag)")

    sub = command(
        "new-partnership",
        new_partnership_command,
        "Start another partnership's manual in FOLDER on a regional core, from this manual's machinery.",
    )
    sub.add_argument("folder", type=Path, metavar="FOLDER", help="where the new manual goes (a new or empty folder)")
    sub.add_argument(
        "--name", required=True, help='the partnership\'s name, e.g. "Shropshire Safeguarding Children Partnership"'
    )
    sub.add_argument("--area", required=True, help="the place it serves, as in 'services in AREA'")
    sub.add_argument("--regional-source", required=True, help="the regional core: a git URL or a folder")
    sub.add_argument("--release", help="the regional release (a git tag) to start on (default: the latest)")


def sync_regional(args: Namespace) -> int:
    root: Path = args.root
    lock, problems = read_lock(root)
    if problems:
        raise ManualError(problems)
    source = args.source or (lock.source if lock else None)
    if not source:
        raise Failure("no regional core is synced yet; give its address with --source")

    def check(staged: Path) -> list:
        manual = load_manual(root, args.today, regional_root=staged)
        return manual.problems

    try:
        result = sync(root, source, args.release, load_manual(root, args.today).today, check)
    except FetchError as error:
        raise Failure(
            "the regional core was not synced; regional/ is as it was", error.problems, EXIT_TOOL_FAILED
        ) from None
    except ManualError as error:
        raise Failure(
            f"the release was not synced, because the manual would have problems; {REGIONAL_DIR}/ is as it was",
            error.problems,
        ) from None
    manual = load_manual(root, args.today)
    changed = set(result.changed) | set(result.withdrawn)
    affected: dict[str, list[str]] = {}
    for addition in manual.additions:
        if addition.adds_to in changed:
            affected.setdefault(addition.adds_to, []).append(addition.path)
    sys.stdout.write(sync_summary(result, affected))
    return EXIT_OK


def new_partnership_command(args: Namespace) -> int:
    root: Path = args.root
    target = args.folder.resolve()
    today = load_manual(root, args.today).today

    def sync_core(new_root: Path):
        def check(staged: Path) -> list:
            return load_manual(new_root, today, regional_root=staged).problems

        return sync(new_root, args.regional_source, args.release, today, check)

    try:
        result = new_partnership(root, target, args.name, args.area, sync_core)
    except FetchError as error:
        raise Failure(
            "the regional core could not be fetched; nothing was made", error.problems, EXIT_TOOL_FAILED
        ) from None
    except ManualError as error:
        raise Failure("the new manual would have problems; nothing was made", error.problems) from None
    sys.stdout.write(f"Regional core release {result.release}: {len(result.added)} chapters.\n\n")
    sys.stdout.write(next_steps(target, today))
    return EXIT_OK
