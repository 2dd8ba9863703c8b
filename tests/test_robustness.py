"""Any JSON at all gets an answer or field errors: never an exception, never a hang.

Hypothesis throws arbitrary JSON at every calculator, and values built to break parsers at each
of its inputs: wrong types, huge and odd numbers, non-ASCII digits, impossible dates.
"""

import datetime as dt
import json
import os
import tomllib
from decimal import Decimal
from importlib.resources import files

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.web import CALCULATORS, loads, run, run_json

TODAY = dt.date(2026, 11, 28)


def examples(full: int) -> int:
    """The full count in `make test` and CI; `make check` (QUICK=1) takes a small share for a fast loop."""
    return max(25, full // 40) if os.environ.get("QUICK") == "1" else full


EXAMPLES = examples(2000)  # per calculator, in CI too

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)
nasty_text = st.sampled_from(
    [
        "",
        " ",
        "-0",
        "0",
        "1e400",
        "NaN",
        "Infinity",
        "-Infinity",
        "1.200,50",
        "$",
        "$-1",
        "12 50",
        "١٢٣",
        "۱۲۳",
        "２０２６-０１-０１",
        "2026-02-30",
        "2/30/2026",
        "0000-01-01",
        "0/2026",
        "13/2026",
        "2026-13",
        "9999-12-31",
        "1" * 5000,
        "9" * 400,
        "yes",
        "no",
        "maybe",
        "short_term",
        "long_term",
        "reinstate",
        "new_plan",
        "online",
        "alaska",
        "0.5",
        "1",
        "2",
        "<img src=x onerror=alert(1)>",
        '"><script>alert(1)</script>',
        "\u0000",
        "\ud7ff",
        "250",
        "$1,234.50",
        "11/28/2026",
        "2019-01-01",
        "2100-12-31",
        "12/2026",
        "28",
        "72",
        "120",
    ]
)
field_values = json_values | nasty_text | st.integers(min_value=-(10**30), max_value=10**30)


def payloads_for(name):
    names = [field.name for field in CALCULATORS[name].fields]
    return st.dictionaries(st.sampled_from(names), field_values, max_size=len(names)) | st.dictionaries(
        st.text(max_size=12), field_values, max_size=3
    )


def assert_well_formed(answer: dict, payload) -> None:
    assert set(answer) in ({"ok", "result", "answer"}, {"ok", "errors"}), answer
    if answer["ok"]:
        json.dumps(answer)  # everything in a result and its answer is JSON
        assert answer["answer"]["headline"] and answer["answer"]["blocks"]
        return
    assert answer["errors"], "an error answer names at least one field"
    for field, message in answer["errors"].items():
        assert isinstance(field, str) and isinstance(message, str) and message
        assert "Traceback" not in message and len(message) < 400


def make_test(name):
    @settings(max_examples=EXAMPLES, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
    @given(payload=payloads_for(name) | json_values)
    def test(payload):
        assert_well_formed(run(name, payload, TODAY), payload)

    test.__name__ = f"test_{name}_answers_any_json_with_a_result_or_field_errors"
    return test


for _name in CALCULATORS:
    globals()[f"test_{_name}_answers_any_json_with_a_result_or_field_errors"] = make_test(_name)


@settings(max_examples=examples(300), deadline=2000)
@given(text=st.text(max_size=200))
def test_the_browser_boundary_answers_any_text(text):
    # Text that is not one JSON object gets the one "input" message; an object gets exactly what
    # the Python boundary gives for it.
    try:
        payload = loads(text)
    except (ValueError, RecursionError):
        payload = None
    for name in CALCULATORS:
        answer = json.loads(run_json(name, text, "2026-11-28"))
        if isinstance(payload, dict):
            assert answer == json.loads(json.dumps(run(name, payload, TODAY)))
        else:
            assert answer["ok"] is False and set(answer["errors"]) == {"input"}


def test_absurdly_deep_json_is_refused_not_crashed():
    answer = json.loads(run_json("past_due", "[" * 100_000 + "]" * 100_000))
    assert answer["ok"] is False


# Valid answers chosen at random: the results keep their own arithmetic straight.
money = st.decimals(min_value="0.01", max_value="1000000", places=2).map(str)
days = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2026, 11, 28))


@settings(max_examples=examples(300), deadline=5000)
@given(
    monthly=money,
    missed=st.integers(0, 120),
    tax=money,
    penalty=money,
    interest=money,
    notice=days,
    extra_days=st.integers(0, 3000),
    filed=st.sampled_from(["yes", "no", "not_sure"]),
    levy=st.sampled_from(["usual", "after_levy_notice", "not_sure"]),
)
def test_past_due_figures_add_up(monthly, missed, tax, penalty, interest, notice, extra_days, filed, levy):
    pay = notice + dt.timedelta(days=extra_days)
    answer = run(
        "past_due",
        {
            "monthly_payment": monthly,
            "missed_payments": missed,
            "notice_date": notice.isoformat(),
            "tax_owed": tax,
            "penalty_so_far": penalty,
            "interest_so_far": interest,
            "pay_date": pay.isoformat(),
            "filed_on_time": filed,
            "levy_notice_before": levy,
        },
        max(pay, TODAY),
    )
    assert answer["ok"], answer
    result = answer["result"]
    payoff = {key: Decimal(result["payoff"][key]) for key in ("tax", "penalty", "interest", "total")}
    assert payoff["total"] == payoff["tax"] + payoff["penalty"] + payoff["interest"]
    assert payoff["interest"] >= Decimal(interest) and payoff["penalty"] >= Decimal(penalty)
    # the penalty never passes 25% of the tax, unless the notice already showed more
    assert payoff["penalty"] <= max(
        Decimal(penalty), (Decimal(tax) * Decimal("0.25")).quantize(Decimal("0.01")) + Decimal("0.01")
    )
    assert Decimal(result["amount_to_cure"]) == Decimal(monthly) * missed
    ended = [Decimal(row["if_ended"]) for row in result["projection"]]
    assert ended == sorted(ended), "if the plan ends, the balance only grows"
    assert sum(rate["days"] for rate in result["rates_used"]) == extra_days
    higher = result["payoff_higher"]
    # A second figure unless a levy notice came before the plan: then 1% applies throughout, and no
    # answer or unsettled reading can change it.
    assert (higher is not None) == (levy != "after_levy_notice")
    if higher:
        assert Decimal(higher["total"]) >= payoff["total"] and higher["interest"] == result["payoff"]["interest"]


def poverty_limit_from_data(size: int, region: str, day: dt.date) -> Decimal:
    """250% of the HHS guideline in force on `day`, read straight from low_income.toml."""
    raw = tomllib.loads((files("calculators.parameters") / "low_income.toml").read_text())

    def plain(written):
        return written["value"] if "value" in written else written

    rows = {dt.date.fromisoformat(day): plain(row) for day, row in raw["poverty_guideline"]["values"].items()}
    row = rows[max(effective for effective in rows if effective <= day)][region]
    first, extra = Decimal(row["first_person"]), Decimal(row["additional_person"])
    percent = Decimal(plain(list(raw["percent_of_poverty_guideline"]["values"].values())[-1]))
    return ((first + extra * (size - 1)) * percent / 100).quantize(Decimal("0.01"))


@settings(max_examples=examples(300), deadline=2000)
@given(
    action=st.sampled_from(["reinstate", "change", "new_plan"]),
    channel=st.sampled_from(["online", "phone_mail_in_person"]),
    debit=st.booleans(),
    length=st.sampled_from(["short_term", "long_term"]),
    agi=money,
    balance=st.none() | money,
    size=st.integers(1, 20),
    region=st.sampled_from(["contiguous", "alaska", "hawaii"]),
    as_of=st.dates(min_value=dt.date(2023, 1, 19), max_value=dt.date(2030, 12, 31)),
)
def test_fee_answers_agree_with_the_limit_in_the_data(
    action, channel, debit, length, agi, balance, size, region, as_of
):
    answer = run(
        "fees",
        {
            "action": action,
            "channel": channel,
            "direct_debit": debit,
            "plan_length": length,
            "balance": balance,
            "agi": agi,
            "household_size": size,
            "region": region,
            "as_of": as_of.isoformat(),
        },
        TODAY,
    )
    if not answer["ok"]:  # only an online plan for a balance over the online limits is refused
        assert set(answer["errors"]) == {"channel"} and action == "new_plan" and channel == "online", answer
        return
    result = answer["result"]
    # The limit worked out here from the raw data file, not from the calculator's own figure.
    assert Decimal(result["low_income_limit"]) == poverty_limit_from_data(size, region, as_of)
    assert result["low_income"] == (Decimal(agi) <= Decimal(result["low_income_limit"]))
    assert Decimal(result["fee"]) >= 0
    if result["cheaper_option"]:
        assert Decimal(result["cheaper_option"]["fee"]) < Decimal(result["fee"])


@settings(max_examples=examples(300), deadline=2000)
@given(
    prior=money,
    agi=money,
    expected=st.none() | money,
    withheld=money,
    paid=money,
    as_of=st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 31)),
    mfs=st.sampled_from(["yes", "no", "not_sure"]),
)
def test_estimated_tax_parts_add_up_to_the_shortfall(prior, agi, expected, withheld, paid, as_of, mfs):
    payload = {
        "monthly_payment": "100",
        "payment_day": 15,
        "first_payment_month": "2026-12",
        "autopay": "yes",
        "bank_changed": "no",
        "expect_to_miss": "no",
        "reconciles_monthly": "yes",
        "self_employed": "yes",
        "tax_year": 2026,
        "prior_year_tax": prior,
        "prior_year_agi": agi,
        "married_filing_separately": mfs,
        "withholding_this_year": withheld,
        "estimated_paid_this_year": paid,
        "as_of": as_of.isoformat(),
    }
    if expected is not None:
        payload["expected_tax_this_year"] = expected
    answer = run("checklist", payload, TODAY)
    assert answer["ok"], answer
    harbor = answer["result"]["safe_harbor"]
    # What is due ahead, with what is late (pay now), makes up the whole shortfall.
    parts = [Decimal(quarter["amount"]) for quarter in harbor["quarterly"] + harbor["late"]]
    assert not parts or sum(parts) == Decimal(harbor["shortfall"])
    assert all(dt.date.fromisoformat(quarter["due_date"]) < as_of for quarter in harbor["late"])
    assert all(part >= 0 for part in parts)
    assert Decimal(harbor["shortfall"]) <= Decimal(harbor["required_annual_payment"])
    # Tax due with the return is a default of the plan: never "in place" while any is expected (IRC 6159(b)(4)(B)).
    balance = answer["result"]["balance_with_return"]
    item = answer["result"]["items"][4]
    if balance is None:
        assert item["status"] != "in_place"
    else:
        assert Decimal(balance["amount"]) == max(Decimal(0), Decimal(expected) - Decimal(withheld) - Decimal(paid))
        assert (item["status"] == "in_place") == (Decimal(balance["amount"]) == 0)
        balance_parts = [Decimal(quarter["amount"]) for quarter in balance["quarterly"]]
        assert not balance_parts or sum(balance_parts) == Decimal(balance["amount"])


MARKUP = '<img src=x onerror="window.pwned=1">'


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_no_message_ever_quotes_what_was_typed(name):
    # The page shows messages as text, but a message that never repeats the input cannot carry it at all.
    for field in CALCULATORS[name].fields:
        for typed in (MARKUP, MARKUP[:20], "x" * 101):
            answer = run(name, {field.name: typed}, TODAY)
            assert answer["ok"] is False
            for message in answer["errors"].values():
                assert typed not in message and "<" not in message, (field.name, message)
    unknown = run(name, {MARKUP: "1"}, TODAY)["errors"]
    assert all(MARKUP not in message for message in unknown.values())
