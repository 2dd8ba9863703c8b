"""The deploy workflow (.github/workflows/deploy.yml) stays valid: it tests, builds and publishes
`site/` with its _headers, rebuilds weekly, and runs `make review` without holding the site back."""

import re
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
WORKFLOW = PROJECT / ".github" / "workflows" / "deploy.yml"


def workflow():
    parsed = yaml.safe_load(WORKFLOW.read_text())
    parsed["on"] = parsed.pop(True, parsed.get("on"))  # YAML 1.1 reads the key `on` as true
    return parsed


def commands(job):
    """The job's own commands, after the step that installs the machine's packages."""
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs[0].startswith("apt-get update"), "each job starts by installing what make needs"
    return runs[1:]


def make_targets():
    return set(re.findall(r"^([a-z-]+):", (PROJECT / "Makefile").read_text(), re.M))


def test_it_runs_on_main_by_hand_and_weekly():
    triggers = workflow()["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    (schedule,) = triggers["schedule"]
    minute, hour, day_of_month, month, day_of_week = schedule["cron"].split()
    assert (day_of_month, month) == ("*", "*") and re.fullmatch(r"[0-6]", day_of_week), "once a week"


def test_the_site_is_tested_then_built_then_published_with_its_headers():
    deploy = workflow()["jobs"]["deploy"]
    assert commands(deploy) == ["make test", "make build"]
    publish = deploy["steps"][-1]
    assert publish["uses"].startswith("cloudflare/wrangler-action@v")
    # Cloudflare Pages reads site/_headers; a host that cannot would lose frame-ancestors and the worker's policy.
    assert publish["with"]["command"].startswith("pages deploy site ")
    assert deploy["env"]["SITE_URL"] == "${{ vars.SITE_URL }}"
    assert deploy["timeout-minutes"] <= 90


def test_the_review_runs_apart_so_a_stale_figure_never_stops_a_rebuild():
    jobs = workflow()["jobs"]
    assert commands(jobs["review"]) == ["make review"]
    assert "needs" not in jobs["deploy"] and "needs" not in jobs["review"]


def test_every_make_target_and_action_it_names_exists_and_is_pinned():
    parsed = workflow()
    for job in parsed["jobs"].values():
        assert job["container"] == "debian:bookworm"  # where `make test` is known to pass
        for command in commands(job):
            assert command.split()[1] in make_targets(), command
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]
    assert parsed["permissions"] == {"contents": "read"}
