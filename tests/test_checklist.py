"""Checklist rules that golden cases cannot reach: the declaration the page reads, and the calendar
file worded from the catalog."""

import datetime as dt

from calculators.registry import CALCULATORS
from calculators.web import run


def test_only_the_checklist_page_keeps_its_answers_on_the_device():
    assert {name for name, declared in CALCULATORS.items() if declared.remember_answers} == {"checklist"}


def test_the_calendar_file_is_worded_in_the_language_asked_for():
    answer = run(
        "checklist",
        {"monthly_payment": "250", "payment_day": 15, "first_payment_month": "2026-12", "months": 1},
        dt.date(2026, 11, 28),
    )
    (actions,) = [block for block in answer["answer"]["blocks"] if block["kind"] == "actions"]
    assert "SUMMARY:IRS payment plan: pay $250.00\r\n" in actions["calendar_text"]
    assert "ics" not in answer["result"]
