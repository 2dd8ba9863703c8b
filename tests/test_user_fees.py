"""Fee rules that golden cases cannot reach: the check refuses dates before its first poverty guideline."""

import datetime as dt
from decimal import Decimal

from calculators.user_fees import fee_for


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
