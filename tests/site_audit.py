"""What the browser checks look for on a page: axe-core's WCAG rules, requests to other sites, cookies.

Plain helpers over Playwright pages (fixtures are in tests/browser.py). axe-core comes inside the
pinned axe-playwright-python package and is injected into the page from disk, so nothing is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from browser import new_page

# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no wcag22a rules: 2.2's new A criteria need a person).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# The ways the suite looks at every page: both palettes on a desktop, and a 320 px wide phone
# (WCAG 1.4.10 reflow: 320 CSS pixels is 1280 px at 400% zoom).
VIEWS = {
    "light colours": {"color_scheme": "light", "width": 1280},
    "dark colours": {"color_scheme": "dark", "width": 1280},
    "a screen 320 pixels wide": {"color_scheme": "light", "width": 320},
}
# Material's palette attribute for each scheme, to confirm the palette really changed.
SCHEMES = {"light": "default", "dark": "slate"}

_axe = Axe()


def axe_version() -> str:
    first = _axe.axe_script[:200].splitlines()[0]
    return first.replace("/*!", "").replace("axe", "").strip().lstrip("v")


@dataclass
class Violation:
    rule: str
    impact: str
    help: str
    targets: list[str]
    summary: str

    def __str__(self) -> str:
        where = ", ".join(self.targets[:5]) + (f" and {len(self.targets) - 5} more" if len(self.targets) > 5 else "")
        return f"{self.rule} ({self.impact}): {self.help}. At {where}. {self.summary}"


_AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def axe_violations(page) -> list[Violation]:
    """axe-core's WCAG A and AA violations on the page as it is now."""
    return _violations(_axe.run(page, options=_AXE_OPTIONS).response["violations"])


def _violations(items: list[dict]) -> list[Violation]:
    violations = []
    for item in items:
        nodes = item["nodes"]
        targets = [" ".join(str(t) for t in node["target"]) for node in nodes]
        summary = " ".join(nodes[0].get("failureSummary", "").split()) if nodes else ""
        violations.append(Violation(item["id"], item.get("impact") or "", item["help"], targets, summary[:400]))
    return violations


@dataclass
class PageAudit:
    path: str
    violations: list[Violation] = field(default_factory=list)


def audit_pages(
    browser, server, paths: list[str], color_scheme: str = "light", width: int = 1280, tabs: int = 2
) -> list[PageAudit]:
    """Load every page in the given palette and width and run axe on each.

    axe's colour-contrast rule takes most of the time, and each tab has a renderer process of its own,
    so pages are checked a few at a time: axe starts in every tab, then the results are collected."""
    pool = [new_page(browser, width=width, height=900, color_scheme=color_scheme) for _ in range(tabs)]
    for page in pool:
        page.context.add_init_script(script=_axe.axe_script)  # axe-core from disk, in every page loaded
    start = "options => { window.__manualAxe = axe.run(document, options); return true; }"
    audits = []
    try:
        for first in range(0, len(paths), tabs):
            batch = list(zip(pool, paths[first : first + tabs], strict=False))
            for page, path in batch:
                page.goto(server.url(path), wait_until="load")
                scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
                if scheme is not None and scheme != SCHEMES[color_scheme]:
                    raise AssertionError(
                        f"{path or '/'}: expected Material's {SCHEMES[color_scheme]!r} palette, got {scheme!r}"
                    )
                page.evaluate(start, _AXE_OPTIONS)
            for page, path in batch:
                audits.append(PageAudit(path, _violations(page.evaluate("window.__manualAxe.then(r => r.violations)"))))
    finally:
        for page in pool:
            page.context.close()
    return audits


def describe_failures(audits: list[PageAudit], view: str) -> str:
    lines = []
    for audit in audits:
        for violation in audit.violations:
            lines.append(f"{audit.path or '/'} ({view}): {violation}")
    return "\n".join(lines)


# ---- privacy ---------------------------------------------------------------------------------------


@dataclass
class PrivacyAudit:
    path: str
    third_party: list[str]
    cookies: list[str]
    own_requests: int


def _same_origin(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True  # made in the page itself, not fetched from anywhere
    return f"{parts.scheme}://{parts.netloc}" == origin


def privacy_audit(browser, server, paths: list[str]) -> list[PrivacyAudit]:
    """Load each page, recording every request it makes (including ones the network refuses) and the
    cookies the browser holds afterwards. One context for all pages, as a reader moving around the site."""
    page = new_page(browser)
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    audits = []
    try:
        for path in paths:
            requested.clear()
            page.goto(server.url(path), wait_until="networkidle")
            cookies = [cookie["name"] for cookie in page.context.cookies()]
            cookies += [c.split("=")[0].strip() for c in page.evaluate("document.cookie").split(";") if c.strip()]
            third_party = sorted({url for url in requested if not _same_origin(url, server.origin)})
            own = len([url for url in requested if _same_origin(url, server.origin)])
            audits.append(PrivacyAudit(path, third_party, sorted(set(cookies)), own))
    finally:
        page.context.close()
    return audits
