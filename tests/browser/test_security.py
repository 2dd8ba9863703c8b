"""Every page keeps to its Content Security Policy. (That typed text never comes back as markup is a unit
test: no message ever quotes the input, tests/test_robustness.py.) The tests that ask for `host` run under
the Python imitation of the host and under Cloudflare Pages' own runtime (tests/conftest.py)."""

import pytest
from playwright.sync_api import expect
from site_server import READY_TIMEOUT, SUB_PATH, QuietHandler, serve

pytestmark = pytest.mark.makes_snapshots  # as readers' browsers do (browser/conftest.py)

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


def test_every_page_has_a_policy_and_using_each_calculator_breaks_none_of_it(page, base_url, watch):
    page.add_init_script(RECORD_VIOLATIONS)
    for path in ["", "reading-your-notice/", "sources/", "404.html"]:
        page.goto(base_url + path)
        assert page.evaluate("window.cspViolations") == []
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy

    page.goto(base_url + "catch-up-amount/")
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.locator("summary", has_text="What would you owe if your plan ends?").click()
    for label, value in [
        ("Monthly payment", "250"),
        ("Missed payments", "2"),
        ("Notice date", "11/2/2026"),
        ("Tax you owe", "5000"),
    ]:
        page.get_by_label(label).fill(value)
    page.get_by_role("button", name="Work it out").click()
    expect(page.locator(".calc-chart svg")).to_be_visible()

    page.get_by_role("navigation").get_by_role("link", name="Fee check").first.click()  # instant navigation
    fees = page.locator('[data-calculator="fees"]')
    expect(fees).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.locator("#fees-action-reinstate").check()
    page.locator("#fees-channel-online").check()
    page.locator("summary", has_text="Your household").click()  # a folded next step: the fee for a household
    page.get_by_label("Household income").fill("20000")
    page.get_by_label("People in your household").fill("2")
    page.locator("#fees-region-alaska").check()
    page.get_by_role("button", name="Work it out").click()
    expect(fees.locator(".calc-answer")).to_be_visible()

    assert page.evaluate("window.cspViolations") == []  # before the next load starts a new list
    page.goto(base_url + "checklist/")
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.get_by_label("Monthly payment").fill("100")
    page.get_by_label("Day of the month your payment is due").fill("5")
    page.get_by_label("Month of your next payment").fill("1/2027")
    page.locator("summary", has_text="Check your habits").click()
    for field in ["autopay", "bank_changed", "expect_to_miss", "reconciles_monthly", "self_employed"]:
        page.locator(f"#checklist-{field}-no").check()
    page.get_by_role("button", name="Work it out").click()
    expect(page.locator(".checklist")).to_be_visible()
    with page.expect_download():
        page.get_by_role("button", name="Add reminders to my calendar").click()
    assert page.evaluate("window.cspViolations") == []


STRING_TIMER_RUNS = """new Promise((resolve) => {
  self.stringRan = false;
  setTimeout("self.stringRan = true", 0);
  setTimeout(() => resolve(self.stringRan), 200);
})"""


def test_no_other_site_can_frame_the_guide(host, page, base_url, tmp_path):
    # A page elsewhere puts the guide in a frame, as a click-jacking overlay would (issue 15, point 4).
    (tmp_path / "frame.html").write_text(f'<!doctype html><title>Elsewhere</title><iframe src="{base_url}"></iframe>')
    server, elsewhere = serve(tmp_path, QuietHandler)
    try:
        refused = []
        page.on("console", lambda message: "frame-ancestors" in message.text and refused.append(message.text))
        page.goto(elsewhere.removesuffix(f"{SUB_PATH}/") + "frame.html", wait_until="load")
        expect(page.frame_locator("iframe").get_by_role("heading", level=1)).to_have_count(0)
        assert refused, "Chromium did not report the refusal"
    finally:
        server.shutdown()


def test_the_calculator_worker_can_neither_eval_nor_reach_another_origin(
    host, page, no_snapshot_maker, base_url, tmp_path, open_calculator
):
    # The worker takes its policy from its own response, which a <meta> tag cannot give it.
    reached = []

    class Recording(QuietHandler):
        def do_GET(self):
            reached.append(self.path)
            super().do_GET()

    server, elsewhere = serve(tmp_path, Recording)
    try:
        open_calculator("catch-up-amount/")
        (worker,) = [each for each in page.workers if each.url.endswith("calculator-worker.mjs")]
        # A string given to setTimeout is eval'd by the worker itself (code run from the test tool is not held
        # to the policy, so eval() called here would prove nothing).
        assert worker.evaluate(STRING_TIMER_RUNS) is False
        outcome = worker.evaluate(f"fetch({elsewhere!r}).then(() => 'fetched', (error) => error.name)")
        assert outcome == "TypeError" and reached == []
        # The worker still answers.
        page.get_by_label("Notice date").fill("11/20/2026")
        page.get_by_label("Monthly payment").fill("100")
        page.get_by_label("Missed payments").fill("2")
        page.get_by_role("button", name="Work it out").click()
        expect(page.locator(".calc-answer")).to_contain_text("$200.00")  # 100 × 2
    finally:
        server.shutdown()
