"""Field-by-field YAML edits: only the characters of the edited field change."""

from __future__ import annotations

import pytest

from manual import ManualError
from manual.editing.yamledit import YamlText, scalar
from manual.reading.yamlfile import parse_yaml


@pytest.mark.parametrize(
    ("before", "edit", "after"),
    [
        ("a: 1  # kept\nb: 2\n", lambda y: y.set(("a",), "5"), "a: 5  # kept\nb: 2\n"),
        ("a: 1\nb: 2\n", lambda y: y.set(("c",), "3", after=("a",)), "a: 1\nc: 3\nb: 2\n"),
        ("a: 1\nb: 2", lambda y: y.set(("c",), "3"), "a: 1\nb: 2\nc: 3"),
        (
            "a: 1\nsummary: >\n  folded\n  text\n# note\nb: 2\n",
            lambda y: y.set(("c",), "3", after=("summary",)),
            "a: 1\nsummary: >\n  folded\n  text\nc: 3\n# note\nb: 2\n",
        ),
        (
            "ap: {date: 2025-01-01, by: x}\n",
            lambda y: y.set(("ap", "date"), "2026-01-01"),
            "ap: {date: 2026-01-01, by: x}\n",
        ),
        ("l: [x, y]\n", lambda y: y.append_item(("l",), "z"), "l: [x, y, z]\n"),
        ("l: []\n", lambda y: y.append_item(("l",), "z"), "l: [z]\n"),
        ("l:\n  - x\nb: 2\n", lambda y: y.append_item(("l",), "z"), "l:\n  - x\n  - z\nb: 2\n"),
        ("a: 1\n", lambda y: y.append_item(("l",), "z"), "a: 1\nl: [z]\n"),
        ("l: [x, y]\n", lambda y: y.remove_item(("l",), 0), "l: [y]\n"),
        ("l:\n  - x\n  - y  # why\nb: 2\n", lambda y: y.remove_item(("l",), 0), "l:\n  - y  # why\nb: 2\n"),
        ("l:\n  - x\nb: 2\n", lambda y: y.remove_item(("l",), 0), "l: []\nb: 2\n"),
        ("l: [x, y]\n", lambda y: y.replace_item(("l",), 1, "w"), "l: [x, w]\n"),
        (
            "a: 1\nam:\n- d: 1\nb: 2\n",
            lambda y: y.prepend_item(("am",), "- d: 2\n"),
            "a: 1\nam:\n- d: 2\n- d: 1\nb: 2\n",
        ),
        (
            "a: 1\nam: []\nb: 2\n",
            lambda y: y.prepend_item(("am",), "- d: 2\n  s: x\n"),
            "a: 1\nam:\n  - d: 2\n    s: x\nb: 2\n",
        ),
        ("a: 1\nb: 2\n", lambda y: y.prepend_item(("am",), "- d: 2\n", after=("a",)), "a: 1\nam:\n  - d: 2\nb: 2\n"),
        (
            "x:\n  name: A\n  formerly:\n    - old\ny: 1\n",
            lambda y: y.append_item(("x", "formerly"), "new"),
            "x:\n  name: A\n  formerly:\n    - old\n    - new\ny: 1\n",
        ),
        ("x:\n  name: A\ny:\n  name: B\n", lambda y: y.delete("x"), "y:\n  name: B\n"),
        ("x:\n  name: A\ny: 1\n", lambda y: y.rename_key("x", "z"), "z:\n  name: A\ny: 1\n"),
    ],
)
def test_an_edit_changes_only_its_field(before, edit, after):
    text = YamlText(before, "test.yml")
    edit(text)
    assert text.text == after


def test_edits_inside_a_larger_text_leave_the_rest_alone():
    whole = "---\nid: a\nlist: [x]\n---\n\nlist: [not, yaml, here]\n"
    text = YamlText(whole, "doc.md", start=4, end=whole.index("---\n", 4), line_offset=1)
    text.append_item(("list",), "y")
    text.set(("id",), "b")
    assert text.text == "---\nid: b\nlist: [x, y]\n---\n\nlist: [not, yaml, here]\n"


@pytest.mark.parametrize(
    "value",
    [
        "Plain words, with commas.",
        "Reviewed: no changes",
        "yes",
        "2026-01-01",
        "# not a comment",
        'Say "hello"',
        "3.10",
        "Ends with a space ",
        "Café ’quotes’",
    ],
)
def test_a_scalar_reads_back_as_the_same_text(value):
    data, _ = parse_yaml(f"key: {scalar(value)}\n", "test.yml")
    assert data == {"key": value}


def test_unreadable_yaml_is_reported_by_line():
    with pytest.raises(ManualError) as error:
        YamlText("a: 1\nb: [x\n", "test.yml").set(("a",), "2")
    assert str(error.value).startswith("test.yml, line 3: the YAML cannot be read")
