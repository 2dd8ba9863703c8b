"""Unit tests for "Can I afford it?" (calculators/ability_to_pay.py): Form 433-F's pay conversions, the
lesser-of rule of the Local Standards, the National Standards by household size, and the estimated
collection deadline. The golden cases (tests/golden/afford.toml) check whole answers."""

import datetime as dt
from decimal import Decimal

import pytest

from calculators import ability_to_pay as afford
from calculators.web import run

DAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("how_often", "amount", "monthly"),
    [
        ("weekly", "1000", "4300.00"),  # × 4.3
        ("every_two_weeks", "1500", "3255.00"),  # × 2.17
        ("every_two_weeks", "1234.57", "2679.02"),  # 2,679.0169 → half a cent up → 2,679.02
        ("twice_a_month", "2500", "5000.00"),  # × 2
        ("monthly", "4200", "4200.00"),
        ("quarterly", "10000", "3333.33"),  # ÷ 3 = 3,333.333…
        ("quarterly", "100.01", "33.34"),  # 33.336… → 33.34
        ("weekly", "0.05", "0.22"),  # 0.215 → half up → 0.22
    ],
)
def test_pay_becomes_monthly_as_form_433f_converts_it(how_often, amount, monthly):
    assert afford.monthly(Decimal(amount), how_often, DAY) == Decimal(monthly)


def test_every_way_of_being_paid_has_a_conversion():
    assert set(afford.PAY_TO_MONTHLY.at(DAY).value) == set(afford.HOW_OFTEN)


@pytest.mark.parametrize(
    ("spent", "standard", "counted", "above"),
    [
        ("2400", "2100", "2100", "300"),  # above the standard: the standard counts, the rest needs proof
        ("1500", "1800", "1500", "0"),  # below: what is spent counts
        ("1800", "1800", "1800", "0"),  # equal
        ("0", "1800", "0", "0"),
    ],
)
def test_a_local_standard_allows_the_lesser_of_spending_and_the_standard(spent, standard, counted, above):
    assert afford.lesser_of(Decimal(spent), Decimal(standard)) == (Decimal(counted), Decimal(above))


@pytest.mark.parametrize(
    ("people", "total"),
    [(1, "839"), (2, "1481"), (3, "1753"), (4, "2129"), (5, "2523"), (6, "2917"), (10, "4493")],
)
def test_national_standards_by_household_size_with_394_for_each_person_beyond_four(people, total):
    assert afford.national_standard(people, DAY) == Decimal(total)


def test_out_of_pocket_health_is_per_person_by_age():
    assert afford.health_standard(3, 1, DAY) == Decimal(83 * 3 + 158)


@pytest.mark.parametrize(
    ("year", "deadline"),
    [(2022, dt.date(2033, 4, 15)), (2016, dt.date(2027, 4, 15))],
)
def test_the_collection_deadline_is_estimated_ten_years_from_the_returns_due_date(year, deadline):
    assert afford.collection_deadline_estimate(year) == deadline


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (dt.date(2026, 12, 1), dt.date(2033, 4, 15), 76),
        (dt.date(2026, 12, 20), dt.date(2033, 4, 15), 75),  # the 15th comes before the 20th: one fewer
        (dt.date(2026, 12, 15), dt.date(2027, 1, 15), 1),
        (dt.date(2026, 12, 16), dt.date(2027, 1, 15), 0),
    ],
)
def test_whole_months_to_the_deadline(start, end, months):
    assert afford.whole_months(start, end) == months


def test_a_deadline_already_past_by_the_estimate_gives_no_payment_and_says_so():
    answer = run(
        "afford",
        {"people": 1, "income": "3000", "how_often": "monthly", "housing": "900", "plan_payment": "100",
         "balance": "5000", "oldest_tax_year": 2010},
        DAY,
    )  # fmt: skip
    result = answer["result"]
    assert result["months_left"] == 0 and result["smallest_payment"] is None
    assert "deadline_passed" in result["notes"]


def test_the_answer_never_says_you_qualify():
    for payload in (
        {"people": 4, "income": "4200", "how_often": "monthly", "housing": "1900", "plan_payment": "310"},
        {"people": 1, "income": "9000", "how_often": "monthly", "housing": "900", "plan_payment": "100",
         "balance": "5000", "oldest_tax_year": 2023},
    ):  # fmt: skip
        text = str(run("afford", payload, DAY)["answer"]).lower()
        assert "qualify" not in text and "eligible" not in text
