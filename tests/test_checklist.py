"""Checklist rules that golden cases cannot reach: the declaration the page reads, and the calendar
file worded from the catalog."""

import datetime as dt

from calculators.registry import CALCULATORS
from calculators.web import run


def test_only_the_checklist_and_the_call_card_keep_their_answers_on_the_device():
    assert {name for name, declared in CALCULATORS.items() if declared.remember_answers} == {"checklist", "call_card"}


def test_the_calendar_file_is_worded_in_the_language_asked_for():
    answer = run(
        "checklist",
        {"monthly_payment": "250", "payment_day": 15, "first_payment_month": "2026-12", "months": 1},
        dt.date(2026, 11, 28),
    )
    (actions,) = [block for block in answer["answer"]["blocks"] if block["kind"] == "actions"]
    assert "SUMMARY:IRS payment plan: pay $250.00\r\n" in actions["calendar_text"]
    assert "ics" not in answer["result"]


PLAN = {"monthly_payment": "250", "payment_day": 15, "first_payment_month": "2026-12", "months": 2}


def _blocks(payload: dict) -> tuple[str, list]:
    answer = run("checklist", payload, dt.date(2026, 11, 28))
    assert answer["ok"], answer
    return answer["answer"]["headline"], answer["answer"]["blocks"]


def test_the_way_to_act_then_the_print_and_calendar_buttons_come_first():
    headline, blocks = _blocks(PLAN)
    assert [block["kind"] for block in blocks[:3]] == ["act", "actions", "paragraph"]
    # Before any habit is asked, the headline is neutral: never "0 of 5 habits are in place".
    assert headline.startswith("Your next payment of $250.00 is due on 12/15/2026.")
    assert "habits are in place" not in headline
    headline, _ = _blocks({**PLAN, "autopay": "no"})
    assert headline.startswith("0 of 5 habits are in place.")


def test_no_calendar_button_without_a_date_ahead():
    # Both listed payments (1/15/2026, 2/15/2026) are before 11/28/2026, and no estimated tax is asked.
    _, blocks = _blocks({**PLAN, "first_payment_month": "2026-01"})
    (actions,) = [block for block in blocks if block["kind"] == "actions"]
    assert actions["print_label"] and not actions["calendar_text"] and not actions["calendar_label"]
    assert blocks[0]["kind"] == "act"


def test_the_calendar_file_holds_only_dates_ahead():
    # 10/15/2026 and 11/15/2026 have passed on 11/28/2026; 12/15/2026 is ahead.
    _, blocks = _blocks({**PLAN, "first_payment_month": "2026-10", "months": 3})
    (actions,) = [block for block in blocks if block["kind"] == "actions"]
    assert actions["calendar_text"].count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20261215" in actions["calendar_text"]
