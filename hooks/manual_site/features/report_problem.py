""" "Report a problem with this page" on every document page.

A practitioner who finds a wrong number or an out-of-date step tells the people who can fix it, without a
third-party form: an email to the contact the settings name (the business unit, say), or to the document
owner's contact when they name none, or a new issue in the manual's repository. Either way the message
arrives already naming the page, its address and its version, which is what the owner needs to find it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from manual.model.document import Document


@dataclass(frozen=True)
class ProblemLink:
    href: str
    to: str  # who it goes to, in words: the contact's name, or "the manual's repository"
    unconfirmed: bool = False  # the email address is from old papers, still to be confirmed


def context(site, page, context: dict) -> None:
    doc = page.document
    if doc is not None:
        context["report_problem"] = problem_link(site, doc, site.addresses.absolute(page.url))


def problem_link(site, doc: Document, address: str) -> ProblemLink | None:
    manual = site.manual
    subject = f"Problem with “{doc.title}” (version {doc.version})"
    body = f"Page: {doc.title}\nAddress: {address}\nVersion: {doc.version}\n\nWhat is wrong, and where on the page:\n"
    chosen = manual.settings.report_problem
    if chosen is not None and chosen.repository:
        query = urlencode({"title": subject, "body": body}, quote_via=quote)
        return ProblemLink(f"{chosen.repository}/issues/new?{query}", "the manual's repository")
    contacts = manual.vocabulary.contacts
    if chosen is not None and chosen.contact:
        contact = contacts.get(chosen.contact)
    else:
        owner = manual.vocabulary.owners.get(doc.owner)
        contact = contacts.get(owner.contact) if owner is not None and owner.contact else None
    if contact is None or not contact.email:
        return None
    query = urlencode({"subject": subject, "body": body}, quote_via=quote)
    return ProblemLink(f"mailto:{contact.email}?{query}", contact.name, unconfirmed=not contact.confirmed)
