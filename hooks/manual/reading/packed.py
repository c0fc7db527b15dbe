"""A mapping of plain data kept as marshal bytes and unpacked on first use.

A document's raw front matter and the line of each of its fields are needed only for messages and
editing; most runs never look at them. Kept packed, they take a fraction of the memory of thousands of
small dicts and tuples, and cost almost nothing to read back from the record cache.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterator, Mapping
from typing import Any


class Packed(Mapping):
    __slots__ = ("_blob", "_data")

    def __init__(self, blob: bytes):
        self._blob, self._data = blob, None

    def _unpacked(self) -> dict:
        if self._data is None:
            self._data = marshal.loads(self._blob)
        return self._data

    def __getitem__(self, key: Any) -> Any:
        return self._unpacked()[key]

    def get(self, key: Any, default: Any = None) -> Any:
        return self._unpacked().get(key, default)

    def __iter__(self) -> Iterator:
        return iter(self._unpacked())

    def __len__(self) -> int:
        return len(self._unpacked())

    def __reduce__(self):
        return Packed, (self._blob,)


def pack(data: dict) -> Packed:
    """Plain data only: text, numbers, true/false, nothing, lists and mappings of them (as YAML gives)."""
    return Packed(marshal.dumps(data))
