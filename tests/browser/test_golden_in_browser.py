"""Every golden case, run by the site's own runtime in Chromium, gives the same JSON text as CPython."""

import json

from golden_cases import load_cases
from playwright.sync_api import expect

from calculators.web import run_json

CASES = load_cases()
ASK_ALL = """async (requests) => {
  const runtime = await import(new URL("../js/runtime.mjs", location.href));
  const answers = [];
  for (const { name, payload, today } of requests) {
    const reply = await runtime.askAsOf(name, JSON.parse(payload), today);
    answers.push(reply.json ?? reply.failure);
  }
  return answers;
}"""


def test_all_golden_cases_give_identical_text_in_the_browser(page, base_url, watch):
    page.goto(base_url + "catch-up-amount/")
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", "ready", timeout=60_000)
    answers = page.evaluate(ASK_ALL, [case.request() for case in CASES])
    assert len(answers) == len(CASES) >= 80
    for case, answer in zip(CASES, answers, strict=False):
        assert answer == run_json(case.calculator, json.dumps(case.input), case.today), case.id
