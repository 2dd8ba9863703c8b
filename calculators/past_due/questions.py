"""The catch-up calculator's questions, and the rules between its answers. Their words are in
calculators/catalogs/en/past_due.toml, under `past_due.fields` and `past_due.groups`."""

import datetime as dt
from decimal import Decimal

from .. import failure_to_pay, interest
from ..fields import (
    NOT_SURE,
    YES_NO_NOT_SURE,
    ChoiceField,
    DateField,
    Group,
    MoneyField,
    Problem,
    WholeNumberField,
    fields_of,
)
from ..final_levy_notice import FINAL_LEVY_NOTICE
from ..next_steps import NOTICE_PHONE_GROUP

# Tax years the form takes: the penalty data starts in 2000, and the check below refuses a year whose
# return was not yet due on the notice date.
TAX_YEARS = (1999, 2099)

# The first group: what the first answer needs. The notice date gives it a date to name (the end date
# the reader typed, or the notice date plus the days a CP523 gives, said as a guess).
YOUR_PLAN = (
    DateField(name="notice_date", earliest=interest.first_day_with_rate()),
    MoneyField(name="monthly_payment", minimum=Decimal("0"), minimum_allowed=False),
    WholeNumberField(name="missed_payments", minimum=0, maximum=120),
    MoneyField(name="new_balance_due", required=False, default=Decimal("0.00")),
)

# The notice's figures: any of them asks for the estimate of what would be owed if the plan ends.
FROM_THE_NOTICE = (
    WholeNumberField(name="tax_year", required=False, minimum=TAX_YEARS[0], maximum=TAX_YEARS[1]),
    MoneyField(name="tax_owed", required=False),
    MoneyField(name="penalty_so_far", required=False),
    MoneyField(name="interest_so_far", required=False),
)
END_DATE = DateField(name="termination_date", required=False)

ESTIMATE_SETTINGS = (
    DateField(name="pay_date", required=False, default_today=True),
    ChoiceField(name="filed_on_time", choices=YES_NO_NOT_SURE, required=False),
    MoneyField(name="tax_on_return", required=False),
    ChoiceField(
        name="levy_notice_before",
        choices=(failure_to_pay.AFTER_LEVY_NOTICE_CHOICE, failure_to_pay.USUAL, NOT_SURE),
        required=False,
    ),
    FINAL_LEVY_NOTICE,
)

GROUPS = (
    Group("your_plan", YOUR_PLAN),
    Group("estimate", (END_DATE,) + FROM_THE_NOTICE + ESTIMATE_SETTINGS, later=True),
    NOTICE_PHONE_GROUP,
)
FIELDS = fields_of(GROUPS)

NOTICE_FIELDS = tuple(field.name for field in FROM_THE_NOTICE)


def wants_estimate(values: dict) -> bool:
    return any(values[name] is not None for name in NOTICE_FIELDS)


def check(values: dict, today: dt.date) -> dict[str, Problem]:
    """Rules between fields: the dates in order, and the notice figures as a group."""
    notice = values["notice_date"]
    if notice > today:
        return {"notice_date": Problem("past_due.errors.after_today", {"today": today})}
    problems = {}
    if values["termination_date"] is not None and values["termination_date"] < notice:
        problems["termination_date"] = Problem("past_due.errors.before_notice", {"notice": notice})
    if not wants_estimate(values):
        return problems
    if values["tax_owed"] is None:
        problems["tax_owed"] = Problem("past_due.errors.enter_tax_owed")
    if values["tax_year"] is not None and failure_to_pay.return_due_date(values["tax_year"]) >= notice:
        latest = next(
            year for year in (notice.year - 1, notice.year - 2) if failure_to_pay.return_due_date(year) < notice
        )
        problems["tax_year"] = Problem("past_due.errors.return_not_yet_due", {"latest": latest, "notice": notice})
    if values["pay_date"] < notice:
        problems["pay_date"] = Problem("past_due.errors.before_notice", {"notice": notice})
    return problems
