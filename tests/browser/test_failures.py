"""Every start and every question ends, within a bounded time, in an answer or in the plain failure
message with the manual method and the IRS number; a failed worker is ended, never left behind.
The bounds are shortened for these tests through the globals runtime.mjs reads."""

import time

import pytest
from playwright.sync_api import expect
from site_server import READY_TIMEOUT

pytestmark = pytest.mark.makes_snapshots  # as readers' browsers do (browser/conftest.py)

SHORT_LIMITS = "window.calculatorStartLimitMs = 4000; window.calculatorAnswerLimitMs = 3000;"


def calculator_workers(page):
    return [worker for worker in page.workers if "calculator-worker" in worker.url]  # not the search worker


def failed_message(calculator):
    expect(calculator).to_have_attribute("data-state", "error", timeout=15_000)
    expect(calculator.locator(".calc-status")).to_contain_text("800-829-1040")


def test_a_stalled_runtime_download_ends_in_the_failure_message(page, base_url):
    page.add_init_script(SHORT_LIMITS)
    page.route("**/pyodide.asm.wasm", lambda route: None)  # never answered: a download that stalls
    started = time.monotonic()
    page.goto(base_url + "catch-up-amount/")
    failed_message(page.locator("[data-calculator]"))
    assert time.monotonic() - started < 15
    expect(page.locator(".calc-status")).to_contain_text("did not start in time")


def test_a_truncated_runtime_download_ends_in_the_failure_message(page, base_url):
    page.add_init_script(SHORT_LIMITS)
    page.route(
        "**/pyodide.asm.wasm",
        lambda route: route.fulfill(status=200, content_type="application/wasm", body=b"\0asm" + b"\0" * 1000),
    )
    page.goto(base_url + "catch-up-amount/")
    failed_message(page.locator("[data-calculator]"))


def test_a_worker_that_dies_ends_the_question_and_the_next_one_starts_afresh(page, base_url):
    # Only the answer's bound is shortened: a start under 4 s is not what this test is about, and a busy
    # machine can miss it.
    page.add_init_script("window.calculatorAnswerLimitMs = 3000;")
    page.goto(base_url + "catch-up-amount/")
    calculator = page.locator("[data-calculator]")
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    calculator_workers(page)[0].evaluate("close()")  # the worker stops without a word
    page.get_by_label("Notice date").fill("11/20/2026")
    page.get_by_label("Monthly payment").fill("100")
    page.get_by_label("Missed payments").fill("2")
    page.get_by_role("button", name="Work it out").click()
    failed_message(calculator)  # within the answer bound, not "Working it out…" for ever
    page.get_by_role("button", name="Work it out").click()  # a new worker answers
    expect(calculator.locator(".calc-answer")).to_contain_text("pay $200.00", timeout=READY_TIMEOUT)  # 100 × 2


def test_retries_after_a_failed_start_leave_no_worker_behind(browser, base_url):
    # No service worker: it would fetch the runtime itself, past this page's blocked route.
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.add_init_script(SHORT_LIMITS)
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(base_url + "catch-up-amount/")
    calculator = page.locator("[data-calculator]")
    failed_message(calculator)
    page.get_by_label("Notice date").fill("11/20/2026")
    page.get_by_label("Monthly payment").fill("100")
    page.get_by_label("Missed payments").fill("2")
    for _ in range(5):
        page.get_by_role("button", name="Work it out").click()
        failed_message(calculator)
    page.wait_for_timeout(500)
    assert calculator_workers(page) == [], "every failed worker is ended"
    context.close()
