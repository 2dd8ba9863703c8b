"""Fee rules that golden cases cannot reach: dates at the edges of the fee data and of the poverty guidelines."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from next_figures import frontier  # noqa: F401  (a fixture: the data as shipped, then with the next figures)

from calculators import low_income, parameters
from calculators.user_fees import fee_for
from calculators.web import run

PERCENT = parameters.get("low_income.percent_of_poverty_guideline").values[-1].value  # 250, IRC 6159(f)(2)


def test_low_income_relief_starts_with_plans_entered_on_2018_04_10():
    # IRC 6159(f), added by the Bipartisan Budget Act of 2018 (enacted 2018-02-09, + 60 days).
    before = fee_for("new_plan", "phone_mail_in_person", True, "long_term", True, dt.date(2018, 4, 9))
    from_start = fee_for("new_plan", "phone_mail_in_person", True, "long_term", True, dt.date(2018, 4, 10))
    # Before: the reduced low-income fee of 43.00, not paid back; from the start: waived with direct debit.
    assert before[:3] == (Decimal("43"), False, False)
    assert from_start[:3] == (Decimal("0"), True, False)


def test_online_reinstatement_cost_89_before_2019_and_10_from_2019():
    assert fee_for("reinstate", "online", False, None, False, dt.date(2018, 12, 31))[0] == Decimal("89")
    assert fee_for("reinstate", "online", False, None, False, dt.date(2019, 1, 1))[0] == Decimal("10")


FEE_INPUT = {"action": "reinstate", "channel": "online", "direct_debit": "no", "agi": "1", "household_size": 1}


def fee_answer(day: dt.date) -> dict:
    """The result's figures and codes, with `said`: every word of the answer as the page shows it."""
    answer = run("fees", {**FEE_INPUT, "region": "contiguous", "as_of": day.isoformat()}, day)
    assert answer["ok"], answer
    return {**answer["result"], "said": json.dumps(answer["answer"], ensure_ascii=False)}


@pytest.mark.usefixtures("frontier")
def test_early_january_uses_last_years_guideline_as_the_latest_published_not_assumed():
    # A guideline stays in force until HHS publishes the next (mid-January). Dates from the data: the
    # latest guideline, the first days of the next year, and the day the next one may come out.
    latest = low_income.GUIDELINE.values[-1]
    expected_from = low_income.GUIDELINE.next_expected
    limit = latest.value["contiguous"]["first_person"] * PERCENT / 100  # 1 person, 48 states
    for day in (dt.date(latest.effective.year + 1, 1, 1), expected_from - dt.timedelta(days=1)):
        result = fee_answer(day)
        assert result["guideline_year"] == latest.effective.year
        assert Decimal(result["low_income_limit"]) == limit
        assert result["guideline_note"] == "latest_published"
        note = f"The income limit uses the {latest.effective.year} poverty guideline, the latest published"
        assert note in result["said"] and "the latest we have" not in result["said"]
    # In the guideline's own year there is nothing to say about which one it is.
    in_its_year = fee_answer(dt.date(latest.effective.year, 12, 1))
    assert in_its_year["guideline_note"] == "" and "latest" not in in_its_year["said"]


@pytest.mark.usefixtures("frontier")
def test_after_the_next_guideline_is_due_the_answer_says_a_newer_one_may_apply():
    # Was a golden case pinned to 2027-02-01; now the day the next guideline may come out, from the data.
    latest = low_income.GUIDELINE.values[-1]
    for day in (low_income.GUIDELINE.next_expected, low_income.GUIDELINE.next_expected + dt.timedelta(days=20)):
        result = fee_answer(day)
        assert result["guideline_year"] == latest.effective.year
        assert Decimal(result["low_income_limit"]) == latest.value["contiguous"]["first_person"] * PERCENT / 100
        assert result["guideline_note"] == "assumed"
        assert (
            f"The income limit uses the {latest.effective.year} poverty guideline, the latest we have. A newer one "
            "is usually published each January; if it has come out, your limit may be a little higher."
        ) in result["said"]
