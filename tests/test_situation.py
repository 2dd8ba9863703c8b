"""'What to do now' (calculators/your_situation.py): what every answer must hold, whatever the reader's
date and reason. The figures and codes of each case are in tests/golden/situation.toml."""

import datetime as dt

import pytest
from golden_cases import load_cases

from calculators import user_fees
from calculators.registry import CALCULATORS
from calculators.web import run
from calculators.words import words

CASES = [case for case in load_cases() if case.calculator == "situation" and case.expect]
ENGLISH = words("en")


def answer(case):
    result = run("situation", case.input, case.today_date)
    assert result["ok"], result
    return result


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_answer_leads_with_a_short_headline_then_the_way_to_act_then_today(case):
    document = answer(case)["answer"]
    assert len(document["headline"].split()) <= 20, document["headline"]
    kinds = [block["kind"] for block in document["blocks"]]
    assert kinds[:3] == ["act", "heading", "steps"], kinds
    assert document["blocks"][0]["call"]["href"].startswith("tel:")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_fee_is_said_in_the_one_sentence_the_fee_check_owns(case):
    result = answer(case)
    fee = user_fees.reinstatement_fee(case.today_date, ENGLISH)
    blocks = result["answer"]["blocks"]
    said = [step["text"] for block in blocks if block["kind"] == "steps" for step in block["items"]]
    assert fee in said
    # Once the end date has passed, putting the plan back is today's business: the fee follows today's step.
    kinds = [block["kind"] for block in blocks]
    fee_block = next(
        i for i, block in enumerate(blocks) if block["kind"] == "steps" and block["items"][0]["text"] == fee
    )
    if result["result"]["stance"].startswith("passed"):
        assert kinds[:5] == ["act", "heading", "steps", "heading", "steps"] and fee_block == 4
    else:
        assert fee_block > kinds.index("paragraph")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_once_the_date_has_passed_no_answer_says_pay_what_you_missed_to_keep_the_plan(case):
    result = answer(case)
    if not result["result"]["stance"].startswith("passed"):
        return
    assert result["result"]["today"] in ("reinstate", "reinstate_lower", "file_return")
    assert "pay_missed" not in result["result"]["steps"]
    assert "may have ended" in result["answer"]["headline"]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_link_goes_to_a_page_of_the_guide_the_irs_or_a_number_to_tap(case):
    def links(value):
        if isinstance(value, dict):
            if set(value) == {"text", "href"}:
                yield value["href"]
            for item in value.values():
                yield from links(item)
        elif isinstance(value, list):
            for item in value:
                yield from links(item)

    for href in links(answer(case)["answer"]):
        assert href.startswith(("../", "https://www.irs.gov/", "tel:+1")), href


def test_answers_carry_between_pages_under_the_same_names_and_values():
    """The dates calculator asks the same notice date, end date and reason: same names, same values."""
    situation = {field.name: field for field in CALCULATORS["situation"].fields}
    dates = {field.name: field for field in CALCULATORS["dates"].fields}
    for name in ("notice_date", "termination_date", "reason"):
        assert situation[name].kind == dates[name].kind
    assert set(dates["reason"].choices) <= set(situation["reason"].choices)


def test_only_the_notice_date_is_required():
    assert [field.name for field in CALCULATORS["situation"].fields if field.required] == ["notice_date"]


def test_the_appeal_date_is_moved_as_the_dates_calculator_moves_it():
    values = {"notice_date": "2026-10-21", "termination_date": "2026-11-20"}
    today = dt.date(2026, 11, 28)
    mine = run("situation", values, today)["result"]["appeal"]
    theirs = run("dates", values, today)["result"]["appeal"]
    assert mine == theirs
