"""A frightened reader on a 375 × 740 phone: the deadline, what to do today and a number to tap come first.

The three readers of issue 13 are scripted here; each prints how many fields they filled and how far
they scrolled to read their answer.
"""

import re
from decimal import Decimal

import pytest
from afford_figures import allowed_for_four, short_by
from calculator_pages import PAGES, in_language
from playwright.sync_api import expect
from printing import pdf_text
from site_server import READY_TIMEOUT, TEST_DAY

from calculators import parameters
from calculators.words import LANGUAGES, words

PHONE = {"width": 375, "height": 740}
SCREEN = PHONE["height"]
CALCULATOR_PAGES = list(PAGES.values())
IRS_LINE = parameters.get("contacts.phone_individuals").at(TEST_DAY).value


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def top_on_page(locator) -> float:
    return locator.evaluate("(element) => element.getBoundingClientRect().top + window.scrollY")


# The words the home page's first screen starts its deadline with, in each language (docs/, docs/es/).
DEADLINE = {"en": "Your deadline", "es": "Su fecha límite"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_screen_holds_the_deadline_a_number_to_tap_and_the_paths(phone, base_url, watch, language):
    # Spanish runs longer than English: the same first screen must hold it.
    phone.goto(base_url + in_language("", language))
    deadline = phone.locator(".deadline")
    expect(deadline).to_contain_text(DEADLINE[language])
    body_size = phone.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert float(deadline.evaluate("(element) => parseFloat(getComputedStyle(element).fontSize)")) >= body_size
    call = phone.locator('.md-content a[href^="tel:"]').first
    expect(call).to_have_text(words(language)("next_steps.act.call", number=IRS_LINE))
    assert call.evaluate("(element) => getComputedStyle(element).whiteSpace") == "nowrap"
    assert call.evaluate("(element) => element.getClientRects().length") == 1, "the number breaks across lines"
    paths = phone.locator(".paths a")
    expect(paths).to_have_count(7)
    for element in [deadline, call, *[paths.nth(index) for index in range(3)]]:
        box = element.bounding_box()
        assert box["y"] + box["height"] <= SCREEN, element
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", CALCULATOR_PAGES)
def test_each_calculator_shows_its_button_within_two_screens_and_preselects_nothing(
    phone, base_url, path, watch, language
):
    phone.goto(base_url + in_language(path, language))
    button = phone.get_by_role("button", name=words(language)("form.work_it_out"), exact=True).first
    form_top = top_on_page(phone.locator(".calc-form").first)
    assert top_on_page(button) - form_top < 2 * SCREEN, (
        "the first answer's button is more than two screens into the form"
    )
    assert phone.locator(".calc input[type=radio]:checked").count() == 0, "a preselected choice could change a result"


def answer_of(phone, fill):
    """Fill a form, press its first button, and return the answer region."""
    fill()
    phone.get_by_role("button", name="Work it out").first.click()
    answer = phone.locator(".calc-result")
    expect(answer).to_be_visible(timeout=READY_TIMEOUT)
    return answer


READERS = {
    # Reader 1: missed 2 payments of $310, notice dated 11/20/2026 (asked first, so the answer names a date).
    "catch-up-amount/": lambda page: (
        page.get_by_label("Notice date").fill("11/20/2026"),
        page.get_by_label("Monthly payment").fill("$310"),
        page.get_by_label("Missed payments").fill("2"),
    ),
    # Reader 2: a low-income parent in Hawaii, reinstating by phone: two taps, the household may follow.
    "fee-check/": lambda page: (
        page.locator("#fees-action-reinstate").check(),
        page.locator("#fees-channel-phone_mail_in_person").check(),
    ),
    # Reader 3: self-employed, wants a printed plan and calendar reminders.
    "checklist/": lambda page: (
        page.get_by_label("Monthly payment").fill("250"),
        page.get_by_label("Day of the month your payment is due").fill("15"),
        page.get_by_label("Month of your next payment").fill("Dec 2026"),
    ),
    "your-dates/": lambda page: page.get_by_label("Notice date").fill("11/2/2026"),
    "what-to-do-now/": lambda page: page.get_by_label("What date is on your notice?").fill("11/2/2026"),
    # The household of 4 of #23: $4,200 a month, rent $1,900, a $310 plan.
    "can-you-afford-it/": lambda page: (
        page.locator("#afford-people").fill("4"),
        page.locator("#afford-income").fill("4200"),
        page.locator("#afford-how_often-monthly").check(),
        page.locator("#afford-housing").fill("1900"),
        page.locator("#afford-plan_payment").fill("310"),
    ),
    "before-you-call/": lambda page: page.locator("#call_card-about-reinstate").check(),
}
EXPECTED = {
    "catch-up-amount/": "pay $620.00 before 12/20/2026",  # 310.00 × 2; 11/20/2026 + 30 days, said as a guess
    # No household yet: the low-income and the full reinstatement fee by phone, from the data
    "fee-check/": "may cost you $43.00 or $89.00",
    "checklist/": "Your next payment of $250.00 is due on 12/15/2026",  # no habit asked yet: a neutral headline
    "your-dates/": "before 12/2/2026",  # 11/2/2026 + 30 days, said as a guess
    "what-to-do-now/": "still in place until about 12/2/2026",  # 11/2/2026 + 30 days, a guess
    # With the 2025 standards: 2,129 + housing 1,900 + health 83 × 4 = 4,361; 4,200 − 4,361 = −161
    "can-you-afford-it/": f"{short_by(Decimal('4200'), allowed_for_four(Decimal('1900')))} more than your income",
    "before-you-call/": "ask to put your plan back",
}


@pytest.mark.parametrize("path", CALCULATOR_PAGES)
def test_each_reader_reaches_an_answer_with_a_number_to_tap_and_a_next_step(phone, base_url, path, watch, capsys):
    phone.goto(base_url + path)
    expect(phone.locator("[data-calculator]")).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    answer = answer_of(phone, lambda: READERS[path](phone))
    expect(answer.locator(".calc-answer")).to_contain_text(EXPECTED[path])
    expect(answer.locator('a[href^="tel:"]').first).to_be_visible()
    assert answer.locator('a[href^="https://www.irs.gov/"], a[href^="../"]').count() >= 1, "no link to act on"
    filled = phone.locator(".calc input[type=text]").evaluate_all("(inputs) => inputs.filter((i) => i.value).length")
    filled += phone.locator(".calc input[type=radio]:checked").count()
    scrolled = top_on_page(answer.locator(".calc-answer"))
    with capsys.disabled():
        print(
            f"\n{path}: {filled} fields filled; the answer starts {scrolled:.0f} px down ({scrolled / SCREEN:.1f} screens)"
        )


def test_a_notice_dated_long_ago_leads_with_has_passed(phone, base_url, watch):
    phone.goto(base_url + "your-dates/")
    expect(phone.locator("[data-calculator]")).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    answer = answer_of(phone, lambda: phone.get_by_label("Notice date").fill("Jan 5, 2026"))
    # 1/5/2026 + 30 days = 2/4/2026, long before today
    expect(answer.locator(".calc-answer")).to_have_text(
        re.compile(r"^Your end date, 2/4/2026, has passed: your plan may have ended")
    )


def test_a_reinstatement_fee_needs_no_direct_debit_answer(phone, base_url, watch):
    phone.goto(base_url + "fee-check/")
    debit, length = phone.locator('[data-field="direct_debit"]'), phone.locator('[data-field="plan_length"]')
    expect(debit).to_be_hidden()  # asked only once the answer it depends on is given
    phone.locator("#fees-action-reinstate").check()
    expect(debit).to_be_hidden()
    expect(length).to_be_hidden()
    phone.locator("#fees-action-new_plan").check()
    expect(length).to_be_visible()
    expect(debit).to_be_visible()


def test_a_second_press_while_starting_gets_the_answer_to_the_changed_fields(phone, base_url, watch):
    phone.add_init_script(
        """new MutationObserver(() => {
             const answer = document.querySelector(".calc-answer");
             if (answer) (window.answersSeen ??= []).push(answer.textContent);
           }).observe(document, { subtree: true, childList: true, characterData: true });"""
    )
    phone.goto(base_url + "catch-up-amount/")
    phone.get_by_label("Notice date").fill("11/20/2026")
    phone.get_by_label("Monthly payment").fill("100")
    phone.get_by_label("Missed payments").fill("1")
    phone.get_by_role("button", name="Work it out").first.click()
    phone.get_by_label("Missed payments").fill("3")
    phone.get_by_role("button", name="Work it out").first.click()
    expect(phone.locator(".calc-answer")).to_contain_text("pay $300.00", timeout=READY_TIMEOUT)  # 100 × 3
    seen = phone.evaluate("window.answersSeen")
    assert all("$300.00" in text for text in seen), seen


def test_the_printed_estimate_fits_one_page_and_carries_the_figures_typed(page, open_calculator, tmp_path, watch):
    open_calculator("catch-up-amount/")
    page.get_by_label("Monthly payment").fill("310")
    page.get_by_label("Missed payments").fill("2")
    page.get_by_label("Notice date").fill("11/2/2026")
    page.locator("summary", has_text="What would you owe if your plan ends?").click()
    for label, value in [("Tax you owe", "8000"), ("Penalty so far", "240")]:
        page.get_by_label(label).fill(value)
    page.get_by_label("Interest so far").fill("310.55")
    page.get_by_role("button", name="Work out what I would owe").click()
    expect(page.locator(".calc-result")).to_be_visible()
    text, pages = pdf_text(page, tmp_path, "estimate")
    assert pages == 1
    for typed in ["$310.00", "11/2/2026", "$8,000.00", "$240.00", "$310.55", "pay $620.00"]:  # 310 × 2
        assert typed in text, typed
    assert "Work it out" not in text and "How the estimate works" not in text


THEMES_SEARCH_WORKER = re.compile(r"/workers/search\.[0-9a-f]+\.min\.js$")


def test_searching_phone_number_finds_the_number_first_not_the_sample_notice(page, base_url, watch):
    # The search index is built when the reader first searches (search-later.js), not on every page load.
    themes_worker = []  # loaded by the page (the service worker copies every file for offline use)
    page.on(
        "request",
        lambda request: (
            THEMES_SEARCH_WORKER.search(request.url)
            and not request.service_worker
            and themes_worker.append(request.url)
        ),
    )
    page.goto(base_url + "catch-up-amount/")
    expect(page.locator('[data-calculator="past_due"]')).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.wait_for_load_state("networkidle")
    assert themes_worker == [], "the search index was built before anyone searched"
    page.goto(base_url)
    page.keyboard.press("/")  # Material's search shortcut
    page.keyboard.type("phone number")
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text("800-829-1040", timeout=10_000)
    expect(first).not_to_contain_text("Reading your notice")
    assert len(themes_worker) == 1, themes_worker
    page.keyboard.press("Control+a")
    page.keyboard.type("levy")  # a second search: answered by the index the first one built
    expect(page.locator(".md-search-result__item").first).to_contain_text("levy", ignore_case=True)
    assert len(themes_worker) == 1, themes_worker


def test_a_search_whose_index_cannot_load_finds_nothing_and_the_next_one_tries_again(browser, base_url):
    # Offline with no service worker's copy of the theme's search worker: the box says so, nothing hangs.
    # (No service worker here: it would fetch the theme's worker itself, past this page's blocked route.)
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(base_url)
    page.route(THEMES_SEARCH_WORKER, lambda route: route.abort())
    page.keyboard.press("/")
    page.keyboard.type("levy")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents", timeout=10_000)
    page.unroute(THEMES_SEARCH_WORKER)
    page.keyboard.press("Control+a")
    page.keyboard.type("phone number")
    expect(page.locator(".md-search-result__item").first).to_contain_text("800-829-1040", timeout=10_000)
    context.close()
