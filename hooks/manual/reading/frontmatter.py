"""Splitting a document file into front matter and body, and parsing the front matter once.

The one place that knows where front matter starts and ends: the build, the checks of single files and
the editing commands all split a document here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from manual.model.problems import ManualError, Problem
from manual.reading.yamlfile import parse_yaml

_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Parsed:
    data: dict[str, Any]
    lines: dict[tuple, int]  # field path -> line in the file
    body: str
    body_line: int
    yaml_start: int  # where the front matter's YAML is in the text, for editing it in place
    yaml_end: int


MAX_BYTES = 1_000_000  # over 100 times the longest document (under 10 kB); refuses pasted-in data and runaway files
_FIELD_AT_START = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text (a byte-order mark is allowed); line endings made plain."""
    if len(raw) > MAX_BYTES:
        raise ManualError(
            Problem(
                path,
                None,
                None,
                f"the file is {_size(len(raw))}; the limit is {_size(MAX_BYTES)}: split the document, or take out pasted-in images or data",
            )
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ManualError(Problem(path, 1, None, "the file is saved as UTF-16 ('Unicode'); save it as UTF-8"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ManualError(_not_utf8(raw, error, path)) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB" if count >= 100_000 else f"{count / 1000:.0f} kB"


def _not_utf8(raw: bytes, error: UnicodeDecodeError, path: str) -> Problem:
    """Name the line, the field when the line starts with one, and the character as Windows-1252 reads it."""
    line = raw[: error.start].count(b"\n") + 1
    line_text = raw.split(b"\n")[line - 1].decode("cp1252", errors="replace").strip()
    field = _FIELD_AT_START.match(line_text)
    byte = raw[error.start : error.start + 1]
    try:
        character = byte.decode("cp1252")
        seen = f"byte 0x{byte.hex()} ('{character}' in Windows-1252)"
    except UnicodeDecodeError:
        seen = f"byte 0x{byte.hex()}"
    return Problem(
        path,
        line,
        field.group(1) if field else None,
        f"the file is not UTF-8 text: {seen} on this line, probably saved as Windows-1252 by Word or an older editor; save the file as UTF-8",
    )


def parse_document_text(text: str, path: str) -> Parsed:
    """Front matter between '---' lines at the very top; the rest is the body."""
    if not text.strip():
        raise ManualError(
            Problem(path, None, None, "the file is empty; expected front matter between '---' lines, then the document")
        )
    first, _, _ = text.partition("\n")
    if first.rstrip() != "---":
        message = "no front matter; the first line must be '---', followed by the document's fields and another '---'"
        if first.strip() == "" and text.lstrip().startswith("---"):
            message = "no front matter on the first line: the file starts with a blank line; remove it so that the first line is '---'"
        raise ManualError(Problem(path, 1, None, message))
    yaml_start = len(first) + 1
    close = _CLOSE.search(text, yaml_start)
    if close is None:
        raise ManualError(
            Problem(path, 1, None, "the front matter is not closed; expected a line '---' after the fields")
        )
    data, lines = parse_yaml(text[yaml_start : close.start()], path, line_offset=1)
    if data is None:
        raise ManualError(
            Problem(
                path, 2, None, "the front matter is empty; expected the document's fields, one 'field: value' per line"
            )
        )
    if not isinstance(data, dict):
        raise ManualError(Problem(path, 2, None, "the front matter must be a list of 'field: value' lines"))
    body = text[close.end() :].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return Parsed(data, lines, body, body_line, yaml_start, close.start())
