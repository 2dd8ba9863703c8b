"""Checklist rules that golden cases cannot reach: a result with no words in it, the declaration the
page reads, and a penalty sentence no answer can reach today."""

import datetime as dt
from decimal import Decimal

import pytest
from golden_cases import load_cases

from calculators import compliance_checklist as checklist
from calculators.registry import CALCULATORS
from calculators.web import run
from calculators.words import words

CASES = [case for case in load_cases() if case.calculator == "checklist" and case.expect]


def _texts(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str):
        yield value


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_result_holds_codes_figures_and_dates_never_sentences(case):
    result = run("checklist", case.input, case.today_date)["result"]
    assert not [text for text in _texts(result) if " " in text]


def test_only_the_checklist_page_keeps_its_answers_on_the_device():
    assert {name for name, declared in CALCULATORS.items() if declared.remember_answers} == {"checklist"}


def test_a_shortfall_with_every_due_date_passed_and_none_late_is_worded_as_before():
    # Not reached by any answer: a shortfall always leaves some quarter short, and a passed one is late.
    harbor = checklist.SafeHarbor(
        required_annual_payment=Decimal("1000.00"),
        prior_year_share_percent="100",
        required_if_not_filing_separately=None,
        paid_or_withheld=Decimal("0.00"),
        below_minimum=False,
        shortfall=Decimal("1000.00"),
        quarterly=(),
        installments=(),
        late=(),
        penalty=checklist._penalty(False, Decimal("1000.00"), (), ()),
    )
    assert harbor.penalty == "dates_passed"
    assert checklist._penalty_words(harbor, words("en")) == (
        "You are $1,000.00 short of what avoids the estimated tax penalty, and its due dates have passed."
    )


def test_the_calendar_file_is_worded_in_the_language_asked_for():
    answer = run(
        "checklist",
        {"monthly_payment": "250", "payment_day": 15, "first_payment_month": "2026-12", "months": 1},
        dt.date(2026, 11, 28),
    )
    (actions,) = [block for block in answer["answer"]["blocks"] if block["kind"] == "actions"]
    assert "SUMMARY:IRS payment plan: pay $250.00\r\n" in actions["calendar_text"]
    assert "ics" not in answer["result"]
