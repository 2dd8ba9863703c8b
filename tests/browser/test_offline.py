"""Offline use: after one visit, pages and calculators work with no network, and a new build replaces the old."""

import offline  # the build's own manifest writer (tests/conftest.py puts hooks/ on the path)
from playwright.sync_api import expect
from pyodide_runtime import pinned_version
from site_server import PROJECT, READY_TIMEOUT, build_and_serve

WAIT_FOR_CALCULATOR_FILES = """() => new Promise((resolve) => {
  navigator.serviceWorker.addEventListener("message", (event) => event.data?.type === "calculators-cached" && resolve(true));
  navigator.serviceWorker.controller.postMessage({ type: "cache-calculators" });
})"""


def visit_until_offline_ready(page, url):
    page.goto(url)
    expect(page.locator(".offline-status")).to_have_text(
        "This guide now works offline on this device.", timeout=READY_TIMEOUT
    )
    assert page.evaluate(WAIT_FOR_CALCULATOR_FILES)


def test_after_one_visit_pages_and_calculators_work_offline(page, context, base_url):
    visit_until_offline_ready(page, base_url + "catch-up-amount/")
    context.set_offline(True)

    page.reload()
    calculator = page.locator('[data-calculator="past_due"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
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


def test_a_new_build_replaces_the_cached_one(page, tmp_path):
    server, base_url = build_and_serve(tmp_path)
    try:
        visit_until_offline_ready(page, base_url)
        first = page.evaluate("caches.keys()")
        site = tmp_path / "guide"
        (site / "index.html").write_text((site / "index.html").read_text().replace("Free help<", "Help for free<"))
        version = offline.write_manifest(site, pinned_version(PROJECT))

        page.evaluate("navigator.serviceWorker.getRegistration().then((registration) => registration.update())")
        page.wait_for_function(
            f"caches.keys().then((names) => names.includes('cp523-site-{version}'))", timeout=READY_TIMEOUT
        )
        page.wait_for_function(
            "caches.keys().then((names) => names.filter((n) => n.startsWith('cp523-site-')).length === 1)"
        )
        assert [name for name in first if name.startswith("cp523-site-")] != [f"cp523-site-{version}"]
        page.reload()
        expect(page.get_by_role("heading", name="Help for free")).to_be_visible()
    finally:
        server.shutdown()
