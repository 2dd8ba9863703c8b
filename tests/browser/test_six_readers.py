"""Six readers on a 375 × 740 phone (#22), each from the home page to a first answer.

Each reader taps what a person would tap, answers at most 4 questions, presses the button, and must
find the answer's headline, the date in it and the button to call inside the first screen. Words read
before acting are counted as the reader passes them: every visible word of each page from its top to
what they tap (forms included), then the answer from its top down to the button to call; under 400.
"Screens" say how far down each page the reader went (the bottom of what they tapped, or the top of
the answer, in screens of 740 px).

1. Missed 2 × $310, notice dated 11/20/2026; goes on to the catch-up amount (answers carried in this tab).
2. A low-income household of 4 in Hawaii whose plan has ended, reinstating by phone; then the fee check.
3. Self-employed, wants a printed plan and reminders: the checklist.
4. A return not filed.
5. A notice dated 10/1/2026, read on 12/1/2026 (TEST_DAY): the end date has passed.
6. Reader 1's journey with the keyboard alone.

"Today" is TEST_DAY, 12/1/2026 (conftest.py fixes the page's Date). Set SCREENSHOTS=<folder> to keep a
picture of each answer at 375 × 740 (reader-N.png) to look at.
"""

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from calculator_pages import PAGES
from playwright.sync_api import expect
from site_server import READY_TIMEOUT, TEST_DAY

from calculators import next_steps, parameters
from calculators.words import words

PHONE = {"width": 375, "height": 740}
SCREEN = PHONE["height"]
MOST_ANSWERS = 4
MOST_WORDS = 400  # "under 400 words to read before acting"

DAYS_TO_RESPOND = int(parameters.get("notice.days_to_respond").at(TEST_DAY).value)
HOURS = next_steps.irs_hours(TEST_DAY, words("en"))
CALL_HREF = "tel:+1" + parameters.get("contacts.phone_individuals").at(TEST_DAY).value.replace("-", "")

# Every visible word between two heights of the page (document coordinates, so scrolling does not
# matter), inside `root`: a word counts when its element is rendered and not hidden for screen readers
# only, it lies across the screen's width and the root's (not in a menu panel pushed off to the side),
# and its top is at or below `from` and above `to`. The sticky header (the site's name, or the page's
# title once scrolled: the same few words on every screen) is not counted. Words are runs of non-space characters with a letter or digit.
VISIBLE_WORDS = """({root, from, to}) => {
  const container = root ? document.querySelector(root) : document.body;
  const bounds = container.getBoundingClientRect();
  const left = Math.max(0, bounds.left);
  const right = Math.min(document.documentElement.clientWidth, bounds.right);
  const words = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(element.tagName)) continue;
    if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    if (element.closest(".visually-hidden, .md-visually-hidden, [hidden], .md-header")) continue;
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      if (!/[\\p{L}\\p{N}]/u.test(match[0])) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const box = range.getBoundingClientRect();
      if (!box.width || !box.height || box.right <= left || box.left >= right) continue;
      const top = box.top + window.scrollY;
      if (top >= from && top < to) words.push(match[0]);
    }
  }
  return words;
}"""

# Sentences that state what putting a plan back in place costs, from paragraphs, list items and table
# rows (a row is one sentence, its cells joined by " | "): those that name reinstating (or revising, the
# same fee) and a dollar amount. Footnote marks are left out, so "$43" with footnote 1 is not read as
# "$431". `pageOnly`: the page's own text, without its calculator (its answer is read once given).
FEE_TEXTS = """({root, pageOnly}) => {
  const about = /reinstat|put(ting)? (your|the|a) plan back|revise a plan/i;
  const clean = (element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll("sup, .footnote-ref").forEach((mark) => mark.remove());
    return copy.textContent.replace(/\\s+/g, " ").trim();
  };
  const sentences = [];
  for (const element of document.querySelectorAll(`${root} :is(p, li, tr)`)) {
    if (element.querySelector("p, li, tr")) continue;  // the innermost block only
    if (pageOnly && element.closest(".calc")) continue;
    const parts = element.tagName === "TR"
      ? [[...element.cells].map(clean).join(" | ")]
      : clean(element).split(/(?<=[.!?])\\s+(?=[A-Z])/);
    sentences.push(...parts.filter((text) => about.test(text) && /\\$\\d/.test(text)));
  }
  return sentences;
}"""


def us_date(day: dt.date) -> str:
    """As the guide writes a date: 12/20/2026."""
    return f"{day.month}/{day.day}/{day.year}"


def amounts(text: str) -> set[Decimal]:
    """The dollar amounts a text states, as numbers: "$89" and "$89.00" are the same fee."""
    return {Decimal(figure.replace(",", "")) for figure in re.findall(r"\$(\d[\d,]*(?:\.\d\d)?)", text)}


@dataclass
class Step:
    where: str
    words: int
    screens: float  # how far down the page the reader went, in screens


@dataclass
class Journey:
    """What one reader read, typed and chose on the way to their first answer."""

    reader: str
    answers: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(step.words for step in self.steps)

    def line(self) -> str:
        steps = ", ".join(f"{step.where} {step.words} words / {step.screens:.2f} screens" for step in self.steps)
        count = len(self.answers)
        return f"{self.reader}: {count} answer{'s' if count != 1 else ''} ({'; '.join(self.answers)}), {self.words} words read before acting [{steps}]"


def document_box(locator) -> dict:
    return locator.evaluate(
        "(element) => { const box = element.getBoundingClientRect();"
        " return { top: box.top + window.scrollY, bottom: box.bottom + window.scrollY }; }"
    )


def visible_words(page, top: float, bottom: float, root: str = "") -> int:
    return len(page.evaluate(VISIBLE_WORDS, {"root": root, "from": top, "to": bottom}))


def read_down_to(page, journey: Journey, where: str, target, root: str = "") -> None:
    """The reader reads the page from its top down to `target` (included), which they are about to use."""
    bottom = document_box(target)["bottom"]
    journey.steps.append(Step(where, visible_words(page, 0, bottom, root), bottom / SCREEN))


def settled(target) -> None:
    """Wait until `target` stops moving (a menu panel slides in)."""
    before = None
    for _ in range(20):
        box = target.bounding_box()
        if box is not None and box == before:
            return
        before = box
        target.page.wait_for_timeout(100)
    raise AssertionError(f"{target} kept moving")


def tap(page, journey: Journey, where: str, target, root: str = "") -> None:
    settled(target)
    read_down_to(page, journey, where, target, root)
    target.click()


def type_answer(journey: Journey, field, text: str, what: str) -> None:
    field.fill(text)
    journey.answers.append(f"{what} {text}")


def choose(journey: Journey, radio, what: str) -> None:
    radio.check()
    journey.answers.append(what)


def ready_calculator(page, name: str):
    expect(page).to_have_url(re.compile(re.escape(PAGES[name]) + "$"))
    calculator = page.locator(f'[data-calculator="{name}"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    return calculator


def wait_for_answer(page, calculator):
    result = calculator.locator(".calc-result")
    expect(result).to_be_visible(timeout=READY_TIMEOUT)
    expect(calculator.get_by_role("heading", name="Your answer")).to_be_focused()
    page.wait_for_timeout(150)  # the scroll to the answer has settled
    return result


def work_it_out(page, journey: Journey, where: str, calculator):
    """Read the form down to its button, press it, and read the answer down to the button to call."""
    tap(page, journey, where, calculator.get_by_role("button", name="Work it out"))
    result = wait_for_answer(page, calculator)
    read_answer(page, journey, result)
    return result


def read_answer(page, journey: Journey, result) -> None:
    top = document_box(result)["top"]
    call_bottom = document_box(result.locator(".calc-act .calc-call"))["bottom"]
    journey.steps.append(Step("answer", visible_words(page, top, call_bottom), top / SCREEN))


def inside_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SCREEN


def assert_acts_first(result, *, date: str) -> str:
    """The headline, the date in it and the button to call are inside the first screen; returns the headline."""
    headline, call = result.locator(".calc-answer"), result.locator(".calc-act .calc-call")
    expect(headline).to_contain_text(date)
    expect(call).to_have_attribute("href", CALL_HREF)
    assert inside_first_screen(headline), f"the headline is not inside the first screen: {headline.bounding_box()}"
    assert inside_first_screen(call), f"the button to call is not inside the first screen: {call.bounding_box()}"
    return headline.inner_text()


def assert_short(journey: Journey, capsys) -> None:
    with capsys.disabled():
        print("\n" + journey.line())
    assert len(journey.answers) <= MOST_ANSWERS, f"{journey.reader} needed {len(journey.answers)} answers"
    assert journey.words < MOST_WORDS, f"{journey.reader} read {journey.words} words before acting"


def screenshot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.mouse.move(PHONE["width"] - 1, SCREEN - 1)  # the pointer left over the button pressed: no hover
        page.wait_for_timeout(400)  # the buttons' hover colour fades out
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def open_home(page, base_url):
    page.goto(base_url)
    return page.locator(".paths")


def test_the_word_count_counts_the_words_a_reader_sees(phone, base_url, watch):
    """Checked against the text of the home page's first blocks, split at spaces: the link to the Spanish
    page, the heading, the deadline and the button to call (nothing else lies between them)."""
    open_home(phone, base_url)
    call = phone.locator(".call-now .calc-call")
    blocks = (".language-switch", ".md-content h1", ".deadline", ".call-now .calc-call")
    texts = [phone.locator(selector).inner_text() for selector in blocks]
    expected = sum(1 for text in texts for word in text.split() if re.search(r"\w", word))
    assert expected > 20
    assert visible_words(phone, 0, document_box(call)["bottom"]) == expected
    # Text off the screen's side (the closed menu) or hidden for screen readers only is not counted.
    assert visible_words(phone, 0, 10_000, root=".md-sidebar--primary") == 0


# Reader 1: notice dated 11/20/2026, no end date typed, so the answer guesses 30 days on:
# 11/20/2026 + 30 days = 11/30/2026 (10 days) + 20 days = 12/20/2026.
READER_1_NOTICE = dt.date(2026, 11, 20)
READER_1_ENDS = READER_1_NOTICE + dt.timedelta(days=DAYS_TO_RESPOND)
MISSED, MONTHLY = 2, Decimal("310")  # 2 × $310.00 = $620.00 to catch up


def tell_the_situation(phone, base_url, journey, notice, reason, reason_words):
    """From the home page's first path, the notice date and the reason: the situation's first answer."""
    paths = open_home(phone, base_url)
    tap(phone, journey, "home", paths.get_by_role("link", name="Tell us your situation"))
    calculator = ready_calculator(phone, "situation")
    type_answer(journey, phone.locator("#situation-notice_date"), us_date(notice), "notice date")
    choose(journey, phone.locator(f"#situation-reason-{reason}"), f"reason: {reason_words}")
    return work_it_out(phone, journey, "what to do now", calculator)


def test_reader_1_missed_two_payments_acts_from_the_first_screen(phone, base_url, watch, capsys):
    assert us_date(READER_1_ENDS) == "12/20/2026"
    journey = Journey("reader 1 (missed 2 × $310, notice 11/20/2026)")
    result = tell_the_situation(phone, base_url, journey, READER_1_NOTICE, "missed_payment", "a payment was missed")
    screenshot(phone, "reader-1")
    headline = assert_acts_first(result, date=us_date(READER_1_ENDS))
    assert "still in place" in headline and "pay what you missed" in headline
    assert_short(journey, capsys)

    # Then the catch-up amount, from the answer's link: the notice date comes along in this tab.
    result.get_by_role("link", name="catch-up amount").click()
    calculator = ready_calculator(phone, "past_due")
    expect(phone.locator("#past_due-notice_date")).to_have_value(us_date(READER_1_NOTICE))
    type_answer(journey, phone.locator("#past_due-monthly_payment"), str(MONTHLY), "monthly payment")
    type_answer(journey, phone.locator("#past_due-missed_payments"), str(MISSED), "missed payments")
    assert len(journey.answers) <= MOST_ANSWERS  # 2 on the first page, 2 here: the notice date is carried
    calculator.get_by_role("button", name="Work it out").click()
    result = wait_for_answer(phone, calculator)
    screenshot(phone, "reader-1-catch-up")
    headline = assert_acts_first(result, date=us_date(READER_1_ENDS))
    assert f"${MISSED * MONTHLY:,.2f}" in headline  # $620.00

    # Another tab starts empty: the answers were kept for this tab only.
    other = phone.context.new_page()
    other.set_viewport_size(PHONE)
    other.goto(base_url + PAGES["past_due"])
    expect(other.locator("#past_due-notice_date")).to_have_value("")
    assert other.evaluate("sessionStorage.getItem('cp523-answers')") is None
    other.close()


# Reader 2: a household of 4 in Hawaii; the notice came on 10/15/2026, so the end date is about
# 10/15/2026 + 30 days = 10/31/2026 (16 days) + 14 days = 11/14/2026, before today (12/1/2026).
READER_2_NOTICE = dt.date(2026, 10, 15)
READER_2_ENDS = READER_2_NOTICE + dt.timedelta(days=DAYS_TO_RESPOND)
HOUSEHOLD = 4


def hawaii_low_income_limit(household: int) -> Decimal:
    """IRC 6159(f): 250% of the poverty guideline, first person plus each additional person, from the data.
    For 2026 in Hawaii: $18,360 + 3 × $6,530 = $37,950; × 250% = $94,875.00."""
    guideline = parameters.get("low_income.poverty_guideline").at(TEST_DAY).value["hawaii"]
    percent = parameters.get("low_income.percent_of_poverty_guideline").at(TEST_DAY).value
    return (guideline["first_person"] + guideline["additional_person"] * (household - 1)) * percent / 100


def reinstatement_fees() -> dict[str, Decimal]:
    full = parameters.get("fees.reinstate").at(TEST_DAY).value
    low = parameters.get("fees.reinstate_low_income").at(TEST_DAY).value
    return {
        "online": full["online"],
        "phone": full["phone_mail_in_person"],
        "low_income_phone": low["phone_mail_in_person"],
    }


def page_fee_texts(page) -> list[str]:
    return page.evaluate(FEE_TEXTS, {"root": ".md-content article", "pageOnly": True})


def answer_fee_texts(page, calculator: str) -> list[str]:
    return page.evaluate(FEE_TEXTS, {"root": f"{calculator} .calc-result", "pageOnly": False})


def hawaii_reader(page, base_url, journey: Journey, fee_texts: dict[str, list[str]]):
    """Reader 2's journey; returns the first answer. Every text stating the fee is kept in `fee_texts`."""
    paths = open_home(page, base_url)
    fee_texts["home page"] = page_fee_texts(page)
    tap(page, journey, "home", paths.get_by_role("link", name="The date on my notice has passed"))
    calculator = ready_calculator(page, "situation")
    fee_texts["what to do now page"] = page_fee_texts(page)
    type_answer(journey, page.locator("#situation-notice_date"), us_date(READER_2_NOTICE), "notice date")
    choose(journey, page.locator("#situation-reason-missed_payment"), "reason: a payment was missed")
    first_answer = work_it_out(page, journey, "what to do now", calculator)
    screenshot(page, "reader-2")
    fee_texts["what to do now answer"] = answer_fee_texts(page, '[data-calculator="situation"]')
    return first_answer


def check_the_fee(page, journey: Journey, first_answer, fee_texts: dict[str, list[str]]):
    """The next step: the fee check, from the first answer's link, as the range, then for the household."""
    first_answer.get_by_role("link", name="fee check").click()
    calculator = ready_calculator(page, "fees")
    fee_texts["fee check page"] = page_fee_texts(page)
    choose(journey, page.locator("#fees-action-after_end"), "my plan has already ended")
    choose(journey, page.locator("#fees-channel-phone_mail_in_person"), "by phone, mail or in person")
    calculator.get_by_role("button", name="Work it out").click()
    result = wait_for_answer(page, calculator)
    screenshot(page, "reader-2-fee")
    range_headline = result.locator(".calc-answer").inner_text()
    fee_texts["fee check answer"] = answer_fee_texts(page, '[data-calculator="fees"]')
    # The household figures are a folded next step; income just below the low-income line for 4 in Hawaii.
    limit = hawaii_low_income_limit(HOUSEHOLD)
    calculator.locator("details.calc-later summary", has_text="Your household").click()
    type_answer(journey, page.locator("#fees-agi"), str(int(limit) - 1), "household income")
    type_answer(journey, page.locator("#fees-household_size"), str(HOUSEHOLD), "people in the household")
    choose(journey, page.locator("#fees-region-hawaii"), "Hawaii")
    calculator.get_by_role("button", name="Check the fee for my household").click()
    expect(result.locator(".calc-answer")).not_to_have_text(range_headline, timeout=READY_TIMEOUT)
    result = wait_for_answer(page, calculator)
    screenshot(page, "reader-2-household")
    fee_texts["fee check answer, household given"] = answer_fee_texts(page, '[data-calculator="fees"]')
    return range_headline, result, limit


def test_reader_2_whose_plan_has_ended_in_hawaii_acts_from_the_first_screen(phone, base_url, watch, capsys):
    assert us_date(READER_2_ENDS) == "11/14/2026"
    journey = Journey("reader 2 (Hawaii, low income, household of 4, plan ended, by phone)")
    fee_texts = {}
    result = hawaii_reader(phone, base_url, journey, fee_texts)
    headline = assert_acts_first(result, date=us_date(READER_2_ENDS))
    assert "has passed" in headline and "may have ended" in headline
    hours = result.locator(".calc-act-hours")
    assert "Hawaii" in HOURS and "Pacific time" in HOURS  # the data still says when Hawaii can call
    expect(hours).to_contain_text(HOURS)
    assert inside_first_screen(hours), "the hours (Hawaii: Pacific time) are not inside the first screen"
    assert_short(journey, capsys)

    # Next step: the fee by phone, as the range until the household is given, then the low-income fee.
    fees = reinstatement_fees()
    range_headline, result, limit = check_the_fee(phone, journey, result, fee_texts)
    assert amounts(range_headline) == {fees["low_income_phone"], fees["phone"]}  # $43.00 or $89.00
    assert f"${fees['low_income_phone']:.2f} or ${fees['phone']:.2f}" in range_headline
    headline = result.locator(".calc-answer")
    expect(headline).to_contain_text(f"${fees['low_income_phone']:.2f}.")  # $43.00
    assert amounts(headline.inner_text()) == {fees["low_income_phone"]}
    expect(result).to_contain_text(f"${limit:,.2f}")  # the line it is under: $94,875.00
    expect(result).to_contain_text("Hawaii")
    assert inside_first_screen(headline), "the household's fee is not inside the first screen"
    with capsys.disabled():
        print(f"reader 2, then the fee check: {len(journey.answers)} answers in all ({'; '.join(journey.answers)})")


def test_reader_2_is_told_the_same_fee_on_every_page_and_answer(phone, base_url, watch, capsys):
    journey, fee_texts = Journey("reader 2"), {}
    first_answer = hawaii_reader(phone, base_url, journey, fee_texts)
    check_the_fee(phone, journey, first_answer, fee_texts)
    with capsys.disabled():
        print("\nreader 2, every text stating the reinstatement fee:")
        for where, texts in fee_texts.items():
            for text in texts:
                print(f"  {where}: {text}")
    fees = reinstatement_fees()
    reader_figures = set(fees.values())  # $10 online, $89 by phone, $43 by phone with low income
    for where, texts in fee_texts.items():
        for text in texts:
            assert amounts(text) <= reader_figures, f"{where} states another fee: {text}"
    stated = {where: [amounts(text) for text in texts] for where, texts in fee_texts.items()}
    # The one sentence (user_fees.reinstatement_fee) is word for word the same on the page and in the answer.
    sentence = fee_texts["what to do now answer"]
    assert len(sentence) == 1 and amounts(sentence[0]) == reader_figures
    assert any(sentence[0] in text for text in fee_texts["fee check page"])
    # The table's rows and the answers: the full fee, then the household's.
    assert {fees["online"], fees["phone"]} in stated["fee check page"]  # "Reinstate or change a plan"
    assert {fees["online"], fees["low_income_phone"]} in stated["fee check page"]  # its low-income row
    assert stated["fee check answer"] == [{fees["low_income_phone"], fees["phone"]}]
    assert stated["fee check answer, household given"] == [{fees["low_income_phone"]}]


def test_reader_3_self_employed_gets_a_printed_plan_and_reminders_on_the_first_screen(phone, base_url, watch, capsys):
    journey = Journey("reader 3 (self-employed, printed plan and reminders)")
    paths = open_home(phone, base_url)
    tap(phone, journey, "home", paths.get_by_role("link", name="Print my payment dates and reminders"))
    calculator = ready_calculator(phone, "checklist")
    # Monthly payment $250, due on the 15th, from December 2026: the next payment is 12/15/2026
    # (today is 12/1/2026, before the 15th).
    type_answer(journey, phone.locator("#checklist-monthly_payment"), "250", "monthly payment")
    type_answer(journey, phone.locator("#checklist-payment_day"), "15", "day of the month")
    type_answer(journey, phone.locator("#checklist-first_payment_month"), "Dec 2026", "month of the next payment")
    result = work_it_out(phone, journey, "checklist", calculator)
    screenshot(phone, "reader-3")
    headline = assert_acts_first(result, date="12/15/2026")
    assert "$250.00" in headline
    print_button = result.get_by_role("button", name="Print this checklist")
    calendar_button = result.get_by_role("button", name="Add reminders to my calendar")
    assert inside_first_screen(print_button), "the print button is not inside the first screen"
    assert inside_first_screen(calendar_button), "the calendar button is not inside the first screen"
    assert_short(journey, capsys)


# Reader 4: the notice (dated 11/10/2026) says a return was not filed. End date about
# 11/10/2026 + 30 days = 11/30/2026 (20 days) + 10 days = 12/10/2026.
READER_4_NOTICE = dt.date(2026, 11, 10)
READER_4_ENDS = READER_4_NOTICE + dt.timedelta(days=DAYS_TO_RESPOND)


def test_reader_4_with_a_return_not_filed_is_told_to_file_then_call(phone, base_url, watch, capsys):
    assert us_date(READER_4_ENDS) == "12/10/2026"
    journey = Journey("reader 4 (a return not filed)")
    result = tell_the_situation(
        phone, base_url, journey, READER_4_NOTICE, "return_not_filed", "a tax return was not filed"
    )
    screenshot(phone, "reader-4")
    headline = assert_acts_first(result, date=us_date(READER_4_ENDS))
    assert "file your tax return, then call" in headline
    assert headline.index(us_date(READER_4_ENDS)) < headline.index("file your tax return")  # before the date
    assert_short(journey, capsys)


# Reader 5: a notice dated 10/1/2026 read on 12/1/2026. End date about 10/1/2026 + 30 days = 10/31/2026,
# a month before today.
READER_5_NOTICE = dt.date(2026, 10, 1)
READER_5_ENDS = READER_5_NOTICE + dt.timedelta(days=DAYS_TO_RESPOND)


def test_reader_5_reading_an_old_notice_is_told_the_end_date_has_passed(phone, base_url, watch, capsys):
    assert us_date(READER_5_ENDS) == "10/31/2026" and READER_5_ENDS < TEST_DAY
    journey = Journey("reader 5 (notice 10/1/2026 read on 12/1/2026)")
    paths = open_home(phone, base_url)
    tap(phone, journey, "home", paths.get_by_role("link", name="The date on my notice has passed"))
    calculator = ready_calculator(phone, "situation")
    type_answer(journey, phone.locator("#situation-notice_date"), us_date(READER_5_NOTICE), "notice date")
    result = work_it_out(phone, journey, "what to do now", calculator)
    screenshot(phone, "reader-5")
    headline = assert_acts_first(result, date=us_date(READER_5_ENDS))
    assert "has passed" in headline
    assert_short(journey, capsys)


def tab_to(page, target, keys: list[str], most: int = 60) -> None:
    """Press Tab until `target` has the focus, keeping count of the keys pressed."""
    for _ in range(most):
        if target.evaluate("(element) => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
        keys.append("Tab")
    raise AssertionError(f"Tab never reached {target}")


def press(page, key: str, keys: list[str]) -> None:
    page.keyboard.press(key)
    keys.append(key)


def skip_to_content(page, keys: list[str]) -> None:
    """The first Tab of a page just loaded reaches its "Skip to content" link, past the header and the menu."""
    press(page, "Tab", keys)
    expect(page.locator("a.md-skip")).to_be_focused()
    press(page, "Enter", keys)


def said(keys: list[str]) -> str:
    """Tab Tab Tab Enter → "Tab ×3, Enter"."""
    runs = []
    for key in keys:
        if runs and runs[-1][0] == key:
            runs[-1][1] += 1
        else:
            runs.append([key, 1])
    return ", ".join(key if count == 1 else f"{key} ×{count}" for key, count in runs)


def test_reader_6_does_reader_1s_journey_with_the_keyboard_alone(phone, base_url, watch, capsys):
    journey, keys = Journey("reader 6 (keyboard only, reader 1's journey)"), []
    paths = open_home(phone, base_url)
    link = paths.get_by_role("link", name="Tell us your situation")
    skip_to_content(phone, keys)
    tab_to(phone, link, keys)
    read_down_to(phone, journey, "home", link)
    press(phone, "Enter", keys)
    calculator = ready_calculator(phone, "situation")
    # After the page change (Material's instant navigation) the first Tab is no longer "Skip to content":
    # the reader tabs on from where the page leaves the focus.
    notice = phone.locator("#situation-notice_date")
    tab_to(phone, notice, keys)
    phone.keyboard.type(us_date(READER_1_NOTICE))
    journey.answers.append(f"notice date {us_date(READER_1_NOTICE)}")
    tab_to(phone, phone.locator("#situation-reason-missed_payment"), keys)  # the reasons' first choice
    press(phone, "Space", keys)
    expect(phone.locator("#situation-reason-missed_payment")).to_be_checked()
    journey.answers.append("reason: a payment was missed")
    button = calculator.get_by_role("button", name="Work it out")
    tab_to(phone, button, keys)
    read_down_to(phone, journey, "what to do now", button)
    press(phone, "Enter", keys)
    result = wait_for_answer(phone, calculator)
    read_answer(phone, journey, result)
    screenshot(phone, "reader-6")
    assert_acts_first(result, date=us_date(READER_1_ENDS))
    call = result.locator(".calc-act .calc-call")
    tab_to(phone, call, keys)  # from the answer's heading, which has the focus
    assert inside_first_screen(call), "the focused button to call is not inside the first screen"
    with capsys.disabled():
        print(f"\nreader 6 pressed {len(keys)} keys to reach the button to call: {said(keys)}")
    assert_short(journey, capsys)

    # On to the catch-up amount with the keyboard: the notice date is carried.
    tab_to(phone, result.get_by_role("link", name="catch-up amount"), keys)
    press(phone, "Enter", keys)
    calculator = ready_calculator(phone, "past_due")
    expect(phone.locator("#past_due-notice_date")).to_have_value(us_date(READER_1_NOTICE))
    tab_to(phone, phone.locator("#past_due-monthly_payment"), keys)
    phone.keyboard.type(str(MONTHLY))
    press(phone, "Tab", keys)
    phone.keyboard.type(str(MISSED))
    press(phone, "Enter", keys)  # the page answers Enter in a field itself
    result = wait_for_answer(phone, calculator)
    headline = assert_acts_first(result, date=us_date(READER_1_ENDS))
    assert f"${MISSED * MONTHLY:,.2f}" in headline  # $620.00
    with capsys.disabled():
        print(f"reader 6, on to the catch-up amount's answer: {len(keys)} keys in all: {said(keys)}")
