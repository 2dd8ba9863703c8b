"""The fee check in Chromium: a reader's path through the form, by keyboard only."""

from decimal import Decimal

from playwright.sync_api import expect
from site_server import READY_TIMEOUT, TEST_DAY

from calculators.money import dollars
from calculators.web import run


def test_a_reader_uses_only_the_keyboard_and_reads_the_answer(page, base_url, watch):
    page.goto(base_url + "fee-check/")
    calculator = page.locator('[data-calculator="fees"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)

    # Start from the first radio button and move only with Tab, arrows and typing.
    page.locator("#fees-action-reinstate").focus()
    page.keyboard.press("Space")  # reinstate my current plan
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # how: by phone, by mail or in person
    expect(page.locator("#fees-channel-phone_mail_in_person")).to_be_checked()
    # Plan length, direct debit and the balance only matter for other choices: they are not asked.
    expect(page.locator('[data-field="direct_debit"]')).to_be_hidden()
    page.keyboard.press("Tab")  # the first button: two answers are enough for a first answer
    page.keyboard.press("Enter")

    answer = calculator.locator(".calc-result")
    expect(answer.get_by_role("heading", name="Your answer")).to_be_focused()
    # Without the household, both fees: 43.00 at low income, 89.00 otherwise; reinstating "may" cost them.
    expect(answer.locator(".calc-answer")).to_have_text(
        "Putting your plan back in place by phone, by mail or in person may cost you $43.00 or $89.00."
    )
    # The way to act comes first: the call button, and the online tool (cheaper: $10.00).
    expect(answer.locator(".calc-act .calc-call")).to_have_text("Call 800-829-1040")
    expect(answer.locator(".calc-act")).to_contain_text("Reinstate after default")

    # The household is a next step, folded under the first button.
    page.locator("summary", has_text="Your household").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Household income (optional)")).to_be_focused()
    page.keyboard.type("$82,500.00")
    page.keyboard.press("Tab")
    page.keyboard.type("4")
    page.keyboard.press("Tab")  # where you live: nothing is chosen for you
    page.keyboard.press("Space")  # the 48 contiguous states
    expect(page.locator("#fees-region-contiguous")).to_be_checked()
    page.keyboard.press("Tab")  # past the household's button, to the folded "another day" step
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Date you would apply (optional)")).to_be_focused()
    page.keyboard.type("11/28/2026")
    page.keyboard.press("Enter")

    expect(answer.get_by_role("heading", name="Your answer")).to_be_focused()
    # 2026 guideline for 4 people: 15,960 + 5,680 × 3 = 33,000; 250% = 82,500.00; AGI equal to it counts as low income.
    expect(answer.locator(".calc-answer")).to_have_text(
        "Putting your plan back in place by phone, by mail or in person may cost you $43.00."
    )
    expect(answer).to_contain_text("You pay the low-income fee, and you may be able to get it back.")
    expect(answer).to_contain_text("at or below $82,500.00, which is 250% of the 2026 poverty guideline ($33,000.00)")
    expect(answer).to_contain_text("It would cost less online: $10.00.")
    expect(answer).to_contain_text("Confirm with the IRS")


def test_a_reader_whose_plan_has_ended_can_say_so(page, base_url, watch):
    page.goto(base_url + "fee-check/")
    calculator = page.locator('[data-calculator="fees"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.get_by_label("My plan has already ended (or its end date has passed)").check()
    page.get_by_label("By phone, by mail or in person").check()
    page.get_by_role("button", name="Work it out").click()
    answer = calculator.locator(".calc-result")
    # A reinstatement after default: 89.00 by phone, 43.00 at low income; online 10.00.
    expect(answer.locator(".calc-answer")).to_have_text(
        "Reinstating your plan after its end date by phone, by mail or in person may cost you $43.00 or $89.00."
    )
    expect(answer).to_contain_text("Paying what you missed does not by itself restore the plan.")
    expect(answer).to_contain_text("The IRS may ask you to set up a new plan instead.")


def test_the_fee_table_on_the_page_shows_the_fees_the_check_answers(page, base_url, watch):
    page.goto(base_url + "fee-check/")
    table = page.locator("table.calc-reference")
    today = TEST_DAY
    rows = {
        "New short-term plan": {"action": "new_plan", "plan_length": "short_term", "direct_debit": "no"},
        "New long-term plan, direct debit": {"action": "new_plan", "plan_length": "long_term", "direct_debit": "yes"},
        "New long-term plan, no direct debit": {"action": "new_plan", "plan_length": "long_term", "direct_debit": "no"},
        "Reinstate or change a plan": {"action": "reinstate", "direct_debit": "no"},
        "Change a plan paid by direct debit": {"action": "change", "direct_debit": "yes"},
    }
    for label, answers in rows.items():
        cells = table.locator("tr", has=page.get_by_role("rowheader", name=label, exact=True)).get_by_role("cell")
        for column, channel in ((0, "online"), (1, "phone_mail_in_person")):
            # An income far above any limit, so the full fee applies.
            payload = {
                **answers,
                "channel": channel,
                "agi": "10000000",
                "household_size": 1,
                "region": "contiguous",
                "as_of": today.isoformat(),
            }
            answer = run("fees", payload, today)
            expect(cells.nth(column)).to_have_text(dollars(Decimal(answer["result"]["fee"])))
