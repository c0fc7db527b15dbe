"""The manual's core: documents as data.

Files -> records -> pages, indexes and reports. Nothing in this package imports MkDocs,
so the scripts and the tests use it with plain paths and dates.
"""

from manual.model.document import Amendment, Document
from manual.model.manual import Manual, load_manual
from manual.model.problems import ManualError, Problem
from manual.model.review import Review, ReviewState
from manual.model.settings import Settings, load_settings
from manual.reading.today import resolve_today

__all__ = [
    "Amendment",
    "Document",
    "Manual",
    "ManualError",
    "Problem",
    "Review",
    "ReviewState",
    "Settings",
    "load_manual",
    "load_settings",
    "resolve_today",
]
