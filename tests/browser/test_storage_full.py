"""A device short of storage space (issue 20, point 1): the service worker cannot keep the runtime,
and the calculator must still work online, visit after visit. The site's storage is capped through
the DevTools protocol at a size that holds the guide's pages but not the runtime."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from site_server import READY_TIMEOUT

pytestmark = pytest.mark.makes_snapshots  # as readers' browsers do (browser/conftest.py)

# The precached guide is about 1 MB; pyodide.asm.wasm alone is about 9.6 MB.
QUOTA = 4 * 1024 * 1024

RUNTIME_KEPT = """async () => {
  const info = (await import(new URL("../js/build-info.mjs", location.href))).default;
  return Boolean(await caches.match(new URL(`../${info.runtime}pyodide.asm.wasm`, location.href).href));
}"""


@pytest.fixture
def short_of_space(page, base_url):
    cdp = page.context.new_cdp_session(page)
    origin = "{}://{}".format(*urlsplit(base_url)[:2])
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin, "quotaSize": QUOTA})
    yield
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": origin})


def work_out_a_golden_case(page, calculator):
    # Golden case "A new balance is added to the missed payments" (tests/golden/past_due.toml):
    # 312.45 × 3 = 937.35; 937.35 + 1,805.10 = 2,742.45
    page.get_by_label("Notice date").fill("11/20/2026")
    page.get_by_label("Monthly payment").fill("312.45")
    page.get_by_label("Missed payments").fill("3")
    page.get_by_label("New tax balance").fill("1805.10")
    page.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-answer")).to_contain_text("pay $2,742.45")
    expect(calculator.get_by_role("row", name="Amount to pay")).to_contain_text("$2,742.45")


def test_every_visit_answers_when_the_runtime_cannot_be_kept(page, base_url, short_of_space, watch):
    # `watch` holds the console to no error: the service worker's own messages reach it too.
    for visit in (1, 2, 3):
        page.goto(base_url + "catch-up-amount/")
        calculator = page.locator('[data-calculator="past_due"]')
        expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
        work_out_a_golden_case(page, calculator)
        if visit == 1:  # the guide itself fits: from the next visit on, the service worker answers
            expect(page.locator(".offline-status")).to_be_visible(timeout=READY_TIMEOUT)
        else:
            assert page.evaluate("Boolean(navigator.serviceWorker.controller)"), f"visit {visit}"
    assert not page.evaluate(RUNTIME_KEPT), "the cap must leave no room for the runtime"


def test_offline_the_failure_says_the_device_is_short_of_space(page, context, base_url, short_of_space):
    page.goto(base_url + "catch-up-amount/")
    calculator = page.locator('[data-calculator="past_due"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    expect(page.locator(".offline-status")).to_be_visible(timeout=READY_TIMEOUT)
    # The service worker has tried to keep the runtime, and the browser refused it for lack of space.
    page.wait_for_function("() => localStorage.getItem('cp523-short-of-space') !== null", timeout=READY_TIMEOUT)
    context.set_offline(True)

    page.reload()
    expect(calculator).to_have_attribute("data-state", "error", timeout=READY_TIMEOUT)
    status = calculator.locator(".calc-status")
    expect(status).to_contain_text("This device is short of storage space")
    expect(status).to_contain_text("It still works online")
    expect(status).to_contain_text("work it out by hand")
    expect(status).to_contain_text("800-829-1040")
    expect(status).not_to_contain_text("up-to-date browser")
    # The footer no longer claims that everything works offline.
    expect(page.locator(".offline-status")).to_have_text(
        "This guide's pages now work offline on this device. Its calculators need a connection: this device is short "
        "of space."
    )
