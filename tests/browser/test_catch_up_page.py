"""The catch-up calculator in real Chromium, against the built site served under /guide/."""

import re

from playwright.sync_api import expect
from site_server import READY_TIMEOUT


def test_a_reader_types_amounts_as_on_the_letter_and_gets_the_answer(page, open_calculator, watch):
    calculator = open_calculator("catch-up-amount/")
    expect(calculator.get_by_role("status")).to_have_text("The calculator is ready.")
    page.get_by_label("Notice date").fill("Nov 20, 2026")  # asked first, so the answer names a date
    page.get_by_label("Monthly payment").fill("$1,200.00")
    page.get_by_label("Missed payments").fill("2")
    page.get_by_role("button", name="Work it out").click()

    answer = calculator.locator(".calc-result")
    expect(answer).to_be_visible()
    # 1,200.00 × 2 = 2,400.00; no new balance; no end date typed: 11/20/2026 + 30 days = 12/20/2026, said as a guess
    expect(answer.locator(".calc-answer")).to_have_text(
        "To keep your payment plan, pay $2,400.00 before 12/20/2026, our guess of your end date."
    )
    expect(answer).to_contain_text("That is 2 missed payments of $1,200.00.")
    expect(answer.locator('a[href^="tel:"]')).to_have_count(3)  # one call button, and the TTY and other-language lines
    expect(answer.get_by_role("row", name="Amount to pay")).to_contain_text("$2,400.00")
    expect(answer.get_by_role("heading", name="Your answer")).to_be_focused()
    expect(calculator.get_by_role("status")).to_contain_text("$2,400.00")


def test_bad_input_gets_a_clear_message_on_the_field_and_keeps_what_was_typed(page, open_calculator, watch):
    calculator = open_calculator("catch-up-amount/")
    page.get_by_label("Notice date").fill("11/20/2026")
    payment = page.get_by_label("Monthly payment")
    payment.fill("1.200,50")
    page.get_by_label("Missed payments").fill("121")
    page.get_by_role("button", name="Work it out").click()

    summary = calculator.locator(".calc-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    expect(summary.get_by_role("link")).to_have_count(2)
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(payment).to_have_value("1.200,50")
    expect(payment).to_have_attribute("aria-invalid", "true")
    expect(payment).to_have_accessible_description(
        re.compile(r"Error: Your monthly payment must be an amount in dollars and cents")
    )
    expect(calculator.locator(".calc-result")).to_be_hidden()

    # Material's instant navigation treats same-site links as page changes once its sitemap has
    # loaded; wait for it, so this click meets the page as a reader who takes their time would.
    page.wait_for_load_state("networkidle")
    url = page.url
    summary.get_by_role("link", name=re.compile("between 0 and 120")).click()
    expect(page.get_by_label("Missed payments")).to_be_focused()
    page.wait_for_load_state("networkidle")  # an instant page change would fetch the page again here
    assert page.url == url, "the error link must not change the address"
    expect(payment).to_have_value("1.200,50")

    payment.fill("250")
    page.get_by_label("Missed payments").fill("1")
    page.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-answer")).to_contain_text("$250.00")
    expect(summary).to_be_hidden()
    expect(page).not_to_have_title(re.compile(r"^Error: "))
    expect(payment).not_to_have_attribute("aria-invalid", "true")


def test_one_worker_serves_the_visit_across_instant_navigation(page, base_url, watch):
    page.goto(base_url)
    assert watch.count(".wasm") == 0, "a page without a calculator must not load the Python runtime"
    page.evaluate("window.sameDocument = true")
    page.locator("article").get_by_role("link", name="Catch-up amount").click()
    calculator = page.locator('[data-calculator="past_due"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)

    page.get_by_role("navigation").get_by_role("link", name="Start here").first.click()
    expect(page).to_have_url(base_url)
    page.locator("article").get_by_role("link", name="Catch-up amount").click()
    expect(calculator).to_have_attribute("data-state", "ready")
    page.get_by_label("Notice date").fill("11/20/2026")
    page.get_by_label("Monthly payment").fill("100")
    page.get_by_label("Missed payments").fill("3")
    page.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-answer")).to_contain_text("$300.00")

    # On to a second calculator page: it is ready at once, on the same runtime.
    page.get_by_role("navigation").get_by_role("link", name="Fee check").first.click()
    expect(page.locator('[data-calculator="fees"]')).to_have_attribute("data-state", "ready")
    assert page.evaluate("window.sameDocument") is True, "navigation reloaded the page instead of swapping it"
    assert watch.count("/pyodide.asm.wasm") == 1
    assert sum("/py/calculators-" in url for url in watch.requests) == 1


def test_when_the_runtime_cannot_load_the_page_says_so_and_what_to_do(page, base_url):
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(base_url + "catch-up-amount/")
    calculator = page.locator('[data-calculator="past_due"]')
    expect(calculator).to_have_attribute("data-state", "error", timeout=READY_TIMEOUT)
    status = calculator.get_by_role("status")
    expect(status).to_contain_text("The calculator could not start")
    expect(status).to_contain_text("work it out by hand")
    expect(status).to_contain_text("800-829-1040")
    expect(page.get_by_role("heading", name="How to work out the catch-up amount by hand")).to_be_visible()
    # The rest of the page keeps working: its links lead on.
    page.get_by_role("link", name="sources page", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sources for every figure")


def test_a_stopped_runtime_is_started_again_by_the_next_calculation(page, open_calculator, base_url, watch):
    workers = []
    page.on("worker", lambda worker: workers.append(worker))
    calculator = open_calculator("catch-up-amount/")
    page.get_by_label("Notice date").fill("11/20/2026")
    page.get_by_label("Monthly payment").fill("125")
    page.get_by_label("Missed payments").fill("2")
    page.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-answer")).to_contain_text("$250.00")
    page.evaluate("import(new URL('../js/runtime.mjs', location.href)).then((runtime) => runtime.stopWorker())")
    page.get_by_label("Missed payments").fill("4")
    page.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-answer")).to_contain_text("$500.00", timeout=READY_TIMEOUT)  # 125 × 4
    calculator_workers = [worker for worker in workers if worker.url.endswith("calculator-worker.mjs")]
    assert len(calculator_workers) == 2, "the stopped runtime was replaced by a new one"


def test_a_reader_adds_the_notice_figures_and_reads_the_estimate_chart_table_and_working(page, open_calculator, watch):
    calculator = open_calculator("catch-up-amount/")
    page.get_by_label("Notice date").fill("11/2/2026")  # in the first group
    page.get_by_label("Monthly payment").fill("$1,200.00")
    page.get_by_label("Missed payments").fill("1")
    page.locator(
        "summary", has_text="What would you owe if your plan ends?"
    ).click()  # the next step, folded under the button
    page.get_by_label("Tax you owe").fill("$10,000.00")
    page.get_by_label("Penalty so far").fill("500")
    page.get_by_label("Interest so far").fill("300")
    page.get_by_label("Date you would pay").fill("11/28/2026")
    page.locator("#past_due-filed_on_time-yes").check()
    page.locator("#past_due-levy_notice_before-usual").check()  # no notice of intent to levy before the plan
    page.get_by_role("button", name="Work out what I would owe").click()

    answer = calculator.locator(".calc-result")
    # The golden case "The estimate from the notice" works these figures out:
    # interest 300.00 + 10,800.00 × ((1 + 7%/365)^26 − 1) = 353.98; penalty 500.00 + 0.25% × 10,000 = 525.00.
    # A month later the plan has ended: 0.5% of 10,000 = 50 more, or 1% = 100 if the CP523 itself counts as a
    # notice of intent to levy (unsettled): the two monthly figures differ by 50.
    # No end date typed: 11/2/2026 + 30 days = 12/2/2026, after today (12/1/2026), said as a guess. The headline
    # says what to pay and by when; the line under the way to act says the rest.
    expect(answer.locator(".calc-answer")).to_have_text(
        "To keep your payment plan, pay $1,200.00 before 12/2/2026, our guess of your end date."
    )
    expect(answer).to_contain_text(
        "That is 1 missed payment of $1,200.00. We guessed the end date: 30 days after the notice date. "
        "The date printed on your notice is the one that counts. "
        "If your plan ends, you would owe about $10,879 on 11/28/2026, and about $113 to $163 more each month. "
        "The higher figures are if the CP523 itself raises the penalty to 1% a month once your plan ends."
    )  # about-figures in whole dollars; the cents are in the working below
    owed = answer.get_by_role("table", name="If your plan ends: what you would owe on 11/28/2026")
    expect(owed.get_by_role("row", name="Interest")).to_contain_text("$353.98")
    expect(owed.get_by_role("row", name="Total")).to_contain_text("$10,878.98")

    expect(answer.locator(".calc-chart svg path")).to_have_count(2)
    answer.get_by_text("Balance at each month after the notice").first.click()  # long tables are folded
    answer.get_by_text("IRS interest rates for each quarter of the estimate").first.click()
    by_month = answer.get_by_role("table", name="Balance at each month after the notice")
    expect(by_month.locator("tbody tr")).to_have_count(24)
    expect(by_month.locator("tbody tr").first.get_by_role("rowheader")).to_have_text("December 2026")
    rates = answer.get_by_role("table", name="IRS interest rates for each quarter of the estimate")
    expect(rates.locator("tbody tr")).to_have_count(1)
    expect(rates.locator("tbody tr").first).to_contain_text("2026-Q4")
    expect(rates.get_by_role("link")).to_have_attribute("href", "https://www.irs.gov/payments/quarterly-interest-rates")

    # Not sure about a notice of intent to levy: a second table, with 1% for every month (during the plan too).
    page.locator("#past_due-levy_notice_before-not_sure").check()
    page.get_by_label("Date you would pay").fill("3/1/2027")
    page.get_by_role("button", name="Work out what I would owe").click()
    higher = answer.get_by_role("table", name="With the higher figures: what you would owe on 3/1/2027")
    # Month starts 11/2, 12/2, 1/2, 2/2, all after an earlier levy notice: 1 + 1 + 1 + 1 = 4% of 10,000 = 400.00
    expect(higher.get_by_role("row", name="Penalty")).to_contain_text("$900.00")
    usual = answer.get_by_role("table", name="If your plan ends: what you would owe on 3/1/2027")
    # 0.25 + 0.5 + 0.5 + 0.5 = 1.75% of 10,000 = 175.00
    expect(usual.get_by_role("row", name="Penalty")).to_contain_text("$675.00")
    expect(answer).to_contain_text(
        "The higher figures are if the IRS sent you a notice of intent to levy before your plan began"
    )


def test_a_pay_date_before_the_notice_date_is_shown_on_that_field(page, open_calculator, watch):
    calculator = open_calculator("catch-up-amount/")
    page.get_by_label("Monthly payment").fill("250")
    page.get_by_label("Missed payments").fill("1")
    page.get_by_label("Notice date").fill("11/2/2026")
    page.locator("summary", has_text="What would you owe if your plan ends?").click()
    page.get_by_label("Tax you owe").fill("1000")
    page.get_by_label("Date you would pay").fill("10/1/2026")
    page.get_by_role("button", name="Work out what I would owe").click()
    expect(calculator.locator(".calc-error-summary")).to_be_focused()
    expect(page.get_by_label("Date you would pay")).to_have_accessible_description(
        re.compile(r"Error: The date you would pay must be on or after the notice date \(11/2/2026\)")
    )


def test_a_reader_whose_end_date_has_passed_is_not_told_to_pay_to_keep_the_plan(page, open_calculator, watch):
    calculator = open_calculator("catch-up-amount/")
    page.get_by_label("Notice date").fill("10/1/2026")  # read on 12/1/2026
    page.get_by_label("Monthly payment").fill("310")
    page.get_by_label("Missed payments").fill("2")
    page.get_by_role("button", name="Work it out").click()
    answer = calculator.locator(".calc-result")
    # 10/1/2026 + 30 days = 10/31/2026, before today: the plan may have ended
    expect(answer.locator(".calc-answer")).to_have_text(
        "Your plan may have ended: 10/31/2026, our guess of its end date, has passed. Call or go online today."
    )
    expect(answer).not_to_contain_text("To keep your payment plan")
    expect(answer).to_contain_text("does not by itself restore the plan")
    expect(answer.get_by_role("link", name="the IRS Online Payment Agreement tool").first).to_be_visible()
    expect(answer.get_by_role("link", name="If your plan ends")).to_have_attribute("href", "../if-the-plan-ends/")
