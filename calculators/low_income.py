"""Low income for installment agreement fees (IRC 6159(f)): adjusted gross income at or below
a share of the HHS poverty guideline for the household's size and region.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from . import parameters
from .money import to_cents

GUIDELINE = parameters.get("low_income.poverty_guideline")
PERCENT = parameters.get("low_income.percent_of_poverty_guideline")

REGIONS = ("contiguous", "alaska", "hawaii")  # the guideline's three tables


@dataclass(frozen=True)
class Limit:
    guideline: Decimal
    limit: Decimal
    percent: Decimal
    year: int
    value: parameters.Value  # the guideline row used, with its source and grade
    assumed: bool  # True when a newer guideline may apply that is not in our data
    note: str  # "", or which guideline this is when a reader should know: "assumed" or "latest_published"


def first_day() -> dt.date:
    return GUIDELINE.values[0].effective


def limit_for(household_size: int, region: str, day: dt.date) -> Limit:
    row = GUIDELINE.at(day)
    by_person = row.value[region]  # declared breakdown: region, then first or additional person
    guideline = by_person["first_person"] + by_person["additional_person"] * (household_size - 1)
    percent = PERCENT.at(day).value
    return Limit(
        guideline=guideline,
        limit=to_cents(guideline * percent / 100),
        percent=percent,
        year=row.effective.year,
        value=row,
        assumed=GUIDELINE.is_beyond_known(day),
        note=_note(row.effective.year, day),
    )


def _note(year: int, day: dt.date) -> str:
    # A guideline stays in force until HHS publishes the next, so early January still uses last
    # year's as the latest published; only after the next is due (`next_expected`) is it assumed.
    if GUIDELINE.is_beyond_known(day):
        return "assumed"
    if day.year > year:
        return "latest_published"
    return ""
