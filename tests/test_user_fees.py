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


def _said(payload: dict, day: dt.date = dt.date(2026, 11, 28)) -> dict:
    answer = run("fees", payload, day)
    assert answer["ok"], answer
    return answer


def test_without_the_household_the_answer_shows_both_fees_and_leaves_low_income_unknown():
    # By phone: the full reinstatement fee 89.00 and the low-income fee 43.00 (fee data from 2024-07-01).
    answer = _said({"action": "reinstate", "channel": "phone_mail_in_person"})
    result, document = answer["result"], answer["answer"]
    assert result["low_income"] is None and result["low_income_limit"] is None
    assert (result["fee"], result["fee_if_low_income"]) == ("89.00", "43.00")
    # Reinstating: the IRS says a fee *may* apply, so the headline says "may", within 20 words.
    assert document["headline"].endswith("may cost you $43.00 or $89.00.")
    assert len(document["headline"].split()) <= 20
    assert "Why" not in json.dumps(document)  # no income was given, so no income is explained


def test_one_fee_for_everyone_is_not_shown_as_a_range():
    answer = _said({"action": "reinstate", "channel": "online"})
    assert answer["result"]["cheaper_option"] is None and answer["result"]["low_income"] is None
    assert answer["answer"]["headline"].endswith("may cost you $10.00.")
    assert answer["answer"]["blocks"][1]["text"] == "This fee is the same whatever your income."


def test_every_fee_answer_starts_with_the_way_to_act_and_online_only_where_it_is_the_way():
    by_phone_new = _said(
        {"action": "new_plan", "channel": "phone_mail_in_person", "plan_length": "short_term", "direct_debit": "no"}
    )
    first = by_phone_new["answer"]["blocks"][0]
    assert first["kind"] == "act" and first["call"]["href"].startswith("tel:") and first["online"] is None
    ended = _said({"action": "after_end", "channel": "phone_mail_in_person"})["answer"]["blocks"][0]
    assert ended["kind"] == "act" and "Reinstate after default" in ended["online_text"]
    assert ended["online"]["href"] == parameters.get("contacts.web_online_payment_agreement").values[-1].value


def test_the_way_to_act_is_for_today_even_for_a_day_before_the_contact_data():
    # The phone hours' data starts 2024-09-05; a fee asked about for 2024-08-01 still gets today's way to act.
    answer = _said({"action": "reinstate", "channel": "online", "as_of": "2024-08-01"}, dt.date(2026, 11, 28))
    assert answer["answer"]["blocks"][0]["kind"] == "act" and answer["result"]["fee"] == "10.00"


def test_no_answer_words_the_reinstatement_fee_in_a_third_way():
    # Issue #22 point 4: the computed fee for the reader's channel and income, or reinstatement_fee's sentence.
    for action in ("reinstate", "after_end"):
        for channel in ("online", "phone_mail_in_person"):
            said = json.dumps(_said({"action": action, "channel": channel})["answer"], ensure_ascii=False)
            assert "$89 " not in said and "a fee may apply" not in said and "will cost" not in said
