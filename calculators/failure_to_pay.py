"""Failure-to-pay penalty (IRC 6651): a share of the unpaid tax for each month or part of a month.

Month k begins on the start date plus k-1 months (the 31st becomes the month's last day
where needed); a part month counts as a whole one. While an installment agreement is in
effect, someone who filed on time pays the lower rate. After a notice of intent to levy
(IRC 6331(d)), the higher rate applies (IRC 6651(d)). The penalty never totals more than the
maximum share of the tax shown on the return less what was paid by its due date.
"""

import datetime as dt
from decimal import Decimal

from . import parameters

NORMAL = parameters.get("failure_to_pay.rate_normal")
IN_AGREEMENT = parameters.get("failure_to_pay.rate_in_agreement")
AFTER_LEVY_NOTICE = parameters.get("failure_to_pay.rate_after_levy_notice")
MAXIMUM = parameters.get("failure_to_pay.maximum")
LEVY_NOTICE_DAYS = parameters.get("failure_to_pay.levy_notice_days")

# What the reader tells us about notices of intent to levy, by name: a choice never carries a
# rate, so a new rate in the data cannot change what an answer means.
USUAL = "usual"
AFTER_LEVY_NOTICE_CHOICE = "after_levy_notice"


def rate_while_in_agreement(filed_on_time: bool, day: dt.date) -> Decimal:
    """Percent a month while the agreement lasts."""
    return (IN_AGREEMENT if filed_on_time else NORMAL).at(day).value


def rate_after_termination(levy_notice: str, day: dt.date) -> Decimal:
    """Percent a month once the agreement has ended: `USUAL`, or `AFTER_LEVY_NOTICE_CHOICE` when a
    notice of intent to levy came before the plan (IRC 6651(d))."""
    return {USUAL: NORMAL, AFTER_LEVY_NOTICE_CHOICE: AFTER_LEVY_NOTICE}[levy_notice].at(day).value


def room_under_maximum(tax_on_return: Decimal, penalty_so_far: Decimal, day: dt.date) -> Decimal:
    """How much more penalty the maximum still allows; `tax_on_return` is the tax shown on the
    return less what was paid by its due date (IRC 6651(a)(2), (b)(2))."""
    return max(Decimal(0), tax_on_return * MAXIMUM.at(day).value / 100 - penalty_so_far)
