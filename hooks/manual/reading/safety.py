"""Content safety: what a document in procedures/ must never hold, found line by line.

Many editors send pull requests, and the site is read on council networks, so a document's text
must not carry active content (scripts, frames, plugins, event handlers, `javascript:` links),
must not pull anything from another site (external images, styles), and must not expose anyone's
personal data (NHS numbers, personal email addresses, phone numbers). Contact details live only
in docs/data/contacts.yml; a number or address found there is allowed.

Code (fenced blocks and `inline code`) is shown as text, never run, so it is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from manual.model.document import Document
from manual.model.problems import Problem
from manual.model.prose import lines_outside_code
from manual.model.vocabulary import CONTACTS_FILE, Contact
from manual.words import field_path

# ---- active content and things fetched from elsewhere ------------------------------------------------

_FORBIDDEN_TAGS = {
    "script": "a <script> element runs code in the reader's browser",
    "iframe": "an <iframe> shows another site inside the page",
    "frame": "a <frame> shows another site inside the page",
    "object": "an <object> element embeds a plugin or another document",
    "embed": "an <embed> element embeds a plugin or another document",
    "applet": "an <applet> element runs code in the reader's browser",
    "style": "a <style> element can restyle the whole site and load files from other sites",
    "link": "a <link> element loads files into the page",
    "meta": "a <meta> element can redirect the reader to another site",
    "base": "a <base> element changes where every link on the page goes",
    "form": "a <form> element can send what the reader types to another site",
}
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>?")
_EVENT_HANDLER = re.compile(r"(?<![\w-])(on[a-z]+)\s*=", re.IGNORECASE)
_ATTR_LIST = re.compile(r"\{:?([^{}]*)\}")  # Markdown attribute lists: {: #id .class key="value" }
_SCRIPT_URL = re.compile(r"^\s*[\"']?\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
# Where a Markdown or HTML link or image names its target.
_MD_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")  # [text](target) and ![alt](target)
_MD_REFERENCE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)")  # [label]: target
_HTML_URL_ATTR = re.compile(
    r"\b(href|src|srcset|action|formaction|poster|data|background|xlink:href)\s*=\s*([\"']?)([^\"'\s>]*)", re.IGNORECASE
)
_AUTOLINK = re.compile(r"<((?:javascript|vbscript|data):[^>]*)>", re.IGNORECASE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
_MD_IMAGE_REF = re.compile(r"!\[[^\]]*\]\[([^\]]*)\]")
_CSS_URL = re.compile(r"url\(\s*[\"']?\s*((?:https?:)?//[^\"')\s]+)", re.IGNORECASE)
_EXTERNAL = re.compile(r"^(?:https?:)?//", re.IGNORECASE)

# ---- personal data ---------------------------------------------------------------------------------

# Ten digits, written 943 476 5919, 943-476-5919 or 9434765919 (never part of a longer number).
_NHS_NUMBER = re.compile(r"(?<![\d.,/-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d])")
_EMAIL = re.compile(r"(?<![\w.+-])([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
# UK numbers: 01432 260100, (01432) 260100, 07700 900123, 0800 123 4567, +44 1432 260100, +44 (0)1432 260100.
_UK_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s()-]{7,13}\d(?![\d])")
# National short numbers: emergency, police non-emergency, NHS, and the 116 helplines (116 123 ...).
_SHORT_NUMBER = re.compile(r"(?<![\w.,/£$-])(999|112|101|111|116\s?\d{3})(?![\w/%-]|[.,]\d)")
# A short number in these phrases is a reference, not a phone number ("section 101", "page 111").
_NOT_A_PHONE = re.compile(
    r"\b(?:section|sections|s|ss|paragraph|para|article|regulation|reg|rule|page|pages|chapter|part|schedule|room|number|no|level|step|version|figure|table|appendix)\.?\s*$",
    re.IGNORECASE,
)


def content_problems(path: str, body: str, first_line: int, contacts: dict[str, Contact]) -> list[Problem]:
    """Every unsafe thing in a document's body, each naming the file and line."""
    phones, emails = _allowed(contacts)
    references = _reference_targets(body)
    return [
        Problem(path, number, None, message)
        for number, line in lines_outside_code(body, first_line)
        for message in _line_problems(line, phones, emails, references)
    ]


def front_matter_problems(doc: Document, contacts: dict[str, Contact]) -> list[Problem]:
    """The same checks on the front matter text that appears on the page (title, summaries, keywords...)."""
    phones, emails = _allowed(contacts)
    fields: list[tuple[tuple, str | None]] = [
        (("title",), doc.title),
        (("summary",), doc.summary),
        (("family_summary",), doc.family_summary),
    ]
    fields += [(("keywords", i), text) for i, text in enumerate(doc.keywords)]
    fields += [(("legislation", i), text) for i, text in enumerate(doc.legislation)]
    fields += [(("amendments", i, "summary"), a.summary) for i, a in enumerate(doc.amendments)]
    problems = []
    for path, value in fields:
        for line in (value or "").split("\n"):
            for message in _line_problems(line, phones, emails, {}):
                line_number = doc.line_of(*path) or doc.line_of(path[0])
                problems.append(Problem(doc.path, line_number, field_path(path), message))
    return problems


def _allowed(contacts: dict[str, Contact]) -> tuple[set[str], set[str]]:
    """The phone numbers (as digits) and email addresses a document may give: those in the contacts file."""
    phones = {_digits(c.phone) for c in contacts.values() if c.phone}
    emails = {c.email.strip().lower() for c in contacts.values() if c.email}
    return phones, emails


def is_external(url: str) -> bool:
    """A URL that leaves the site: http(s) or protocol-relative."""
    return bool(_EXTERNAL.match(url.strip()))


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number modulus 11 check: weights 10 down to 2, check digit 11 - remainder (11 means 0, 10 is invalid)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# ---- the checks, one line at a time ------------------------------------------------------------------


# What a line must hold for the checks below to find anything. Most lines hold none of it, and
# skipping them saves most of the cost of the checks.
_MAY_BE_MARKUP = re.compile(r"[<{:!(]")  # a tag, an attribute list, a scheme, an image, a url(
_MAY_BE_PERSONAL = re.compile(r"@|\d{3}|0\d|\+44")  # an email address, an NHS or short number, a phone number


def _line_problems(line: str, phones: set[str], emails: set[str], references: dict[str, str]) -> Iterator[str]:
    if _MAY_BE_MARKUP.search(line):
        yield from _active_content(line)
        yield from _external_images(line, references)
    if _MAY_BE_PERSONAL.search(line):
        yield from _personal_data(line, phones, emails)


def _active_content(line: str) -> Iterator[str]:
    for match in _TAG.finditer(line):
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        if name in _FORBIDDEN_TAGS:
            if not closing:
                yield f"raw HTML <{name}> is not allowed in a document: {_FORBIDDEN_TAGS[name]}. Remove it; write the content in Markdown"
            continue
        for handler in _EVENT_HANDLER.findall(attributes):
            yield f"the inline event handler {handler}= in <{name}> is not allowed: it runs code in the reader's browser. Remove it"
    for match in _ATTR_LIST.finditer(line):
        for handler in _EVENT_HANDLER.findall(match.group(1)):
            yield f"the event handler {handler}= in an attribute list is not allowed: it runs code in the reader's browser. Remove it"
    targets = [m.group(1) for m in _MD_TARGET.finditer(line)]
    targets += [m.group(3) for m in _HTML_URL_ATTR.finditer(line)]
    targets += [m.group(1) for m in _AUTOLINK.finditer(line)]
    reference = _MD_REFERENCE.match(line)
    if reference:
        targets.append(reference.group(2))
    for target in targets:
        scheme = _SCRIPT_URL.match(target)
        if scheme:
            yield f"a {scheme.group(1).lower()}: link or address ({_short(target)}) is not allowed: it can run code or hide content. Link to a page instead"


def _external_images(line: str, references: dict[str, str]) -> Iterator[str]:
    sources = [m.group(1) for m in _MD_IMAGE.finditer(line)]
    sources += [references.get(m.group(1).strip().lower(), "") for m in _MD_IMAGE_REF.finditer(line)]
    for match in _TAG.finditer(line):
        if match.group(2).lower() in {"img", "image", "picture", "source", "video", "audio", "track", "input"}:
            sources += [
                m.group(3)
                for m in _HTML_URL_ATTR.finditer(match.group(3))
                if m.group(1).lower() in {"src", "srcset", "poster"}
            ]
    sources += [m.group(1) for m in _CSS_URL.finditer(line)]
    for source in sources:
        if is_external(source):
            yield f"the image {_short(source)} is on another site: readers' browsers would fetch it from there. Put the image in the repository and link to it"


def _personal_data(line: str, phones: set[str], emails: set[str]) -> Iterator[str]:
    for match in _NHS_NUMBER.finditer(line):
        digits = match.group(1) + match.group(3) + match.group(4)
        if nhs_number_is_valid(digits):
            yield f"{match.group(0)!r} looks like an NHS number (it passes the check-digit test). Never put a person's details in the manual; remove it"
    for match in _EMAIL.finditer(line):
        if match.group(1).lower() not in emails:
            yield (
                f"the email address {match.group(1)!r} is not in {CONTACTS_FILE}. Do not write email addresses in a document: "
                "add the contact there and link to the contacts page"
            )
    for match in _UK_PHONE.finditer(line):
        digits = _digits(match.group(0))
        if 10 <= len(digits) <= 11 and digits not in phones:
            yield (
                f"the phone number {match.group(0).strip()!r} is not in {CONTACTS_FILE}. Do not write phone numbers in a document: "
                "add the contact there and link to the contacts page"
            )
    for match in _SHORT_NUMBER.finditer(line):
        if _NOT_A_PHONE.search(line, 0, match.start()):
            continue
        if _digits(match.group(1)) not in phones:
            yield f"the phone number {match.group(1)!r} is not in {CONTACTS_FILE}. Add it there before a document gives it"


# ---- helpers -------------------------------------------------------------------------------------------


def _reference_targets(body: str) -> dict[str, str]:
    targets: dict[str, str] = {}
    for line in body.split("\n"):
        match = _MD_REFERENCE.match(line)
        if match:
            targets[match.group(1).strip().lower()] = match.group(2)
    return targets


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if digits.startswith("440"):
        digits = digits[2:]  # +44 (0)1432 ... written with the 0 as well
    elif digits.startswith("44") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")
