"""The corpus of bad documents (tests/corpus/): every case gets a clear message, or builds and renders.

Each case is a file (or, for a circle of documents, a folder) in tests/corpus/, dropped into the
basic fixture manual's child-protection section. For every case the core reports exactly the
expected problems (file, line, field and what was expected), and a real `mkdocs build --strict`
fails with one message per problem, no traceback and no site/ from the failed run. The two
acceptable oddities (a byte-order mark, CRLF line endings) build and render like any document.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import make_project, mkdocs_serve, run_build
from fixture_documents import document

from manual import load_manual

CORPUS = Path(__file__).resolve().parent / "corpus"
SECTION = "procedures/child-protection"
TODAY = "2026-11-24"

# case -> expected problems: (file within the case, line, field, words the message must contain)
CASES: dict[str, list[tuple[str, int | None, str | None, str]]] = {
    "no-front-matter.md": [("no-front-matter.md", 1, None, "no front matter; the first line must be '---'")],
    "blank-line-before-front-matter.md": [
        ("blank-line-before-front-matter.md", 1, None, "starts with a blank line; remove it")
    ],
    "unclosed-front-matter.md": [
        ("unclosed-front-matter.md", 1, None, "the front matter is not closed; expected a line '---'")
    ],
    "yaml-tab-indent.md": [("yaml-tab-indent.md", 10, "by", "use spaces, not tabs")],
    "yaml-bad-indentation.md": [
        ("yaml-bad-indentation.md", 10, "by", "fields at the same level must start in the same column")
    ],
    "yaml-unquoted-colon.md": [
        (
            "yaml-unquoted-colon.md",
            3,
            "title",
            'must be put in quotes, for example title: "Safeguarding: a guide for schools"',
        )
    ],
    "unclosed-quote.md": [("unclosed-quote.md", 3, "title", "a quotation mark is opened but not closed")],
    "front-matter-is-a-list.md": [("front-matter-is-a-list.md", 2, None, "must be a list of 'field: value' lines")],
    "field-name-not-text.md": [("field-name-not-text.md", 14, None, "'2025' cannot be a field name")],
    "wrong-type-list-for-string.md": [("wrong-type-list-for-string.md", 5, "owner", "got a list; expected text")],
    "wrong-type-string-for-date.md": [
        (
            "wrong-type-string-for-date.md",
            11,
            "last_reviewed",
            "'last spring' is not a date; expected a date written YYYY-MM-DD",
        )
    ],
    "wrong-type-number-for-version.md": [
        ("wrong-type-number-for-version.md", 7, "version", "got 2.1; expected text. Version number as text in quotes")
    ],
    "impossible-date-31-february.md": [
        (
            "impossible-date-31-february.md",
            11,
            "last_reviewed",
            "'2025-02-31' is not a real date (February 2025 has 28 days)",
        )
    ],
    "impossible-date-month-13.md": [
        ("impossible-date-month-13.md", 9, "approved.date", "'2025-13-01' is not a real date (there is no month 13)")
    ],
    "uk-date-slashes.md": [
        (
            "uk-date-slashes.md",
            11,
            "last_reviewed",
            "'01/03/2025' is a UK-style date (day/month/year), which other countries read differently; write it as 2025-03-01",
        )
    ],
    "uk-date-words.md": [
        ("uk-date-words.md", 9, "approved.date", "'1 March 2025' is written in words; write it as 2025-03-01")
    ],
    "missing-required-fields.md": [
        ("missing-required-fields.md", None, "owner", "missing; expected text. Who is responsible"),
        ("missing-required-fields.md", None, "summary", "missing; expected text. One or two plain-English sentences"),
    ],
    "unknown-field-typo.md": [("unknown-field-typo.md", 21, "keywrods", "unknown field; did you mean 'keywords'?")],
    "empty.md": [("empty.md", None, None, "the file is empty; expected front matter between '---' lines")],
    "windows-1252.md": [
        (
            "windows-1252.md",
            3,
            "title",
            "not UTF-8 text: byte 0x92 ('\u2019' in Windows-1252) on this line, probably saved as Windows-1252 by Word or an older editor; save the file as UTF-8",
        )
    ],
    "utf-16.md": [("utf-16.md", 1, None, "saved as UTF-16 ('Unicode'); save it as UTF-8")],
    "duplicate-keys.md": [
        ("duplicate-keys.md", 14, "status", "given twice (lines 6 and 14); YAML would silently keep only the last")
    ],
    "alias-bomb.md": [
        (
            "alias-bomb.md",
            21,
            "lol",
            "uses YAML anchors or aliases (&a, &b, &c, &d, &e, &f, ...: 80 in all); they are not allowed",
        )
    ],
    "deep-nesting.md": [
        ("deep-nesting.md", 14, "levels[0][0][0][0][0][0][0][0][0]", "nested more than 10 levels deep")
    ],
    "python-object-tag.md": [
        (
            "python-object-tag.md",
            3,
            "title",
            "uses the YAML tag '!!python/object/apply:os.system', which is not allowed",
        )
    ],
    "reserved-id.md": [
        (
            "reserved-id.md",
            2,
            "id",
            "'index' is reserved for the site's own pages; expected another id, such as 'index-of-procedures'",
        )
    ],
    "names-itself-in-related.md": [
        ("names-itself-in-related.md", 22, "related", "the document names itself; expected the id of another document")
    ],
    "circular-supersedes": [
        (
            "newer.md",
            22,
            "supersedes",
            "the chain of replacements goes round in a circle (corpus-circle-newer replaces corpus-circle-older, corpus-circle-older replaces corpus-circle-newer)",
        ),
        ("older.md", 20, "supersedes", "the chain of replacements goes round in a circle"),
    ],
}

ACCEPTABLE = {"byte-order-mark.md": "corpus-byte-order-mark", "crlf-line-endings.md": "corpus-crlf-line-endings"}


def test_every_file_in_the_corpus_has_an_expectation():
    on_disk = {entry.name for entry in CORPUS.iterdir() if not entry.name.startswith(".")}
    assert on_disk == set(CASES) | set(ACCEPTABLE)


def case_files(case: str) -> dict[str, bytes]:
    """The case's file(s), as project-relative path -> bytes, exactly as committed."""
    source = CORPUS / case
    paths = sorted(source.glob("*.md")) if source.is_dir() else [source]
    return {f"{SECTION}/{path.name}": path.read_bytes() for path in paths}


def expected_lines(case: str) -> list[tuple[str, str]]:
    """Each problem as printed: where ('file, line N, field 'f': ') and words from the message."""
    lines = []
    for name, line, field, words in CASES[case]:
        where = f"{SECTION}/{name}" + (f", line {line}" if line else "")
        lines.append((f"{where}, field '{field}': " if field else f"{where}: ", words))
    return lines


def printed(where_words: tuple[str, str], text: str) -> bool:
    where, words = where_words
    return any(where in line and words in line.split(where, 1)[1] for line in text.splitlines())


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory):
    """The basic fixture manual with every bad case in it at once, for the core and for mkdocs serve."""
    files: dict[str, bytes] = {}
    for case in CASES:
        files.update(case_files(case))
    return make_project(tmp_path_factory.mktemp("corpus"), files=files)


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_core_reports_each_problem_once_with_file_line_and_field(corpus_project, case):
    manual = load_manual(corpus_project, TODAY)
    paths = set(case_files(case))
    found = sorted((p.path, p.line, p.field, p.message) for p in manual.problems if p.path in paths)
    expected = sorted((f"{SECTION}/{name}", line, field, words) for name, line, field, words in CASES[case])
    assert [f[:3] for f in found] == [e[:3] for e in expected], found
    for (*_, message), (*_, words) in zip(found, expected, strict=True):
        assert words in message


def test_no_corpus_file_becomes_a_published_document_by_mistake(corpus_project):
    manual = load_manual(corpus_project, TODAY)
    ids = {doc.id for doc in manual.documents}
    # Only the cases whose problems are across documents are records; the rest could not be read.
    assert {i for i in ids if i.startswith("corpus-") or i == "index"} == {
        "corpus-names-itself-in-related",
        "corpus-circle-newer",
        "corpus-circle-older",
        "index",
    }


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("ERROR") and SECTION + "/" in line]


def assert_failed_cleanly(build, root: Path) -> None:
    assert build.returncode != 0
    assert "nothing was built" in build.output
    assert "Traceback" not in build.output
    assert not (root / "site" / "index.html").exists()


def test_the_strict_build_with_the_whole_corpus_fails_with_one_message_per_problem(tmp_path):
    files: dict[str, bytes] = {}
    for case in CASES:
        files.update(case_files(case))
    root = make_project(tmp_path, files=files)
    build = run_build(root, TODAY)
    assert_failed_cleanly(build, root)
    errors = error_lines(build.output)
    expected = [where_words for case in CASES for where_words in expected_lines(case)]
    assert len(errors) == len(expected), build.output
    for where_words in expected:
        assert printed(where_words, "\n".join(errors)), (where_words, build.output)


# The hostile cases, each on its own: the build fails on that file alone, promptly (the subprocess's
# time-out would catch a hang), and says why.
@pytest.mark.parametrize(
    "case",
    [
        "alias-bomb.md",
        "python-object-tag.md",
        "deep-nesting.md",
        "windows-1252.md",
        "duplicate-keys.md",
        "reserved-id.md",
        "circular-supersedes",
    ],
)
def test_the_strict_build_fails_on_one_hostile_file(tmp_path, case):
    root = make_project(tmp_path, files=case_files(case))
    build = run_build(root, TODAY)
    assert_failed_cleanly(build, root)
    errors = error_lines(build.output)
    assert len(errors) == len(CASES[case]), build.output
    for where_words in expected_lines(case):
        assert printed(where_words, "\n".join(errors)), (where_words, build.output)


def test_a_five_megabyte_file_is_refused_with_the_limit(tmp_path):
    big = document(id="corpus-big", body="## What to do now\n\n" + ("Call the MASH. " * 64 + "\n\n") * 5200)
    assert len(big.encode()) > 5_000_000
    root = make_project(tmp_path, files={f"{SECTION}/big.md": big})
    build = run_build(root, TODAY)
    assert_failed_cleanly(build, root)
    assert f"ERROR   -  manual: {SECTION}/big.md: the file is 5.0 MB; the limit is 1.0 MB" in build.output


@pytest.fixture(scope="module")
def acceptable_build(tmp_path_factory):
    files = {f"{SECTION}/{name}": (CORPUS / name).read_bytes() for name in ACCEPTABLE}
    return run_build(make_project(tmp_path_factory.mktemp("acceptable"), files=files), TODAY)


def test_the_acceptable_files_really_are_unusual():
    assert (CORPUS / "byte-order-mark.md").read_bytes().startswith(b"\xef\xbb\xbf---\n")
    crlf = (CORPUS / "crlf-line-endings.md").read_bytes()
    assert crlf.count(b"\r\n") == crlf.count(b"\n") > 20


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize(("name", "doc_id"), sorted(ACCEPTABLE.items()))
def test_a_byte_order_mark_and_crlf_line_endings_build_and_render(acceptable_build, name, doc_id):
    assert acceptable_build.returncode == 0, acceptable_build.output
    html = acceptable_build.html(doc_id)
    title = name.removesuffix(".md").replace("-", " ")
    assert re.search(rf"<h1[^>]*>\s*Corpus case {title}\s*</h1>", html)
    assert '<h2 id="what-to-do-now">What to do now' in html
    assert re.search(r"<li>The referrer</li>\s*<li>The (<abbr[^>]*>)?MASH(</abbr>)?</li>", html)
    assert "\ufeff" not in html and "\r" not in html and "&#xfeff;" not in html.lower()
    assert "Status" in html and "Approved" in html  # the document-control panel read the front matter


def test_the_byte_order_mark_file_keeps_its_text(acceptable_build):
    assert "Call the MASH \u2014 today." in plain(acceptable_build.html("corpus-byte-order-mark"))


def test_the_crlf_file_keeps_its_paragraphs(acceptable_build):
    assert "Call the MASH.\nThe same day." in plain(acceptable_build.html("corpus-crlf-line-endings"))


def test_serve_keeps_running_with_the_whole_corpus(corpus_project):
    """mkdocs serve logs every problem, shows them on the pages it can, rebuilds when a hostile file
    arrives while it runs, and never stops or prints a traceback."""
    added = corpus_project / SECTION / "added-while-serving.md"
    try:
        with mkdocs_serve(corpus_project, today=TODAY) as served:  # with live reload, as `make serve` runs it
            pages = {
                path: served.get(path)
                for path in [
                    "",
                    f"{SECTION}/windows-1252/",
                    f"{SECTION}/duplicate-keys/",
                    "procedures/corpus-names-itself-in-related/",
                ]
            }
            so_far = len(served.lines)
            added.write_bytes((CORPUS / "python-object-tag.md").read_bytes())
            served.wait_for("Reloading browsers", after=so_far)  # it watches procedures/ and has rebuilt
            pages["added"] = served.get(f"{SECTION}/added-while-serving/")
            assert served.process.poll() is None
    finally:
        added.unlink(missing_ok=True)
    output = served.output
    assert "Traceback" not in output
    assert "Fixture referral" in pages[""]  # the good documents are still served
    for path, words in [
        (f"{SECTION}/windows-1252/", "save the file as UTF-8"),
        (f"{SECTION}/duplicate-keys/", "given twice (lines 6 and 14)"),
        ("procedures/corpus-names-itself-in-related/", "the document names itself"),
        ("added", "uses the YAML tag &#39;!!python/object/apply:os.system&#39;, which is not allowed"),
    ]:
        assert "This page has problems the build must not publish" in pages[path]
        assert words in pages[path]
    for case in CASES:
        for where_words in expected_lines(case):
            assert printed(where_words, output), where_words


def test_a_data_file_with_an_entry_given_twice_stops_the_build(tmp_path):
    """The partnership's data files go through the same loader: PyYAML alone would keep the second entry silently."""
    owners = (Path(__file__).resolve().parent.parent / "docs" / "data" / "owners.yml").read_text(encoding="utf-8")
    first = owners.splitlines().index("policy-procedures:") + 1
    again = owners.rstrip("\n") + "\npolicy-procedures:\n  name: A second entry by mistake\n"
    root = make_project(tmp_path, files={"docs/data/owners.yml": again})
    build = run_build(root, TODAY)
    assert build.returncode != 0
    last = len(again.splitlines()) - 1
    assert (
        f"docs/data/owners.yml, line {last}, field 'policy-procedures': given twice (lines {first} and {last})"
        in build.output
    )
    assert "nothing was built" in build.output
    assert "Traceback" not in build.output


def test_a_symbolic_link_is_refused_and_its_target_never_published(tmp_path):
    """A pull request can add a link to any file on the build machine; it must not end up on the site."""
    outside = tmp_path / "outside.md"
    outside.write_text(
        document(
            id="leaked",
            title="Not part of the manual",
            summary="Text from outside the repository, never to be published.",
        ),
        encoding="utf-8",
    )
    root = make_project(tmp_path)
    (root / SECTION / "leak.md").symlink_to(outside)
    (root / SECTION / "folder.md").mkdir()  # a folder whose name ends .md is not a document, nor a crash
    build = run_build(root, TODAY)
    assert_failed_cleanly(build, root)
    assert f"ERROR   -  manual: {SECTION}/leak.md: is a symbolic link; expected an ordinary file" in build.output
    assert len(error_lines(build.output)) == 1
    assert "leaked" not in load_manual(root, TODAY).problems[0].message
    assert [doc.id for doc in load_manual(root, TODAY).documents if doc.id == "leaked"] == []


@pytest.mark.parametrize(
    ("path", "text", "message"),
    [
        (
            "docs/data/tags.yml",
            "Referrals: &x Making referrals\nChild protection: *x\n",
            "docs/data/tags.yml, line 1, field 'Referrals': uses YAML anchors or aliases",
        ),
        (
            "docs/data/glossary.yml",
            "- !!python/name:os.system\n",
            "docs/data/glossary.yml, line 1, field '[0]': uses the YAML tag '!!python/name:os.system'",
        ),
        (
            "procedures/sections.yml",
            "- folder: child-protection\n  folder: responding-to-concerns\n",
            "procedures/sections.yml, line 2, field '[0].folder': given twice",
        ),
        ("docs/data/owners.yml", "policy-procedures: [\n", "docs/data/owners.yml, line 2: the YAML cannot be read"),
    ],
)
def test_a_hostile_or_broken_data_file_stops_the_build_with_a_message(tmp_path, path, text, message):
    root = make_project(tmp_path, files={path: text})
    build = run_build(root, TODAY)
    assert build.returncode != 0
    assert f"ERROR   -  manual: {message}" in build.output
    assert "nothing was built" in build.output
    assert "Traceback" not in build.output
    assert not (root / "site" / "index.html").exists()
