"""The catch-up calculator's questions, and the rules between its answers."""

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
    WholeNumberField,
    fields_of,
    us_date,
)
from ..final_levy_notice import FINAL_LEVY_NOTICE

TITLE = "Catch-up amount and what you would owe"
# Tax years the form takes: the penalty data starts in 2000, and the check below refuses a year whose
# return was not yet due on the notice date.
TAX_YEARS = (1999, 2099)

YOUR_PLAN = (
    MoneyField(
        name="monthly_payment",
        label="Monthly payment",
        noun="your monthly payment",
        hint="The amount your payment plan asks you to pay each month. Your acceptance letter shows it.",
        minimum=Decimal("0"),
        minimum_allowed=False,
    ),
    WholeNumberField(
        name="missed_payments",
        label="Missed payments",
        noun="the number of missed payments",
        hint="How many monthly payments were missed or came back unpaid. Enter 0 if none were missed.",
        minimum=0,
        maximum=120,
    ),
    MoneyField(
        name="new_balance_due",
        label="New tax balance",
        noun="the new tax balance",
        hint="Tax for a later year that you have not paid in full. Leave this empty if there is none.",
        required=False,
        default=Decimal("0.00"),
    ),
)

FROM_THE_NOTICE = (
    DateField(
        name="notice_date",
        label="Notice date",
        noun="the notice date",
        hint="Printed at the top right of your CP523.",
        required=False,
        earliest=interest.first_day_with_rate(),
    ),
    WholeNumberField(
        name="tax_year",
        label="Tax year",
        noun="the tax year",
        hint="The year your plan's tax is for, printed on your notice (if it lists several, enter the earliest). "
        "Penalty months count from that year's return due date. If you leave this empty, we count them from the "
        "notice date, which can add one month.",
        required=False,
        minimum=TAX_YEARS[0],
        maximum=TAX_YEARS[1],
    ),
    MoneyField(
        name="tax_owed",
        label="Tax you owe",
        noun="the tax you owe",
        hint="The tax line in the amounts box of your notice, before penalty and interest.",
        required=False,
    ),
    MoneyField(
        name="penalty_so_far",
        label="Penalty so far",
        noun="the penalty so far",
        hint="The failure-to-pay penalty line on your notice. Leave this empty if there is none.",
        required=False,
    ),
    MoneyField(
        name="interest_so_far",
        label="Interest so far",
        noun="the interest so far",
        hint="The interest line on your notice. Leave this empty if there is none.",
        required=False,
    ),
    DateField(
        name="termination_date",
        label="Date your plan would end",
        noun="the date your plan would end",
        hint="Your notice prints it. If you leave this empty, we assume [[figure:notice.days_to_respond]] after the notice date.",
        required=False,
    ),
)

ESTIMATE_SETTINGS = (
    DateField(
        name="pay_date",
        label="Date you would pay",
        noun="the date you would pay",
        hint="The day the estimate is for. If you leave this empty, we use today.",
        required=False,
        default_today=True,
    ),
    ChoiceField(
        name="filed_on_time",
        label="Did you file your tax return on time?",
        noun="whether you filed your return on time",
        hint="Count an extension you were given as on time. This decides the penalty rate while the plan lasts.",
        choices=YES_NO_NOT_SURE,
        required=False,
    ),
    MoneyField(
        name="tax_on_return",
        label="Tax unpaid on your return's due date",
        noun="the tax unpaid on your return's due date",
        hint="The tax on the return your plan is for, minus what you had paid by its due date. If you paid nothing "
        "with the return, it is the “amount you owe” line. It sets the most the penalty can reach. "
        "Leave this empty if you do not know.",
        required=False,
    ),
    ChoiceField(
        name="levy_notice_before",
        label="Before your payment plan began, did the IRS send you a notice of intent to levy?",
        noun="whether the IRS sent you a notice of intent to levy before your plan",
        hint="A letter headed “Notice of intent to levy”, such as CP504, LT11 or Letter 1058. "
        "It decides the penalty rate, during the plan and after it.",
        choices=(
            (failure_to_pay.AFTER_LEVY_NOTICE_CHOICE, "Yes"),
            (failure_to_pay.USUAL, "No"),
            (NOT_SURE, "Not sure"),
        ),
        required=False,
    ),
    FINAL_LEVY_NOTICE,
)

GROUPS = (
    Group("Your payment plan", YOUR_PLAN),
    Group(
        "What would you owe if your plan ends? Use the figures on your notice",
        FROM_THE_NOTICE + ESTIMATE_SETTINGS,
        hint="Your CP523 prints the notice date at the top, and the tax, penalty and interest in the box of amounts.",
        later=True,
        button="Work out what I would owe",
    ),
)
FIELDS = fields_of(GROUPS)

NOTICE_FIELDS = tuple(field.name for field in FROM_THE_NOTICE)


def wants_estimate(values: dict) -> bool:
    return any(values[name] is not None for name in NOTICE_FIELDS)


def check(values: dict, today: dt.date) -> dict:
    """Rules between fields: the notice figures come as a group, and the dates in order."""
    if not wants_estimate(values):
        return {}
    errors = {}
    if values["notice_date"] is None:
        errors["notice_date"] = (
            "Enter the notice date, printed at the top of your notice, to estimate what you would owe"
        )
    if values["tax_owed"] is None:
        errors["tax_owed"] = (
            "Enter the tax you owe, from the amounts box of your notice, to estimate what you would owe"
        )
    notice = values["notice_date"]
    if notice is None:
        return errors
    if notice > today:
        errors["notice_date"] = f"The notice date must be today ({us_date(today)}) or earlier"
        return errors
    if values["termination_date"] is not None and values["termination_date"] < notice:
        errors["termination_date"] = (
            f"The date your plan would end must be on or after the notice date ({us_date(notice)})"
        )
    if values["tax_year"] is not None and failure_to_pay.return_due_date(values["tax_year"]) >= notice:
        latest = next(
            year for year in (notice.year - 1, notice.year - 2) if failure_to_pay.return_due_date(year) < notice
        )
        errors["tax_year"] = (
            f"The tax year must be {latest} or earlier: the return for it must have been due before the notice date "
            f"({us_date(notice)})"
        )
    if values["pay_date"] < notice:
        errors["pay_date"] = f"The date you would pay must be on or after the notice date ({us_date(notice)})"
    return errors
