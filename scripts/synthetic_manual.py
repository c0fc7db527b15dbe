"""A synthetic manual for the benchmark: N valid documents in 20 sections, the same for the same seed.

    .venv/bin/python scripts/synthetic_manual.py --count 2000 --seed 1 --out /tmp/synthetic
    .venv/bin/python scripts/synthetic_manual.py --count 500 --seed 1 --out /tmp/synthetic --project

writes /tmp/synthetic/procedures/ (sections.yml and one Markdown file per document). With --project it
also copies this repository's machinery (mkdocs.yml, hooks, overrides, docs) beside it, so that
`mkdocs build` works in /tmp/synthetic; the data files that name the shipped manual's document ids
(the glossary's `see`) are pointed at synthetic documents instead, so the build stays strict.

Each document is about 600 words, with front matter drawn from the real vocabularies: owners and tags
from docs/data, audiences from the schema; levels; review dates spread around --today so that some are
overdue and some due soon; related ids and doc: links to other generated documents; amendments.
A few are drafts, withdrawn or superseded, and no document links to a withdrawn or superseded one.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MACHINERY = ["mkdocs.yml", "hooks", "overrides", "docs"]
DEFAULT_TODAY = date(2026, 11, 24)
DOC_LINK = re.compile(r"\]\(doc:([A-Za-z0-9_-]*)")

SECTIONS = [
    "Responding to concerns",
    "Child protection processes",
    "Early help and Levels of Need",
    "Children in care",
    "Exploitation and missing children",
    "Domestic abuse",
    "Neglect",
    "Babies and infants",
    "Education settings",
    "Health settings",
    "Police and criminal justice",
    "Harmful practices",
    "Online harm",
    "Disabled children",
    "Allegations against staff",
    "Information sharing",
    "Housing and homelessness",
    "Substance misuse",
    "Partnership arrangements and reviews",
    "Practice guidance",
]

TOPICS = [
    "referral",
    "assessment",
    "strategy",
    "conference",
    "planning",
    "escalation",
    "supervision",
    "transfer",
    "consent",
    "recording",
    "visiting",
    "missing",
    "return",
    "exploitation",
    "neglect",
    "injury",
    "sleeping",
    "pre-birth",
    "fostering",
    "disclosure",
    "interview",
    "medical",
    "housing",
    "school",
    "exclusion",
    "attendance",
    "online",
    "radicalisation",
    "trafficking",
    "marriage",
    "mutilation",
    "disability",
    "carers",
    "court",
    "custody",
    "placement",
    "leaving-care",
    "review",
    "learning",
    "audit",
]
QUALIFIERS = [
    "multi-agency",
    "out-of-hours",
    "early",
    "urgent",
    "joint",
    "local",
    "regional",
    "cross-border",
    "specialist",
    "universal",
    "targeted",
    "statutory",
]
KINDS = [
    "procedure",
    "procedure",
    "procedure",
    "protocol",
    "guidance",
    "guidance",
    "policy",
    "tool",
    "strategy",
    "form",
]
ABBREVIATIONS = [
    "MASH",
    "MARF",
    "EHA",
    "LADO",
    "DSL",
    "ICPC",
    "RCPC",
    "CIN",
    "MARAC",
    "CSE",
    "CME",
    "IRO",
    "CAMHS",
    "PLO",
]

SENTENCES = [
    "Practitioners should record what they see and hear, in the words the child uses, and date every entry.",
    "If a child is in immediate danger, call the police on 999 before doing anything else.",
    "The {abbr} decides within one working day whether the concern needs a social work assessment.",
    "Share information with the agencies that need it to keep the child safe, and record why you shared it.",
    "A manager should agree the plan and check it is followed, and the reasons for each decision are written down.",
    "Parents and carers should be told about the concern unless telling them would put the child at greater risk.",
    "The lead practitioner coordinates the work and makes sure every agency knows what it has agreed to do.",
    "Where agencies disagree about the level of need, use the escalation process rather than letting it drift.",
    "The child's wishes and feelings are sought directly, in a way that suits their age and understanding.",
    "The {abbr} keeps a record of every contact and the decision taken, with the name of the agency that made it.",
    "Review the plan at least every three months, and sooner if the child's circumstances change.",
    "When a family moves to another area, the receiving authority is told the same day and the records follow.",
    "Consider whether other children in the household, or in contact with the adult, may also be at risk.",
    "Interpreters should be independent of the family and should never be a child or a relative.",
    "Supervision gives practitioners time to reflect on the child's lived experience and to challenge drift.",
    "Health colleagues should check the child's records for missed appointments and previous injuries.",
    "Schools should tell the designated safeguarding lead (the {abbr}) on the day a concern arises.",
    "Keep the focus on the child throughout: what is it like to be this child, living in this family, today?",
    "Decisions not to proceed are recorded with the reasons, and the referrer is told the outcome in writing.",
    "Where there is a crime, the police lead the investigation and agree with children's social care how to proceed.",
]

TASKS = [
    "Speak to the child alone where it is safe to do so.",
    "Tell your designated safeguarding lead or manager straight away.",
    "Make a referral using the {abbr} if you think the child may be at risk of significant harm.",
    "Write down what you saw and heard, and when, and sign it.",
    "Do not investigate yourself or ask leading questions.",
    "Check whether the child is already known to children's social care.",
    "Agree with the family what happens next, unless this would put the child at risk.",
]

ROLES = [
    ("Children's social care", "leads the assessment and decides whether a strategy discussion is needed."),
    ("Police", "investigate where a crime may have been committed and share what they know."),
    ("Health", "provide the child's health history and arrange any medical assessment."),
    ("Education", "share attendance and welfare information and attend meetings."),
    ("Early help", "coordinate support where needs can be met without statutory services."),
    ("Voluntary sector", "support the family and tell the lead practitioner about any change."),
]


def load_vocabularies(root: Path) -> dict:
    """Owners, tags and audiences the generated front matter may use: the project's own lists."""

    def load(relative: str) -> dict:
        return yaml.safe_load((root / relative).read_text(encoding="utf-8"))

    schema = json.loads((root / "docs/schema/document.schema.json").read_text(encoding="utf-8"))
    glossary = load("docs/data/glossary.yml") or []
    known_terms = {str(entry.get("term")) for entry in glossary if isinstance(entry, dict)}
    return {
        "owners": sorted(load("docs/data/owners.yml")),
        "tags": sorted(load("docs/data/tags.yml")),
        "audiences": list(schema["properties"]["audience"]["items"]["enum"]),
        "abbreviations": [term for term in ABBREVIATIONS if term in known_terms] or ABBREVIATIONS[:3],
    }


def section_folders() -> list[tuple[str, str]]:
    return [
        (f"{index:02d}-" + title.lower().replace(" and ", "-").replace(" ", "-"), title)
        for index, title in enumerate(SECTIONS, 1)
    ]


def _plan(count: int, rng: random.Random) -> list[dict]:
    """Ids, titles, sections and statuses first, so links can name documents that exist and are in force."""
    folders = section_folders()
    # Distinct titles from qualifier x topic x kind (no bare numbers: "procedure 111" reads as a phone number).
    combinations = [(q, t, k) for q in QUALIFIERS for t in TOPICS for k in dict.fromkeys(KINDS)]
    picked = rng.sample(combinations, min(count, len(combinations)))
    plans = []
    for number in range(1, count + 1):
        qualifier, topic, kind = picked[(number - 1) % len(picked)]
        cycle = (number - 1) // len(picked)  # beyond every combination: "part 2", "part 3", ...
        roll = rng.random()
        status = "approved" if roll < 0.9 else "draft" if roll < 0.96 else "superseded" if roll < 0.98 else "withdrawn"
        plans.append(
            {
                "id": f"{qualifier}-{topic}-{kind}" + (f"-part-{cycle + 1}" if cycle else ""),
                "title": f"{qualifier.capitalize().replace('-', ' ')} {topic.replace('-', ' ')} {kind}"
                + (f", part {cycle + 1}" if cycle else ""),
                "kind": kind,
                "folder": folders[(number - 1) % len(folders)][0],
                "status": status,
            }
        )
    in_force = [p for p in plans if p["status"] in ("approved", "draft")]
    if not in_force:  # a manual of one withdrawn document still needs something to point at
        plans[0]["status"] = "approved"
        in_force = [plans[0]]
    for plan in plans:
        if plan["status"] == "superseded":
            replacement = rng.choice([p for p in in_force if p is not plan] or [None])
            if replacement is None:
                plan["status"] = "approved"
            else:
                plan["superseded_by"] = replacement["id"]
    return plans


def _front_matter(plan: dict, plans_in_force: list[dict], vocab: dict, today: date, rng: random.Random) -> dict:
    status = plan["status"]
    major, minor = rng.randint(1, 5), rng.randint(0, 9)
    data: dict = {
        "id": plan["id"],
        "title": plan["title"],
        "type": plan["kind"],
        "owner": rng.choice(vocab["owners"]),
        "status": status,
        "version": f"{major}.{minor}",
    }
    # Most documents were reviewed within their interval; about one in ten is overdue and about one
    # in ten due within the next 60 days, as in a manual whose owners mostly keep up.
    months = rng.choice([12, 12, 12, 18, 24])
    last_reviewed = today - timedelta(days=rng.randint(7, int(months * 30.4 * 1.1)))
    approved_on = last_reviewed - timedelta(days=rng.choice([0, 0, 0, 14, 60]))
    if status != "draft":
        if status == "approved":
            data["approved"] = {
                "date": approved_on.isoformat(),
                "by": "partnership-executive" if "partnership-executive" in vocab["owners"] else vocab["owners"][0],
            }
        data["last_reviewed"] = last_reviewed.isoformat()
        if rng.random() < 0.2:
            data["next_review"] = (last_reviewed + timedelta(days=round(months * 30.4))).isoformat()
        else:
            data["review_interval"] = f"{months} months" if months != 24 else "2 years"
    data["scope"] = rng.choice("AABCC")
    data["levels"] = sorted(rng.sample([1, 2, 3, 4], rng.randint(0, 3)))
    data["audience"] = rng.sample(vocab["audiences"], rng.randint(1, 3))
    data["tags"] = rng.sample(vocab["tags"], min(len(vocab["tags"]), rng.randint(1, 4)))
    data["summary"] = (
        f"What practitioners do about {plan['title'].lower()}, who is responsible and how the work is recorded and reviewed."
    )
    if rng.random() < 0.2:
        data["family_summary"] = (
            "What happens when workers are worried about a child, what you can expect and who you can talk to."
        )
    data["keywords"] = rng.sample(vocab["abbreviations"], min(len(vocab["abbreviations"]), rng.randint(1, 4)))
    others = [p["id"] for p in plans_in_force if p["id"] != plan["id"]]
    if others:
        data["related"] = rng.sample(others, min(len(others), rng.randint(1, 5)))
    if status == "superseded":
        data["superseded_by"] = plan["superseded_by"]
    data["legislation"] = rng.sample(
        [
            "Children Act 1989",
            "Children Act 2004",
            "Working Together to Safeguard Children 2023",
            "Keeping Children Safe in Education",
            "Care Act 2014",
            "Data Protection Act 2018",
        ],
        rng.randint(1, 3),
    )
    amendments, when, version = [], approved_on, (major, minor)
    for _ in range(rng.randint(1, 4)):
        amendments.append(
            {
                "date": when.isoformat(),
                "version": f"{version[0]}.{version[1]}",
                "summary": rng.choice(
                    [
                        "Reviewed; no change to practice.",
                        "Updated for Working Together 2023.",
                        "Added the local referral route.",
                        "Clarified who chairs the meeting.",
                    ]
                ),
            }
        )
        when -= timedelta(days=rng.randint(120, 600))
        version = (version[0], version[1] - 1) if version[1] > 0 else (max(1, version[0] - 1), 9)
    data["amendments"] = amendments
    return data


def _body(data: dict, plans_in_force: list[dict], vocab: dict, rng: random.Random) -> str:
    """About 600 words: what to do now, who does what, the detail, with doc: links and a table."""

    def sentence() -> str:
        return rng.choice(SENTENCES).format(abbr=rng.choice(vocab["abbreviations"]))

    def link() -> str:
        target = rng.choice(plans_in_force)
        return f"see [{target['title']}](doc:{target['id']})"

    others = [p for p in plans_in_force if p["id"] != data["id"]] or plans_in_force
    plans_in_force = others
    parts = ["## What to do now", ""]
    parts += [
        f"{n}. {task.format(abbr=rng.choice(vocab['abbreviations']))}"
        for n, task in enumerate(rng.sample(TASKS, rng.randint(4, 6)), 1)
    ]
    parts += ["", "## Who does what", ""]
    parts += [f"- **{role}** {duty}" for role, duty in rng.sample(ROLES, 4)]
    words = 0
    heading = 0
    while words < 380:
        heading += 1
        paragraph = " ".join(sentence() for _ in range(rng.randint(3, 5)))
        if rng.random() < 0.6:
            paragraph += f" For the next step, {link()}."
        parts += ["", f"## {rng.choice(TOPICS).replace('-', ' ').capitalize()} {heading}", "", paragraph]
        words += len(paragraph.split())
    parts += ["", "## Timescales", "", "| Step | Timescale | Who |", "| --- | --- | --- |"]
    parts += [
        f"| {step} | {rng.choice(['Same day', 'Within 24 hours', 'Within 3 working days', 'Within 15 working days'])} | {rng.choice(ROLES)[0]} |"
        for step in ("Decision on the referral", "Strategy discussion", "Assessment starts", "Meeting held")
    ]
    return "\n".join(parts) + "\n"


def generate(out: Path, count: int, seed: int, today: date = DEFAULT_TODAY, data_root: Path = REPO) -> list[str]:
    """Write out/procedures/ (sections.yml and the documents); return the ids of those in force or draft."""
    rng = random.Random(seed)
    vocab = load_vocabularies(data_root)
    procedures = out / "procedures"
    if procedures.exists():
        shutil.rmtree(procedures)
    procedures.mkdir(parents=True)
    folders = section_folders()
    sections_text = "# The synthetic manual's sections (scripts/synthetic_manual.py).\n" + yaml.safe_dump(
        [{"folder": folder, "title": title} for folder, title in folders], sort_keys=False
    )
    (procedures / "sections.yml").write_text(sections_text, encoding="utf-8")
    for folder, _ in folders:
        (procedures / folder).mkdir()
    plans = _plan(count, rng)
    in_force = [p for p in plans if p["status"] in ("approved", "draft")]
    for plan in plans:
        data = _front_matter(plan, in_force, vocab, today, rng)
        body = _body(data, in_force, vocab, rng)
        text = "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120) + "---\n\n" + body
        (procedures / plan["folder"] / f"{plan['id']}.md").write_text(text, encoding="utf-8")
    return [p["id"] for p in in_force]


def copy_machinery(out: Path, ids: list[str], source: Path = REPO) -> None:
    """Make out a buildable project: this repository's machinery beside the synthetic procedures/.

    The shipped glossary's `see` entries and the site pages' doc: links name shipped documents; they
    are pointed at synthetic ids (in turn), so those pages keep their links and the strict build has
    nothing to complain about.
    """
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in MACHINERY:
        src, dest = source / name, out / name
        if dest.is_dir():
            shutil.rmtree(dest)
        if src.is_dir():
            shutil.copytree(src, dest, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, dest)
    if not ids:
        return
    targets = itertools.cycle(ids)
    known = set(ids)
    for page in sorted((out / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        swapped = DOC_LINK.sub(lambda m: m.group(0) if m.group(1) in known else f"](doc:{next(targets)}", text)
        if swapped != text:
            page.write_text(swapped, encoding="utf-8")
    glossary_file = out / "docs/data/glossary.yml"
    if glossary_file.exists():
        entries = yaml.safe_load(glossary_file.read_text(encoding="utf-8")) or []
        for entry in entries:
            if isinstance(entry, dict) and entry.get("see"):
                entry["see"] = next(targets)
        glossary_file.write_text(
            "# The shipped glossary with `see` pointed at synthetic documents (scripts/synthetic_manual.py).\n"
            + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=120),
            encoding="utf-8",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, help="how many documents")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same manual")
    parser.add_argument("--out", type=Path, required=True, help="project folder; procedures/ is written inside it")
    parser.add_argument(
        "--today", default=DEFAULT_TODAY.isoformat(), help="review dates are spread around this date (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--project", action="store_true", help="also copy mkdocs.yml, hooks, overrides and docs, to build it"
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be 1 or more")
    try:
        today = date.fromisoformat(args.today)
    except ValueError:
        parser.error(f"--today {args.today!r} is not a date; expected YYYY-MM-DD")
    ids = generate(args.out, args.count, args.seed, today)
    if args.project:
        copy_machinery(args.out, ids)
    print(f"Wrote {args.count} documents in {len(SECTIONS)} sections to {args.out / 'procedures'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
