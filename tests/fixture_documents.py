"""Writing fixture documents in tests: a valid document, changed one field at a time."""

from __future__ import annotations

import yaml

VALID = {
    "id": "test-document",
    "title": "Test document",
    "type": "procedure",
    "owner": "policy-procedures",
    "status": "approved",
    "version": "1.0",
    "approved": {"date": "2025-06-01", "by": "partnership-executive"},
    "last_reviewed": "2025-06-01",
    "review_interval": "12 months",
    "scope": "C",
    "levels": [3],
    "audience": ["all-agencies"],
    "tags": ["Referrals"],
    "summary": "A document written by a test to check one thing at a time.",
}

BODY = "## What to do now\n\nAct.\n\n## Who does what\n\nEveryone acts.\n"

DELETE = object()


def document(body: str = BODY, **changes) -> str:
    """Front matter and body for a valid document, with fields changed (or DELETEd)."""
    data = dict(VALID)
    for key, value in changes.items():
        if value is DELETE:
            data.pop(key, None)
        else:
            data[key] = value
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n\n" + body
