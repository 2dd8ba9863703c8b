"""What a Spanish reader prints and saves (issue #26): the checklist and the call card in Spanish, each on
one page, with dates written out; the reminders file parses and says its events in Spanish. The same
forms as in English, answered by their fields' ids; every button and heading named from the catalog."""

import datetime as dt

import icalendar
from playwright.sync_api import expect
from printing import pdf_text
from site_server import READY_TIMEOUT, TEST_DAY

from calculators import parameters
from calculators.words import words

SAID = words("es")
# From the data, as of the tests' day: a new row for the IRS's number or hours changes these, not the tests.
IRS_LINE = parameters.get("contacts.phone_individuals").at(TEST_DAY).value
HOURS_BY_ZONE = parameters.get("contacts.phone_hours_by_zone")
HAWAII_WINTER = SAID.figure(
    HOURS_BY_ZONE.at(TEST_DAY).value["hawaii_standard"], HOURS_BY_ZONE.unit
)  # "de 5 a.m. a 5 p.m."


def open_spanish(page, base_url, path, name):
    page.goto(f"{base_url}es/{path}")
    calculator = page.locator(f'[data-calculator="{name}"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    return calculator


def fill_spanish_plan(page, calculator):
    page.fill("#checklist-monthly_payment", "$250")
    page.fill("#checklist-payment_day", "15")
    page.fill("#checklist-first_payment_month", "diciembre de 2026")  # a month typed the Spanish way
    page.fill("#checklist-months", "6")
    page.evaluate("document.querySelectorAll('details.calc-later').forEach((d) => { d.open = true; })")
    page.locator("#checklist-autopay-no").check()
    calculator.get_by_role("button", name=SAID("form.work_it_out")).click()
    expect(calculator.locator(".checklist")).to_be_visible()


def test_the_spanish_checklist_prints_on_one_page_and_its_reminders_parse(page, base_url, tmp_path, watch):
    calculator = open_spanish(page, base_url, "checklist/", "checklist")
    fill_spanish_plan(page, calculator)
    text, pages = pdf_text(page, tmp_path, "lista")
    assert pages == 1
    for expected in ("15 de diciembre de 2026", "15 de mayo de 2027", "$250.00", IRS_LINE):
        assert expected in text, expected
    assert SAID("checklist.answer.print") not in text  # the buttons do not print

    with page.expect_download() as download_info:
        calculator.get_by_role("button", name=SAID("checklist.answer.add_reminders")).click()
    download = download_info.value
    assert download.suggested_filename == SAID("checklist.answer.calendar_file")
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    events = list(calendar.walk("VEVENT"))
    # six payments on the 15th, December 2026 to May 2027
    assert sorted(event.decoded("DTSTART") for event in events) == [
        dt.date(2026 + (m > 12), (m - 1) % 12 + 1, 15) for m in range(12, 18)
    ]
    assert all(str(event["SUMMARY"]) and "payment" not in str(event["SUMMARY"]).lower() for event in events)


def test_the_spanish_call_card_prints_on_one_page(page, base_url, tmp_path, watch):
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; }")
    calculator = open_spanish(page, base_url, "before-you-call/", "call_card")
    page.locator("#call_card-about-reinstate").check()
    page.locator("#call_card-time_zone-hawaii").check()
    calculator.get_by_role("button", name=SAID("form.work_it_out")).click()
    answer = calculator.locator(".calc-result")
    expect(answer.locator(".calc-act-hours")).to_contain_text(HAWAII_WINTER)
    expect(answer.locator(".calc-act-hours")).to_contain_text("14 de marzo de 2027")
    answer.get_by_role("button", name=SAID("call_card.answer.print")).click()
    assert page.evaluate("window.printed") == 1
    text, pages = pdf_text(page, tmp_path, "tarjeta")
    assert pages == 1
    assert IRS_LINE in text and HAWAII_WINTER in text


def test_search_on_a_spanish_page_finds_spanish_pages_with_a_spanish_interface(page, base_url, watch):
    page.goto(f"{base_url}es/")
    page.locator(".md-search__input").click()
    page.keyboard.type("embargos")  # a plural: Spanish stemming finds "embargo"
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=READY_TIMEOUT)
    assert all("/es/" in link for link in results.locator("a").evaluate_all("(links) => links.map((a) => a.href)"))
    expect(page.locator(".md-search-result__meta")).to_contain_text("encontrado")  # the theme's Spanish words
