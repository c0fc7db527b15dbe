"""The GitHub Actions workflows: linted with actionlint, and shaped as the partnership relies on."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"


def actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    if found.exists():
        return str(found)
    on_path = shutil.which("actionlint")
    assert on_path, "actionlint is missing: it is pinned in requirements-dev.txt (make test installs it)"
    return on_path


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_actionlint_finds_no_problems():
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    assert {Path(f).name for f in files} >= {"pr.yml", "deploy.yml", "review-reminders.yml"}
    result = subprocess.run([actionlint(), "-no-color", *files], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nonsense }}\n",
        encoding="utf-8",
    )
    result = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0


def test_pull_requests_get_the_strict_build_the_tests_and_a_summary():
    steps = load("pr.yml")["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert any("make build" in run for run in runs)
    assert any("make test" in run for run in runs)
    summary = next(run for run in runs if ".venv/bin/manual pr-summary" in run)
    assert "GITHUB_STEP_SUMMARY" in summary and "git diff --name-only" in summary


def test_only_a_successful_strict_build_is_deployed():
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    build_run = " ".join(step.get("run", "") for step in build["steps"])
    assert "mkdocs build --strict" in build_run
    assert "--quiet" not in build_run
    assert [step.get("uses", "").split("@")[0] for step in build["steps"]][-1] == "actions/upload-pages-artifact"
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_review_reminders_run_weekly_and_on_demand():
    workflow = load("review-reminders.yml")
    cron = workflow["on"]["schedule"][0]["cron"]
    assert re.fullmatch(r"\d+ \d+ \* \* [0-6]", cron), cron  # once a week
    assert "workflow_dispatch" in workflow["on"]
    jobs = workflow["jobs"]
    assert jobs["deploy"]["uses"] == "./.github/workflows/deploy.yml"
    runs = " ".join(step.get("run", "") for step in jobs["remind"]["steps"])
    assert ".venv/bin/manual report" in runs and "--emails" in runs
    assert ".venv/bin/manual reminders" in runs
    assert jobs["remind"]["permissions"]["issues"] == "write"


def test_no_credentials_in_the_workflows():
    for path in WORKFLOWS.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?i)(password|token|secret)\s*[:=]\s*['\"]?[A-Za-z0-9_\-]{12,}", text), path.name
        for expression in re.findall(r"\$\{\{\s*([^}]*?)\s*\}\}", text):
            if "token" in expression.lower():
                assert expression == "github.token", f"{path.name}: {expression}"


def test_every_make_target_the_workflows_use_exists():
    for path in WORKFLOWS.glob("*.yml"):
        for target in re.findall(r"\bmake ([\w./-]+)", path.read_text(encoding="utf-8")):
            # -n: say what would be done, do nothing; "No rule to make target" exits 2
            result = subprocess.run(["make", "-n", target], cwd=REPO, capture_output=True, text=True, timeout=60)
            assert result.returncode == 0, f"{path.name} runs `make {target}`: {result.stderr}"


def test_the_pinned_packages_are_audited_weekly_and_a_finding_opens_an_issue():
    workflow = load("dependency-audit.yml")
    assert workflow["on"]["schedule"][0]["cron"].endswith("1")  # Mondays
    job = workflow["jobs"]["audit"]
    assert job["permissions"]["issues"] == "write"
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert re.search(r"pip-audit==\d+\.\d+\.\d+", runs), "pip-audit is pinned"
    assert "--requirement requirements.txt --requirement requirements-dev.txt" in runs
    assert "gh issue create" in runs and "gh issue edit" in runs and "gh issue close" in runs


def test_dependabot_proposes_upgrades_for_packages_and_actions():
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert {"pip", "github-actions"} <= ecosystems
    if "npm" in ecosystems:
        assert (REPO / "package.json").exists(), "Dependabot watches npm only where there is a package.json"


@pytest.mark.parametrize(("workflow", "job"), [("pr.yml", "check"), ("deploy.yml", "build")])
def test_documents_are_checked_without_the_engine_before_the_build(workflow, job):
    runs = [step.get("run", "") for step in load(workflow)["jobs"][job]["steps"]]
    check = next(i for i, run in enumerate(runs) if ".venv/bin/manual check" in run)
    build = next(i for i, run in enumerate(runs) if "make build" in run or "mkdocs build" in run)
    assert check < build


def test_every_tagged_edition_s_archived_copy_is_built_into_the_published_site():
    build = load("deploy.yml")["jobs"]["build"]
    steps = build["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # every edition/* tag, and the commits they mark
    runs = [step.get("run", "") for step in steps]
    main = next(i for i, run in enumerate(runs) if "mkdocs build --strict" in run)
    editions = next(i for i, run in enumerate(runs) if "scripts/build_editions.py" in run)
    upload = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert main < editions < upload  # into the site that is published, after the current manual
    assert "--site-dir site" in runs[editions] and steps[upload]["with"]["path"] == "site"
    assert "--site-url" in runs[editions]
    assert (REPO / "scripts" / "build_editions.py").is_file()


def test_the_zensical_report_runs_monthly_never_blocks_and_reaches_the_summary():
    workflow = load("engine-exit.yml")
    assert re.fullmatch(r"\d+ \d+ \d+ \* \*", workflow["on"]["schedule"][0]["cron"])  # once a month
    assert "workflow_dispatch" in workflow["on"]
    assert {"requirements.txt", "requirements-dev.txt"} <= set(workflow["on"]["pull_request"]["paths"])
    (job,) = workflow["jobs"].values()
    assert job["continue-on-error"] is True  # what Zensical loses is news, never a failed check
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert re.search(r"\bzensical==\d+\.\d+\.\d+\b", runs), "zensical is pinned"
    assert "scripts/engine_report.py" in runs and "--output engine-report.md" in runs
    assert 'cat engine-report.md >> "$GITHUB_STEP_SUMMARY"' in runs
    kept = [step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert kept and kept[0]["with"]["path"] == "engine-report.md"


def test_the_regional_sync_runs_weekly_and_proposes_through_a_pull_request():
    workflow = load("regional-sync.yml")
    cron = workflow["on"]["schedule"][0]["cron"]
    assert re.fullmatch(r"\d+ \d+ \* \* [0-6]", cron), cron  # once a week
    assert "release" in workflow["on"]["workflow_dispatch"]["inputs"]
    job = workflow["jobs"]["sync"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    step = next(step for step in job["steps"] if "regional-sync-pr.sh" in step.get("run", ""))
    assert step["env"]["BUILD"] == "make build"  # its pull request starts no other workflow: it builds here


def test_the_handbooks_region_workflow_is_a_valid_workflow(tmp_path):
    handbook = (REPO / "HANDBOOK.md").read_text(encoding="utf-8")
    section = handbook.split("## A region of partnerships", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```yaml\n(.*?)```", section, flags=re.S).group(1)
    assert "matrix:" in example and "manual sync-regional" in example and "make build" in example
    workflow = tmp_path / "region.yml"
    workflow.write_text(example, encoding="utf-8")
    result = subprocess.run([actionlint(), "-no-color", str(workflow)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_manual_not_ready_is_deployed_only_as_a_preview():
    steps = load("deploy.yml")["jobs"]["build"]["steps"]
    names = [step.get("name", "") for step in steps]
    readiness = steps[names.index("Check readiness")]["run"]
    assert ".venv/bin/manual readiness" in readiness and 'echo "MANUAL_PREVIEW=1" >> "$GITHUB_ENV"' in readiness
    assert names.index("Check readiness") < names.index("Build the manual strictly, with its published address")
