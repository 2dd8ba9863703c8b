"""Failure-to-pay penalty (IRC 6651): a share of the unpaid tax for each month or part of a month.

Month k begins on the start date plus k-1 months (the 31st becomes the month's last day
where needed); a part month counts as a whole one. While an installment agreement is in
effect, someone who filed on time pays the lower rate. The penalty never totals more than
the maximum share of the tax.
"""

import datetime as dt
from decimal import Decimal

from . import parameters

NORMAL = parameters.get("failure_to_pay.rate_normal")
IN_AGREEMENT = parameters.get("failure_to_pay.rate_in_agreement")
AFTER_LEVY_NOTICE = parameters.get("failure_to_pay.rate_after_levy_notice")
MAXIMUM = parameters.get("failure_to_pay.maximum")


def rate_while_in_agreement(filed_on_time: bool, day: dt.date) -> Decimal:
    """Percent a month while the agreement lasts."""
    return (IN_AGREEMENT if filed_on_time else NORMAL).at(day).value


def rate_after_termination(choice: str, day: dt.date) -> Decimal:
    """Percent a month once the agreement has ended: the normal rate, or the higher one after a levy notice."""
    return (AFTER_LEVY_NOTICE if choice == "1" else NORMAL).at(day).value


def room_under_maximum(tax: Decimal, penalty_so_far: Decimal, day: dt.date) -> Decimal:
    """How much more penalty the maximum still allows."""
    return max(Decimal(0), tax * MAXIMUM.at(day).value / 100 - penalty_so_far)
