"""Failure-to-pay penalty (IRC 6651): a share of the unpaid tax for each month or part of a month.

Month k begins on the return's due date plus k-1 months (IRC 6651(a)(2); the 31st becomes the
month's last day where needed); a part month counts as a whole one. While an installment agreement is in
effect, someone who filed on time pays the lower rate. After a notice of intent to levy
(IRC 6331(d)), the higher rate applies (IRC 6651(d)). The penalty never totals more than the
maximum share of the tax shown on the return less what was paid by its due date.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from . import parameters

NORMAL = parameters.get("failure_to_pay.rate_normal")
IN_AGREEMENT = parameters.get("failure_to_pay.rate_in_agreement")
AFTER_LEVY_NOTICE = parameters.get("failure_to_pay.rate_after_levy_notice")
MAXIMUM = parameters.get("failure_to_pay.maximum")
LEVY_NOTICE_DAYS = parameters.get("failure_to_pay.levy_notice_days")

RETURN_DUE_DAY = parameters.get("failure_to_pay.return_due_day")

# What the reader tells us about notices of intent to levy, by name: a choice never carries a
# rate, so a new rate in the data cannot change what an answer means.
USUAL = "usual"
AFTER_LEVY_NOTICE_CHOICE = "after_levy_notice"


@dataclass(frozen=True)
class PenaltyFacts:
    """The facts that set the rate for each month, as the reader gave them or as one case assumes.

    `cp523_raises_rate` is the reading no binding source settles: that the CP523, headed "notice of
    intent to levy", is a notice under IRC 6331(d), so that 1% applies once the plan has ended. The
    only on-point source, Chief Counsel memo GL-703322-00, says it does not while the plan is in
    effect; such memos are not precedent, so answers show both readings after the end date.
    """

    filed_on_time: bool
    levy_notice_before_plan: bool
    cp523_raises_rate: bool


def rate_for_month(facts: PenaltyFacts, begins: dt.date, plan_ends: dt.date, notice: dt.date) -> Decimal:
    """Percent of the unpaid tax for the month (or part month) that begins on `begins`.

    A notice under IRC 6331(d) before the plan means 1% for every later month, during the plan too:
    IRC 6651(d) puts 1% in place of 0.5% in IRC 6651(a), and the 0.25% of IRC 6651(h) only replaces
    0.5%. We take that notice to be more than 10 days older than any month counted here.
    """
    if facts.levy_notice_before_plan:
        return AFTER_LEVY_NOTICE.at(begins).value
    if begins < plan_ends:
        return (IN_AGREEMENT if facts.filed_on_time else NORMAL).at(begins).value
    after_cp523 = begins > notice + dt.timedelta(days=int(LEVY_NOTICE_DAYS.at(notice).value))
    return (AFTER_LEVY_NOTICE if facts.cp523_raises_rate and after_cp523 else NORMAL).at(begins).value


def return_due_date(tax_year: int) -> dt.date:
    """When the return for a calendar tax year was due (IRC 6072(a)): penalty months count from it."""
    due = dt.date(tax_year + 1, 1, 1)
    month, day = RETURN_DUE_DAY.at(due).value.split("-")
    return due.replace(month=int(month), day=int(day))


def room_under_maximum(tax_on_return: Decimal, penalty_so_far: Decimal, day: dt.date) -> Decimal:
    """How much more penalty the maximum still allows; `tax_on_return` is the tax shown on the
    return less what was paid by its due date (IRC 6651(a)(2), (b)(2))."""
    return max(Decimal(0), tax_on_return * MAXIMUM.at(day).value / 100 - penalty_so_far)
