"""Property-based tests: whatever an editor types into front matter, validation answers with Problems.

The contract: reading and validating a document never raises anything but the manual's own
ManualError (and then only for the partnership's data files, never for a document), a bad value
always comes back as a Problem naming the file and the field, and whatever becomes a record can
be reviewed on any day without an exception.
"""

from __future__ import annotations

import math
from datetime import date

import pytest
import yaml
from conftest import make_project
from fixture_documents import BODY, VALID
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from manual import ManualError, load_manual
from manual.reading.dates import date_message
from manual.reading.frontmatter import decode, parse_document_text

PATH = "procedures/responding-to-concerns/test.md"
TODAY = "2026-11-24"
FIELDS = list(VALID) + [
    "next_review",
    "family_summary",
    "keywords",
    "related",
    "supersedes",
    "superseded_by",
    "redirect_from",
    "legislation",
    "amendments",
]
DATE_FIELDS = ["last_reviewed", "next_review"]

# Whole-manual loads take a few milliseconds each, so those properties try fewer examples than the pure functions.
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
FAST = settings(max_examples=150, deadline=None)

# Anything YAML can hold: nothing, yes/no, numbers (huge, negative, not-a-number), text with any characters, lists and fields.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(
        [
            "2025-02-29",
            "9999-12-31",
            "0001-01-01",
            "2025-13-01",
            "01/03/2025",
            "1 March 2025",
            "12 months",
            "99 years",
            "index",
            "test-document",
            "draft",
            "A",
            "3.0",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["date", "by", "summary", "version", "x"]), inner, max_size=3),
    ),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    sections = "- folder: responding-to-concerns\n  title: Responding\n"
    return make_project(tmp_path_factory.mktemp("properties"), None, {"procedures/sections.yml": sections, PATH: ""})


def check(project, raw: bytes):
    """Load the manual with this one file. Returns the manual; fails on any exception but ManualError."""
    (project / PATH).write_bytes(raw)
    try:
        manual = load_manual(project, TODAY)
    except ManualError as error:  # only the data files may stop the whole manual, and they are untouched here
        pytest.fail(f"a document's content stopped the manual: {error}")
    for doc in manual.documents:
        review = manual.review(doc)  # what every page shows: must work for any record that was built
        assert review.state is not None
        _ = doc.next_review
    for problem in manual.problems:
        assert problem.path == PATH
        assert problem.message
        assert "Traceback" not in problem.message
    return manual


def front_matter(data: dict) -> bytes:
    return ("---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n\n" + BODY).encode("utf-8")


@SETTINGS
@given(changes=st.dictionaries(st.sampled_from(FIELDS), values, min_size=1, max_size=4))
@example(changes={"last_reviewed": "9999-12-31"})
@example(changes={"next_review": "9999-12-31", "review_interval": None})
@example(changes={"levels": [float("nan")]})
def test_any_values_give_problems_never_an_exception(project, changes):
    data = {**VALID, **changes}
    data = {key: value for key, value in data.items() if value is not None or key in changes}
    check(project, front_matter(data))


@SETTINGS
@given(field=st.sampled_from(["title", "type", "owner", "status", "version", "scope", "summary"]), value=values)
def test_a_wrong_value_for_a_text_field_is_reported_on_that_field(project, field, value):
    assume(not isinstance(value, str))
    manual = check(project, front_matter({**VALID, field: value}))
    assert manual.documents == []
    assert any(problem.field == field for problem in manual.problems), manual.problems


@SETTINGS
@given(field=st.sampled_from(DATE_FIELDS), value=values)
def test_a_date_that_is_not_yyyy_mm_dd_is_reported_on_that_field(project, field, value):
    assume(not (isinstance(value, str) and len(value) == 10 and _is_iso(value)))
    data = {**VALID, field: value}
    if field == "next_review":
        data.pop("review_interval")
    manual = check(project, front_matter(data))
    assert manual.documents == []
    problems = [problem for problem in manual.problems if problem.field == field]
    assert problems, manual.problems
    assert "YYYY-MM-DD" in problems[0].message


def _is_iso(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


@SETTINGS
@given(
    extra=st.text(min_size=1, max_size=20).filter(
        lambda name: name not in FIELDS and name.strip() == name and name.isprintable()
    ),
    value=scalars,
)
def test_an_unknown_field_is_reported_by_name(project, extra, value):
    manual = check(project, front_matter({**VALID, extra: value}))
    assert manual.documents == []
    assert manual.problems


yaml_noise = st.text(alphabet="-:[]{}&*!|>'\"#%@`,? \n\tabz019", max_size=120)


@SETTINGS
@given(noise=yaml_noise)
def test_any_yaml_between_the_dashes_gives_problems_never_an_exception(project, noise):
    check(project, ("---\n" + noise + "\n---\n\n" + BODY).encode("utf-8"))


@SETTINGS
@given(raw=st.binary(max_size=300))
def test_any_bytes_give_problems_never_an_exception(project, raw):
    manual = check(project, raw)
    assert manual.documents == [] or raw.lstrip(b"\xef\xbb\xbf").startswith(b"---")


@FAST
@given(raw=st.binary(max_size=200))
def test_parsing_raises_only_manual_error(raw):
    try:
        parse_document_text(decode(raw, PATH), PATH)
    except ManualError as error:
        assert error.problems and all(problem.path == PATH for problem in error.problems)


@FAST
@given(
    day=st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    form=st.sampled_from(["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%Y/%m/%d"]),
)
def test_a_real_date_in_another_form_gets_its_exact_iso_date(day, form):
    message = date_message(day.strftime(form))
    assert f"write it as {day.isoformat()}" in message


@FAST
@given(value=values)
def test_date_messages_never_raise(value):
    assert (
        "YYYY-MM-DD" in date_message(value)
        or "write it as" in date_message(value)
        or "write the date only" in date_message(value)
    )


def test_nan_is_not_a_level(project):
    manual = check(project, front_matter({**VALID, "levels": [math.nan]}))
    assert [problem.field for problem in manual.problems] == ["levels[0]"]


DATA_FILES = [
    "docs/data/settings.yml",
    "docs/data/owners.yml",
    "docs/data/contacts.yml",
    "docs/data/tags.yml",
    "docs/data/glossary.yml",
    "procedures/sections.yml",
]


@pytest.fixture(scope="module")
def data_project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("data-properties"))


@SETTINGS
@given(
    file=st.sampled_from(DATA_FILES),
    pick=st.integers(min_value=0, max_value=50),
    field=st.sampled_from(
        [None, "name", "contact", "formerly", "github_team", "term", "meaning", "folder", "title", "phone", "confirmed"]
    ),
    value=values,
)
def test_any_value_in_a_data_file_gives_a_manual_error_never_an_exception(data_project, file, pick, field, value):
    """The partnership's data files are input too: a bad entry stops the build with a message, never a traceback."""
    path = data_project / file
    original = path.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    if isinstance(data, dict) and data:
        key = sorted(data)[pick % len(data)]
        if field is None or not isinstance(data[key], dict):
            data[key] = value
        else:
            data[key][field] = value
    elif isinstance(data, list) and data:
        index = pick % len(data)
        if field is None or not isinstance(data[index], dict):
            data[index] = value
        else:
            data[index][field] = value
    try:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            manual = load_manual(data_project, TODAY)
        except ManualError as error:
            assert error.problems and all(problem.message for problem in error.problems)
        else:
            for doc in manual.documents:
                manual.review(doc)
    finally:
        path.write_text(original, encoding="utf-8")
