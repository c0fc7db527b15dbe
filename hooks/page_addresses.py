"""MkDocs hook: no two pages are written to the same file.

MkDocs would silently let one page overwrite another. Once every hook has added its pages, each
document's output file is compared with every other page's; the core words the message.
"""

from __future__ import annotations

from manual.reading.addresses import address_clash_problems
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

log = get_plugin_logger("manual")
_command = "build"


def on_startup(*, command: str, dirty: bool) -> None:
    global _command
    _command = command


@event_priority(-200)  # after every hook that adds pages, navigation included
def on_files(files: Files, *, config) -> Files:
    manual = config.extra.get("manual")  # loaded by hooks/documents.py
    if manual is None:
        return files
    document_paths = {doc.path for doc in manual.documents}
    output_of = {file.src_uri: file.dest_uri for file in files if file.src_uri in document_paths}
    others = {file.dest_uri: file.src_uri for file in files if file.src_uri not in document_paths}
    problems = address_clash_problems(manual.documents, output_of, others)
    for problem in problems:
        log.error(str(problem))
    if problems and _command == "build":
        count = len(problems)
        raise PluginError(
            f"{count} document{'s' if count != 1 else ''} would overwrite another page (listed above); nothing was built."
        )
    return files
