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
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from manual.model.document import Document
from manual.model.problems import Problem
from manual.model.vocabulary import CONTACTS_FILE, Contact

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
_MD_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")  # [label]: target
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


def _is_a_reference(before: str) -> bool:
    """_NOT_A_PHONE.search(before), looking only at the end: its longest word and '.' are 11 characters
    (a case-insensitive match has as many characters as its pattern; rstrip() takes what \\s takes)."""
    before = before.rstrip()
    return _NOT_A_PHONE.search(before, max(0, len(before) - 12)) is not None


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def content_problems(path: str, body: str, first_line: int, contacts: dict[str, Contact]) -> list[Problem]:
    """Every unsafe thing in a document's body, each naming the file and line."""
    allowed_phones = {_digits(c.phone) for c in contacts.values() if c.phone}
    allowed_emails = {c.email.strip().lower() for c in contacts.values() if c.email}
    references = _reference_targets(body)
    numbered = list(lines_outside_code(body, first_line))
    problems: list[Problem] = []
    for index, message in _lines_problems([line for _, line in numbered], allowed_phones, allowed_emails, references):
        problems.append(Problem(path, numbered[index][0], None, message))
    return problems


def front_matter_problems(doc: Document, contacts: dict[str, Contact]) -> list[Problem]:
    """The same checks on the front matter text that appears on the page (title, summaries, keywords...)."""
    allowed_phones = {_digits(c.phone) for c in contacts.values() if c.phone}
    allowed_emails = {c.email.strip().lower() for c in contacts.values() if c.email}
    fields: list[tuple[tuple, str | None]] = [
        (("title",), doc.title),
        (("summary",), doc.summary),
        (("family_summary",), doc.family_summary),
    ]
    fields += [(("keywords", i), text) for i, text in enumerate(doc.keywords)]
    fields += [(("legislation", i), text) for i, text in enumerate(doc.legislation)]
    fields += [(("amendments", i, "summary"), a.summary) for i, a in enumerate(doc.amendments)]
    texts: list[str] = []
    owners: list[tuple] = []  # the field each line of text comes from
    for path, value in fields:
        if value:
            for text in value.split("\n"):
                texts.append(text)
                owners.append(path)
    problems = []
    for index, message in _lines_problems(texts, allowed_phones, allowed_emails, {}):  # all fields at once
        path = owners[index]
        line = doc.line_of(*path) or doc.line_of(path[0])
        name = ".".join(str(part) if isinstance(part, str) else f"[{part}]" for part in path).replace(".[", "[")
        problems.append(Problem(doc.path, line, name, message))
    return problems


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


# What a line must contain for each check to find anything: most lines hold none of it, and skipping
# them keeps the checks cheap on a manual of thousands of documents (see the README's "Benchmark").
_MAY_BE_ACTIVE = re.compile(r"[<{]|(?i:javascript|vbscript|data)\s*:")
_MAY_BE_IMAGE = re.compile(r"[!<]|(?i:url)\(")
# The two searches below run once over all of a document's lines joined, so the line-by-line work is
# done only on the few lines that need it. Neither matches across a line end, so every line with a
# match is found. A line either search above can match holds one of these characters:
_MAY_BE_MARKUP = re.compile(r"[<{:!(]")
# An NHS number or a short number has three digits in a row; a UK phone number starts "0" and a digit,
# or "+44"; an email address has "@". (The same as @|\d{3}|0\d|\+44, written to be quick to search.)
_MAY_BE_PERSONAL = re.compile(r"[@+\d](?:(?<=@)|(?<=\+)44|(?<=\d)\d\d|(?<=0)\d)")


def _lines_problems(
    lines: list[str], phones: set[str], emails: set[str], references: dict[str, str]
) -> Iterator[tuple[int, str]]:
    """(index of the line, message) for every unsafe thing in the lines, in line order."""
    text = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    markup = _matching_lines(_MAY_BE_MARKUP, text, starts)
    personal = _matching_lines(_MAY_BE_PERSONAL, text, starts)
    for index in sorted(markup | personal):
        line = lines[index]
        if index in markup:
            if _may_be_active(line):
                yield from ((index, message) for message in _active_content(line))
            if _may_be_image(line):
                yield from ((index, message) for message in _external_images(line, references))
        if index in personal:
            yield from ((index, message) for message in _personal_data(line, phones, emails))


# _MAY_BE_ACTIVE and _MAY_BE_IMAGE, answered from the few ':' and '(' in a long line rather than by a
# case-insensitive search of all of it. A case-insensitive match has as many characters as its pattern.
_SCHEME_AT_END = re.compile(r"(?i:javascript|vbscript|data)\Z")
_URL = re.compile(r"(?i:url)")


def _may_be_active(line: str) -> bool:
    if "<" in line or "{" in line:
        return True
    colon = line.find(":")
    while colon != -1:
        before = line[:colon].rstrip()  # str.rstrip() and the pattern's \s take the same characters as space
        if _SCHEME_AT_END.search(before, max(0, len(before) - 10)):
            return True
        colon = line.find(":", colon + 1)
    return False


def _may_be_image(line: str) -> bool:
    if "!" in line or "<" in line:
        return True
    bracket = line.find("(", 3)
    while bracket != -1:
        if _URL.fullmatch(line, bracket - 3, bracket):
            return True
        bracket = line.find("(", bracket + 1)
    return False


def _matching_lines(pattern: re.Pattern, text: str, starts: list[int]) -> set[int]:
    """The lines with a match (a match within one line, so none is hidden by a match on the line before)."""
    return {bisect_right(starts, match.start()) - 1 for match in pattern.finditer(text)}


def _line_problems(line: str, phones: set[str], emails: set[str], references: dict[str, str]) -> Iterator[str]:
    return (message for _, message in _lines_problems([line], phones, emails, references))


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
        targets.append(reference.group(1))
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
    for match in _EMAIL.finditer(line) if "@" in line else ():
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
        if _is_a_reference(line[: match.start()]):
            continue
        if _digits(match.group(1)) not in phones:
            yield f"the phone number {match.group(1)!r} is not in {CONTACTS_FILE}. Add it there before a document gives it"


# ---- helpers -------------------------------------------------------------------------------------------


def lines_outside_code(body: str, first_line: int) -> Iterable[tuple[int, str]]:
    """Each line of Markdown with its number, skipping fenced code and removing code spans."""
    if "`" not in body and "~~~" not in body:  # no fence and no code span: every line as it is
        return enumerate(body.split("\n"), first_line)
    return _lines_outside_fences(body, first_line)


def _lines_outside_fences(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        yield first_line + offset, (_CODE_SPAN.sub("", line) if "`" in line else line)


_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)")


def _reference_targets(body: str) -> dict[str, str]:
    targets: dict[str, str] = {}
    if "]:" not in body:  # a reference definition cannot be written without it
        return targets
    for line in body.split("\n"):
        match = _REFERENCE_DEFINITION.match(line) if "]:" in line else None
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
