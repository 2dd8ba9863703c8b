"""Every calculator on its Spanish page, answered with the keyboard alone (issue #26): Tab to each
question, type the answer as a Spanish reader writes it (dates written out) or move through the choices
with Space and the arrow keys, open a folded next step with Enter, then press its button. Focus goes to
the answer's heading, named in Spanish, and the headline is what CPython says for the same answers.

The answers are each calculator's first golden case that answers on the tests' day; the figures of every
golden case in Spanish are checked by test_golden_in_browser.py."""

import pytest
from calculator_pages import PAGES
from golden_cases import load_cases
from playwright.sync_api import expect
from site_server import READY_TIMEOUT, TEST_DAY

from calculators.registry import CALCULATORS
from calculators.web import run
from calculators.words import words

SPANISH = "es"
SAID = words(SPANISH)


def first_case_answered(name: str):
    for case in load_cases():
        if case.calculator == name and not case.errors:
            typed = case.typed_in(SPANISH)
            if run(name, typed, TEST_DAY, SPANISH)["ok"]:
                return typed
    raise AssertionError(f"{name}: no golden case answers on {TEST_DAY}")


def tab_until(page, test: str, argument=None, most: int = 60) -> None:
    """Press Tab until `test(focused element, argument)`, a JavaScript function, is true."""
    for _ in range(most):
        if page.evaluate(f"([argument]) => ({test})(document.activeElement, argument)", [argument]):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {test} {argument}")


def tab_to(page, selector: str) -> None:
    tab_until(page, "(element, selector) => element.matches(selector)", selector)


def choose(page, name: str, field: str, value) -> None:
    """A radio group by keyboard: Tab lands on its first choice; Space picks it, each arrow the next."""
    choice = {True: "yes", False: "no"}.get(value, value)
    ids = page.locator(f'[name="{field}"]').evaluate_all("(radios) => radios.map((radio) => radio.id)")
    tab_to(page, f'[name="{field}"]')
    page.keyboard.press("Space")
    for _ in range(ids.index(f"{name}-{field}-{choice}")):
        page.keyboard.press("ArrowDown")
    expect(page.locator(f"#{name}-{field}-{choice}")).to_be_checked()


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_each_calculator_in_spanish_by_keyboard(page, base_url, watch, name):
    answers = first_case_answered(name)
    page.goto(f"{base_url}{SPANISH}/{PAGES[name]}")
    calculator = page.locator(f'[data-calculator="{name}"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.locator("body").focus()
    for field in CALCULATORS[name].fields:  # in the form's order, so Tab only moves forward
        if field.name not in answers:
            continue
        question = calculator.locator(f'[data-field="{field.name}"]')
        folded = calculator.locator("details.calc-later", has=page.locator(f'[data-field="{field.name}"]'))
        if folded.count() and not folded.evaluate("(details) => details.open"):
            # A next step, folded: its summary takes the Tab, Enter opens it.
            tab_until(
                page,
                "(element, question) => element.matches('summary') && element.parentElement.contains(question)",
                question.element_handle(),
            )
            page.keyboard.press("Enter")
        if not question.is_visible():
            continue  # asked only after another answer, which this case does not give
        if field.kind in ("choice", "yes_no"):
            choose(page, name, field.name, answers[field.name])
        else:
            tab_to(page, f"#{name}-{field.name}")
            page.keyboard.type(str(answers[field.name]))
    tab_to(page, "button.calc-submit")
    page.keyboard.press("Enter")
    expect(calculator.get_by_role("heading", name=SAID("form.your_answer"))).to_be_focused()
    expected = run(name, answers, TEST_DAY, SPANISH)["answer"]["headline"]
    expect(calculator.locator(".calc-answer").first).to_have_text(expected)
