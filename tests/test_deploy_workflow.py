"""The deploy workflow (.github/workflows/deploy.yml) stays valid: it tests, builds and publishes
`site/` with its _headers, rebuilds weekly, and runs `make review` without holding the site back; what it
runs cannot change under it, and its secrets reach only the publishing step (issue 25, point 8)."""

import json
import re
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
WORKFLOW = PROJECT / ".github" / "workflows" / "deploy.yml"
# An action by the full commit its tag named, with that tag in a comment: `uses: owner/name@<sha> # v4.2.2`.
PINNED_ACTION = re.compile(r"[\w-]+/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+")
# Debian's image by digest, beside the dated tag it was published as.
PINNED_IMAGE = re.compile(r"debian:bookworm-\d{8}@sha256:[0-9a-f]{64}")


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
    assert publish["uses"].startswith("cloudflare/wrangler-action@")
    # Cloudflare Pages reads site/_headers; a host that cannot would lose frame-ancestors and the worker's policy.
    assert publish["with"]["command"].startswith("pages deploy site ")
    assert deploy["env"]["SITE_URL"] == "${{ vars.SITE_URL }}"
    assert deploy["timeout-minutes"] <= 90


def test_the_review_runs_apart_so_a_stale_figure_never_stops_a_rebuild():
    jobs = workflow()["jobs"]
    assert commands(jobs["review"]) == ["make review"]
    assert "needs" not in jobs["deploy"] and "needs" not in jobs["review"]


def test_every_make_target_it_names_exists_and_it_may_only_read_the_repository():
    parsed = workflow()
    for job in parsed["jobs"].values():
        for command in commands(job):
            assert command.split()[1] in make_targets(), command
    assert parsed["permissions"] == {"contents": "read"}


def test_every_action_is_pinned_by_commit_with_its_tag_beside_it():
    # The parsed YAML has no comments: the tag is read from the line itself.
    lines = [line.split("uses:", 1)[1].strip() for line in WORKFLOW.read_text().splitlines() if "uses:" in line]
    assert len(lines) == sum("uses" in step for job in workflow()["jobs"].values() for step in job["steps"])
    for action in lines:
        assert PINNED_ACTION.fullmatch(action), action


def test_every_job_runs_in_debians_image_pinned_by_digest():
    images = {job["container"] for job in workflow()["jobs"].values()}
    (image,) = images  # one machine, where `make test` is known to pass
    assert PINNED_IMAGE.fullmatch(image), image


def test_the_checkout_keeps_no_credentials():
    for job in workflow()["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_the_secrets_live_in_a_protected_environment_and_reach_only_the_publishing_step():
    jobs = workflow()["jobs"]
    for name, job in jobs.items():
        uses_secrets = "secrets." in json.dumps(job)
        assert uses_secrets == (name == "deploy"), name
    deploy = jobs["deploy"]
    assert deploy["environment"]["name"] == "production"  # deployments limited to main in the repository's settings
    assert "secrets." not in json.dumps({key: value for key, value in deploy.items() if key != "steps"})
    assert ["secrets." in json.dumps(step) for step in deploy["steps"]] == [False] * (len(deploy["steps"]) - 1) + [True]


def test_it_publishes_with_the_wrangler_the_tests_ran_the_site_under():
    publish = workflow()["jobs"]["deploy"]["steps"][-1]
    pinned = json.loads((PROJECT / "package.json").read_text())["devDependencies"]["wrangler"]
    assert publish["with"]["wranglerVersion"] == pinned
