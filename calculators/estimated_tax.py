"""Estimated tax safe harbor (IRC 6654(d), (e)): how much to pay during the year so that no
new balance, and no estimated tax penalty, builds up. A new balance is one of the reasons a
payment plan goes into default.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from . import parameters
from .money import to_cents

CURRENT_YEAR = parameters.get("estimated_tax.current_year_percent")
PRIOR_YEAR = parameters.get("estimated_tax.prior_year_percent")
PRIOR_YEAR_HIGH_INCOME = parameters.get("estimated_tax.prior_year_percent_high_income")
HIGH_INCOME_AGI = parameters.get("estimated_tax.high_income_agi")
MINIMUM_OWED = parameters.get("estimated_tax.minimum_owed")
DUE_DATES = parameters.get("estimated_tax.due_dates")


def years_with_due_dates() -> list[int]:
    return [value.effective.year for value in DUE_DATES.values]


def due_dates(tax_year: int) -> list[dt.date]:
    """The four due dates for `tax_year`, from the data; KeyError when the data has no such year."""
    for value in DUE_DATES.values:
        if value.effective.year == tax_year:
            return [value.value[quarter] for quarter in ("q1", "q2", "q3", "q4")]
    raise KeyError(tax_year)


def prior_year_share(prior_year_agi: Decimal, married_filing_separately: bool, day: dt.date) -> Decimal:
    """Percent of last year's tax that counts as enough: higher when last year's income was high."""
    line = HIGH_INCOME_AGI.at(day).value["married_filing_separately" if married_filing_separately else "other"]
    return (PRIOR_YEAR_HIGH_INCOME if prior_year_agi > line else PRIOR_YEAR).at(day).value


def required_annual_payment(
    prior_year_tax: Decimal, prior_share: Decimal, expected_tax: Decimal | None, day: dt.date
) -> Decimal:
    """The smaller of 90% of this year's tax (when known) and the share of last year's tax, in cents (half up)."""
    from_prior_year = to_cents(prior_year_tax * prior_share / 100)
    if expected_tax is None:
        return from_prior_year
    return min(from_prior_year, to_cents(expected_tax * CURRENT_YEAR.at(day).value / 100))


def below_minimum(expected_tax: Decimal | None, withholding: Decimal, day: dt.date) -> bool:
    """True when less than the minimum would be owed after withholding, so no estimated payments are needed."""
    return expected_tax is not None and expected_tax - withholding < MINIMUM_OWED.at(day).value


def split(amount: Decimal, parts: int) -> list[Decimal]:
    """Equal parts in whole cents, rounded down; the last part takes the cents left over, so they add up exactly."""
    if parts == 0:
        return []
    share = (amount / parts).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return [share] * (parts - 1) + [amount - share * (parts - 1)]


@dataclass(frozen=True)
class Installment:
    """One required installment (IRC 6654(c), (d)(1)(A)): a quarter of the required annual payment."""

    due_date: dt.date
    required: Decimal
    credited: Decimal
    short: Decimal


def installments(
    required_annual: Decimal, withholding: Decimal, estimated_paid: Decimal, due: list[dt.date]
) -> list[Installment]:
    """What each installment needed and what counts toward it. Withholding counts as paid in equal
    parts on the due dates (IRC 6654(g)); estimated payments are taken as made on time and applied to
    the earliest installments first, and anything over an installment carries to the next (6654(b)(3))."""
    carried, left_to_apply = Decimal("0.00"), estimated_paid
    rows = []
    for due_date, required, withheld in zip(
        due, split(required_annual, len(due)), split(withholding, len(due)), strict=True
    ):
        available = withheld + carried
        applied = min(left_to_apply, max(Decimal("0.00"), required - available))
        left_to_apply -= applied
        credited = available + applied
        rows.append(Installment(due_date, required, min(credited, required), max(Decimal("0.00"), required - credited)))
        carried = max(Decimal("0.00"), credited - required)
    return rows
