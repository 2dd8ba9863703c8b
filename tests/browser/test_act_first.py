"""Act first on a 375 × 740 phone (#22, points 5 and 6): after "Work it out" the answer fills the screen,
its headline and the button to call inside the first screen, with "Change your answers" to go back;
every guide page that says "call" has the same button; what a reader answered is carried to the next
calculator page in this tab only, into empty fields.

Set SCREENSHOTS=<folder> to keep a picture of each answer (light and dark) to look at.
"""

import os
from pathlib import Path

import pytest
from calculator_pages import PAGES
from playwright.sync_api import expect
from site_server import READY_TIMEOUT

from calculators.words import words

PHONE = {"width": 375, "height": 740}
SCREEN = PHONE["height"]

# The first answer each calculator needs, as a reader types it (TEST_DAY is 12/1/2026).
FIRST_ANSWERS = {
    "dates": {"#dates-notice_date": "11/20/2026"},
    "situation": {"#situation-notice_date": "11/20/2026"},
    "past_due": {
        "#past_due-notice_date": "11/20/2026",
        "#past_due-monthly_payment": "310",
        "#past_due-missed_payments": "2",
    },
    "fees": {
        "#fees-action-reinstate": True,
        "#fees-channel-phone_mail_in_person": True,
    },
    "checklist": {
        "#checklist-monthly_payment": "250",
        "#checklist-payment_day": "15",
        "#checklist-first_payment_month": "Dec 2026",
    },
    "afford": {
        "#afford-people": "4",
        "#afford-income": "4200",
        "#afford-how_often-monthly": True,
        "#afford-housing": "1900",
        "#afford-plan_payment": "310",
    },
    "call_card": {"#call_card-about-reinstate": True},  # every question is optional: one chosen
}
# Guide pages that tell the reader to call, each with the [[call]] block.
CALL_PAGES = [
    "",
    "if-you-can-pay/",
    "if-you-cannot-pay/",
    "if-you-disagree/",
    "if-the-plan-ends/",
    "why-you-got-it/",
    "reading-your-notice/",
]


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def fill(page, answers):
    for selector, value in answers.items():
        if value is True:
            page.locator(selector).check()
        else:
            page.locator(selector).fill(value)


def ask(page, base_url, name, answers):
    """Open a calculator's page, answer, press "Work it out": the calculator, its answer showing and settled
    (scrolled to and focused in the frame after it paints, so a test's own focus or measure comes after)."""
    page.goto(base_url + PAGES[name])
    calculator = page.locator(f'[data-calculator="{name}"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    fill(page, answers)
    calculator.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-result")).to_be_visible(timeout=READY_TIMEOUT)
    expect(calculator.locator(".calc-result h2")).to_be_focused()
    return calculator


def inside_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SCREEN


def screenshot(page, name):
    folder = os.environ.get("SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(folder) / f"{name}.png"))
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.screenshot(path=str(Path(folder) / f"{name}-dark.png"))
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', {scheme!r})")


@pytest.mark.parametrize("name", list(PAGES))
def test_the_answer_fills_the_first_screen_with_a_button_to_call(phone, base_url, name, watch, capsys):
    phone.goto(base_url + PAGES[name])
    calculator = phone.locator(f'[data-calculator="{name}"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    fill(phone, FIRST_ANSWERS[name])
    calculator.get_by_role("button", name="Work it out").click()
    result = calculator.locator(".calc-result")
    expect(result).to_be_visible(timeout=READY_TIMEOUT)
    expect(calculator.get_by_role("heading", name="Your answer")).to_be_focused()
    headline, call = result.locator(".calc-answer"), result.locator(".calc-act .calc-call")
    expect(call).to_have_attribute("href", "tel:+18008291040")
    phone.wait_for_timeout(100)  # the scroll has settled
    screenshot(phone, f"answer-{name}")
    with capsys.disabled():
        box = call.bounding_box()
        print(
            f"\n{name}: headline at {headline.bounding_box()['y']:.0f} px, call button ends at {box['y'] + box['height']:.0f} px"
        )
    assert inside_first_screen(headline), "the answer's headline is not inside the first screen"
    assert inside_first_screen(call), "the button to call is not inside the first screen"
    assert call.evaluate("(element) => element.getBoundingClientRect().width") >= PHONE["width"] * 0.7, "not full width"
    # "Change your answers" goes back to the form's first question.
    change = result.get_by_role("button", name="Change your answers")
    assert inside_first_screen(change)
    change.click()
    first = calculator.locator(".calc-form [data-field]:not([hidden]) input").first
    expect(first).to_be_focused()
    assert inside_first_screen(first)


@pytest.mark.parametrize("path", CALL_PAGES)
def test_a_page_that_says_call_has_the_button_to_call(phone, base_url, path, watch):
    phone.goto(base_url + path)
    block = phone.locator(".md-content .calc-act--page")
    expect(block).to_have_count(1)
    call = block.locator("a.calc-call")
    expect(call).to_have_text("Call 800-829-1040")
    expect(call).to_have_attribute("href", "tel:+18008291040")
    expect(block.locator('a[href^="tel:"]')).to_have_count(3)  # the call button, TTY, other languages
    assert call.evaluate("(element) => element.getBoundingClientRect().width") >= PHONE["width"] * 0.7, "not full width"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_home_page_shows_the_button_to_call_on_its_first_screen(phone, base_url, watch):
    phone.goto(base_url)
    screenshot(phone, "home")
    assert inside_first_screen(phone.locator(".call-now a.calc-call"))


def test_answers_are_carried_to_the_next_calculator_in_this_tab_only(phone, base_url, watch):
    ask(phone, base_url, "past_due", FIRST_ANSWERS["past_due"])
    assert phone.evaluate("Object.keys(localStorage).filter((key) => key.includes('past_due'))") == []
    phone.goto(base_url + PAGES["checklist"])
    expect(phone.locator("#checklist-monthly_payment")).to_have_value("310")
    # Never overwritten: a field the reader typed in (kept by the checklist) keeps what they typed.
    phone.locator("#checklist-monthly_payment").fill("250")
    phone.evaluate(
        "sessionStorage.setItem('cp523-answers', JSON.stringify({monthly_payment: '999', payment_day: '9'}))"
    )
    phone.reload()
    expect(phone.locator("#checklist-payment_day")).to_have_value("9")
    expect(phone.locator("#checklist-monthly_payment")).to_have_value("250")
    # The checklist's clear button clears what this tab carries too.
    phone.get_by_role("button", name="Clear my answers").click()
    assert phone.evaluate("sessionStorage.getItem('cp523-answers')") is None
    # Another tab starts empty.
    other = phone.context.new_page()
    other.goto(base_url + PAGES["checklist"])
    expect(other.locator("#checklist-monthly_payment")).to_have_value("")
    other.close()


def test_an_answer_explains_the_glossary_words_as_the_pages_do(phone, base_url, watch):
    # A notice of 10/1/2026 read on 12/1/2026: the end date has passed, so the answer speaks of a levy.
    result = ask(phone, base_url, "situation", {"#situation-notice_date": "10/1/2026"}).locator(".calc-result")
    # The tip's words are the glossary's, as docs/includes/abbreviations.md gives them to every page.
    tips = dict(
        line[2:].split("]: ", 1)
        for line in Path("docs/includes/abbreviations.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("*[")
    )
    levy = result.locator("abbr", has_text="levy")
    expect(levy).to_have_count(1)  # once per answer, however often the word comes
    expect(levy).to_have_attribute("title", tips["levy"])
    assert result.inner_text().count("levy") >= 2  # said again later, without a second tip


def test_the_number_read_on_the_notice_is_the_one_the_button_calls(phone, base_url, watch):
    calculator = ask(phone, base_url, "situation", {"#situation-notice_date": "11/20/2026"})
    call = calculator.locator(".calc-result .calc-act .calc-call")
    expect(call).to_have_attribute("href", "tel:+18008291040")
    calculator.locator("summary", has_text=words("en")("next_steps.notice_phone_group.title")).click()
    phone.locator("#situation-notice_phone").fill("(800) 555-0142")
    calculator.get_by_role("button", name="Use this number").click()
    expect(call).to_have_text("Call 800-555-0142")
    expect(call).to_have_attribute("href", "tel:+18005550142")
    # The line for individuals stays among the other lines.
    expect(calculator.locator('.calc-act-lines a[href="tel:+18008291040"]')).to_have_count(1)
    # A number without its area code is refused on its field, saying how to write it.
    phone.locator("#situation-notice_phone").fill("555-0142")
    calculator.get_by_role("button", name="Use this number").click()
    expect(phone.locator("#situation-notice_phone-error")).to_contain_text("with its area code, like 800-555-0123")
