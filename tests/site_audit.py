"""What the browser checks look for on a page, and one sweep that runs them over a site in parallel tabs.

The checks: axe-core's WCAG A and AA rules in each view (colour contrast once for each kind of text in
a view: see AXE_RUN), requests to other sites and cookies, and content that text at 200% pushes out of
reach. axe-core comes inside the pinned axe-playwright-python package and is injected into the page from
disk, so nothing is fetched.

A sweep loads each page once and runs every check on that visit, in a small pool of tabs of its own
Chromium, driven by Playwright's async API in a thread of its own, so that the cores work on different
pages at once.
"""

from __future__ import annotations

import asyncio
import functools
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from browser import chromium_options

# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no wcag22a rules: 2.2's new A criteria need a person).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

DESKTOP_WIDTH, HEIGHT = 1280, 900
# The ways the suite looks at every page: both palettes on a desktop, and a 320 px wide phone
# (WCAG 1.4.10 reflow: 320 CSS pixels is 1280 px at 400% zoom).
VIEWS = {
    "light colours": {"color_scheme": "light", "width": DESKTOP_WIDTH},
    "dark colours": {"color_scheme": "dark", "width": DESKTOP_WIDTH},
    "a screen 320 pixels wide": {"color_scheme": "light", "width": 320},
}
# Material's palette attribute for each scheme, to confirm the palette really changed.
SCHEMES = {"light": "default", "dark": "slate"}
# Text at 200% on a 1280 px screen, both ways a reader gets it: zoomed (640 CSS px), and text alone made
# bigger. Material sizes text in rem (its root is 125%) and switches layout at breakpoints in em, which a
# bigger default text size reaches at half the width.
TEXT_WIDTH = 640
TEXT_CHECKS = {
    "zoomed to 200% (a 1280 px screen at 640 CSS px)": None,
    "with text resized to 200%": "250%",
}

TABS = 2  # pages in progress at once: one per core; more only add work for the cores to share (measured)


def page_size(site: Path, path: str) -> int:
    file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
    return file.stat().st_size if file.exists() else 0


# Sweeping any page costs about as much as this many bytes of its HTML do (measured over the shipped site).
VISIT_COST = 40_000


def page_cost(site: Path, path: str) -> int:
    """What sweeping the page costs, in bytes of HTML, to share pages out between parts of about equal cost."""
    return page_size(site, path) + VISIT_COST


_axe = Axe()
# axe's rules in WCAG A and AA, for a whole page or part of one (test_search.py checks the search dialog so).
_AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# color-contrast is most of axe's time (it finds each text's background through the layout), and most text on
# a site is the same kind of text on the same background as on the page before. So in the sweep it looks only
# at the elements marked for it (SWEEP_CONTRAST): the first text shown of each kind not yet checked in the view,
# kinds being the same colour, size, weight and shadow on the same backgrounds, opacities and filters (KIND).
# Every other rule looks at the whole page.
SWEEP_CONTRAST = "data-sweep-contrast"
_SWEEP_AXE = _axe.axe_script + (
    f"\naxe.configure({{rules: [{{id: 'color-contrast', selector: '[{SWEEP_CONTRAST}]'}}]}});\n"
)
# Every node of every result, as elements, to learn which texts axe judged (it makes selectors only for problems).
_RESULTS = {"elementRef": True, "selectors": False}
_VIEW_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, **_RESULTS}
# The dark palette changes colours only: the page's structure, names and roles are those the light view checked,
# so in dark colours axe runs the rules about colour.
_COLOUR_OPTIONS = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}, **_RESULTS}


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


def _violations(items: list[dict]) -> list[Violation]:
    violations = []
    for item in items:
        nodes = item["nodes"]
        targets = [" ".join(str(t) for t in node["target"]) for node in nodes]
        summary = " ".join(nodes[0].get("failureSummary", "").split()) if nodes else ""
        violations.append(Violation(item["id"], item.get("impact") or "", item["help"], targets, summary[:400]))
    return violations


@dataclass
class PrivacyAudit:
    path: str
    third_party: list[str]
    cookies: list[str]
    own_requests: int


@dataclass
class SiteAudit:
    """What a sweep found, page by page (paths as given, in their order)."""

    violations: dict[str, dict[str, list[Violation]]] = field(default_factory=dict)  # view -> path -> ...
    privacy: dict[str, PrivacyAudit] = field(default_factory=dict)  # path -> requests and cookies
    text: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # text check -> path -> problems
    contrast_checked: dict[str, set[str]] = field(default_factory=dict)  # view -> kinds of text (KIND) checked
    browser: str = ""

    def axe_failures(self, view: str) -> str:
        """One line per violation, naming the page and the view; empty when there are none."""
        return "\n".join(
            f"{path or '/'} ({view}): {violation}"
            for path, violations in self.violations[view].items()
            for violation in violations
        )


OVERFLOW = """() => {
  const root = document.documentElement;
  const problems = [];
  const panel = document.querySelector('.manual-control');
  const box = panel && panel.getBoundingClientRect();
  if (!box || !box.width || !box.height || getComputedStyle(panel).visibility === 'hidden') problems.push('the document control panel is hidden');
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls sideways (${root.scrollWidth}px wide in ${root.clientWidth}px)`);
  const content = document.querySelector('.md-content');
  if (!content) problems.push('no .md-content');
  else {
    const edge = content.getBoundingClientRect().right;
    for (const element of content.querySelectorAll('*')) {
      if (element.closest('.md-typeset__scrollwrap, pre, .MathJax')) continue;  // scroll areas of their own
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (box.width === 0 || style.visibility === 'hidden') continue;
      if (box.width <= 1 && box.height <= 1) continue;  // text for screen readers only, hidden from the eye on purpose
      if (box.right > edge + 1) problems.push(`${element.tagName}.${element.className} sticks out of the content by ${Math.round(box.right - edge)}px`);
      if (['hidden', 'clip'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
        problems.push(`${element.tagName}.${element.className} cuts off ${element.scrollWidth - element.clientWidth}px of its content`);
      if (style.textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth + 1)
        problems.push(`${element.tagName}.${element.className} cuts its text short`);
    }
  }
  return problems.slice(0, 10);
}"""


def audit_site(
    server,
    pages: list[str],
    views: list[str] | tuple[str, ...] = tuple(VIEWS),
    text_pages: list[str] = (),
    tabs: int = TABS,
) -> SiteAudit:
    """Every page in every view given, with the requests and cookies of its first load, and the text
    checks on text_pages. Pages are visited largest first, so the longest ones never finish last."""
    size = functools.partial(page_size, Path(server.directory))
    audit = SiteAudit(
        violations={view: dict.fromkeys(pages) for view in views},
        privacy=dict.fromkeys(pages),
        text={how: dict.fromkeys(text_pages) for how in TEXT_CHECKS},
    )
    # The views in light colours, then the text checks (in light colours too), then dark: one switch of palette
    # a page. Each step starts from the page's own inline style (HTML_STYLE), which the text checks change.
    light = [view for view in VIEWS if view in views and VIEWS[view]["color_scheme"] == "light"]
    dark = [view for view in VIEWS if view in views and VIEWS[view]["color_scheme"] != "light"]
    jobs = deque(
        (path, light + ["text"] * (path in text_pages) + dark) for path in sorted(pages, key=size, reverse=True)
    )
    with ThreadPoolExecutor(1) as thread:  # Playwright's async API needs a thread without the sync API's loop
        thread.submit(asyncio.run, _sweep(server, jobs, audit, tabs)).result()
    return audit


async def _sweep(server, jobs: deque, audit: SiteAudit, tabs: int) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(**chromium_options())
        audit.browser = f"Chromium {chromium.version}"
        try:
            await asyncio.gather(*(_tab(chromium, server, jobs, audit) for _ in range(min(tabs, len(jobs)))))
        finally:
            await chromium.close()


async def _tab(chromium, server, jobs: deque, audit: SiteAudit) -> None:
    """Visits the next page until none are left. The tab's context keeps its cookies and storage from page
    to page, as a reader's browser does."""
    # No service worker: the sweep measures each page as served, not as a worker saved it.
    context = await chromium.new_context(
        viewport={"width": DESKTOP_WIDTH, "height": HEIGHT}, color_scheme="light", service_workers="block"
    )
    await context.add_init_script(script=_SWEEP_AXE)  # axe-core from disk, in every page loaded
    page = await context.new_page()
    while jobs:
        path, steps = jobs.popleft()
        await _visit(page, server, path, steps, audit)


async def _visit(page, server, path: str, steps: list[str], audit: SiteAudit) -> None:
    """Loads the page in light colours on a desktop, as most readers first see it, recording its requests
    and cookies; then runs each check in turn, changing the palette (with Material's own switch) and the
    width (as zooming does) in between, rather than loading the page again for each."""
    requested: list[str] = []
    pending: set = set()
    settled = asyncio.Event()  # no request in flight

    def record(request) -> None:  # every request the page makes, including ones the network refuses
        requested.append(request.url)
        pending.add(request)
        settled.clear()

    def ended(request) -> None:
        pending.discard(request)
        if not pending:
            settled.set()

    await _show(page, path, "light", DESKTOP_WIDTH, loaded=False)
    cookies_before = await _cookies(page)  # a page is named for the cookies that appeared while it was open
    listeners = {"request": record, "requestfinished": ended, "requestfailed": ended}
    for event, listener in listeners.items():
        page.on(event, listener)
    try:
        # Until the load event and every request begun by then has ended: what the page asks for as it opens
        # (not "networkidle", which waits out half a second of quiet after every page).
        settled.set()
        await page.goto(server.url(path), wait_until="load")
        await asyncio.wait_for(settled.wait(), timeout=30)
    finally:
        for event, listener in listeners.items():
            page.remove_listener(event, listener)
    own = [url for url in requested if _same_origin(url, server.origin)]
    third_party = sorted({url for url in requested if not _same_origin(url, server.origin)})
    audit.privacy[path] = PrivacyAudit(path, third_party, sorted(await _cookies(page) - cookies_before), len(own))
    style = await page.evaluate("document.documentElement.getAttribute('style')")
    for step in steps:
        await page.evaluate(HTML_STYLE, style)  # as loaded: a check may leave a style behind (axe an empty one)
        if step == "text":
            await _show(page, path, "light", TEXT_WIDTH)
            for how, font_size in TEXT_CHECKS.items():  # zoom first: the text size is set after it
                if font_size:
                    await page.evaluate(f"document.documentElement.style.fontSize = '{font_size}'")
                audit.text[how][path] = await page.evaluate(OVERFLOW)
        else:
            await _show(page, path, VIEWS[step]["color_scheme"], VIEWS[step]["width"])
            options = _VIEW_OPTIONS if step != "dark colours" else _COLOUR_OPTIONS
            checked = audit.contrast_checked.setdefault(step, set())
            found, kinds = await page.evaluate(AXE_RUN, [options, sorted(checked)])
            checked.update(kinds)
            audit.violations[step][path] = _violations(found)


# The kind of a text, for color-contrast: what its contrast is computed from. Backgrounds count up to the first
# opaque one; opacity and filters all the way up, as they fade whatever is beneath them too.
KIND = """el => {
  const own = getComputedStyle(el);
  const parts = [own.color, own.fontSize, own.fontWeight, own.textShadow, own.webkitTextStrokeWidth];
  let opaque = false;
  for (let e = el; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (!opaque) {
      parts.push(style.backgroundColor, style.backgroundImage, style.mixBlendMode);
      opaque = style.backgroundImage === 'none' && style.backgroundColor.startsWith('rgb(');
    }
    parts.push(style.opacity, style.filter);
  }
  return parts.join('|');
}"""
# Marks the first text shown of each kind not yet checked in this view for color-contrast, and runs axe. A kind
# counts as checked once axe has judged a text of it (one it passed over, out of reach or hidden from the eye,
# leaves its kind to the next page).
AXE_RUN = """async ([options, checked]) => {
  const kind = KIND;
  const done = new Set(checked);
  const fresh = new Map();  // kind -> the first text of it that is shown
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.matches('input, select, textarea') && ![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
      continue;
    const k = kind(el);
    if (!done.has(k) && !fresh.has(k) && el.checkVisibility({opacityProperty: true, visibilityProperty: true}))
      fresh.set(k, el);
  }
  for (const el of fresh.values()) el.setAttribute('MARK', '');
  let result;
  try {
    result = await axe.run(document, options);
  } finally {
    for (const el of fresh.values()) el.removeAttribute('MARK');
  }
  const kinds = new Set();
  for (const item of [...result.violations, ...result.passes, ...result.incomplete])
    if (item.id === 'color-contrast') for (const node of item.nodes) kinds.add(kind(node.element));
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map(c => '.' + c).join('');
  const where = el => [el.parentElement, el].filter(Boolean).map(name).join(' > ');  // axe made no selectors
  const violations = result.violations.map(item => ({...item, nodes: item.nodes.map(node =>
    ({target: [where(node.element)], failureSummary: node.failureSummary}))}));
  return [violations, [...kinds]];
}""".replace("KIND", KIND).replace("MARK", SWEEP_CONTRAST)

HTML_STYLE = """style => {
  const root = document.documentElement;
  root.getAttribute('style');  // Chromium writes a changed inline style back to the attribute lazily: let it, first
  if (style === null) root.removeAttribute('style');
  else root.setAttribute('style', style);
}"""
SWITCH_PALETTE = """scheme => {
  const input = document.querySelector(`input[data-md-color-media="(prefers-color-scheme: ${scheme})"]`);
  if (input) input.click();
  return input !== null;
}"""
PALETTE_SHOWN = """scheme => {
  const shown = document.body.getAttribute('data-md-color-scheme');  // none: not Material's page, seen as it is
  return shown === null || (shown === scheme && !document.body.hasAttribute('data-md-color-switching'));
}"""


async def _show(page, path: str, color_scheme: str, width: int, loaded: bool = True) -> None:
    if page.viewport_size["width"] != width:
        await page.set_viewport_size({"width": width, "height": HEIGHT})
    await page.emulate_media(color_scheme=color_scheme)
    if not loaded:
        return
    scheme = SCHEMES[color_scheme]
    if not await page.evaluate(PALETTE_SHOWN, scheme):
        # Material chooses the palette when the page loads: after that it is the reader's switch that changes it.
        if not await page.evaluate(SWITCH_PALETTE, color_scheme):
            raise AssertionError(f"{path or '/'}: no palette switch for {color_scheme} colours")
        await page.wait_for_function(PALETTE_SHOWN, arg=scheme)
    # A new width starts Material's transitions (the search box grows and changes colour): the checks look at
    # the page as the reader sees it once they have ended, not halfway, so they are taken to their end.
    await page.evaluate(END_TRANSITIONS)


END_TRANSITIONS = """() => document.getAnimations()
  .filter(animation => animation.effect && animation.effect.getTiming().iterations !== Infinity)
  .forEach(animation => animation.finish())"""


async def _cookies(page) -> set[str]:
    names = {cookie["name"] for cookie in await page.context.cookies()}
    if page.url.startswith("http"):
        names |= {c.split("=")[0].strip() for c in (await page.evaluate("document.cookie")).split(";") if c.strip()}
    return names


def _same_origin(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True  # made in the page itself, not fetched from anywhere
    return f"{parts.scheme}://{parts.netloc}" == origin
