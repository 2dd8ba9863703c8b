"""The checklist in Chromium: remembered answers, ticks, printing and calendar reminders."""

import datetime as dt

import icalendar
from playwright.sync_api import expect
from printing import pdf_text
from site_server import READY_TIMEOUT

KEY = "cp523-guide:checklist:v1"


def fill_plan(page):
    page.get_by_label("Monthly payment").fill("$250")
    page.get_by_label("Day of the month your payment is due").fill("15")
    page.get_by_label("Month of your next payment").fill("12/2026")
    page.get_by_label("How many payments to list (optional)").fill("6")
    page.locator("summary", has_text="Check your habits (optional)").click()
    page.locator("summary", has_text="This year's tax (optional)").click()
    for field, answer in [
        ("autopay", "no"),
        ("bank_changed", "yes"),
        ("irs_notified_of_bank_change", "no"),
        ("expect_to_miss", "no"),
        ("reconciles_monthly", "no"),
        ("self_employed", "yes"),
    ]:
        page.locator(f"#checklist-{field}-{answer}").check()
    page.get_by_label("Last year's total tax").fill("8000")
    page.get_by_label("Last year's adjusted gross income").fill("60000")
    page.get_by_label("Tax withheld this year (optional)").fill("2000")
    page.get_by_label("Today's date (optional)").fill("11/28/2026")
    page.get_by_role("button", name="Work it out").click()


def test_answers_and_ticks_are_kept_across_a_reload_and_cleared_on_request(page, open_calculator, base_url, watch):
    calculator = open_calculator("checklist/")
    fill_plan(page)
    answer = calculator.locator(".calc-result")
    # 100% × 8,000 = 8,000 required, 2,000.00 a quarter; 2,000 withheld counts 500.00 a quarter: each quarter
    # 1,500.00 short; on 11/28/2026 April, June and September are late, and only Jan 15, 2027 is ahead
    expect(answer.locator(".checklist-item[data-status=urgent]")).to_have_count(2)
    # Without this year's expected tax, whether tax will be due with the return is unknown: never "in place".
    expect(answer).to_contain_text("We cannot tell yet whether you will owe tax when you file for 2026")
    expect(answer).to_contain_text(
        "These are late: $1,500.00 due 4/15/2026, $1,500.00 due 6/15/2026, $1,500.00 due 9/15/2026."
    )
    expect(answer).to_contain_text("Still ahead: $1,500.00 by 1/15/2027.")
    page.get_by_label("Check each month that the payment left your account").check()

    page.reload()
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    expect(page.get_by_label("Monthly payment")).to_have_value("$250")
    expect(page.locator("#checklist-bank_changed-yes")).to_be_checked()
    expect(answer).to_be_visible()
    expect(page.get_by_label("Check each month that the payment left your account")).to_be_checked()
    expect(page.get_by_label("Pay automatically from your bank account")).not_to_be_checked()

    page.get_by_role("button", name="Clear my answers").click()
    expect(calculator.locator(".calc-remember-status")).to_have_text("Your answers were cleared from this device.")
    expect(page.get_by_label("Monthly payment")).to_have_value("")
    expect(answer).to_be_hidden()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    page.reload()
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    expect(page.get_by_label("Monthly payment")).to_have_value("")


def test_corrupt_or_old_saved_answers_are_ignored(page, open_calculator, base_url, watch):
    page.goto(base_url + "checklist/")
    for stored in [
        "{not json",
        '{"version": 0, "answers": {"monthly_payment": "9"}}',
        '{"version": 1, "answers": [1]}',
    ]:
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, stored])
        calculator = open_calculator("checklist/")
        expect(page.get_by_label("Monthly payment")).to_have_value("")
        expect(calculator.locator(".calc-result")).to_be_hidden()


def test_without_storage_the_page_works_and_says_answers_will_not_be_kept(page, open_calculator, base_url, watch):
    # As in private browsing on some browsers, or with a full disk: every write is refused.
    page.add_init_script("Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }")
    calculator = open_calculator("checklist/")
    expect(calculator.locator(".calc-remember-status")).to_contain_text("not letting the page keep your answers")
    fill_plan(page)
    expect(calculator.locator(".checklist")).to_be_visible()


def test_the_printed_checklist_fits_one_page_with_dates_and_actions_and_no_controls(
    page, open_calculator, tmp_path, watch
):
    open_calculator("checklist/")
    blank, blank_pages = pdf_text(page, tmp_path, "blank")
    assert blank_pages == 1
    assert "A blank checklist to print" in blank and "800-829-1040" in blank

    fill_plan(page)
    expect(page.locator(".checklist")).to_be_visible()
    text, pages = pdf_text(page, tmp_path, "plan")
    assert pages == 1
    for expected in [
        "12/15/2026",
        "5/15/2027",
        "$250.00",
        "1/15/2027",
        "$1,500.00",
        "800-829-1040",
        "irs.gov/payments",
        "Do this first: Give the IRS your new bank details.",  # a changed bank not yet told (the title says what to do)
        "Give the IRS your new bank details before your next payment on 12/15/2026",
    ]:
        assert expected in text, expected
    for absent in [
        "Work it out",
        "Clear my answers",
        "Print this checklist",
        "Add reminders",
        "Start here",
        "Search",
        "A blank checklist to print",
        "Monthly payment",
    ]:
        assert absent not in text, absent


def test_the_calendar_file_downloads_and_holds_every_date(page, open_calculator, base_url, watch):
    open_calculator("checklist/")
    fill_plan(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Add reminders to my calendar").click()
    download = download_info.value
    assert download.suggested_filename == "payment-plan-reminders.ics"
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    starts = sorted(event.decoded("DTSTART") for event in calendar.walk("VEVENT"))
    # six payments on the 15th from December 2026, and the one estimated tax date ahead (Jan 15, 2027)
    assert starts == sorted(
        [
            dt.date(2026, 12, 15),
            dt.date(2027, 1, 15),
            dt.date(2027, 1, 15),
            dt.date(2027, 2, 15),
            dt.date(2027, 3, 15),
            dt.date(2027, 4, 15),
            dt.date(2027, 5, 15),
        ]
    )


def test_oversized_or_unknown_saved_answers_are_dropped_not_kept(page, open_calculator, base_url, watch):
    # 2 MB in one answer (the most this browser stores) and 100,000 made-up ticks: none of it comes back, and the next save is small.
    page.goto(base_url + "checklist/")
    page.evaluate(
        """(key) => {
          const ticked = {};
          for (let i = 0; i < 100000; i++) ticked[`made_up_${i}`] = "done";
          const answers = { monthly_payment: "9".repeat(2_000_000), payment_day: "15", surprise: "x" };
          localStorage.setItem(key, JSON.stringify({ version: 1, answers, ticked }));
        }""",
        KEY,
    )
    open_calculator("checklist/")
    expect(page.get_by_label("Monthly payment")).to_have_value("")
    expect(page.get_by_label("Day of the month your payment is due")).to_have_value("15")
    page.get_by_label("Monthly payment").fill("250")
    kept = page.evaluate(f"localStorage.getItem('{KEY}')")
    assert len(kept) < 2000 and "surprise" not in kept and "made_up" not in kept


def test_the_first_answer_is_neutral_and_its_buttons_are_at_the_top(page, open_calculator, watch):
    calculator = open_calculator("checklist/")
    page.get_by_label("Monthly payment").fill("$250")
    page.get_by_label("Day of the month your payment is due").fill("15")
    page.get_by_label("Month of your next payment").fill("12/2026")
    page.get_by_role("button", name="Work it out").click()
    answer = calculator.locator(".calc-result")
    # No habit was asked yet (they are a later step): the headline names the next payment, not "0 of 5".
    expect(answer.locator(".calc-answer")).to_have_text(
        "Your next payment of $250.00 is due on 12/15/2026. Your checklist and dates are below."
    )
    expect(answer).not_to_contain_text("habits are in place")
    # The way to act, then the print and calendar buttons, then the checklist.
    # Measured on the page, not the window: the answer scrolls itself to the top in the frame after it paints.
    call, reminders, checklist = (
        locator.evaluate("(element) => element.getBoundingClientRect().top + window.scrollY")
        for locator in (
            answer.locator(".calc-act .calc-call"),
            answer.get_by_role("button", name="Add reminders to my calendar"),
            answer.locator(".checklist"),
        )
    )
    assert call < reminders < checklist


def test_no_calendar_button_when_every_date_has_passed(page, open_calculator, watch):
    calculator = open_calculator("checklist/")
    page.get_by_label("Monthly payment").fill("$250")
    page.get_by_label("Day of the month your payment is due").fill("15")
    page.get_by_label("Month of your next payment").fill("1/2026")
    page.get_by_label("How many payments to list (optional)").fill("2")
    page.get_by_role("button", name="Work it out").click()
    answer = calculator.locator(".calc-result")
    expect(answer.locator(".checklist")).to_be_visible()
    # 1/15/2026 and 2/15/2026 are before the test day: no empty calendar file is offered.
    expect(answer.get_by_role("button", name="Add reminders to my calendar")).to_have_count(0)
