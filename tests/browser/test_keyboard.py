"""Each calculator can be completed with the keyboard alone, and focus goes to the answer."""

from decimal import Decimal

import pytest
from afford_figures import allowed_for_four, short_by
from calculator_pages import in_language
from playwright.sync_api import expect
from site_server import READY_TIMEOUT

from calculators.words import words


def tab_to(page, selector, most=40):
    """Press Tab until the element matching `selector` has focus."""
    for _ in range(most):
        if page.evaluate(f"document.activeElement?.matches({selector!r})"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize(
    ("language", "typed_date", "end_date"),
    [("en", "11/20/2026", "12/20/2026"), ("es", "20 de noviembre de 2026", "20 de diciembre de 2026")],
)
def test_the_catch_up_calculator_by_keyboard(page, base_url, watch, language, typed_date, end_date):
    # In Spanish too, the date typed the Spanish way (issue #26).
    page.goto(base_url + in_language("catch-up-amount/", language))
    calculator = page.locator('[data-calculator="past_due"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    tab_to(page, "#past_due-notice_date")  # the first question: the answer names the date
    page.keyboard.type(typed_date)
    page.keyboard.press("Tab")
    page.keyboard.type("$210.50")
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    answer_heading = calculator.get_by_role("heading", name=words(language)("form.your_answer"))
    expect(answer_heading).to_be_focused()
    expect(calculator.locator(".calc-answer")).to_contain_text("$631.50")  # 210.50 × 3
    expect(calculator.locator(".calc-answer")).to_contain_text(end_date)  # 30 days after the notice


def test_the_checklist_by_keyboard(page, base_url, watch):
    page.goto(base_url + "checklist/")
    calculator = page.locator('[data-calculator="checklist"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    tab_to(page, "#checklist-monthly_payment")
    page.keyboard.type("100")
    page.keyboard.press("Tab")
    page.keyboard.type("5")
    page.keyboard.press("Tab")
    page.keyboard.type("1/2027")
    tab_to(page, ".calc-later > summary")  # the habits are a folded next step: open it from the keyboard
    page.keyboard.press("Enter")
    tab_to(page, "#checklist-autopay-yes")
    page.keyboard.press("Space")  # yes
    for group, answer in [
        ("bank_changed", "no"),
        ("expect_to_miss", "no"),
        ("reconciles_monthly", "yes"),
        ("self_employed", "no"),
    ]:
        tab_to(page, f"[name={group}]")
        if answer == "no":
            page.keyboard.press("ArrowDown")
        else:
            page.keyboard.press("Space")
        expect(page.locator(f"#checklist-{group}-{answer}")).to_be_checked()
    tab_to(page, "button.calc-submit")
    page.keyboard.press("Enter")
    expect(calculator.get_by_role("heading", name="Your answer")).to_be_focused()
    expect(calculator.locator(".calc-answer")).to_have_text("4 of 5 habits are in place.")

    tab_to(page, "#checklist-no_new_balance")
    page.keyboard.press("Space")
    expect(page.locator("#checklist-no_new_balance")).to_be_checked()


def test_on_a_phone_every_tab_stop_before_the_form_is_on_the_screen(page, base_url, watch):
    # The menu is a drawer off the screen's left edge while closed: its links must take no Tab stop.
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(base_url + "what-to-do-now/")
    expect(page.locator('[data-calculator="situation"]')).to_have_attribute(
        "data-state", "ready", timeout=READY_TIMEOUT
    )
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            # The colour switch is a hidden radio shown by the button that follows it (Material's markup).
            """() => { const element = document.activeElement;
                       const shown = element.matches(".md-option") ? element.nextElementSibling : element;
                       const box = shown.getBoundingClientRect();
                       return {id: document.activeElement.id, text: document.activeElement.textContent.trim().slice(0, 30),
                               left: box.left, right: box.right, width: box.width}; }"""
        )
        stops.append(focused)
        if focused["id"] == "situation-notice_date":
            break
    else:
        raise AssertionError("Tab never reached the notice date")
    off_screen = [stop for stop in stops if stop["right"] <= 0 or stop["left"] >= 375 or stop["width"] == 0]
    assert off_screen == [], f"{len(off_screen)} Tab stops off the screen: {off_screen[:3]}"
    # The drawer still opens, and then its links take Tab stops.
    page.locator("header button[data-drawer]").click()
    expect(page.locator(".md-sidebar--primary")).to_be_visible()


def test_the_affordability_check_by_keyboard(page, base_url, watch):
    page.goto(base_url + "can-you-afford-it/")
    calculator = page.locator('[data-calculator="afford"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    tab_to(page, "#afford-people")
    page.keyboard.type("4")
    page.keyboard.press("Tab")
    page.keyboard.type("4,200")
    page.keyboard.press("Tab")  # into "How often": weekly, every two weeks, twice a month, monthly, …
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(page.locator("#afford-how_often-monthly")).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.type("1900")
    page.keyboard.press("Tab")
    page.keyboard.type("310")
    page.keyboard.press("Enter")
    expect(calculator.get_by_role("heading", name="Your answer")).to_be_focused()
    # With the 2025 standards: 2,129 + housing 1,900 + health 83 × 4 = 4,361.00; 4,200 − 4,361 = −161.00
    short = short_by(Decimal("4200"), allowed_for_four(Decimal("1900")))
    expect(calculator.locator(".calc-answer")).to_have_text(
        f"The costs the IRS allows are {short} more than your income each month."
    )
