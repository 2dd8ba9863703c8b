"""The site's own runtime in Chromium (the served wheel and cut standard library, in the worker)
gives the same JSON text as CPython: one answer and one refusal per calculator.

Every golden case runs in Pyodide under Node in tests/test_golden.py, which also checks that the
served standard library holds every module they import; this test proves the served site does it."""

import json

from golden_cases import load_cases
from playwright.sync_api import expect
from site_server import READY_TIMEOUT

from calculators.web import CALCULATORS, run_json

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


def one_answer_and_one_refusal_each():
    chosen = {}
    for case in CASES:
        chosen.setdefault((case.calculator, bool(case.errors)), case)
    return list(chosen.values())


def test_the_served_runtime_answers_as_cpython_does(page, base_url, watch):
    cases = one_answer_and_one_refusal_each()
    assert len(cases) == 2 * len(CALCULATORS)
    page.goto(base_url + "catch-up-amount/")
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    answers = page.evaluate(ASK_ALL, [case.request() for case in cases])
    for case, answer in zip(cases, answers, strict=True):
        assert answer == run_json(case.calculator, json.dumps(case.input), case.today), case.id


def test_every_golden_case_on_a_spanish_page_has_the_english_figures_in_spanish_words(page, base_url, watch):
    # The Spanish page's worker is the same; the page passes its language (issue #26).
    page.goto(base_url + "es/catch-up-amount/")
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    answers = page.evaluate(
        ASK_ALL.replace('"../js/runtime.mjs"', '"../../js/runtime.mjs"'), [c.request("es") for c in CASES]
    )
    for case, answer in zip(CASES, answers, strict=True):
        assert answer == run_json(case.calculator, json.dumps(case.typed_in("es")), case.today, "es"), case.id
        english = json.loads(run_json(case.calculator, json.dumps(case.input), case.today))
        spanish = json.loads(answer)
        assert spanish.get("result") == english.get("result") and spanish.keys() == english.keys(), case.id
        assert spanish != english or not english.get("answer"), case.id  # worded in Spanish, not English
