"""How easy a document is to read: the Flesch reading ease of its text, and of its "What to do now" section.

Practitioners read "What to do now" in a hurry, so it is held to a floor: a Flesch reading ease of at least
ACTION_FLOOR. Flesch's scale calls 60 to 70 plain English and 50 to 60 fairly difficult. The floor is 50, not
60, because the names a practitioner must see exactly (the Multi-Agency Safeguarding Hub, the designated
safeguarding lead, a section 47 enquiry) are long words the formula counts against the text however plainly
the rest is written; below 50 the steps themselves are too long or too wordy, which an editor can fix.
The whole document's score is reported on the review schedule, for information.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

import textstat

from manual.model.additions import headings
from manual.model.prose import prose_lines
from manual.words import plural

ACTION_HEADING = "what to do now"
ACTION_FLOOR = 50
MIN_WORDS = 40  # the formula says little about a handful of words: a shorter section is not scored

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>|\{:[^}]*\}")
_LINE_MARK = re.compile(r"^\s*(?:#{1,6}|[-*+]|\d+[.)]|>)\s+")
_NOT_PROSE = re.compile(r"^\s*(?:!!!|\?\?\?|\||\*\[)")  # admonition titles, table rows, abbreviation lines


@dataclass(frozen=True)
class Readability:
    ease: float  # the whole text
    action_ease: float | None  # "What to do now", when the document has it

    @property
    def action_below_floor(self) -> bool:
        return self.action_ease is not None and self.action_ease < ACTION_FLOOR


def plain_text(markdown: str) -> str:
    """The words a reader reads: no code, markup, link addresses, tables or admonition titles; one sentence
    per list item (a step ends where the next begins)."""
    words = []
    for _, line in prose_lines(markdown.split("\n")):
        if not line.strip() or _NOT_PROSE.match(line):
            continue
        is_item = bool(_LINE_MARK.match(line))
        text = _TAG.sub(" ", _LINK.sub(r"\1", _LINE_MARK.sub("", line))).replace("*", "").replace("`", "").strip()
        if is_item and text and text[-1] not in ".!?:":
            text += "."
        words.append(text)
    return "\n".join(words)


def section(markdown: str, heading: str) -> str | None:
    """The text under the heading (case aside) down to the next heading of its level or above."""
    lines, found = markdown.split("\n"), headings(markdown)
    for position, (index, level, text) in enumerate(found):
        if text.lower() == heading:
            end = next((i for i, lvl, _ in found[position + 1 :] if lvl <= level), len(lines))
            return "\n".join(lines[index + 1 : end])
    return None


def _ease(text: str) -> float:
    return round(textstat.flesch_reading_ease(text), 1)


def readability(body: str) -> Readability | None:
    """None for a document too short to score."""
    text = plain_text(body)
    if len(text.split()) < MIN_WORDS:
        return None
    action = plain_text(section(body, ACTION_HEADING) or "")
    return Readability(_ease(text), _ease(action) if len(action.split()) >= MIN_WORDS else None)


def summary(found: dict[str, Readability]) -> str:
    """One line for the build's log: the median score, and the least readable "What to do now"."""
    if not found:
        return "Readability: no documents to measure."
    actions = sorted((r.action_ease, doc_id) for doc_id, r in found.items() if r.action_ease is not None)
    line = f"Readability: {plural(len(found), 'document')}, median Flesch reading ease {median(r.ease for r in found.values()):g}"
    if actions:
        line += (
            f"; the hardest 'What to do now' is {actions[0][1]} at {actions[0][0]:g} (at least {ACTION_FLOOR} expected)"
        )
    return line + "."
