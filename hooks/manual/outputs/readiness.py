"""Readiness: what stops the manual being published as the partnership's agreed procedures.

A manual is ready when nothing in it is still to be confirmed or agreed: every contact confirmed, no
proposed statement (manual.model.proposals), Levels of Need adopted, not in consultation, no draft linked
from a document in force, and every part of a threshold document that national guidance requires present
(docs/data/threshold-contents.yml). `manual readiness` prints it and exits 1 when not ready; the deploy
publishes a manual that is not ready only as a preview.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from manual.model.document import Document
from manual.model.levels import FRAMEWORK_TYPE
from manual.model.links import doc_links
from manual.model.manual import Manual
from manual.model.problems import ManualError, Problem
from manual.model.proposals import Proposal, proposals
from manual.model.vocabulary import Contact
from manual.outputs.pages import render_markdown
from manual.reading.data_files import read_data_file

THRESHOLD_CONTENTS = Path("docs/data/threshold-contents.yml")


@dataclass(frozen=True)
class ThresholdContents:
    contents: str
    source: str
    look_for: tuple[str, ...]


@dataclass(frozen=True)
class DraftLink:
    document: Document  # in force
    line: int  # in its file
    draft: Document


@dataclass(frozen=True)
class Readiness:
    unconfirmed_contacts: tuple[Contact, ...]
    proposals: tuple[tuple[Document, tuple[Proposal, ...]], ...]
    levels_proposed: bool
    consultation: bool
    draft_links: tuple[DraftLink, ...]
    missing_contents: tuple[ThresholdContents, ...]
    threshold_document: Document | None
    partnership: str = ""

    @property
    def proposal_count(self) -> int:
        return sum(len(found) for _, found in self.proposals)

    @property
    def ready(self) -> bool:
        return not (
            self.unconfirmed_contacts
            or self.proposals
            or self.levels_proposed
            or self.consultation
            or self.draft_links
            or self.missing_contents
        )


def document_proposals(manual: Manual) -> list[tuple[Document, tuple[Proposal, ...]]]:
    """Each document (in force or draft) with proposed statements, and a regional chapter's local additions'
    proposals with their chapter; in the order of the manual's documents."""
    found = []
    for doc in manual.documents:
        if not doc.is_listed:
            continue
        own = proposals(doc.body)
        added = [p for addition in manual.additions_to(doc) for p in proposals(addition.body)]
        if own or added:
            found.append((doc, tuple(own + added)))
    return found


def levels_proposed(manual: Manual) -> bool:
    """The Levels of Need indicators are proposed, not yet adopted."""
    return manual.levels is not None and manual.levels.proposed


def threshold_contents(root: Path) -> tuple[ThresholdContents, ...]:
    problems: list[Problem] = []
    if not (root / THRESHOLD_CONTENTS).exists():
        return ()
    data, _ = read_data_file(root, THRESHOLD_CONTENTS, problems)
    if problems:
        raise ManualError(problems)
    return tuple(ThresholdContents(e["contents"], e["source"], tuple(e["look_for"])) for e in data)


def _threshold_text(manual: Manual, framework: Document) -> tuple[str, set[str]]:
    """The threshold document's words (its body and its Levels of Need) and the ids it links to."""
    parts = [framework.body]
    levels = manual.levels
    if levels is not None and levels.document.id == framework.id:
        for level in levels.levels:
            parts += [level.meaning, level.who_responds, level.route, *level.next_steps]
        parts += [indicator.text for indicator in levels.indicators]
        linked = {doc_id for indicator in levels.indicators for doc_id in indicator.see}
    else:
        linked = set()
    linked |= {target for target, _ in doc_links(framework.body)} | set(framework.related)
    return " ".join(parts).lower(), linked


def readiness(manual: Manual) -> Readiness:
    framework = next((d for d in manual.documents if d.type == FRAMEWORK_TYPE and d.in_force), None)
    missing: tuple[ThresholdContents, ...] = threshold_contents(manual.settings.root)
    if framework is not None:
        text, linked = _threshold_text(manual, framework)
        missing = tuple(c for c in missing if not any(w.lower() in text or w in linked for w in c.look_for))
    draft_links = tuple(
        DraftLink(doc, doc.body_line + line - 1, target)
        for doc in manual.documents
        if doc.in_force
        for target_id, line in doc_links(doc.body)
        if (target := manual.get(target_id)) is not None and target.is_draft
    )
    return Readiness(
        unconfirmed_contacts=tuple(c for c in manual.vocabulary.contacts.values() if not c.confirmed),
        proposals=tuple(document_proposals(manual)),
        levels_proposed=levels_proposed(manual),
        consultation=manual.settings.consultation,
        draft_links=draft_links,
        missing_contents=missing,
        threshold_document=framework,
        partnership=manual.settings.partnership,
    )


def readiness_markdown(result: Readiness) -> str:
    return render_markdown("readiness.md.j2", r=result)
