"""Your dates (calculators/termination_dates.py): the calendar file the answer offers holds a reminder
for each date still ahead, on its safe day; the answer leads with the way to act; once the end date has
passed it never offers what to pay "before this date", and it offers no calendar file without a date ahead."""

import datetime as dt
import json

import icalendar
import pytest
from golden_cases import load_cases

from calculators.web import run

TODAY = dt.date(2026, 11, 28)
REASONS = ("missed_payment", "new_balance", "return_not_filed", "bank_changed", "other", "not_sure", None)
BEFORE = {"notice_date": "2026-11-02", "termination_date": "2026-12-02"}  # 4 days ahead of TODAY
PASSED = {"notice_date": "2026-10-21", "termination_date": "2026-11-20"}  # 8 days behind TODAY, appeal open
CLOSED = {"notice_date": "2026-01-05"}  # every date passed by TODAY


def _answer(values: dict, reason: str | None, today: dt.date = TODAY) -> dict:
    answer = run("dates", {**values, **({"reason": reason} if reason else {})}, today)
    assert answer["ok"], answer
    return answer["answer"]


def _block(answer: dict, kind: str) -> list[dict]:
    return [block for block in answer["blocks"] if block["kind"] == kind]


def test_the_calendar_file_reminds_of_the_dates_ahead_on_their_safe_days():
    # ends 11/20/2026 (passed: no reminder); appeal by 12/20/2026, a Sunday: reminded on Friday 12/18/2026;
    # levy from 12/20/2026, an IRS date: never moved
    answer = run("dates", {"notice_date": "2026-11-02", "termination_date": "2026-11-20"}, TODAY)
    actions = next(block for block in answer["answer"]["blocks"] if block["kind"] == "actions")
    text = actions["calendar_text"]
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert [(str(event["UID"]), event.decoded("DTSTART")) for event in events] == [
        ("appeal-by-20261218@cp523-guide", dt.date(2026, 12, 18)),
        ("levy-from-20261220@cp523-guide", dt.date(2026, 12, 20)),
    ]
    assert str(events[0]["SUMMARY"]) == "CP523: Last day to appeal the plan ending"


@pytest.mark.parametrize("reason", REASONS)
@pytest.mark.parametrize("values", [BEFORE, PASSED, CLOSED], ids=["before", "passed", "closed"])
def test_the_first_block_is_the_way_to_act_and_no_other_block_offers_a_call_button(values, reason):
    answer = _answer(values, reason)
    assert answer["blocks"][0]["kind"] == "act"
    assert answer["blocks"][0]["call"]["href"].startswith("tel:")
    later = str(answer["blocks"][1:])
    assert "tel:" not in later  # the call is the Act block's alone: no second button


@pytest.mark.parametrize("reason", REASONS)
def test_once_the_end_date_has_passed_the_answer_offers_reinstating_online_never_paying_before_the_date(reason):
    for values in (PASSED, CLOSED):
        answer = _answer(values, reason)
        act = answer["blocks"][0]
        assert "Reinstate after default" in act["online_text"]
        text = str(answer)
        assert "may have ended" in answer["headline"]
        assert "irs.gov/account" in text
        assert "../if-the-plan-ends/" in text
        assert "before this date" not in text
        steps = " ".join(step["text"] for step in _block(answer, "steps")[0]["items"])
        assert "Pay what you missed" not in steps
        assert "reinstatement fee" in text  # user_fees.reinstatement_fee, the one sentence


@pytest.mark.parametrize("reason", REASONS)
def test_before_the_end_date_only_a_missed_payment_offers_the_online_change(reason):
    act = _answer(BEFORE, reason)["blocks"][0]
    assert (act.get("online") is not None) == (reason == "missed_payment")


def test_no_calendar_file_without_a_date_ahead():
    # notice 1/5/2026: ends 2/4/2026, appeal and levy wait to 3/6/2026, all before 11/28/2026
    (print_only,) = _block(_answer(CLOSED, None), "actions")
    assert print_only["print_label"] and not print_only["calendar_text"]
    assert (
        "calendar"
        not in json.dumps([block for block in _answer(CLOSED, None)["blocks"] if block["kind"] != "actions"]).lower()
    )
    assert len(_block(_answer(PASSED, None), "actions")) == 1  # the appeal date is still ahead


@pytest.mark.parametrize(
    ("reason", "year", "said"),
    [
        ("missed_payment", None, "Pay what you missed, or call the IRS, before 12/2/2026"),
        ("new_balance", None, "Pay the new balance or add it to the plan before 12/2/2026"),
        ("return_not_filed", "2025", "File your 2025 return, then call the IRS, before 12/2/2026"),
        ("return_not_filed", None, "File the missing return, then call the IRS, before 12/2/2026"),
        ("bank_changed", None, "Give the IRS your new bank details before 12/2/2026"),
        ("not_sure", None, "Find out what your notice asks"),
        ("other", None, "Find out what your notice asks"),
    ],
)
def test_the_headline_follows_the_reason(reason, year, said):
    values = {**BEFORE, **({"return_year": year} if year else {})}
    assert _answer(values, reason)["headline"].startswith(said)


def test_every_headline_has_20_words_or_fewer():
    for case in (case for case in load_cases() if case.calculator == "dates"):
        answer = run("dates", case.input, dt.date.fromisoformat(case.today))
        if answer["ok"]:
            assert len(answer["answer"]["headline"].split()) <= 20, answer["answer"]["headline"]
