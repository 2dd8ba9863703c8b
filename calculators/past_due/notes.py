"""Which notes an answer carries, as codes with their parameters: the catalog's `past_due.notes.<code>`
words each one (wording.py). Money is a Decimal; percents, counts and rates are text, never Decimal,
so that no renderer writes them as money."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from .. import failure_to_pay, interest
from ..dates import add_months
from ..short_notice import short_notice
from .rules import DAYS_TO_RESPOND, LONGEST_SIMULATION_MONTHS, PROJECTION_MONTHS, Estimate


@dataclass(frozen=True)
class Note:
    code: str
    parameters: dict = field(default_factory=dict)


# Without the notice's figures, the one note says where the estimate is.
OPEN_THE_ESTIMATE = Note("open_estimate")


def impossible_picture(total: Decimal, values: dict) -> tuple[Note, ...]:
    """A catch-up amount larger than the whole balance on the notice cannot be right: say so first."""
    balance = values["tax_owed"] + (values["penalty_so_far"] or 0) + (values["interest_so_far"] or 0)
    if total <= balance:
        return ()
    return (Note("check_figures", {"total": total, "balance": balance}),)


def date_notes(values: dict, ends: dt.date) -> list[Note]:
    """About the end date: a typed one too soon after the notice, or the one assumed."""
    notice = values["notice_date"]
    if values["termination_date"] is None:
        return [Note("end_date_assumed", {"days": str(DAYS_TO_RESPOND.at(notice).value), "ends": ends})]
    if warning := short_notice(notice, ends):
        return [Note("short_notice", {"notice": warning.notice, "ends": warning.ends, "days": warning.days})]
    return []


def notes(values: dict, figures: Estimate) -> tuple[Note, ...]:
    notice, ends, quarters = values["notice_date"], figures.termination_date, figures.quarters
    months_to_pay_off = figures.months_to_pay_off_if_kept
    monthly = values["monthly_payment"]
    notes = []
    if months_to_pay_off is not None:
        by = add_months(notice, months_to_pay_off)
        notes.append(Note("paid_off", {"monthly": monthly, "months": months_to_pay_off, "by": by}))
    notes += date_notes(values, ends)
    notes += penalty_notes(values, figures)
    maximum = str(failure_to_pay.MAXIMUM.at(notice).value)
    if values["tax_on_return"] is None:
        notes.append(Note("limit_on_tax_owed", {"maximum": maximum}))
    if figures.penalty_capped:
        notes.append(Note("limit_reached", {"maximum": maximum}))
    notes.append(Note("how_interest_is_counted"))
    latest = {"known_until": interest.RATE.known_until, "rate": str(interest.RATE.values[-1].value)}
    assumed = [quarter.quarter for quarter in quarters if quarter.assumed]
    if assumed:
        notes.append(Note("rates_assumed", {"first": assumed[0], "last": assumed[-1], **latest}))
    unconfirmed = [quarter.quarter for quarter in quarters if quarter.grade != "primary" and not quarter.assumed]
    if unconfirmed:
        notes.append(Note("rates_unconfirmed", {"quarters": tuple(unconfirmed)}))
    simulated = LONGEST_SIMULATION_MONTHS if months_to_pay_off is None else months_to_pay_off  # the pay-off too
    # The furthest day a figure reads a rate for: the projection and pay-off, or a month after the pay date
    # (how much more each month).
    last_shown = max(add_months(notice, max(PROJECTION_MONTHS, simulated)), add_months(values["pay_date"], 1))
    if interest.RATE.is_beyond_known(last_shown):
        notes.append(Note("later_rates_assumed", latest))
    if months_to_pay_off is None:
        notes.append(Note("never_paid_off", {"monthly": monthly, "years": LONGEST_SIMULATION_MONTHS // 12}))
    return tuple(notes)


def penalty_notes(values: dict, figures: Estimate) -> list[Note]:
    """Which months the penalty counts, and at which rates, for the reader's answers."""
    notice = values["notice_date"]
    rates = {
        "in_plan": str(failure_to_pay.IN_AGREEMENT.at(notice).value),
        "usual": str(failure_to_pay.NORMAL.at(notice).value),
        "higher": str(failure_to_pay.AFTER_LEVY_NOTICE.at(notice).value),
    }
    counted = {"day": figures.payoff.as_of, "months": figures.penalty_months}
    if figures.penalty_months_from:
        notes = [Note("months_from_due_date", {"due_date": figures.penalty_months_from, **counted})]
    else:
        notes = [Note("months_from_notice", counted)]
    if values["levy_notice_before"] == failure_to_pay.AFTER_LEVY_NOTICE_CHOICE:
        return notes + [Note("levy_notice_said", {"higher": rates["higher"], "in_plan": rates["in_plan"]})]
    unsure = figures.unknowns
    if unsure.levy_notice:
        notes.append(Note("levy_notice_not_sure", {"higher": rates["higher"]}))
    if values["final_levy_notice"] == "yes":
        notes.append(Note("final_levy_notice_is_one", {"higher": rates["higher"]}))
    in_plan = "rate_in_plan_filing_not_said" if unsure.filed_on_time and not unsure.levy_notice else "rate_in_plan"
    notes.append(Note(in_plan, {"in_plan": rates["in_plan"], "usual": rates["usual"]}))
    after_end = "after_end" if unsure.levy_notice else "after_end_higher_uses"
    ends = figures.termination_date
    notes.append(Note(after_end, {"ends": ends, "usual": rates["usual"], "higher": rates["higher"]}))
    return notes
