"""Past-due amount: what it takes to keep a payment plan, and what you would owe if it ends.

To stop the termination a CP523 announces, you pay the installments you missed and
any newer tax bill that was not paid in full. With the figures printed on the notice,
this also estimates the balance on a given day if the plan ends (interest compounded
daily, failure-to-pay penalty by the month) and how the balance falls if the plan is kept.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from . import failure_to_pay, interest, parameters
from .dates import add_months, month_starts
from .fields import ChoiceField, DateField, Group, MoneyField, WholeNumberField, YesNoField, fields_of, us_date
from .money import dollars, to_cents

TITLE = "Catch-up amount and what you would owe"

DAYS_TO_RESPOND = parameters.get("notice.days_to_respond")
PROJECTION_MONTHS = 24
# A bound on the month-by-month simulation, not a legal figure: 50 years of payments.
LONGEST_SIMULATION_MONTHS = 600

NOT_SURE = "not_sure"

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
        hint=f"Your notice prints it. If you leave this empty, we assume {DAYS_TO_RESPOND.values[-1].value} days after the notice date.",
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
    YesNoField(
        name="filed_on_time",
        label="Did you file your tax return on time?",
        noun="whether you filed your return on time",
        hint="Count an extension you were given as on time. This decides the penalty rate while the plan lasts.",
        required=False,
        default=True,
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
        "It decides the penalty rate after the plan ends.",
        choices=(
            (failure_to_pay.AFTER_LEVY_NOTICE_CHOICE, "Yes"),
            (failure_to_pay.USUAL, "No"),
            (NOT_SURE, "Not sure"),
        ),
        required=False,
    ),
)

GROUPS = (
    Group("Your payment plan", YOUR_PLAN),
    Group(
        "From your notice (optional)",
        FROM_THE_NOTICE,
        hint="Add these to see what you would owe if your plan ends. They are printed on your CP523: "
        "the notice date at the top, and the tax, penalty and interest in the box of amounts.",
    ),
    Group("For the estimate", ESTIMATE_SETTINGS),
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
    if values["pay_date"] < notice:
        errors["pay_date"] = f"The date you would pay must be on or after the notice date ({us_date(notice)})"
    return errors


def calculate(values: dict, today: dt.date) -> dict:
    monthly = values["monthly_payment"]
    missed = values["missed_payments"]
    missed_installments = to_cents(monthly * missed)
    new_balance = to_cents(values["new_balance_due"])
    amount_to_cure = missed_installments + new_balance
    result = {
        "amount_to_cure": amount_to_cure,
        "cure_parts": {"missed_installments": missed_installments, "new_balance_due": new_balance},
        "termination_date": None,
        "payoff": None,
        "more_each_month": None,
        "payoff_after_levy_notice": None,
        "more_each_month_after_levy_notice": None,
        "penalty_months": None,
        "rates_used": [],
        "projection": [],
        "chart": None,
        "months_to_pay_off_if_kept": None,
        "notes": [],
    }
    if not wants_estimate(values):
        result["summary"] = _cure_sentence(amount_to_cure, missed, monthly, new_balance)
        result["notes"].append(
            "Add the figures from your notice (the notice date and the tax you owe, with any penalty and interest) "
            "to see what you would owe if your plan ends, and how fast that grows."
        )
        return result
    result.update(_estimate(values, missed_installments))
    ended = result["payoff"]
    summary = _cure_sentence(amount_to_cure, missed, monthly, new_balance, before=result["termination_date"])
    if result["payoff_after_levy_notice"] is None:
        summary += (
            f" If your plan ends, you would owe about {dollars(ended['total'])} on {us_date(ended['as_of'])},"
            f" about {dollars(result['more_each_month'])} more each month."
        )
    else:
        higher = result["payoff_after_levy_notice"]
        with_notice = "if the IRS sent you a notice of intent to levy before your plan began"
        growth = (
            f"about {dollars(result['more_each_month'])} more each month, or about "
            f"{dollars(result['more_each_month_after_levy_notice'])}"
        )
        if higher["total"] == ended["total"]:
            summary += f" If your plan ends, you would owe about {dollars(ended['total'])} on {us_date(ended['as_of'])}, then {growth} {with_notice}."
        else:
            summary += (
                f" If your plan ends, you would owe about {dollars(ended['total'])} on {us_date(ended['as_of'])}, "
                f"or about {dollars(higher['total'])} {with_notice}. It would grow by {growth} with that notice."
            )
    result["summary"] = summary
    return result


class Balance:
    """What is owed, split as the IRS splits it. Payments go to tax, then penalty, then interest."""

    def __init__(self, tax: Decimal, penalty: Decimal, interest_owed: Decimal):
        self.tax = tax
        self.penalty_earning_interest = penalty  # penalty shown on the notice
        self.penalty_added = Decimal(0)  # penalty added by this estimate: left out of the interest base
        self.interest = interest_owed

    @property
    def total(self) -> Decimal:
        return self.tax + self.penalty_earning_interest + self.penalty_added + self.interest

    def add_interest(self, after: dt.date, through: dt.date) -> None:
        base = self.tax + self.penalty_earning_interest + self.interest
        self.interest += base * interest.factor_between(after, through) - base

    def pay(self, amount: Decimal) -> None:
        for part in ("tax", "penalty_earning_interest", "penalty_added", "interest"):
            applied = min(amount, getattr(self, part))
            setattr(self, part, getattr(self, part) - applied)
            amount -= applied


def _levy_choice(values: dict) -> str:
    """The after-termination rate the main figures use: the higher one only when the reader says so."""
    answer = values["levy_notice_before"]
    return (
        failure_to_pay.AFTER_LEVY_NOTICE_CHOICE
        if answer == failure_to_pay.AFTER_LEVY_NOTICE_CHOICE
        else failure_to_pay.USUAL
    )


def _unsure_about_levy_notice(values: dict) -> bool:
    return values["levy_notice_before"] in (None, NOT_SURE)


def _penalty_limit_base(values: dict) -> Decimal:
    """The tax the 25% limit is measured on: the reader's figure from the return, else what is owed now (may be too low)."""
    return values["tax_on_return"] if values["tax_on_return"] is not None else values["tax_owed"]


def _termination(values: dict) -> dt.date:
    notice = values["notice_date"]
    return values["termination_date"] or notice + dt.timedelta(days=int(DAYS_TO_RESPOND.at(notice).value))


def _owed_if_ended(values: dict, levy_choice: str):
    """A function of a day: what is owed on it if the plan ends and nothing is paid."""
    notice = values["notice_date"]
    tax = values["tax_owed"]
    penalty_so_far = values["penalty_so_far"] or Decimal(0)
    interest_so_far = values["interest_so_far"] or Decimal(0)
    termination = _termination(values)
    in_agreement_rate = failure_to_pay.rate_while_in_agreement(values["filed_on_time"], notice)
    after_rate = failure_to_pay.rate_after_termination(levy_choice, notice)
    penalty_room = failure_to_pay.room_under_maximum(_penalty_limit_base(values), penalty_so_far, notice)

    def if_ended(day: dt.date) -> dict:
        months = month_starts(notice, day)
        rate_months = sum((in_agreement_rate if start < termination else after_rate) for start in months)
        uncapped = tax * rate_months / 100
        new_penalty = min(uncapped, penalty_room)
        base = tax + penalty_so_far + interest_so_far
        owed_interest = to_cents(interest_so_far + base * interest.factor_between(notice, day) - base)
        owed_penalty = to_cents(penalty_so_far + new_penalty)
        return {
            "as_of": day,
            "tax": tax,
            "penalty": owed_penalty,
            "interest": owed_interest,
            "total": tax + owed_penalty + owed_interest,
            "months": len(months),
            "capped": uncapped >= penalty_room,
        }

    return if_ended


PAYOFF_KEYS = ("as_of", "tax", "penalty", "interest", "total")


def _estimate(values: dict, missed_installments: Decimal) -> dict:
    notice = values["notice_date"]
    tax = values["tax_owed"]
    penalty_so_far = values["penalty_so_far"] or Decimal(0)
    interest_so_far = values["interest_so_far"] or Decimal(0)
    termination = _termination(values)
    pay_date = values["pay_date"]
    in_agreement_rate = failure_to_pay.rate_while_in_agreement(values["filed_on_time"], notice)
    after_rate = failure_to_pay.rate_after_termination(_levy_choice(values), notice)
    penalty_room = failure_to_pay.room_under_maximum(_penalty_limit_base(values), penalty_so_far, notice)
    if_ended = _owed_if_ended(values, _levy_choice(values))

    payoff = if_ended(pay_date)
    month_later = if_ended(add_months(pay_date, 1))
    higher = {}
    if _unsure_about_levy_notice(values):
        if_ended_higher = _owed_if_ended(values, failure_to_pay.AFTER_LEVY_NOTICE_CHOICE)
        payoff_higher = if_ended_higher(pay_date)
        higher = {
            "payoff_after_levy_notice": {key: payoff_higher[key] for key in PAYOFF_KEYS},
            "more_each_month_after_levy_notice": if_ended_higher(add_months(pay_date, 1))["total"]
            - payoff_higher["total"],
        }
    quarters = interest.quarters_between(notice, pay_date)
    kept, months_to_pay_off = _if_kept(
        values, missed_installments, tax, penalty_so_far, interest_so_far, in_agreement_rate, penalty_room
    )
    projection = []
    for month in range(1, PROJECTION_MONTHS + 1):
        day = add_months(notice, month)
        projection.append({"month": f"{day:%Y-%m}", "if_ended": if_ended(day)["total"], "if_kept": kept[month]})
    return {
        "termination_date": termination,
        "payoff": {key: payoff[key] for key in PAYOFF_KEYS},
        "more_each_month": month_later["total"] - payoff["total"],
        **higher,
        "penalty_months": payoff["months"],
        "rates_used": [
            {
                "quarter": quarter.quarter,
                "rate_percent": f"{quarter.rate_percent}",
                "days": quarter.days,
                "source": quarter.source.url,
                "grade": quarter.grade,
                "assumed": quarter.assumed,
            }
            for quarter in quarters
        ],
        "projection": projection,
        "chart": _chart(projection),
        "months_to_pay_off_if_kept": months_to_pay_off,
        "notes": _notes(values, termination, quarters, payoff, in_agreement_rate, after_rate, months_to_pay_off),
    }


def _if_kept(values, missed_installments, tax, penalty_so_far, interest_so_far, penalty_rate, penalty_room):
    """Balance left after each month's payment if you catch up now and keep paying.

    Returns (balances by month number, months until paid off or None). Month 0 is the
    notice date, when the missed installments are paid.
    """
    notice = values["notice_date"]
    balance = Balance(tax, penalty_so_far, interest_so_far)
    balance.pay(missed_installments)
    balances = [to_cents(balance.total)]
    for month in range(1, LONGEST_SIMULATION_MONTHS + 1):
        start, end = add_months(notice, month - 1), add_months(notice, month)
        if balance.total > 0:
            new_penalty = min(balance.tax * penalty_rate / 100, penalty_room)
            penalty_room -= new_penalty
            balance.penalty_added += new_penalty
            balance.add_interest(start, end)
            balance.pay(values["monthly_payment"])
        balances.append(to_cents(balance.total))
        if balance.total <= 0 and month >= PROJECTION_MONTHS:
            break
    paid_off = next((month for month, left in enumerate(balances) if left <= 0), None)
    return balances, paid_off


def _chart(projection: list[dict]) -> dict:
    """Heights for drawing the two paths, in thousandths of the chart's top, so the page does no arithmetic on money."""
    highest = max(max(row["if_ended"], row["if_kept"]) for row in projection)
    top = _round_top(highest)

    def height(amount: Decimal) -> int:
        return int((amount * 1000 / top).to_integral_value(rounding=ROUND_HALF_UP))

    return {
        "top": top,
        "ticks": [top * step / 4 for step in range(5)],
        "points": [
            {"month": row["month"], "if_ended": height(row["if_ended"]), "if_kept": height(row["if_kept"])}
            for row in projection
        ],
    }


ROUND_STEPS = tuple(Decimal(step) for step in ("1", "1.5", "2", "2.5", "3", "4", "5", "6", "8", "10"))


def _round_top(amount: Decimal) -> Decimal:
    """A round number at or above `amount` for the chart's top line."""
    if amount <= 0:
        return Decimal(1)
    power = Decimal(10) ** amount.adjusted()
    return next(step * power for step in ROUND_STEPS if step * power >= amount)


def _cure_sentence(total, missed, monthly, new_balance, before: dt.date | None = None) -> str:
    if not total:
        return "You have no missed payments or new balance to catch up on from these figures. Call the number on your notice to find out why it was sent."
    parts = []
    if missed:
        payments = "payment" if missed == 1 else "payments"
        parts.append(f"{missed} missed {payments} of {dollars(monthly)}")
    if new_balance:
        parts.append(f"the new tax balance of {dollars(new_balance)}")
    when = f" before {us_date(before)}" if before else ""
    return f"To keep your payment plan, pay {dollars(total)}{when}: " + " and ".join(parts) + "."


def _notes(values, termination, quarters, payoff, in_agreement_rate, after_rate, months_to_pay_off) -> list[str]:
    notice = values["notice_date"]
    notes = []
    if months_to_pay_off is not None:
        notes.append(
            f"If you catch up and keep paying {dollars(values['monthly_payment'])} a month, the balance would be paid off "
            f"in about {months_to_pay_off} months, by {us_date(add_months(notice, months_to_pay_off))}."
        )
    if values["termination_date"] is None:
        days = DAYS_TO_RESPOND.at(notice).value
        notes.append(
            f"You did not enter the date your plan would end, so this estimate assumes {days} days after the notice date: "
            f"{us_date(termination)}. Your notice prints the real date."
        )
    notes.append(
        f"Penalty: {in_agreement_rate}% of the tax for each month or part of a month that starts before {us_date(termination)} "
        f"(while the plan lasts), then {after_rate}% a month. Months or part months counted up to {us_date(payoff['as_of'])}: {payoff['months']}."
    )
    notes.append(_levy_notice_note(values, notice))
    maximum = failure_to_pay.MAXIMUM.at(notice).value
    if values["tax_on_return"] is None:
        notes.append(
            f"The penalty can reach at most {maximum}% of the tax unpaid on your return's due date. You did not enter that "
            f"amount, so this estimate uses {maximum}% of the tax you owe now, which is usually less. The penalty shown "
            "may stop growing too soon: add the tax unpaid on your return's due date for a better figure."
        )
    if payoff["capped"]:
        notes.append(
            f"The penalty has reached its limit of {maximum}% of the tax unpaid on your return's due date, so it stops growing."
        )
    notes.append(
        "Interest is compounded daily at the IRS rate for each calendar quarter, divided by 365 days (366 in a leap year). "
        "Interest on penalty added during this estimate is left out, so the real figure may be slightly higher."
    )
    assumed = [quarter for quarter in quarters if quarter.assumed]
    if assumed:
        span = assumed[0].quarter if len(assumed) == 1 else f"{assumed[0].quarter} to {assumed[-1].quarter}"
        notes.append(
            f"This estimate needs IRS interest rates for {span}, which are not published in our data "
            f"(it has rates up to {us_date(interest.RATE.known_until)}). It uses the latest known rate, "
            f"{interest.RATE.values[-1].value}% a year; the real rate may differ."
        )
    unconfirmed = [quarter.quarter for quarter in quarters if quarter.grade != "primary" and not quarter.assumed]
    if unconfirmed:
        notes.append(
            f"The interest rates used for {', '.join(unconfirmed)} are not yet confirmed from the IRS itself. Confirm them with the IRS."
        )
    last_shown = add_months(notice, PROJECTION_MONTHS)
    if interest.RATE.is_beyond_known(last_shown):
        notes.append(
            f"The month-by-month figures after {us_date(interest.RATE.known_until)} use the latest known interest rate, "
            f"{interest.RATE.values[-1].value}% a year, because later rates are not published yet."
        )
    if months_to_pay_off is None:
        notes.append(
            f"At {dollars(values['monthly_payment'])} a month, the balance would not be paid off within "
            f"{LONGEST_SIMULATION_MONTHS // 12} years: the payment does not keep up with the interest and penalty. "
            "Ask the IRS about a higher payment or another option."
        )
    return notes


def _levy_notice_note(values: dict, notice: dt.date) -> str:
    usual = failure_to_pay.NORMAL.at(notice).value
    higher = failure_to_pay.AFTER_LEVY_NOTICE.at(notice).value
    days = failure_to_pay.LEVY_NOTICE_DAYS.at(notice).value
    answer = values["levy_notice_before"]
    if answer == failure_to_pay.AFTER_LEVY_NOTICE_CHOICE:
        return (
            f"You said the IRS sent you a notice of intent to levy before your plan began, so after the plan ends "
            f"the penalty is {higher}% a month instead of {usual}%."
        )
    if answer == failure_to_pay.USUAL:
        return (
            f"You said the IRS did not send you a notice of intent to levy before your plan, so after the plan ends this "
            f"estimate uses {usual}% a month. If one comes later (LT11 or Letter 1058), the rate becomes {higher}% a month "
            f"from the first month that begins more than {days} days after it."
        )
    return (
        f"You are not sure whether the IRS sent you a notice of intent to levy before your plan began, so you see two "
        f"figures: with the usual {usual}% a month after the plan ends, and with {higher}% a month if you did get one. "
        "The lower figure is more likely if your plan began soon after your first IRS bill. The higher one is more "
        "likely if you got several IRS letters first, one of them headed “Notice of intent to levy” (CP504, LT11 or "
        "Letter 1058). Your IRS online account, or a call to the number on your notice, can tell you."
    )
