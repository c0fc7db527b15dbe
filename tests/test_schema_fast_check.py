"""The compiled fast check of front matter never lets through what jsonschema would reject.

manual.reading.schema asks fastjsonschema first: it is several times quicker than jsonschema (the
benchmark shows the difference at 500 documents). Only its "valid" is trusted, so the one thing that
must hold is: whatever it accepts, jsonschema accepts too; and a schema it cannot check as jsonschema
does (references, keywords after draft 7, formats other than dates) is left to jsonschema alone.
"""

from __future__ import annotations

import json

from conftest import REPO
from fixture_documents import VALID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manual.reading.schema import _fast_check, _validator, schema_problems

SCHEMA = str(REPO / "docs" / "schema" / "document.schema.json")

# Values an editor might type, including the near misses (1 and True, "1.0" and 1.0, dates that do not exist).
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 6),
    st.floats(allow_nan=False, allow_infinity=False, width=16),
    st.sampled_from(
        [
            "",
            "x",
            "1.0",
            "2.1",
            "2025-02-31",
            "2025-02-28",
            "2024-02-29",
            "12 months",
            "0 months",
            "A",
            "C",
            "D",
            "approved",
            "draft",
            "superseded",
            "procedure",
            "Referrals",
            "all-agencies",
            "police",
            "mash-referral",
            "Not An Id",
            "partnership-executive",
            "a" * 130,
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["date", "by", "summary", "version", "x"]), inner, max_size=3)
    ),
    max_leaves=6,
)
changes = st.dictionaries(
    st.sampled_from(
        sorted(VALID) + ["next_review", "review_interval", "superseded_by", "amendments", "related", "unknown"]
    ),
    values,
    max_size=4,
)
removals = st.sets(st.sampled_from(sorted(VALID)), max_size=2)


def test_the_fast_check_is_used_for_the_document_schema():
    check = _fast_check(SCHEMA)
    assert check is not None
    assert check(dict(VALID))
    assert not check({**VALID, "status": "in force"})


def test_a_schema_the_fast_check_cannot_follow_is_left_to_jsonschema(tmp_path):
    for extra in ({"$defs": {"x": {"type": "string"}}}, {"properties": {"a": {"format": "email"}}}):
        schema = tmp_path / "schema.json"
        schema.write_text(json.dumps({"type": "object", **extra}), encoding="utf-8")
        assert _fast_check(str(schema)) is None
        _fast_check.cache_clear()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes, removals)
def test_what_the_fast_check_accepts_jsonschema_accepts(changed, removed):
    data = {key: value for key, value in {**VALID, **changed}.items() if key not in removed}
    if _fast_check(SCHEMA)(data):
        assert list(_validator(SCHEMA).iter_errors(data)) == []


def test_a_rejected_document_still_gets_jsonschemas_messages():
    problems = schema_problems(
        {**VALID, "last_reviewed": "2025-02-31"},
        {("last_reviewed",): 9},
        "procedures/x.md",
        REPO / "docs/schema/document.schema.json",
    )
    assert [(p.line, p.field) for p in problems] == [(9, "last_reviewed")]
    assert "2025-02-31" in problems[0].message
