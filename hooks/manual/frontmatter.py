"""Splitting a document file into front matter and body, and parsing the front matter once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .problems import ManualError, Problem
from .yamlfile import parse_yaml

_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Parsed:
    data: dict[str, Any]
    lines: dict[tuple, int]  # field path -> line in the file
    body: str
    body_line: int


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text (a byte-order mark is allowed); line endings made plain."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ManualError(
            Problem(path, line, None, "the file is not UTF-8 text (perhaps saved from Word as Windows-1252); save it as UTF-8")
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_document_text(text: str, path: str) -> Parsed:
    """Front matter between '---' lines at the very top; the rest is the body."""
    if not text.strip():
        raise ManualError(Problem(path, None, None, "the file is empty; expected front matter between '---' lines, then the document"))
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        raise ManualError(
            Problem(path, 1, None, "no front matter; the file must start with a line '---', the document's fields, then another '---'")
        )
    rest = text[4:]
    close = _CLOSE.search(rest)
    if close is None:
        raise ManualError(Problem(path, 1, None, "the front matter is not closed; expected a line '---' after the fields"))
    yaml_text = rest[: close.start()]
    data, lines = parse_yaml(yaml_text, path, line_offset=1)
    if not isinstance(data, dict):
        raise ManualError(Problem(path, 2, None, "the front matter must be a list of 'field: value' lines"))
    body = rest[close.end() :].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return Parsed(data, lines, body, body_line)
