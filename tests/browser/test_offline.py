"""Offline use: after one visit, pages and calculators work with no network. (A new build replacing
the old one, online and offline: test_deploys.py.)"""

import pytest
from playwright.sync_api import expect
from service_worker import visit_until_offline_ready
from site_server import READY_TIMEOUT

pytestmark = pytest.mark.makes_snapshots  # as readers' browsers do (browser/conftest.py)


def test_after_one_visit_pages_and_calculators_work_offline(page, context, base_url):
    visit_until_offline_ready(page, base_url + "catch-up-amount/")
    context.set_offline(True)

    page.reload()
    calculator = page.locator('[data-calculator="past_due"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.get_by_label("Notice date").fill("11/20/2026")
    page.get_by_label("Monthly payment").fill("$300")
    page.get_by_label("Missed payments").fill("3")
    page.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-answer")).to_contain_text("pay $900.00")  # 300 × 3

    page.goto(base_url + "why-you-got-it/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Why you got a CP523")
    page.goto(base_url + "fee-check/")
    expect(page.locator('[data-calculator="fees"]')).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)


def test_a_guide_page_fetches_none_of_the_runtime_even_while_going_offline(page, base_url):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base_url + "why-you-got-it/")
    expect(page.locator(".offline-status")).to_be_visible(timeout=READY_TIMEOUT)
    assert not [url for url in fetched if "/pyodide/" in url or "/py/" in url]
