"""A returning reader's Python starts from a memory snapshot (docs/js/calculator-worker.mjs): every
golden case answers through a restored one exactly as CPython does, a snapshot from another build or
runtime, or a broken one, is refused and replaced, and nothing a reader types is ever in one."""

import json
import time

import pytest
from calculator_pages import PAGES
from golden_cases import load_cases
from playwright.sync_api import expect
from site_server import READY_TIMEOUT

from calculators.web import run_json

pytestmark = pytest.mark.makes_snapshots  # as readers' browsers do (browser/conftest.py)

SNAPSHOT_TIMEOUT = 120  # s: made in idle time by a second Pyodide, after the page's own start

# The stored snapshot's headers, or null.
STORED = """async (key) => {
  const stored = await (await caches.open("cp523-snapshot")).match(key);
  return stored && { build: stored.headers.get("x-build"), runtime: stored.headers.get("x-runtime"), size: (await stored.clone().arrayBuffer()).byteLength };
}"""
BUILD = """async (site) => (await import(site + "js/build-info.mjs")).default"""
STORE = """async ({ key, build, runtime, bytes }) => {
  const image = new Uint8Array(bytes).fill(7);
  await (await caches.open("cp523-snapshot")).put(key, new Response(image, { headers: { "x-build": build, "x-runtime": runtime } }));
}"""
FROM_SNAPSHOT = """async (site) => (await import(site + "js/runtime.mjs")).startedFromSnapshot"""
ASK_ALL = """async ({ site, requests }) => {
  const runtime = await import(site + "js/runtime.mjs");
  const answers = [];
  for (const { name, payload, today } of requests) {
    const reply = await runtime.askAsOf(name, JSON.parse(payload), today);
    answers.push(reply.json ?? reply.failure);
  }
  return answers;
}"""
# Where in the stored snapshot each text occurs (its bytes as Python keeps ASCII text).
FIND = """async ({ key, texts }) => {
  const stored = await (await caches.open("cp523-snapshot")).match(key);
  const image = new TextDecoder("latin1").decode(await stored.arrayBuffer());
  return Object.fromEntries(texts.map((text) => [text, image.indexOf(text)]));
}"""


def wait_for_snapshot(page, base_url, build):
    """Until a snapshot made from this build and runtime is stored (one planted below is 16 MiB at most)."""
    deadline = time.monotonic() + SNAPSHOT_TIMEOUT
    while True:
        stored = page.evaluate(STORED, base_url + "python-snapshot")
        if (
            stored
            and (stored["build"], stored["runtime"]) == (build["build"], build["runtime"])
            and stored["size"] > 1 << 24
        ):
            return stored
        assert time.monotonic() < deadline, f"no snapshot of build {build} was stored: {stored}"
        time.sleep(0.25)


def open_and_wait(page, url):
    page.goto(url)
    expect(page.locator("[data-calculator]").first).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)


def test_every_golden_case_answers_through_a_restored_snapshot_as_cpython_does(page, base_url):
    open_and_wait(page, base_url + "catch-up-amount/")
    assert page.evaluate(FROM_SNAPSHOT, base_url) is False
    build = page.evaluate(BUILD, base_url)
    wait_for_snapshot(page, base_url, build)

    page.reload()
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    assert page.evaluate(FROM_SNAPSHOT, base_url) is True
    cases = load_cases()
    answers = page.evaluate(ASK_ALL, {"site": base_url, "requests": [case.request() for case in cases]})
    for case, answer in zip(cases, answers, strict=True):
        assert answer == run_json(case.calculator, json.dumps(case.input), case.today), case.id


@pytest.mark.parametrize("stored_as", ["another build", "another runtime", "broken bytes"])
def test_a_snapshot_that_is_not_this_builds_is_refused_and_replaced(page, base_url, stored_as):
    open_and_wait(page, base_url + "fee-check/")
    build = page.evaluate(BUILD, base_url)
    wait_for_snapshot(page, base_url, build)
    planted = {
        "another build": {"build": "0" * 16, "runtime": build["runtime"], "bytes": 1 << 16},
        "another runtime": {"build": build["build"], "runtime": "pyodide/0.0.0/", "bytes": 1 << 16},
        # this build's labels on bytes that are no snapshot: the restore fails, the usual start follows
        "broken bytes": {"build": build["build"], "runtime": build["runtime"], "bytes": 1 << 24},
    }[stored_as]
    page.evaluate(STORE, {"key": base_url + "python-snapshot", **planted})

    page.reload()
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    assert page.evaluate(FROM_SNAPSHOT, base_url) is False
    fees = next(case for case in load_cases() if case.calculator == "fees")  # and it answers
    answers = page.evaluate(ASK_ALL, {"site": base_url, "requests": [fees.request()]})
    assert answers == [run_json("fees", json.dumps(fees.input), fees.today)]
    wait_for_snapshot(page, base_url, build)


def distinctive_money(page_number, field_number):
    return f"${86 + page_number},{400 + field_number}.37"


PHONE = "(303) 927-4816"
KNOWN_TO_BE_THERE = "/lib/calculators.zip/calculators/web.py"  # the imported module's file name


@pytest.mark.parametrize("path", sorted(PAGES.values()))
def test_nothing_typed_is_ever_in_a_stored_snapshot(page, base_url, path):
    page.goto(base_url + path)
    page.evaluate("""() => caches.delete("cp523-snapshot")""")
    open_and_wait(page, base_url + path)
    build = page.evaluate(BUILD, base_url)
    typed = []
    form = page.locator("[data-calculator] form").first
    form.evaluate("(form) => form.querySelectorAll('details').forEach((folded) => (folded.open = true))")
    for number, field in enumerate(form.locator(".calc-input--money:visible").all()):
        money = distinctive_money(len(path), number)
        field.fill(money)
        typed += [money.removeprefix("$"), money.removeprefix("$").replace(",", "")]
    for field in form.locator(".calc-input--short:visible").all():
        field.fill("2025" if field.get_attribute("id").endswith("year") else "2")
    form.evaluate("""(form) => {
      for (const group of form.querySelectorAll("fieldset")) {
        const first = group.querySelector("input[type=radio]");
        if (first && first.checkVisibility() && !group.querySelector("input:checked")) first.click();
      }
    }""")
    for field in form.locator(".calc-input--date:visible:not([id$='-notice_phone'])").all():
        field.fill("12/2026" if "month" in field.get_attribute("id") else "11/20/2026")
    form.locator("[id$='-notice_phone']").fill(PHONE)
    typed += ["927-4816", "9274816"]
    for button in form.locator(".calc-submit:visible").all():
        button.click()
        expect(page.locator("[data-calculator]").first).not_to_have_attribute("data-state", "busy")
    assert page.evaluate(FROM_SNAPSHOT, base_url) is False
    # The typed number came back from Python: what was typed did reach it.
    expect(page.locator("[data-calculator]").first).to_contain_text("303-927-4816")
    wait_for_snapshot(page, base_url, build)
    found = page.evaluate(FIND, {"key": base_url + "python-snapshot", "texts": [*typed, KNOWN_TO_BE_THERE]})
    assert found.pop(KNOWN_TO_BE_THERE) >= 0  # the search itself works
    assert found == {text: -1 for text in typed}
