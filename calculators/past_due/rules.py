"""The figures: what it takes to catch up, and the balance over time if the plan ends or is kept.

Two ways of counting the penalty, on purpose:
- if the plan ends and nothing is paid, the unpaid tax stays the same, so the penalty on any day is
  the tax times the sum of the rates of the months (or part months) begun by then;
- if the plan is kept, each month's payment lowers the tax, so the penalty is added month by month
  on the tax still unpaid at the start of that month (IRC 6651(b)(2)).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .. import failure_to_pay, interest, parameters
from ..dates import add_months, month_starts
from ..fields import NOT_SURE
from ..money import to_cents

DAYS_TO_RESPOND = parameters.get("notice.days_to_respond")
LEVY_WAIT = parameters.get("notice.levy_wait_after_termination_days")
APPEAL_DAYS = parameters.get("notice.appeal_days_after_termination")
PROJECTION_MONTHS = 24
# A bound on the month-by-month simulation, not a legal figure: 50 years of payments.
LONGEST_SIMULATION_MONTHS = 600


@dataclass(frozen=True)
class CureParts:
    missed_installments: Decimal
    new_balance_due: Decimal


@dataclass(frozen=True)
class Owed:
    """What is owed on one day if the plan ends and nothing is paid."""

    as_of: dt.date
    tax: Decimal
    penalty: Decimal
    interest: Decimal
    total: Decimal


@dataclass(frozen=True)
class RateUsed:
    quarter: str
    rate_percent: str
    days: int
    source: str
    grade: str
    assumed: bool


@dataclass(frozen=True)
class MonthRow:
    month: str  # "2026-12"
    if_ended: Decimal
    if_kept: Decimal


@dataclass(frozen=True)
class Unknowns:
    """What the higher figures assume: the worse answer to each question the reader was not sure of,
    and the unsettled reading that a CP523 raises the rate once the plan has ended."""

    filed_on_time: bool
    levy_notice: bool
    cp523_reading: bool

    def __bool__(self) -> bool:
        return self.filed_on_time or self.levy_notice or self.cp523_reading


@dataclass(frozen=True)
class Estimate:
    """Everything the estimate works out from the notice's figures."""

    termination_date: dt.date
    payoff: Owed
    more_each_month: Decimal
    payoff_higher: Owed | None  # only when the reader is not sure of an answer that sets the penalty rate
    more_each_month_higher: Decimal | None
    unknowns: Unknowns
    penalty_months: int
    penalty_months_from: dt.date | None  # the return's due date, or None when counted from the notice date
    penalty_capped: bool
    quarters: tuple[interest.QuarterUsed, ...]
    projection: tuple[MonthRow, ...]
    months_to_pay_off_if_kept: int | None


def cure_parts(values: dict) -> CureParts:
    return CureParts(
        missed_installments=to_cents(values["monthly_payment"] * values["missed_payments"]),
        new_balance_due=to_cents(values["new_balance_due"]),
    )


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


def unknowns(values: dict) -> Unknowns:
    levy_before = values["levy_notice_before"]
    return Unknowns(
        # After a levy notice, 1% applies whether or not the return was on time.
        filed_on_time=values["filed_on_time"] in (None, NOT_SURE)
        and levy_before != failure_to_pay.AFTER_LEVY_NOTICE_CHOICE,
        levy_notice=levy_before in (None, NOT_SURE),
        cp523_reading=levy_before != failure_to_pay.AFTER_LEVY_NOTICE_CHOICE,
    )


def penalty_facts(values: dict, worse: bool) -> failure_to_pay.PenaltyFacts:
    """The reader's answers; for one not given, and for the unsettled CP523 reading, the better
    case (`worse` False) or the worse one (`worse` True)."""
    unsure = unknowns(values)
    levy_before = values["levy_notice_before"] == failure_to_pay.AFTER_LEVY_NOTICE_CHOICE
    return failure_to_pay.PenaltyFacts(
        filed_on_time=values["filed_on_time"] == "yes" or (unsure.filed_on_time and not worse),
        levy_notice_before_plan=levy_before or (unsure.levy_notice and worse),
        cp523_raises_rate=worse,
    )


def penalty_months_from(values: dict) -> dt.date | None:
    """The return's due date, when the reader gave the tax year (IRC 6651(a)(2))."""
    return failure_to_pay.return_due_date(values["tax_year"]) if values["tax_year"] else None


def new_penalty_months(values: dict, day: dt.date) -> list[dt.date]:
    """Starts of the penalty months that begin on or after the notice date and before `day`: the
    notice's own penalty line covers the months begun before it. Without the tax year, months are
    counted from the notice date, which can count one month more than the IRS does, never fewer."""
    notice = values["notice_date"]
    first = penalty_months_from(values) or notice
    return month_starts(first, day, not_before=notice)


def termination(values: dict) -> dt.date:
    notice = values["notice_date"]
    return values["termination_date"] or notice + dt.timedelta(days=int(DAYS_TO_RESPOND.at(notice).value))


def _so_far(values: dict) -> tuple[Decimal, Decimal]:
    return values["penalty_so_far"] or Decimal(0), values["interest_so_far"] or Decimal(0)


def _penalty_room(values: dict) -> Decimal:
    """Penalty the 25% limit still allows. The limit is measured on the tax unpaid on the return's
    due date when the reader gives it, else on what is owed now (which may be too low)."""
    base = values["tax_on_return"] if values["tax_on_return"] is not None else values["tax_owed"]
    return failure_to_pay.room_under_maximum(base, _so_far(values)[0], values["notice_date"])


def owed_if_ended(values: dict, worse: bool):
    """A function of a day: (what is owed on it if the plan ends and nothing is paid, months counted, capped)."""
    notice, tax, ends = values["notice_date"], values["tax_owed"], termination(values)
    penalty_so_far, interest_so_far = _so_far(values)
    facts = penalty_facts(values, worse)
    room = _penalty_room(values)

    def on(day: dt.date) -> tuple[Owed, int, bool]:
        months = new_penalty_months(values, day)
        uncapped = tax * sum(failure_to_pay.rate_for_month(facts, start, ends, notice) for start in months) / 100
        base = tax + penalty_so_far + interest_so_far
        owed_interest = to_cents(interest_so_far + base * interest.factor_between(notice, day) - base)
        owed_penalty = to_cents(penalty_so_far + min(uncapped, room))
        owed = Owed(day, tax, owed_penalty, owed_interest, tax + owed_penalty + owed_interest)
        return owed, len(months), uncapped >= room

    return on


def if_kept(values: dict, missed_installments: Decimal) -> tuple[list[Decimal], int | None]:
    """Balance left after each month's payment if you catch up on the notice date and keep paying.

    Returns (balances by month number, month 0 being the notice date; months until paid off, or None).
    """
    notice = values["notice_date"]
    # The plan never ends here, so the month's start only matters for the rate in force.
    facts, never_ends = penalty_facts(values, worse=False), dt.date.max
    room = _penalty_room(values)
    balance = Balance(values["tax_owed"], *_so_far(values))
    balance.pay(missed_installments)
    balances = [to_cents(balance.total)]
    for month in range(1, LONGEST_SIMULATION_MONTHS + 1):
        start, end = add_months(notice, month - 1), add_months(notice, month)
        if balance.total > 0:
            rate = failure_to_pay.rate_for_month(facts, start, never_ends, notice)
            new_penalty = min(balance.tax * rate / 100, room)
            room -= new_penalty
            balance.penalty_added += new_penalty
            balance.add_interest(start, end)
            balance.pay(values["monthly_payment"])
        balances.append(to_cents(balance.total))
        if balance.total <= 0 and month >= PROJECTION_MONTHS:
            break
    paid_off = next((month for month, left in enumerate(balances) if left <= 0), None)
    return balances, paid_off


def estimate(values: dict, missed_installments: Decimal) -> Estimate:
    notice, pay_date = values["notice_date"], values["pay_date"]
    ended_on = owed_if_ended(values, worse=False)
    payoff, months, capped = ended_on(pay_date)
    higher = higher_growth = None
    if unknowns(values):
        higher_on = owed_if_ended(values, worse=True)
        higher = higher_on(pay_date)[0]
        higher_growth = higher_on(add_months(pay_date, 1))[0].total - higher.total
    kept, months_to_pay_off = if_kept(values, missed_installments)
    projection = tuple(
        MonthRow(f"{day:%Y-%m}", ended_on(day)[0].total, kept[month])
        for month in range(1, PROJECTION_MONTHS + 1)
        for day in [add_months(notice, month)]
    )
    return Estimate(
        termination_date=termination(values),
        payoff=payoff,
        more_each_month=ended_on(add_months(pay_date, 1))[0].total - payoff.total,
        payoff_higher=higher,
        more_each_month_higher=higher_growth,
        unknowns=unknowns(values),
        penalty_months=months,
        penalty_months_from=penalty_months_from(values),
        penalty_capped=capped,
        quarters=tuple(interest.quarters_between(notice, pay_date)),
        projection=projection,
        months_to_pay_off_if_kept=months_to_pay_off,
    )
