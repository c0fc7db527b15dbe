"""Circles of replacements (manual.reading.supersession): found by graphlib, each document in a circle told once."""

from __future__ import annotations

from conftest import make_project
from fixture_documents import document

from manual import load_manual

TODAY = "2026-11-24"


def circle_messages(files: dict[str, str], tmp_path) -> dict[str, list[tuple[int | None, str | None, str]]]:
    root = make_project(
        tmp_path, files={f"procedures/child-protection/{name}.md": text for name, text in files.items()}
    )
    found: dict[str, list] = {}
    for problem in load_manual(root, TODAY).problems:
        if "round in a circle" in problem.message:
            found.setdefault(problem.path.rsplit("/", 1)[-1], []).append((problem.line, problem.field, problem.message))
    return found


def test_every_document_of_a_circle_is_told_once_with_the_whole_circle(tmp_path):
    """a and b replace each other, and b and c too: one circle of three, however graphlib meets it first."""
    found = circle_messages(
        {
            "a": document(id="circle-a", title="Document A", supersedes=["circle-b"]),
            "b": document(id="circle-b", title="Document B", supersedes=["circle-a", "circle-c"]),
            "c": document(id="circle-c", title="Document C", supersedes=["circle-b"]),
            "d": document(
                id="circle-d", title="Document D", supersedes=["circle-a"]
            ),  # points into the circle, not in it
        },
        tmp_path,
    )
    message = (
        "the chain of replacements goes round in a circle (circle-a replaces circle-b, "
        "circle-b replaces circle-a, circle-c, circle-c replaces circle-b); "
        "expected each document to replace only older ones"
    )
    assert sorted(found) == ["a.md", "b.md", "c.md"]
    assert all(len(messages) == 1 for messages in found.values())
    assert {messages[0][1:] for messages in found.values()} == {("supersedes", message)}


def test_two_separate_circles_are_each_reported_and_superseded_by_is_an_arrow_too(tmp_path):
    found = circle_messages(
        {
            "a": document(id="circle-a", title="Document A", superseded_by="circle-b"),  # b replaces a
            "b": document(id="circle-b", title="Document B", superseded_by="circle-a"),  # a replaces b
            "x": document(id="circle-x", title="Document X", supersedes=["circle-y"]),
            "y": document(id="circle-y", title="Document Y", supersedes=["circle-x"]),
        },
        tmp_path,
    )
    assert sorted(found) == ["a.md", "b.md", "x.md", "y.md"]
    assert [field for _, field, _ in found["a.md"] + found["b.md"]] == ["superseded_by", "superseded_by"]
    assert "(circle-a replaces circle-b, circle-b replaces circle-a)" in found["a.md"][0][2]
    assert "(circle-x replaces circle-y, circle-y replaces circle-x)" in found["x.md"][0][2]


def test_no_circle_no_message(tmp_path):
    found = circle_messages(
        {
            "a": document(id="circle-a", title="Document A", supersedes=["circle-b"]),
            "b": document(id="circle-b", title="Document B", supersedes=["circle-c"]),
            "c": document(id="circle-c", title="Document C"),
        },
        tmp_path,
    )
    assert found == {}
