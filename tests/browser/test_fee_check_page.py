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
    page.keyboard.press("Tab")
    expect(page.get_by_label("Adjusted gross income")).to_be_focused()
    page.keyboard.type("$82,500.00")
    page.keyboard.press("Tab")
    page.keyboard.type("4")
    page.keyboard.press("Tab")  # where you live: nothing is chosen for you
    page.keyboard.press("Space")  # the 48 contiguous states
    expect(page.locator("#fees-region-contiguous")).to_be_checked()
    page.keyboard.press("Tab")  # past the first button, to the folded "another day" step
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Date you would apply (optional)")).to_be_focused()
    page.keyboard.type("11/28/2026")
    page.keyboard.press("Enter")

    answer = calculator.locator(".calc-result")
    expect(answer.get_by_role("heading", name="Your answer")).to_be_focused()
    # 2026 guideline for 4 people: 15,960 + 5,680 × 3 = 33,000; 250% = 82,500.00; AGI equal to it counts as low income.
    expect(answer.locator(".calc-answer")).to_have_text(
        "Putting your plan back in place by phone, by mail or in person will cost you $43.00, "
        "and you may be able to get it back because your income is low."
    )
    expect(answer).to_contain_text("at or below $82,500.00, which is 250% of the 2026 poverty guideline ($33,000.00)")
    expect(answer).to_contain_text("It would cost less online: $10.00.")
    expect(answer).to_contain_text("Confirm with the IRS")


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
