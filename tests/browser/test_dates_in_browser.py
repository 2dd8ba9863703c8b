"""Dates the figures cannot answer, in Chromium (issue #20 point 2): a "today" typed with the wrong
year gets a message on its field and the calculator keeps answering; a device whose clock is set
before the build's day is told so, and nothing is worked out for the wrong day."""

import datetime as dt
import re

from playwright.sync_api import expect
from site_server import READY_TIMEOUT, build_info


def fill_plan(page, unfold):
    page.get_by_label("Monthly payment").fill("$250")
    page.get_by_label("Day of the month your payment is due").fill("15")
    page.get_by_label("Month of your next payment").fill("12/2026")
    unfold()


def test_a_checklist_today_with_a_wrong_year_is_refused_on_its_field_and_the_calculator_keeps_answering(
    page, open_calculator, unfold, watch
):
    calculator = open_calculator("checklist/")
    fill_plan(page, unfold)
    today = page.get_by_label("Today's date (optional)")
    today.fill("12/1/16")  # meant 12/1/26
    page.get_by_role("button", name="Work it out").click()
    summary = calculator.locator(".calc-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name=re.compile("Today's date must be .* or later"))).to_be_visible()
    expect(today).to_have_attribute("aria-invalid", "true")
    expect(calculator.locator("[data-field=as_of] .calc-error")).to_contain_text("Check the year")
    expect(calculator).to_have_attribute("data-state", "ready")  # not "could not start in this browser"

    today.fill("12/1/26")
    page.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-result")).to_contain_text("$250.00", timeout=READY_TIMEOUT)
    expect(summary).to_be_hidden()
    assert len([worker for worker in page.workers if "calculator-worker" in worker.url]) == 1


def test_a_device_clock_before_the_build_is_told_to_set_its_date(page, base_url, site, watch):
    built = dt.date.fromisoformat(build_info(site)["built"])
    page.clock.set_fixed_time(dt.datetime(2016, 6, 1, 12, 0))  # Date only: timers keep running
    page.goto(base_url + "your-dates/")
    calculator = page.locator("[data-calculator]")
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.get_by_label("Notice date").fill("5/2/2016")
    page.get_by_role("button", name="Work it out").click()
    summary = calculator.locator(".calc-error-summary")
    expect(summary).to_contain_text("Your device's date is 6/1/2016")
    expect(summary).to_contain_text(f"this guide was updated on {built.month}/{built.day}/{built.year}")
    expect(summary).to_contain_text("Set the date on your device to today")
    expect(calculator.locator(".calc-result")).to_be_hidden()

    # A right date can be a day behind the build's UTC day (west of Greenwich): it is answered.
    day_before = built - dt.timedelta(days=1)
    page.clock.set_fixed_time(dt.datetime(day_before.year, day_before.month, day_before.day, 12, 0))
    page.get_by_label("Notice date").fill(f"{day_before.month}/{day_before.day}/{day_before.year}")
    page.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-answer")).to_be_visible(timeout=READY_TIMEOUT)
    expect(summary).to_be_hidden()
    expect(calculator).to_have_attribute("data-state", "ready")
