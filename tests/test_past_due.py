"""Rules of the past-due estimate that golden figures alone do not show: what it says, and when.
The result holds codes (the deadline, the notes with their parameters, what the higher figures
assume); a few tests also read the answer as worded in English, where the words are the point."""

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from next_figures import frontier  # noqa: F401  (a fixture: the data as shipped, then with the next figures)

from calculators import interest
from calculators.dates import add_months, days_in_year, month_starts, quarter_label
from calculators.user_fees import reinstatement_fee
from calculators.web import run
from calculators.words import words

TODAY = dt.date(2026, 11, 28)
NOTICE = {"monthly_payment": "250", "missed_payments": 2, "notice_date": "2026-11-02", "tax_owed": "10000"}


def answered(payload, today=TODAY):
    answer = run("past_due", payload, today)
    assert answer["ok"], answer
    return answer


def result(payload, today=TODAY):
    return answered(payload, today)["result"]


def codes(result):
    return [note["code"] for note in result["notes"]]


def note(result, code):
    """The parameters of the note with this code."""
    return next(note["parameters"] for note in result["notes"] if note["code"] == code)


def below(answer):
    """The line under the headline: the parts, the guess, the caveats."""
    return next(block["text"] for block in answer["answer"]["blocks"] if block["kind"] == "paragraph")


def good_to_know(answer):
    """The worded notes of an answer."""
    return next(block["items"] for block in answer["answer"]["blocks"] if block["kind"] == "notes")


def test_without_the_notice_figures_it_gives_the_catch_up_amount_by_a_date_and_says_what_else_it_could_do():
    worded = answered({"monthly_payment": "250", "missed_payments": 2, "notice_date": "2026-11-20"})
    answer = worded["result"]
    assert answer["amount_to_cure"] == "500.00"
    assert answer["payoff"] is None and answer["projection"] == [] and answer["rates_used"] == []
    assert codes(answer) == ["end_date_assumed", "open_estimate"] and answer["deadline"] == "before"
    assert "add the figures from your notice" in good_to_know(worded)[1]
    # 11/20/2026 + 30 days = 12/20/2026, named in the headline and said to be a guess; never "the date on your notice"
    headline = worded["answer"]["headline"]
    assert headline == "To keep your payment plan, pay $500.00 before 12/20/2026, our guess of your end date."
    assert below(worded).startswith("That is 2 missed payments of $250.00. We guessed the end date: 30 days")
    assert "date on your notice" not in json.dumps(worded["answer"])


def test_the_first_block_is_the_way_to_act_with_one_call_button():
    for payload, today in [(NOTICE, TODAY), ({**NOTICE, "termination_date": "2026-11-27"}, TODAY)]:
        blocks = answered(payload, today)["answer"]["blocks"]
        assert blocks[0]["kind"] == "act" and blocks[0]["call"]["href"].startswith("tel:")
        steps = next(block["items"] for block in blocks if block["kind"] == "steps")
        assert not any(step["link"] and step["link"]["href"].startswith("tel:") for step in steps)
    before = answered(NOTICE)["answer"]["blocks"][0]
    assert (
        before["online"]["href"] == "https://www.irs.gov/payments"
        and "Pay $500.00 before 12/2/2026" in before["online_text"]
    )


def test_a_headline_has_20_words_or_fewer():
    payloads = [NOTICE, {**NOTICE, "termination_date": "2026-11-27"}, {**NOTICE, "termination_date": "2026-11-28"}]
    payloads += [{**NOTICE, "notice_date": "2026-10-01"}, {**NOTICE, "missed_payments": 0}]
    payloads += [{**NOTICE, "monthly_payment": "100000000", "missed_payments": 120, "new_balance_due": "99999999.99"}]
    for payload in payloads:
        headline = answered(payload)["answer"]["headline"]
        assert len(headline.split()) <= 20, headline


def test_an_assumed_termination_date_is_said_and_printed():
    answer = answered(NOTICE)
    # 2026-11-02 + 30 days = 2026-12-02
    assert answer["result"]["termination_date"] == "2026-12-02"
    assert note(answer["result"], "end_date_assumed") == {"days": "30", "ends": "2026-12-02"}
    assert any("assumes 30 days after the notice date: 12/2/2026" in said for said in good_to_know(answer))
    entered = result({**NOTICE, "termination_date": "2026-12-10"})
    assert "end_date_assumed" not in codes(entered)


def test_the_answer_leads_with_what_to_pay_and_by_when():
    answers = {"penalty_so_far": "500", "interest_so_far": "300", "filed_on_time": "yes", "levy_notice_before": "usual"}
    answer = answered({**NOTICE, **answers, "pay_date": "2026-11-28"})
    assert answer["result"]["deadline"] == "before" and answer["result"]["termination_date"] == "2026-12-02"
    assert answer["answer"]["headline"].startswith("To keep your payment plan, pay $500.00 before 12/2/2026")
    # As the golden case "The estimate from the notice": interest 300.00 + 10,800.00 × ((1 + 7%/365)^26 − 1) = 353.98,
    # penalty 500.00 + 0.25% × 10,000.00 = 525.00; 10,000.00 + 525.00 + 353.98 = 10,878.98 on 11/28/2026, said in
    # whole dollars
    assert "you would owe about $10,879 on 11/28/2026" in below(answer)
    assert answer["result"]["payoff"]["total"] == "10878.98"


def test_on_the_end_date_the_time_to_act_is_today_and_after_it_the_passed_date_is_said_first():
    on_the_day = answered({**NOTICE, "termination_date": "2026-11-28"})
    assert on_the_day["result"]["deadline"] == "today"
    assert on_the_day["answer"]["headline"] == (
        "To keep your payment plan, pay $500.00 today, 11/28/2026, the day your plan can end."
    )
    passed = answered({**NOTICE, "termination_date": "2026-11-27"})
    assert passed["result"]["deadline"] == "passed"
    assert passed["answer"]["headline"] == (
        "Your plan may have ended: its end date, 11/27/2026, has passed. Call or go online today."
    )


def test_once_the_end_date_has_passed_paying_is_not_said_to_keep_the_plan():
    # A notice dated 10/1/2026 read on 12/1/2026: 10/1/2026 + 30 days = 10/31/2026 has passed.
    worded = answered(
        {"monthly_payment": "310", "missed_payments": 2, "notice_date": "2026-10-01"}, dt.date(2026, 12, 1)
    )
    text = json.dumps(worded["answer"])
    assert worded["result"]["deadline"] == "passed" and "To keep your payment plan" not in text
    assert worded["answer"]["headline"].startswith("Your plan may have ended: 10/31/2026, our guess of its end date")
    assert "does not by itself restore the plan" in below(worded)
    act = worded["answer"]["blocks"][0]
    assert act["online"]["href"].endswith("online-payment-agreement-application")
    assert "Reinstate after default" in act["online_text"]
    steps = next(block["items"] for block in worded["answer"]["blocks"] if block["kind"] == "steps")
    said = " ".join(step["text"] for step in steps)
    assert reinstatement_fee(dt.date(2026, 12, 1), words("en")) in said  # the one fee sentence, with "may"
    assert "until 11/30/2026" in said  # appeal: 10/31/2026 + 30 days
    assert steps[-1]["link"]["href"] == "../if-the-plan-ends/"
    # With the notice's figures, the whole balance that may now be due is said: 10,000.00 + 0.25% of it (25.00)
    # + 10,000.00 × ((1 + 7%/365)^26 − 1) (49.98) = 10,074.98, in whole dollars
    figures = answered({**NOTICE, "termination_date": "2026-11-27"})
    assert "the whole balance may now be due: about $10,075" in below(figures)


@pytest.mark.usefixtures("frontier")
def test_rates_past_the_last_known_quarter_are_flagged_and_said():
    # The frontier comes from the data: the day after its last quarter, and the quarter that starts then.
    after = interest.RATE.known_until + dt.timedelta(days=1)
    notice, pay = interest.RATE.known_until - dt.timedelta(days=30), after + dt.timedelta(days=59)
    answer = result({**NOTICE, "notice_date": notice.isoformat(), "pay_date": pay.isoformat()}, today=pay)
    assumed = [rate for rate in answer["rates_used"] if rate["assumed"]]
    assert [rate["quarter"] for rate in assumed] == [quarter_label(after)]
    said = note(answer, "rates_assumed")
    assert said["first"] == said["last"] == quarter_label(after)
    assert said["known_until"] == interest.RATE.known_until.isoformat()


@pytest.mark.usefixtures("frontier")
def test_a_pay_date_past_the_last_known_quarter_uses_the_latest_rate_and_says_it_assumed_it():
    # Was a golden case pinned to 2026-Q4; the dates now come from the data. 30 days of the last known
    # quarter after the notice, then 32 days of the next, both at the last known rate r, compounded daily:
    # interest = 35.00 + (7000.00 + 70.00 + 35.00) × ((1 + r/N1)^30 × (1 + r/N2)^32 − 1), half up to cents.
    last = interest.RATE.values[-1]
    notice = interest.RATE.known_until - dt.timedelta(days=30)
    pay = interest.RATE.known_until + dt.timedelta(days=32)
    payload = {"monthly_payment": "250", "missed_payments": 1, "notice_date": notice.isoformat(), "tax_owed": "7000.00"}
    payload |= {"penalty_so_far": "70.00", "interest_so_far": "35.00", "pay_date": pay.isoformat()}
    worded = answered(payload, today=pay)
    answer = worded["result"]
    r = last.value / 100
    with localcontext() as exact:
        exact.prec = 50
        growth = (1 + r / days_in_year(notice.year)) ** 30 * (1 + r / days_in_year(pay.year)) ** 32 - 1
        expected = (Decimal("35.00") + Decimal("7105.00") * growth).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert answer["payoff"]["interest"] == str(expected)
    known, assumed = answer["rates_used"]
    assert (known["quarter"], known["days"], known["assumed"]) == (quarter_label(notice), 30, False)
    assert (assumed["quarter"], assumed["days"], assumed["assumed"]) == (quarter_label(pay), 32, True)
    assert assumed["rate_percent"] == known["rate_percent"] == str(last.value)
    assert note(answer, "rates_assumed")["rate"] == str(last.value)
    assert any(f"It uses the latest known rate, {last.value}% a year" in said for said in good_to_know(worded))


def test_rates_not_from_a_primary_source_ask_the_reader_to_confirm():
    answer = answered({**NOTICE, "notice_date": "2026-03-01", "pay_date": "2026-05-01"})
    assert "2026-Q2" in note(answer["result"], "rates_unconfirmed")["quarters"]
    assert any("2026-Q2" in said and "Confirm them with the IRS" in said for said in good_to_know(answer))


def test_a_payment_that_never_catches_up_is_flagged_not_projected_for_ever():
    answer = result({**NOTICE, "monthly_payment": "5", "tax_owed": "50000000"})
    assert answer["months_to_pay_off_if_kept"] is None
    assert note(answer, "never_paid_off") == {"monthly": "5.00", "years": 50}
    assert "paid_off" not in codes(answer)


def test_the_projection_covers_24_months_and_the_chart_matches_it():
    answer = run("past_due", NOTICE, TODAY)
    projection = answer["result"]["projection"]
    chart = next(block for block in answer["answer"]["blocks"] if block["kind"] == "chart")
    assert len(projection) == 24 == len(chart["lines"][0]["heights"]) == len(chart["lines"][1]["heights"])
    assert projection[0]["month"] == "2026-12" and chart["first_label"] == "December 2026"
    # The top line is a round figure at or above the highest balance, and the highest point sits under it.
    top = Decimal(chart["ticks"][-1].removeprefix("$").replace(",", ""))
    highest = max(Decimal(row[path]) for row in projection for path in ("if_ended", "if_kept"))
    assert highest <= top
    assert max(max(line["heights"]) for line in chart["lines"]) == round(highest * 1000 / top)


def test_the_levy_notice_answer_decides_whether_a_second_figure_is_shown():
    # IRC 6651(d): 1% a month after a notice of intent to levy; a reader who is not sure sees both.
    ends_early = {**NOTICE, "termination_date": "2026-11-10", "pay_date": "2027-02-01"}
    worded = answered(ends_early)
    unsure = worded["result"]
    assert unsure["payoff_higher"] is not None
    assert Decimal(unsure["payoff_higher"]["total"]) > Decimal(unsure["payoff"]["total"])
    assert unsure["higher_assumes"] == ["levy_notice"] and unsure["deadline"] == "passed"
    line = below(worded)
    assert " to $" in line and "notice of intent to levy" in line
    assert worded["answer"]["headline"].startswith("Your plan may have ended: its end date, 11/10/2026, has passed.")
    assert "levy_notice_not_sure" in codes(unsure)
    assert any("more likely if you got several IRS letters before your plan" in said for said in good_to_know(worded))
    worded = answered({**ends_early, "levy_notice_before": "usual", "filed_on_time": "yes"})
    said_no = worded["result"]
    assert said_no["payoff"] == unsure["payoff"]
    # No binding source says whether the CP523 itself raises the rate once the plan ends: both readings show.
    assert Decimal(said_no["payoff_higher"]["total"]) > Decimal(said_no["payoff"]["total"])
    assert said_no["higher_assumes"] == ["cp523_reading"]
    assert "the CP523 itself raises the penalty to 1% a month once your plan ends" in below(worded)
    assert note(said_no, "after_end_higher_uses") == {"ends": "2026-11-10", "usual": "0.5", "higher": "1"}
    assert any("GL-703322-00" in said and "do not bind" in said for said in good_to_know(worded))
    said_yes = result({**ends_early, "levy_notice_before": "after_levy_notice", "filed_on_time": "no"})
    assert said_yes["payoff"] == unsure["payoff_higher"]
    assert said_yes["payoff_higher"] is None and said_yes["higher_assumes"] == []
    assert "levy_notice_said" in codes(said_yes) and "after_end_higher_uses" not in codes(said_yes)


def test_not_sure_of_filing_on_time_the_higher_figures_assume_a_late_return_too():
    answer = result({**NOTICE, "levy_notice_before": "usual", "filed_on_time": "not_sure"})
    assert answer["higher_assumes"] == ["filed_late", "cp523_reading"]
    assert "rate_in_plan_filing_not_said" in codes(answer) and "rate_in_plan" not in codes(answer)


def test_without_the_tax_on_the_return_the_answer_says_the_penalty_limit_may_be_too_low():
    without = answered(NOTICE)
    assert note(without["result"], "limit_on_tax_owed") == {"maximum": "25"}
    assert any("may stop growing too soon" in said for said in good_to_know(without))
    given = result({**NOTICE, "tax_on_return": "12000"})
    assert "limit_on_tax_owed" not in codes(given)


def test_a_final_levy_notice_with_no_earlier_levy_notice_is_pointed_out():
    # An LT11 or Letter 1058 is itself a notice under IRC 6331(d): if it came before the plan, 1% applies.
    answer = answered({**NOTICE, "levy_notice_before": "usual", "final_levy_notice": "yes"})
    assert "final_levy_notice_is_one" in codes(answer["result"])
    assert any("That is a notice of intent to levy too" in said for said in good_to_know(answer))
    assert "final_levy_notice_is_one" not in codes(result(NOTICE))


def test_an_end_date_under_30_days_after_the_notice_is_warned_about():
    # IRC 6159(b)(5): at least 30 days' notice; 11/20/2026 − 11/2/2026 = 18 days.
    short = answered({**NOTICE, "termination_date": "2026-11-20"})
    assert note(short["result"], "short_notice") == {"notice": "2026-11-02", "ends": "2026-11-20", "days": 30}
    assert any(said.startswith("Check the dates: the end date you entered, 11/20/2026") for said in good_to_know(short))
    assert "short_notice" not in codes(result(NOTICE))


@pytest.mark.parametrize(
    ("first", "not_before", "before"),
    [
        (dt.date(2000, 4, 15), dt.date(2026, 11, 20), dt.date(2027, 6, 1)),  # a return 26 years old
        (dt.date(2023, 1, 31), dt.date(2023, 3, 30), dt.date(2023, 7, 31)),  # the 31st in short months
        (dt.date(2024, 2, 29), dt.date(2024, 2, 29), dt.date(2025, 3, 1)),  # a leap day, counted from itself
        (dt.date(2027, 4, 15), dt.date(2026, 11, 20), dt.date(2027, 9, 1)),  # counted from after the notice
        (dt.date(2026, 4, 15), dt.date(2026, 11, 20), dt.date(2026, 11, 20)),  # none begins in time
    ],
)
def test_month_starts_skips_to_the_notice_without_losing_or_adding_a_month(first, not_before, before):
    # The months counted one by one from the first, as the penalty counts them, kept from `not_before` on.
    every, index = [], 0
    while (start := add_months(first, index)) < before:
        every.append(start)
        index += 1
    assert month_starts(first, before, not_before) == [start for start in every if start >= not_before]
