"""Past-due amount: what it takes to keep a payment plan, and what you would owe if it ends.

To stop the termination a CP523 announces, you pay the installments you missed and any newer
tax bill that was not paid in full. With the figures printed on the notice, this also estimates
the balance on a given day if the plan ends (interest compounded daily, failure-to-pay penalty
by the month) and how the balance falls if the plan is kept.

questions.py holds the form, rules.py the figures, notes.py which notes hold, wording.py the
renderer (its words are in calculators/catalogs/en/past_due.toml), chart.py the chart. The result
holds figures, dates and codes, never sentences.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..calculator import Calculator
from . import rules, wording
from .notes import OPEN_THE_ESTIMATE, Note, date_notes, impossible_picture, notes
from .questions import END_DATE, FIELDS, GROUPS, YOUR_PLAN, check, wants_estimate
from .rules import APPEAL_DAYS, LEVY_WAIT, CureParts, MonthRow, Owed, RateUsed, Unknowns

__all__ = ["CALCULATOR", "FIELDS", "GROUPS", "PastDueResult", "calculate", "check"]

# When to act, as the answer says it: before the end date (typed, or the notice date plus the days a
# CP523 gives), today (the end date is today), or the end date has passed (the plan may have ended).
DEADLINES = ("before", "today", "passed")


@dataclass(frozen=True)
class PastDueResult:
    as_of: dt.date  # the day the answer was asked on
    deadline: str  # one of DEADLINES
    amount_to_cure: Decimal
    cure_parts: CureParts
    notes: tuple[Note, ...]
    answers: dict  # the reader's answers (typed, or the default taken) that the answer used, for the printed answer
    final_levy_notice: str | None  # yes, no, not_sure or None: whether a levy date needs that notice first
    termination_date: dt.date  # the end date typed, or the notice date plus the days a CP523 gives
    end_date_assumed: bool  # True when termination_date is that guess
    levy_from: dt.date  # after this day the IRS may levy, if the plan ends on termination_date
    appeal_until: dt.date  # the last day to appeal the plan's end (Collection Appeals Program)
    # The estimate, when the notice's figures were given:
    payoff: Owed | None = None
    more_each_month: Decimal | None = None
    payoff_higher: Owed | None = None  # only when the reader is not sure of an answer that sets the penalty rate
    more_each_month_higher: Decimal | None = None
    unknowns: Unknowns | None = None
    higher_assumes: tuple[str, ...] = ()  # what the higher figures assume: levy_notice, filed_late, cp523_reading
    penalty_months: int | None = None
    penalty_months_from: dt.date | None = None  # the return's due date; None: counted from the notice date
    rates_used: tuple[RateUsed, ...] = ()
    projection: tuple[MonthRow, ...] = ()
    months_to_pay_off_if_kept: int | None = None
    notice_phone: str | None = None  # the number printed on the notice, if the reader gave it


def higher_assumes(unknowns: Unknowns) -> tuple[str, ...]:
    """What the higher figures assume, for the answers the reader was not sure of."""
    if unknowns.levy_notice:  # then 1% every month: no other answer changes the higher figures
        return ("levy_notice",)
    codes = []
    if unknowns.filed_on_time:
        codes.append("filed_late")
    if unknowns.cp523_reading:
        codes.append("cp523_reading")
    return tuple(codes)


def calculate(values: dict, today: dt.date) -> PastDueResult:
    parts = rules.cure_parts(values)
    total = parts.missed_installments + parts.new_balance_due
    ends = rules.termination(values)
    dates = {
        "as_of": today,
        "deadline": "passed" if ends < today else "today" if ends == today else "before",
        "amount_to_cure": total,
        "cure_parts": parts,
        "final_levy_notice": values["final_levy_notice"],
        "termination_date": ends,
        "end_date_assumed": values["termination_date"] is None,
        "levy_from": ends + dt.timedelta(days=int(LEVY_WAIT.at(ends).value)),
        "appeal_until": ends + dt.timedelta(days=int(APPEAL_DAYS.at(ends).value)),
        "notice_phone": values["notice_phone"],
    }
    if not wants_estimate(values):
        asked = YOUR_PLAN if values["termination_date"] is None else (*YOUR_PLAN, END_DATE)
        return PastDueResult(
            **dates,
            notes=(*date_notes(values, ends), OPEN_THE_ESTIMATE),
            answers={field.name: values[field.name] for field in asked},
        )
    figures = rules.estimate(values, parts.missed_installments)
    return PastDueResult(
        **dates,
        notes=impossible_picture(total, values) + notes(values, figures),
        answers={field.name: values[field.name] for field in FIELDS},
        payoff=figures.payoff,
        more_each_month=figures.more_each_month,
        payoff_higher=figures.payoff_higher,
        more_each_month_higher=figures.more_each_month_higher,
        unknowns=figures.unknowns,
        higher_assumes=higher_assumes(figures.unknowns) if figures.payoff_higher else (),
        penalty_months=figures.penalty_months,
        penalty_months_from=figures.penalty_months_from,
        rates_used=tuple(
            RateUsed(q.quarter, f"{q.rate_percent}", q.days, q.source.url, q.grade, q.assumed) for q in figures.quarters
        ),
        projection=figures.projection,
        months_to_pay_off_if_kept=figures.months_to_pay_off_if_kept,
    )


CALCULATOR = Calculator(
    name="past_due",
    page="catch-up-amount.md",
    groups=GROUPS,
    calculate=calculate,
    render=wording.render,
    check=check,
)
