"""Past-due amount: what it takes to keep a payment plan, and what you would owe if it ends.

To stop the termination a CP523 announces, you pay the installments you missed and any newer
tax bill that was not paid in full. With the figures printed on the notice, this also estimates
the balance on a given day if the plan ends (interest compounded daily, failure-to-pay penalty
by the month) and how the balance falls if the plan is kept.

questions.py holds the form, rules.py the figures, wording.py the sentences and the answer the
page shows, chart.py the chart.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..answer import Document
from ..fields import answers_as_written
from . import rules, wording
from .questions import FIELDS, GROUPS, TITLE, YOUR_PLAN, check, wants_estimate
from .rules import CureParts, MonthRow, Owed, RateUsed, Unknowns

__all__ = ["FIELDS", "GROUPS", "TITLE", "PastDueResult", "calculate", "check", "document"]


@dataclass(frozen=True)
class PastDueResult:
    summary: str
    as_of: dt.date  # the day the answer was asked on
    amount_to_cure: Decimal
    cure_parts: CureParts
    notes: tuple[str, ...]
    entered: tuple[tuple[str, str], ...]  # the reader's answers as written, for the printed answer
    final_levy_notice: str | None  # yes, no, not_sure or None: whether a levy date needs that notice first
    # The estimate, when the notice's figures were given:
    termination_date: dt.date | None = None
    payoff: Owed | None = None
    more_each_month: Decimal | None = None
    payoff_higher: Owed | None = None  # only when the reader is not sure of an answer that sets the penalty rate
    more_each_month_higher: Decimal | None = None
    unknowns: Unknowns | None = None
    penalty_months: int | None = None
    penalty_months_from: dt.date | None = None  # the return's due date; None: counted from the notice date
    rates_used: tuple[RateUsed, ...] = ()
    projection: tuple[MonthRow, ...] = ()
    months_to_pay_off_if_kept: int | None = None


def calculate(values: dict, today: dt.date) -> PastDueResult:
    parts = rules.cure_parts(values)
    total = parts.missed_installments + parts.new_balance_due
    missed, monthly = values["missed_payments"], values["monthly_payment"]
    if not wants_estimate(values):
        return PastDueResult(
            summary=wording.cure_sentence(total, missed, monthly, parts.new_balance_due),
            as_of=today,
            amount_to_cure=total,
            cure_parts=parts,
            entered=answers_as_written(YOUR_PLAN, values),
            final_levy_notice=values["final_levy_notice"],
            notes=(
                "To see what you would owe if your plan ends, and how fast that grows, open “What would you owe if "
                "your plan ends?” under the button and add the figures from your notice.",
            ),
        )
    figures = rules.estimate(values, parts.missed_installments)
    if figures.termination_date < today:  # a date that has passed is said first, never shown as a deadline
        cure = (
            wording.date_passed(figures.termination_date)
            + " "
            + wording.cure_sentence(total, missed, monthly, parts.new_balance_due)
        )
    else:
        cure = wording.cure_sentence(
            total, missed, monthly, parts.new_balance_due, before=figures.termination_date, today=today
        )
    return PastDueResult(
        summary=wording.summary(cure, figures),
        as_of=today,
        amount_to_cure=total,
        cure_parts=parts,
        notes=wording.impossible_picture(total, values) + wording.notes(values, figures),
        entered=answers_as_written(FIELDS, values),
        final_levy_notice=values["final_levy_notice"],
        termination_date=figures.termination_date,
        payoff=figures.payoff,
        more_each_month=figures.more_each_month,
        payoff_higher=figures.payoff_higher,
        more_each_month_higher=figures.more_each_month_higher,
        unknowns=figures.unknowns,
        penalty_months=figures.penalty_months,
        penalty_months_from=figures.penalty_months_from,
        rates_used=tuple(
            RateUsed(q.quarter, f"{q.rate_percent}", q.days, q.source.url, q.grade, q.assumed) for q in figures.quarters
        ),
        projection=figures.projection,
        months_to_pay_off_if_kept=figures.months_to_pay_off_if_kept,
    )


def document(result: PastDueResult) -> Document:
    return wording.document(result)
