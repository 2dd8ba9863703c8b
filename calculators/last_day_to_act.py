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
from .words import Phrase, Words

FEDERAL = parameters.get("holidays.federal_holidays")
DC_EMANCIPATION_DAY = parameters.get("holidays.dc_emancipation_day")
SATURDAY = 5


@cache
def _holidays() -> dict[dt.date, str]:
    """Day → the holiday's key (its name is last_day_to_act.holidays.<key> in the catalog)."""
    federal = {day: key for value in FEDERAL.values for key, day in value.value.items()}
    return federal | {value.value: "dc_emancipation_day" for value in DC_EMANCIPATION_DAY.values}


def why_not_a_business_day(day: dt.date) -> str | None:
    """ "saturday", "sunday", a legal holiday's key ("new_years_day"), or None for a business day."""
    if day.weekday() >= SATURDAY:
        return "saturday" if day.weekday() == SATURDAY else "sunday"
    return _holidays().get(day)


def why_words(code: str, words: Words) -> str:
    """ "a Saturday", "a Sunday", "New Year's Day, a legal holiday": what `why_not_a_business_day` said."""
    if code in ("saturday", "sunday"):
        return words(f"last_day_to_act.falls_on.{code}")
    return words("last_day_to_act.falls_on.holiday", holiday=Phrase(f"last_day_to_act.holidays.{code}"))


@dataclass(frozen=True)
class LastDay:
    """A last day to act, as the source states it, and what a weekend or holiday does to it."""

    stated: dt.date
    falls_on: str | None  # why `stated` is not a business day (a code: see why_not_a_business_day), or None
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
