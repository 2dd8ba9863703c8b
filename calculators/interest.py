"""Interest on unpaid tax (IRC 6601, 6621, 6622): the underpayment rate, compounded daily.

For each day, the balance is multiplied by (1 + r / N): r is the yearly rate in force
for that day's calendar quarter, N the number of days in that day's year (365, or 366
in a leap year; the IRS's own day count is not confirmed by our sources, so the
calculators say which one they use).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from . import parameters
from .dates import add_months, days_in_year, quarter_label, quarter_start

RATE = parameters.get("interest.underpayment_rate")

# Inexact steps (division, powers) keep 34 significant digits, far beyond a cent on any balance;
# rounding to cents happens once, at the result, and says its own mode there.
PRECISION = Context(prec=34, rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True)
class QuarterUsed:
    quarter: str  # "2026-Q1"
    rate_percent: Decimal
    days: int
    source: parameters.Source
    grade: str
    assumed: bool  # True: no published rate for this quarter in our data; the latest known one was used


def first_day_with_rate() -> dt.date:
    return RATE.values[0].effective


def quarters_between(after: dt.date, through: dt.date) -> list[QuarterUsed]:
    """Each calendar quarter touched by the days after `after` up to and including `through`."""
    used = []
    day = after + dt.timedelta(days=1)
    while day <= through:
        next_quarter = add_months(quarter_start(day), 3)
        last = min(through, next_quarter - dt.timedelta(days=1))
        value = RATE.at(day)
        used.append(
            QuarterUsed(
                quarter=quarter_label(day),
                rate_percent=value.value,
                days=(last - day).days + 1,
                source=value.source,
                grade=value.grade,
                assumed=RATE.is_beyond_known(day),
            )
        )
        day = next_quarter
    return used


def growth_factor(quarters: list[QuarterUsed]) -> Decimal:
    """How much a balance grows over these quarters: the product of (1 + r / N) over every day."""
    factor = Decimal(1)
    with localcontext(PRECISION):
        for quarter in quarters:
            year = int(quarter.quarter[:4])  # a quarter never spans two years, so N is the same all quarter
            daily = 1 + quarter.rate_percent / 100 / days_in_year(year)
            factor *= daily**quarter.days
    return factor


def factor_between(after: dt.date, through: dt.date) -> Decimal:
    return growth_factor(quarters_between(after, through))
