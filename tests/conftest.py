"""Shared test helpers: fixture manuals built for real with MkDocs, never mocked.

Builds run `mkdocs build --strict` in this process (tests/test_build_command.py checks that the command
line gives the same exit status and messages), and builds that are only read are shared: build_manual
builds each (fixture, today, files) once per test session and process. mkdocs_serve runs `mkdocs serve`
on a free port. Around the whole run, the suite checks that no test changed a tracked file.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import traceback
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from click import ClickException
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.config_options import Hooks
from mkdocs.exceptions import Abort
from mkdocs.utils import DuplicateFilter

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-11-24"

# What a fixture project borrows from the real repository: the machinery, the site pages and data (with the
# schemas, including the regional lock's and the local additions'). Not the shipped content: a fixture brings
# its own procedures/, and syncs its own regional core when it needs one (tests/test_regional.py); the shipped
# regional/ and local-additions/ would name chapters and owners a fixture does not have.
MACHINERY = ["mkdocs.yml", "hooks", "overrides", "docs"]

# Browser fixtures (browser, shipped_site, shipped_server, page): tests/browser.py
pytest_plugins = ["browser"]

# `make accessibility-record` names the one tracked file the suite may write, when asked to.
RECORD_ENV = "MANUAL_ACCESSIBILITY_RECORD"


# ---- no test writes a tracked file: checked around the whole run (in the main process, not xdist's workers)

_TRACKED = pytest.StashKey[dict | None]()


def _changed_tracked_files() -> dict[str, str] | None:
    """Tracked files that differ from the last commit, with a hash of their content; None outside git."""
    try:
        names = subprocess.run(
            ["git", "diff", "--name-only", "-z", "HEAD", "--"], cwd=REPO, capture_output=True, text=True, timeout=60
        )
    except OSError:
        return None
    if names.returncode != 0:
        return None
    return {
        name: hashlib.sha256(path.read_bytes()).hexdigest() if (path := REPO / name).is_file() else ""
        for name in names.stdout.split("\0")
        if name
    }


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):
        session.config.stash[_TRACKED] = _changed_tracked_files()


def pytest_sessionfinish(session):
    before = session.config.stash.get(_TRACKED, None)
    after = _changed_tracked_files() if before is not None else None
    if after is None:
        return
    asked = Path(os.environ[RECORD_ENV]).resolve() if os.environ.get(RECORD_ENV) else None
    written = [name for name in sorted(before.keys() | after.keys()) if before.get(name) != after.get(name)]
    written = [name for name in written if (REPO / name).resolve() != asked]
    if written:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        reporter.ensure_newline()
        reporter.write_line(f"The tests changed tracked files: {', '.join(written)}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# ---- Sharing the tests between xdist workers (make test: -n auto) --------------------------------------------
# A module's tests run on one worker, so its fixtures (a fixture manual built and served, a browser context) are
# made once, not once on each worker that xdist happened to send one of its tests to. The browser sweep's parts
# are the exception: each is an xdist_group of its own (browser.audit_parts), and they are sent first, as the
# longest work in the suite, one to each worker.


def _xdist_group(item) -> str | None:
    mark = item.get_closest_marker("xdist_group")
    return (mark.kwargs.get("name") or mark.args[0]) if mark else None


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: _xdist_group(item) is None)  # the groups first; the rest as collected


def pytest_configure(config):
    if config.pluginmanager.hasplugin("xdist"):  # the hook below is xdist's: known only where xdist is
        config.pluginmanager.register(_ByModuleOrGroup(), "manual-by-module-or-group")


class _ByModuleOrGroup:
    @pytest.hookimpl
    def pytest_xdist_make_scheduler(self, config, log):
        if config.option.dist != "loadgroup":  # pyproject.toml's choice, unless the command line made another
            return None
        from xdist.scheduler import LoadGroupScheduling

        class ByModuleOrGroup(LoadGroupScheduling):
            def _split_scope(self, nodeid: str) -> str:
                group = super()._split_scope(nodeid)  # the xdist_group's name, or the test itself
                return group if group != nodeid else nodeid.split("::", 1)[0]

        config.option.loadscopereorder = False  # in the order collected, not the biggest module first
        return ByModuleOrGroup(config, log)


@dataclass
class Build:
    root: Path
    returncode: int
    output: str  # what `mkdocs build --strict` prints: its standard output, then its log
    site_dir: Path | None = None

    @property
    def site(self) -> Path:
        return self.site_dir or self.root / "site"

    def html(self, doc_id: str) -> str:
        return (self.site / "procedures" / doc_id / "index.html").read_text(encoding="utf-8")


def make_project(tmp_path: Path, fixture: str | None = "basic", files: dict[str, str | bytes] | None = None) -> Path:
    """A throwaway project: the repository's machinery, a fixture's procedures/, plus any extra files."""
    root = tmp_path / "project"
    root.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in MACHINERY:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=ignore)
        else:
            shutil.copy2(source, root / name)
    # The shipped glossary points at the shipped documents: fixtures get a small one of their own.
    shutil.copy2(FIXTURES / "glossary.yml", root / "docs" / "data" / "glossary.yml")
    if fixture is not None:
        shutil.copytree(FIXTURES / fixture / "procedures", root / "procedures", ignore=ignore)
        if (FIXTURES / fixture / "docs").is_dir():  # a fixture may replace site pages, e.g. its own home page
            shutil.copytree(FIXTURES / fixture / "docs", root / "docs", ignore=ignore, dirs_exist_ok=True)
    else:
        (root / "procedures").mkdir()
    for relative, content in (files or {}).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


class _Formatter(logging.Formatter):
    """The command line's log lines ('ERROR   -  message'), without its colours or its wrapping to the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {super().format(record)}"


def run_build(root: Path, today: str | None = TODAY, site_dir: Path | None = None) -> Build:
    """`mkdocs build --strict` of the project at root, run as the command line runs it but in this process.

    Its exit status and output are the command's: MkDocs's log at INFO, an abort's message, an error's
    "Error: ..." or an unexpected exception's traceback. The working directory, the environment and the
    'mkdocs' logger are put back afterwards, and the hook files are loaded afresh, as a new process would."""
    stdout, log = io.StringIO(), io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setFormatter(_Formatter())
    logger = logging.getLogger("mkdocs")
    saved_logger = (logger.level, logger.propagate, logger.handlers[:])
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.handlers = [handler]
    duplicates = DuplicateFilter()  # as the command line has, but one per build: it remembers messages
    logging.getLogger("mkdocs.commands.build").addFilter(duplicates)
    saved_environ = dict(os.environ)  # a hook may set variables, e.g. SOURCE_DATE_EPOCH from today
    if today is not None:
        os.environ["MANUAL_TODAY"] = today
    # MkDocs caches hook modules by path for the life of the process (as `mkdocs serve` reuses them).
    Hooks._load_hook.cache_clear()
    returncode = 0
    try:
        with contextlib.chdir(root):
            options = {"site_dir": str(site_dir)} if site_dir else {}
            config = load_config(config_file=str(Path(root, "mkdocs.yml")), strict=True, **options)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
    except Abort as error:  # printed on standard output, as click shows it
        returncode = 1
        stdout.write(f"\n{error.format_message()}\n")
    except ClickException as error:
        returncode = error.exit_code
        log.write(f"Error: {error.format_message()}\n")
    except Exception:
        returncode = 1
        log.write(traceback.format_exc())
    finally:
        os.environ.clear()
        os.environ.update(saved_environ)
        logging.getLogger("mkdocs.commands.build").removeFilter(duplicates)
        logger.setLevel(saved_logger[0])
        logger.propagate = saved_logger[1]
        logger.handlers = saved_logger[2]
    return Build(Path(root), returncode, stdout.getvalue() + log.getvalue(), Path(site_dir) if site_dir else None)


@pytest.fixture(scope="session")
def build_manual(tmp_path_factory):
    """build_manual(fixture="basic", today=TODAY, files={...}) -> Build, built once per session and process
    for the same inputs and shared: read it, never change it. A test that changes files makes a project of
    its own (make_project, then run_build)."""
    builds: dict[tuple, Build] = {}

    def build(fixture: str | None = "basic", today: str = TODAY, files: dict[str, str | bytes] | None = None) -> Build:
        key = (fixture, today, tuple(sorted((files or {}).items())))
        if key not in builds:
            builds[key] = run_build(make_project(tmp_path_factory.mktemp("build"), fixture, files), today)
        return builds[key]

    return build


class Served:
    """`mkdocs serve` of a project, in a process of its own on a free port, and what it has printed so far."""

    def __init__(self, root: Path, *args: str, today: str | None = TODAY):
        with socket.socket() as probe:  # a port nothing else holds (MkDocs cannot report one it chose itself)
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/"
        env = {**os.environ, "MANUAL_TODAY": today} if today else None
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *args],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        self._printed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            with self._printed:
                self.lines.append(line)
                self._printed.notify_all()
        with self._printed:
            self._printed.notify_all()

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, words: str, after: int = 0, seconds: float = 120) -> None:
        """Until a line printed after the first `after` lines contains words ("Serving on" once the first
        build is done, "Reloading browsers" after a rebuild); fails the test if the server stops first."""

        def printed() -> bool:
            return any(words in line for line in self.lines[after:]) or not self._reader.is_alive()

        with self._printed:
            self._printed.wait_for(printed, timeout=seconds)
        if not any(words in line for line in self.lines[after:]):
            pytest.fail(f"mkdocs serve never printed {words!r}:\n{self.output}", pytrace=False)

    def get(self, path: str = "") -> str:
        return urllib.request.urlopen(self.url + path, timeout=30).read().decode()

    def stop(self) -> str:
        """Stops the server; returns everything it printed."""
        self.process.terminate()
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)
        return self.output


@contextlib.contextmanager
def mkdocs_serve(root: Path, *args: str, today: str | None = TODAY):
    """`with mkdocs_serve(root) as served:` a running `mkdocs serve` that has finished its first build."""
    served = Served(root, *args, today=today)
    try:
        served.wait_for("Serving on")
        yield served
    finally:
        served.stop()
