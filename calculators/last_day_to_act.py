"""The reader's last day to act, on a weekend or legal holiday (IRC 7503).

IRC 7503 makes an act on time when it is done on the next day that is not a Saturday, Sunday or
legal holiday (District of Columbia holidays count, 26 CFR 301.7503-1(b)). It moves only the
reader's own last day to act, never the IRS's dates (the end of a plan, the first day a levy is
possible). Where a deadline comes from IRS guidance rather than the Code (the appeal window of
Pub 1660), moving it is a reading, so answers show the date unmoved and advise the last business
day on or before it.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cache

from . import parameters

FEDERAL = parameters.get("holidays.federal_holidays")
DC_EMANCIPATION_DAY = parameters.get("holidays.dc_emancipation_day")
HOLIDAY_NAMES = {
    "new_years_day": "New Year's Day",
    "martin_luther_king_jr_day": "Martin Luther King Jr. Day",
    "washingtons_birthday": "Washington's Birthday",
    "memorial_day": "Memorial Day",
    "juneteenth": "Juneteenth",
    "independence_day": "Independence Day",
    "labor_day": "Labor Day",
    "columbus_day": "Columbus Day",
    "veterans_day": "Veterans Day",
    "thanksgiving_day": "Thanksgiving Day",
    "christmas_day": "Christmas Day",
}
SATURDAY = 5


@cache
def _holidays() -> dict[dt.date, str]:
    federal = {day: HOLIDAY_NAMES[key] for value in FEDERAL.values for key, day in value.value.items()}
    return federal | {value.value: "DC Emancipation Day" for value in DC_EMANCIPATION_DAY.values}


def why_not_a_business_day(day: dt.date) -> str | None:
    """ "a Saturday", "a Sunday", "New Year's Day, a legal holiday", or None for a business day."""
    if day.weekday() >= SATURDAY:
        return "a Saturday" if day.weekday() == SATURDAY else "a Sunday"
    if name := _holidays().get(day):
        return f"{name}, a legal holiday"
    return None


@dataclass(frozen=True)
class LastDay:
    """A last day to act, as the source states it, and what a weekend or holiday does to it."""

    stated: dt.date
    falls_on: str | None  # why `stated` is not a business day, or None
    moved_to: dt.date  # the next business day (IRC 7503); `stated` when it is one
    safe: dt.date  # the last business day on or before `stated`: the day to act by
    holidays_known: bool  # False past the holiday data: only weekends were checked


def last_day(stated: dt.date) -> LastDay:
    def step(day: dt.date, days: int) -> dt.date:
        while why_not_a_business_day(day):
            day += dt.timedelta(days=days)
        return day

    return LastDay(
        stated=stated,
        falls_on=why_not_a_business_day(stated),
        moved_to=step(stated, 1),
        safe=step(stated, -1),
        holidays_known=not (FEDERAL.is_beyond_known(stated) or DC_EMANCIPATION_DAY.is_beyond_known(stated)),
    )
