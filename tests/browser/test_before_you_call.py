"""Before you call (#23) in Chromium on a 375 × 740 phone: the card by keyboard and on paper, and the call
log kept on this device (reload, tampered or oversized storage, its clear button, its calendar file),
with axe. `watch` holds every test to no request outside the site and no console error."""

import icalendar
import pytest
from playwright.sync_api import expect
from printing import pdf_text
from site_server import PROJECT, READY_TIMEOUT

KEY = "cp523-guide:call-log:v1"
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A phone; axe-core is injected inline, which the pages' own policy rightly blocks.
    return {**browser_context_args, "viewport": {"width": 375, "height": 740}, "bypass_csp": True}


@pytest.fixture
def card_page(page, base_url):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; }")
    page.goto(base_url + "before-you-call/")
    expect(page.locator('[data-calculator="call_card"]')).to_have_attribute(
        "data-state", "ready", timeout=READY_TIMEOUT
    )
    return page


def serious_violations(page):
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("axe.run().then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact})))")
    return [violation for violation in found if violation["impact"] in ("serious", "critical")]


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def top_on_page(locator) -> float:
    return locator.evaluate("(element) => element.getBoundingClientRect().top + window.scrollY")


def tab_to(page, selector, presses=80):
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"the keyboard never reached {selector}")


def test_the_card_by_keyboard_then_printed_on_one_page(card_page, tmp_path, watch):
    page = card_page
    tab_to(page, "#call_card-about-reinstate")
    page.keyboard.press("Space")
    tab_to(page, "#call_card-time_zone-eastern")
    for _ in range(5):  # arrows move through the radio group: Eastern, Central, Mountain, Pacific, Alaska, Hawaii
        page.keyboard.press("ArrowDown")
    expect(page.locator("#call_card-time_zone-hawaii")).to_be_checked()
    tab_to(page, ".calc-submit")
    page.keyboard.press("Enter")
    answer = page.locator(".calc-result")
    expect(answer.locator(".calc-answer")).to_have_text("Your card for the call: ask to put your plan back.")
    # 12/1/2026: the mainland keeps standard time until 3/14/2027, so 7 a.m. Pacific is 5 a.m. in Hawaii.
    expect(answer.locator(".calc-act-hours")).to_contain_text("5 a.m. to 5 p.m. Hawaii time")
    expect(answer.locator(".calc-act-hours")).to_contain_text("from 3/14/2027, 4 a.m. to 4 p.m.")
    # The online route comes before the number to call. Measured on the page, not the window: the answer
    # scrolls itself to the top in the frame after it paints, which may fall between two measures.
    online, call = (top_on_page(answer.locator(selector)) for selector in (".calc-act-online", ".calc-call"))
    assert online < call
    no_sideways_scroll(page)
    assert serious_violations(page) == []

    answer.get_by_role("button", name="Print this card").click()
    assert page.evaluate("window.printed") == 1
    text, pages = pdf_text(page, tmp_path, "card")
    assert pages == 1
    for expected in [
        "800-829-1040",
        "800-829-4059",
        "833-553-9895",
        "5 a.m. to 5 p.m. Hawaii time",
        "13 to 14 minutes",
        "Wednesday to Friday",
        "Have these ready",
        "Ask to put your plan back",
        "Notes from the call",
        "Online Payment",
    ]:
        assert expected in text, expected
    for absent in ["Print this card", "Work it out", "Your call log", "Add to my log", "Clear my answers"]:
        assert absent not in text, absent
    assert "800-829-0922" not in text


def test_the_card_carries_the_number_on_the_notice_from_another_calculator(page, base_url, watch):
    # What the reader typed in this tab reaches the card (sessionStorage "cp523-answers", empty fields only).
    page.goto(base_url + "before-you-call/")
    page.evaluate("sessionStorage.setItem('cp523-answers', JSON.stringify({notice_phone: '800-555-0142'}))")
    page.reload()
    calculator = page.locator('[data-calculator="call_card"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-call")).to_have_text("Call 800-555-0142")
    expect(calculator.get_by_role("row", name="On your notice (best)")).to_contain_text("800-555-0142")


def add_call(page, day, agreed, next_day="", name="", staff_id=""):
    page.get_by_label("Date of the call").fill(day)
    page.get_by_label("Time of the call (optional)").fill("14:05")
    page.get_by_label("Name of the person you spoke to (optional)").fill(name)
    page.get_by_label("Their IRS ID number (optional)").fill(staff_id)
    page.get_by_label("What you agreed (optional)").fill(agreed)
    page.get_by_label("Next date: a payment, a call back, a letter (optional)").fill(next_day)
    page.get_by_role("button", name="Add to my log").click()


def test_the_call_log_by_keyboard_survives_a_reload_prints_on_one_page_and_clears(card_page, tmp_path, watch):
    page = card_page
    log = page.locator("#call-log")
    # Dates and times are picked (the browser's own picker): filled; the rest is typed, and the button pressed, by keyboard.
    page.get_by_label("Date of the call").fill("2026-12-01")
    page.get_by_label("Time of the call (optional)").fill("14:05")
    tab_to(page, "#call-log-name")
    page.keyboard.type("Ms. Rivera")
    page.keyboard.press("Tab")
    page.keyboard.type("1000123456")
    page.keyboard.press("Tab")
    page.keyboard.type("Plan put back. Pay $200 by direct debit; first payment 12/15.")
    page.get_by_label("Next date: a payment, a call back, a letter (optional)").fill("2026-12-15")
    tab_to(page, ".call-log-form .md-button")
    page.keyboard.press("Enter")
    expect(log.locator(".call-log-status")).to_have_text("The call was added to your log, kept on this device only.")
    expect(log.locator(".call-log-call")).to_have_count(1)
    call = log.locator(".call-log-call").first
    expect(call).to_contain_text("12/1/2026, 2:05 p.m.")
    expect(call).to_contain_text("Spoke to: Ms. Rivera, ID 1000123456")
    expect(call).to_contain_text("Next date: 12/15/2026")
    add_call(page, "2026-11-20", "Asked for more time; letter to come.")
    no_sideways_scroll(page)
    assert serious_violations(page) == []

    page.reload()
    expect(log.locator(".call-log-call")).to_have_count(2)
    expect(log.locator(".call-log-status")).to_have_text("")

    log.get_by_role("button", name="Print my call log").click()
    assert page.evaluate("document.documentElement.classList.contains('print-call-log')")
    text, pages = pdf_text(page, tmp_path, "log")
    assert pages == 1
    for expected in ["Your call log", "12/1/2026, 2:05 p.m.", "1000123456", "Pay $200", "Next date: 12/15/2026"]:
        assert expected in text, expected
    for absent in ["Add to my log", "Clear my call log", "Remove this call", "Work it out", "Have these ready"]:
        assert absent not in text, absent

    with page.expect_download() as download_info:
        log.get_by_role("button", name="Add next dates to my calendar").click()
    download = download_info.value
    assert download.suggested_filename == "irs-call-dates.ics"
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    assert [str(event.decoded("DTSTART")) for event in calendar.walk("VEVENT")] == ["2026-12-15"]

    log.locator(".call-log-call").nth(1).get_by_role("button", name="Remove this call").click()
    expect(log.locator(".call-log-call")).to_have_count(1)
    log.get_by_role("button", name="Clear my call log").click()
    expect(log.locator(".call-log-status")).to_have_text("Your call log was cleared from this device.")
    expect(log.locator(".call-log-call")).to_have_count(0)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    page.reload()
    expect(log.locator(".call-log-empty")).to_be_visible()


def test_a_call_needs_its_date(card_page, watch):
    page = card_page
    page.get_by_label("What you agreed (optional)").fill("Something")
    page.get_by_role("button", name="Add to my log").click()
    expect(page.locator(".call-log-status")).to_have_text("Enter the date of the call.")
    expect(page.get_by_label("Date of the call")).to_be_focused()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None


@pytest.mark.parametrize(
    "stored",
    [
        "{not json",
        '{"version": 0, "data": []}',
        '{"version": 1, "data": {"date": "2026-12-01"}}',
        # one field too long, one field too many, a date that is not a date
        '{"version": 1, "data": [{"date": "2026-12-01", "time": "", "name": "'
        + "x" * 101
        + '", "id": "", "agreed": "", "next": ""}]}',
        '{"version": 1, "data": [{"date": "2026-12-01", "time": "", "name": "", "id": "", "agreed": "", "next": "", "x": ""}]}',
        '{"version": 1, "data": [{"date": "tomorrow", "time": "", "name": "", "id": "", "agreed": "", "next": ""}]}',
        "oversized",
    ],
)
def test_a_tampered_or_oversized_log_is_refused_cleared_and_said(page, base_url, stored, watch):
    page.goto(base_url + "before-you-call/")
    if stored == "oversized":  # 2 MB, the most this browser keeps, of well-formed calls
        page.evaluate(
            """(key) => {
              const call = { date: "2026-12-01", time: "", name: "", id: "", agreed: "a".repeat(500), next: "" };
              localStorage.setItem(key, JSON.stringify({ version: 1, data: Array(3000).fill(call) }));
            }""",
            KEY,
        )
    else:
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, stored])
    page.reload()
    log = page.locator("#call-log")
    expect(log.locator(".call-log-status")).to_have_text(
        "Your saved call log could not be read (it was changed or is too big), so it was cleared."
    )
    expect(log.locator(".call-log-call")).to_have_count(0)
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None


def test_markup_typed_into_the_log_stays_text(card_page, watch):
    page = card_page
    add_call(page, "2026-12-01", '<img src=x onerror="window.hacked=1">', name="<b>Bold</b>")
    call = page.locator(".call-log-call").first
    expect(call).to_contain_text('<img src=x onerror="window.hacked=1">')
    assert call.locator("img, b").count() == 0
    assert page.evaluate("window.hacked") is None


def test_without_storage_the_log_says_it_cannot_keep_calls(page, base_url, watch):
    page.add_init_script("Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }")
    page.goto(base_url + "before-you-call/")
    expect(page.locator(".call-log-status")).to_contain_text("not letting the page keep your log")
    add_call(page, "2026-12-01", "x")
    expect(page.locator(".call-log-call")).to_have_count(0)
