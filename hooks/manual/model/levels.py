"""The Levels of Need: the four levels and their indicators, as data the build validates.

The threshold framework is a document like any other (owned, dated, reviewed). Its levels and
indicators sit beside it in a YAML file with the same name: procedures/early-help/levels-of-need.md
has procedures/early-help/levels-of-need.yml. That file is checked against
docs/schema/levels-of-need.schema.json, then against the manual: every linked id must be a
document in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from manual.model.document import Document
from manual.model.links import doc_links
from manual.model.problems import ManualError, Problem
from manual.model.settings import Settings
from manual.reading.schema import schema_problems
from manual.reading.yamlfile import parse_yaml
from manual.words import did_you_mean, field_path

LEVELS_SCHEMA = Path("docs/schema/levels-of-need.schema.json")
ROUTES_FILE = "docs/data/indicator-routes.yml"
FRAMEWORK_TYPE = "threshold-framework"
ALL_AGES = "all"
# Documents listed under a level: those in force or being drafted, never withdrawn or superseded ones.


@dataclass(frozen=True)
class Level:
    number: int
    name: str
    summary: str
    meaning: str
    who_responds: str
    next_steps: tuple[str, ...]
    route: str
    family: str
    family_name: str  # the level's name in plain words, for the families' page

    @property
    def anchor(self) -> str:
        return f"level-{self.number}"


@dataclass(frozen=True)
class Indicator:
    number: int  # 1-based position in the file, for messages and stable anchors
    level: int
    domain: str
    ages: tuple[str, ...]  # age-stage keys, or ("all",)
    text: str
    see: tuple[str, ...] = ()

    @property
    def all_ages(self) -> bool:
        return ALL_AGES in self.ages

    def applies_to(self, age: str) -> bool:
        return self.all_ages or age in self.ages


@dataclass(frozen=True)
class Route:
    """One direction of movement between early help and children's social care."""

    title: str
    when: tuple[str, ...]
    steps: tuple[str, ...]


@dataclass(frozen=True)
class FamiliesWords:
    """The partnership's words for families around the levels: why there are levels, moving between
    them, and what a family can expect."""

    why_levels: str
    moving: tuple[str, ...]
    expect: tuple[str, ...]


@dataclass(frozen=True)
class LevelsOfNeed:
    document: Document
    path: str  # the data file, relative to the repository root
    domains: dict[str, str]  # key -> label, in the framework's order
    age_stages: dict[str, str]  # key -> label
    levels: tuple[Level, ...]
    indicators: tuple[Indicator, ...]
    step_up: Route
    step_down: Route
    route_protocol: str  # id of the document that sets out step-up and step-down in full
    urgent: str  # what to do when a child is in immediate danger, in Markdown
    families: FamiliesWords
    proposed: bool = False  # the indicators are proposed, until the sub-group adopts them (manual.model.proposals)

    def indicators_for(self, level: int, domain: str | None = None) -> list[Indicator]:
        return [i for i in self.indicators if i.level == level and (domain is None or i.domain == domain)]

    def age_labels(self, indicator: Indicator) -> list[str]:
        if indicator.all_ages:
            return []
        return [self.age_stages[age] for age in indicator.ages]


def documents_for_level(documents: list[Document], level: int) -> list[Document]:
    """The documents that declare they apply at a level, by title: what each level's page lists."""
    found = [doc for doc in documents if level in doc.levels and doc.is_listed and doc.type != FRAMEWORK_TYPE]
    return sorted(found, key=lambda doc: doc.title.lower())


def data_path_for(document: Document) -> str:
    """The indicators file beside a threshold framework document."""
    return Path(document.path).with_suffix(".yml").as_posix()


def load_levels(settings: Settings, documents: list[Document]) -> tuple[LevelsOfNeed | None, list[Problem]]:
    """The Levels of Need from the threshold framework's data file, and any problems with it.

    With no threshold framework document there is nothing to load. With problems, no levels are returned,
    so nothing is published from data that is wrong.
    """
    frameworks = [doc for doc in documents if doc.type == FRAMEWORK_TYPE]
    if not frameworks:
        return None, []
    problems: list[Problem] = []
    for extra in frameworks[1:]:
        problems.append(
            Problem(
                extra.path,
                extra.line_of("type"),
                "type",
                f"{frameworks[0].path} is already the threshold framework; expected only one document of type {FRAMEWORK_TYPE}",
            )
        )
    framework = frameworks[0]
    relative = data_path_for(framework)
    try:
        text = (settings.root / relative).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        problems.append(
            Problem(
                framework.path,
                framework.line_of("type"),
                "type",
                f"a threshold framework keeps its levels and indicators beside it; expected the file {relative}",
            )
        )
        return None, problems
    except UnicodeDecodeError:
        return None, problems + [Problem(relative, None, None, "not UTF-8 text; save the file as UTF-8")]
    try:
        data, lines = parse_yaml(text, relative)
    except ManualError as error:
        return None, problems + error.problems
    if not isinstance(data, dict):
        return None, problems + [
            Problem(relative, 1, None, "expected the sections domains, age_stages, levels, routes and indicators")
        ]
    found = [_name_indicator(p, data) for p in schema_problems(data, lines, relative, settings.root / LEVELS_SCHEMA)]
    if found:
        return None, problems + found
    levels_of_need = _record(framework, relative, data)
    found += _level_problems(levels_of_need, lines)
    found += _reference_problems(levels_of_need, lines, {doc.id: doc for doc in documents})
    found += _route_problems(levels_of_need, lines, settings.root)
    if found:
        return None, problems + found
    return levels_of_need, problems


def _record(framework: Document, relative: str, data: dict) -> LevelsOfNeed:
    def route(entry: dict) -> Route:
        return Route(
            entry["title"].strip(), tuple(s.strip() for s in entry["when"]), tuple(s.strip() for s in entry["steps"])
        )

    return LevelsOfNeed(
        document=framework,
        path=relative,
        domains={key: str(label).strip() for key, label in data["domains"].items()},
        age_stages={key: str(label).strip() for key, label in data["age_stages"].items()},
        levels=tuple(
            Level(
                number=entry["level"],
                name=entry["name"].strip(),
                summary=entry["summary"].strip(),
                meaning=entry["meaning"].strip(),
                who_responds=entry["who_responds"].strip(),
                next_steps=tuple(step.strip() for step in entry["next_steps"]),
                route=entry["route"].strip(),
                family=entry["family"].strip(),
                family_name=entry["family_name"].strip(),
            )
            for entry in data["levels"]
        ),
        indicators=tuple(
            Indicator(
                number=index + 1,
                level=entry["level"],
                domain=entry["domain"],
                ages=tuple(entry["ages"]),
                text=" ".join(entry["text"].split()),
                see=tuple(entry.get("see", ())),
            )
            for index, entry in enumerate(data["indicators"])
        ),
        step_up=route(data["routes"]["step_up"]),
        step_down=route(data["routes"]["step_down"]),
        route_protocol=data["routes"]["protocol"],
        urgent=data["urgent"].strip(),
        families=FamiliesWords(
            why_levels=" ".join(data["families"]["why_levels"].split()),
            moving=tuple(" ".join(point.split()) for point in data["families"]["moving"]),
            expect=tuple(" ".join(point.split()) for point in data["families"]["expect"]),
        ),
        proposed=bool(data.get("proposed", False)),
    )


def _named(number: int, text: str) -> str:
    """'indicator 7 ('Going missing overnight...')': its number in the file and its first words."""
    text = " ".join(text.split())
    return f"indicator {number} ({(text if len(text) <= 60 else text[:57] + '...')!r})"


def _describe_indicator(data: dict, index: int) -> str:
    try:
        return _named(index + 1, str(data["indicators"][index]["text"]))
    except (KeyError, IndexError, TypeError):
        return f"indicator {index + 1}"


def _name_indicator(problem: Problem, data: dict) -> Problem:
    """Say which indicator a problem is in, by its number and its words, not only by its position."""
    field = problem.field or ""
    if not field.startswith("indicators["):
        return problem
    index = int(field[len("indicators[") : field.index("]")])
    return Problem(problem.path, problem.line, problem.field, f"{_describe_indicator(data, index)}: {problem.message}")


def _indicator_problem(levels: LevelsOfNeed, lines: dict, indicator: Indicator, where: tuple, message: str) -> Problem:
    index = indicator.number - 1
    at = ("indicators", index, *where)
    line = lines.get(at) or lines.get(("indicators", index))
    return Problem(levels.path, line, field_path(at), f"{_named(indicator.number, indicator.text)}: {message}")


def _level_problems(levels: LevelsOfNeed, lines: dict) -> list[Problem]:
    problems = []
    numbers = [level.number for level in levels.levels]
    if numbers != sorted(set(numbers)) or numbers != list(range(1, len(numbers) + 1)):
        problems.append(
            Problem(
                levels.path,
                lines.get(("levels",)),
                "levels",
                f"the levels are numbered {numbers}; expected each level once, in order from 1",
            )
        )
    known = set(numbers)
    for indicator in levels.indicators:
        if indicator.level not in known:
            problems.append(
                _indicator_problem(
                    levels,
                    lines,
                    indicator,
                    ("level",),
                    f"level {indicator.level} is not one of the levels; expected one of {sorted(known)}",
                )
            )
        if indicator.all_ages and len(indicator.ages) > 1:
            problems.append(
                _indicator_problem(
                    levels,
                    lines,
                    indicator,
                    ("ages",),
                    "'all' already covers every age stage; expected [all] on its own, or the stages it applies to",
                )
            )
    return problems


def _route_problems(levels: LevelsOfNeed, lines: dict, root: Path) -> list[Problem]:
    """Each indicator that matches a rule of docs/data/indicator-routes.yml must list the rule's procedure."""
    from manual.reading.data_files import read_data_file  # data_files imports the model; read only when checking

    if not (root / ROUTES_FILE).exists():
        return []
    problems: list[Problem] = []
    rules, _ = read_data_file(root, ROUTES_FILE, problems)
    for indicator in levels.indicators:
        text = indicator.text.lower()
        for rule in rules or ():
            if rule["route"] not in indicator.see and all(
                any(word.lower() in text for word in group) for group in rule["words"]
            ):
                message = (
                    f"expected {rule['route']!r} under see: {rule['source']} sets the route (rules in {ROUTES_FILE})"
                )
                problems.append(_indicator_problem(levels, lines, indicator, ("see",), message))
    return problems


def _levels_in_words(levels: tuple[int, ...]) -> str:
    return ("level " if len(levels) == 1 else "levels ") + ", ".join(str(level) for level in levels)


def _reference_problems(levels: LevelsOfNeed, lines: dict, known: dict[str, Document]) -> list[Problem]:
    problems = []

    def why_not(target: str) -> str | None:
        other = known.get(target)
        if other is None:
            return f"{target!r} is not the id of any document{did_you_mean(target, known)}"
        if other.status == "withdrawn":
            return f"links to {target!r}, which is withdrawn; expected a document in force"
        if other.status == "superseded":
            return f"links to {target!r}, which is superseded; link to {other.superseded_by or 'its replacement'!r} instead"
        return None

    for indicator in levels.indicators:
        for position, target in enumerate(indicator.see):
            message = why_not(target)
            other = known.get(target)
            # a document listing no level is general, for any level; one listing levels claims only those
            if message is None and other.levels and indicator.level not in other.levels:
                message = (
                    f"a level {indicator.level} indicator routed to {target!r}, which is for "
                    f"{_levels_in_words(other.levels)}; expected a document for level {indicator.level} "
                    f"(add {indicator.level} to its levels, or route the indicator to one that is)"
                )
            if message:
                problems.append(_indicator_problem(levels, lines, indicator, ("see", position), message))
    message = why_not(levels.route_protocol)
    if message:
        problems.append(Problem(levels.path, lines.get(("routes", "protocol")), "routes.protocol", message))
    texts: list[tuple[tuple, str]] = [(("urgent",), levels.urgent)]
    for index, level in enumerate(levels.levels):
        texts += [
            (("levels", index, name), getattr(level, name)) for name in ("meaning", "who_responds", "route", "family")
        ]
        texts += [(("levels", index, "next_steps", step), text) for step, text in enumerate(level.next_steps)]
    for key, route in (("step_up", levels.step_up), ("step_down", levels.step_down)):
        texts += [(("routes", key, "when", n), text) for n, text in enumerate(route.when)]
        texts += [(("routes", key, "steps", n), text) for n, text in enumerate(route.steps)]
    for at, text in texts:
        for target, _ in doc_links(text):
            message = why_not(target)
            if message:
                problems.append(
                    Problem(levels.path, lines.get(at), field_path(at), f"the link doc:{target}: {message}")
                )
    return problems
