"""Where each document's page goes, and the addresses a document's id may not take.

A document's page is at procedures/<id>/ (procedures/<id>.html without directory URLs). Two
things can already be at such an address: the section's own index page (procedures/ itself,
which is procedures/index.html on disk), and any site page or generated page someone puts
under procedures/. The first is ruled out by the reserved ids below; the second is found by
comparing every page's output file once all pages are known (hooks/page_addresses.py).
"""

from __future__ import annotations

from manual.model.document import Document
from manual.model.problems import Problem
from manual.words import slug

# 'index' would make procedures/index/ (or, without directory URLs, procedures/index.html,
# the address of procedures/ itself).
RESERVED_IDS = frozenset({"index"})


def reserved_id_problems(documents: list[Document]) -> list[Problem]:
    return [
        Problem(
            doc.path,
            doc.line_of("id"),
            "id",
            f"{doc.id!r} is reserved for the site's own pages; expected another id, such as {slug(doc.title, 60) or 'a-new-id'!r}",
        )
        for doc in documents
        if doc.id in RESERVED_IDS
    ]


def address_clash_problems(
    documents: list[Document], output_of: dict[str, str], others: dict[str, str]
) -> list[Problem]:
    """Documents whose page would be written over another page's file, or have its written over theirs.

    output_of: document path -> the file its page is written to; others: output file -> the other page's source.
    """
    problems = []
    for doc in documents:
        output = output_of.get(doc.path)
        if output is not None and output in others:
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of("id"),
                    "id",
                    f"the page for {doc.id!r} would be written to {output}, which is also where the page {others[output]} goes; expected an id no other page uses",
                )
            )
    return problems
