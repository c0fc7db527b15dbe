"""MkDocs hook: the build's date is the manual's "today", so the same input builds the same files.

MkDocs stamps the sitemap with the build date: every page's <lastmod> in sitemap.xml, and the
gzip header of sitemap.xml.gz. It takes that date from SOURCE_DATE_EPOCH when set, else from the
clock. Unless the caller has set SOURCE_DATE_EPOCH, this sets it to the start (00:00 UTC) of the
manual's today: MANUAL_TODAY when given, else the date in Europe/London.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, time
from pathlib import Path

from manual import ManualError, load_settings, resolve_today
from mkdocs.plugins import event_priority

ENV_VAR = "SOURCE_DATE_EPOCH"
_set_here: str | None = None  # the value this hook set, so a later rebuild (mkdocs serve) can move it on


@event_priority(200)
def on_config(config):
    global _set_here
    if ENV_VAR in os.environ and os.environ[ENV_VAR] != _set_here:
        return config  # the caller's own value wins
    try:
        today = resolve_today(None, load_settings(Path(config.config_file_path).parent).timezone)
    except ManualError:
        return config  # reported, with the rest of the manual's problems, by hooks/documents.py
    _set_here = str(int(datetime.combine(today, time(), UTC).timestamp()))
    os.environ[ENV_VAR] = _set_here
    return config
