"""The catch-up calculator's words: the sentence that leads the answer, the notes, and the
answer document the page lays out (calculators/answer.py)."""

import datetime as dt

from .. import failure_to_pay, final_levy_notice, interest, next_steps, parameters
from ..answer import Document, Figures, Heading, Link, Notes, Paragraph, Step, Steps, Table
from ..dates import add_months, month_name
from ..fields import us_date
from ..money import about, dollars
from ..termination_dates import short_notice_warning
from .chart import chart
from .rules import DAYS_TO_RESPOND, LONGEST_SIMULATION_MONTHS, PROJECTION_MONTHS, Estimate, Owed, Unknowns

LEVY_WAIT = parameters.get("notice.levy_wait_after_termination_days")


def higher_condition(unknowns: Unknowns) -> str:
    """What the higher figures assume, for the answers the reader was not sure of."""
    if unknowns.levy_notice:  # then 1% every month: no other answer changes the higher figures
        return "the IRS sent you a notice of intent to levy before your plan began"
    parts = []
    if unknowns.filed_on_time:
        parts.append("you filed your return late")
    if unknowns.cp523_reading:
        parts.append("the CP523 itself raises the penalty to 1% a month once your plan ends")
    return " and ".join(parts)


def cure_sentence(
    total, missed, monthly, new_balance, before: dt.date | None = None, today: dt.date | None = None
) -> str:
    if not total:
        return "You have no missed payments or new balance to catch up on from these figures. Call the number on your notice to find out why it was sent."
    parts = []
    if missed:
        payments = "payment" if missed == 1 else "payments"
        parts.append(f"{missed} missed {payments} of {dollars(monthly)}")
    if new_balance:
        parts.append(f"the new tax balance of {dollars(new_balance)}")
    when = ""
    if before:
        when = (
            f" today, {us_date(before)}, the day your plan can end" if before == today else f" before {us_date(before)}"
        )
    return f"To keep your payment plan, pay {dollars(total)}{when}: " + " and ".join(parts) + "."


def range_of(lower, higher) -> str:
    """ "about $25" when both figures round to the same dollars, else "about $25 to $100"."""
    return about(lower) if about(lower) == about(higher) else f"{about(lower)} to {about(higher)}"


def date_passed(termination: dt.date) -> str:
    return f"The date your plan would end, {us_date(termination)}, has passed: call the IRS today."


def summary(cure: str, figures: Estimate | None) -> str:
    """The answer's first sentences: what to pay and by when (to the cent), then about what the plan
    ending would cost (in whole dollars: the cents are in the working)."""
    if figures is None:
        return cure
    ended, higher = figures.payoff, figures.payoff_higher
    day = us_date(ended.as_of)
    if higher is None:
        return (
            f"{cure} If your plan ends, you would owe about {about(ended.total)} on {day}, "
            f"and about {about(figures.more_each_month)} more each month."
        )
    return (
        f"{cure} If your plan ends, you would owe about {range_of(ended.total, higher.total)} on {day}, and about "
        f"{range_of(figures.more_each_month, figures.more_each_month_higher)} more each month. "
        f"The higher figures are if {higher_condition(figures.unknowns)}."
    )


def impossible_picture(total, values: dict) -> tuple[str, ...]:
    """A catch-up amount larger than the whole balance on the notice cannot be right: say so first."""
    balance = values["tax_owed"] + (values["penalty_so_far"] or 0) + (values["interest_so_far"] or 0)
    if total <= balance:
        return ()
    return (
        f"Check your figures: the catch-up amount, {dollars(total)}, is more than everything your notice shows you "
        f"owe, {dollars(balance)}. The number of missed payments, or an amount from another letter, may be wrong.",
    )


def if_nothing_is_done(result) -> str:
    """What happens if the reader does nothing, with their own dates and amounts where we have them,
    and the final notice of intent to levy that must come before any levy."""
    condition = final_levy_notice.condition(result.final_levy_notice, result.as_of)
    if result.payoff is None:
        return (
            "If you do nothing, the IRS can end your plan on the date printed on your notice. The whole balance is "
            f"then due, and the IRS can later take money from your pay or bank account. {condition}"
        )
    ends = result.termination_date
    levy_from = ends + dt.timedelta(days=int(LEVY_WAIT.at(ends).value))
    return (
        f"If you do nothing, your plan can end on {us_date(ends)}. Then the whole balance, about "
        f"{about(result.payoff.total)} on {us_date(result.payoff.as_of)}, is due at once, and after {us_date(levy_from)} the "
        f"IRS can take money from your pay or bank account. {condition}"
    )


def notes(values: dict, figures: Estimate) -> tuple[str, ...]:
    notice, termination, quarters = values["notice_date"], figures.termination_date, figures.quarters
    months_to_pay_off = figures.months_to_pay_off_if_kept
    notes = []
    if months_to_pay_off is not None:
        notes.append(
            f"If you catch up and keep paying {dollars(values['monthly_payment'])} a month, the balance would be paid off "
            f"in about {months_to_pay_off} months, by {us_date(add_months(notice, months_to_pay_off))}."
        )
    if values["termination_date"] and (warning := short_notice_warning(notice, termination)):
        notes.append(warning)
    if values["termination_date"] is None:
        days = DAYS_TO_RESPOND.at(notice).value
        notes.append(
            f"You did not enter the date your plan would end, so this estimate assumes {days} days after the notice date: "
            f"{us_date(termination)}. Your notice prints the real date."
        )
    notes += penalty_notes(values, figures)
    maximum = failure_to_pay.MAXIMUM.at(notice).value
    if values["tax_on_return"] is None:
        notes.append(
            f"The penalty can reach at most {maximum}% of the tax unpaid on your return's due date. You did not enter that "
            f"amount, so this estimate uses {maximum}% of the tax you owe now, which is usually less. The penalty shown "
            "may stop growing too soon: add the tax unpaid on your return's due date for a better figure."
        )
    if figures.penalty_capped:
        notes.append(
            f"The penalty has reached its limit of {maximum}% of the tax unpaid on your return's due date, so it stops growing."
        )
    notes.append(
        "Interest is compounded daily at the IRS rate for each calendar quarter, divided by 365 days (366 in a leap year). "
        "Interest on penalty added during this estimate is left out, so the real figure may be slightly higher."
    )
    assumed = [quarter for quarter in quarters if quarter.assumed]
    if assumed:
        span = assumed[0].quarter if len(assumed) == 1 else f"{assumed[0].quarter} to {assumed[-1].quarter}"
        notes.append(
            f"This estimate needs IRS interest rates for {span}, which are not published in our data "
            f"(it has rates up to {us_date(interest.RATE.known_until)}). It uses the latest known rate, "
            f"{interest.RATE.values[-1].value}% a year; the real rate may differ."
        )
    unconfirmed = [quarter.quarter for quarter in quarters if quarter.grade != "primary" and not quarter.assumed]
    if unconfirmed:
        notes.append(
            f"The interest rates used for {', '.join(unconfirmed)} are not yet confirmed from the IRS itself. Confirm them with the IRS."
        )
    simulated = LONGEST_SIMULATION_MONTHS if months_to_pay_off is None else months_to_pay_off  # the pay-off too
    last_shown = add_months(notice, max(PROJECTION_MONTHS, simulated))
    if interest.RATE.is_beyond_known(last_shown):
        notes.append(
            f"The figures for months after {us_date(interest.RATE.known_until)} use the latest known interest rate, "
            f"{interest.RATE.values[-1].value}% a year, because later rates are not published yet."
        )
    if months_to_pay_off is None:
        notes.append(
            f"At {dollars(values['monthly_payment'])} a month, the balance would not be paid off within "
            f"{LONGEST_SIMULATION_MONTHS // 12} years: the payment does not keep up with the interest and penalty. "
            "Ask the IRS about a higher payment or another option."
        )
    return tuple(notes)


def penalty_notes(values: dict, figures: Estimate) -> list[str]:
    """Which months the penalty counts, and at which rates, for the reader's answers."""
    notice, ends = values["notice_date"], figures.termination_date
    in_plan = failure_to_pay.IN_AGREEMENT.at(notice).value
    usual = failure_to_pay.NORMAL.at(notice).value
    higher = failure_to_pay.AFTER_LEVY_NOTICE.at(notice).value
    counted = f"Months begun from the notice date to {us_date(figures.payoff.as_of)}: {figures.penalty_months}."
    if figures.penalty_months_from:
        months = f"Penalty months count from your return's due date, {us_date(figures.penalty_months_from)}. {counted}"
    else:
        months = (
            "Penalty months count from the notice date, as you did not enter the tax year. The IRS counts from your "
            f"return's due date, so this may add one month too many. {counted}"
        )
    notes = [months]
    answer = values["levy_notice_before"]
    if answer == failure_to_pay.AFTER_LEVY_NOTICE_CHOICE:
        notes.append(
            f"You said the IRS sent you a notice of intent to levy before your plan began, so the penalty is {higher}% a "
            f"month, while the plan lasts and after it ends (IRC 6651(d)). The lower {in_plan}% rate for plans does not apply."
        )
        return notes
    if figures.unknowns.levy_notice:
        notes.append(
            f"You are not sure whether a notice of intent to levy (CP504, LT11 or Letter 1058) came before your plan. "
            f"If one did, the penalty is {higher}% a month, during the plan too: the higher figures use that, the figures "
            "for keeping your plan do not. It is more likely if you got several IRS letters before your plan. Your IRS "
            "online account, or a call, can tell you."
        )
    if values["final_levy_notice"] == "yes":
        notes.append(
            "You said you have had an LT11 or Letter 1058. That is a notice of intent to levy too: if it came before "
            f"your plan began, the penalty is {higher}% a month, during the plan too. Then answer “Yes” to the question "
            "about a notice before your plan."
        )
    rate_in_plan = f"While the plan lasts, the penalty is {in_plan}% a month if you filed on time, {usual}% if not."
    if figures.unknowns.filed_on_time and not figures.unknowns.levy_notice:
        rate_in_plan += f" You did not say whether you filed on time: the higher figures use {usual}%."
    notes.append(rate_in_plan)
    higher_use = "" if figures.unknowns.levy_notice else f" The higher figures use {higher}%."
    notes.append(
        f"After the plan ends on {us_date(ends)}, the penalty is {usual}% a month, or {higher}% if the CP523 itself "
        "counts as a notice of intent to levy. No law or court has settled this: an IRS lawyers' memo (GL-703322-00) "
        f"says it does not while the plan lasts, but such memos do not bind the IRS.{higher_use}"
    )
    return notes


def _owed_figures(caption: str, owed: Owed) -> Figures:
    rows = (("Tax", owed.tax), ("Penalty", owed.penalty), ("Interest", owed.interest), ("Total", owed.total))
    return Figures(caption, tuple((label, dollars(amount)) for label, amount in rows), total_last=True)


def _rate_row(rate) -> tuple:
    assumed = " (assumed: not yet published)" if rate.assumed else ""
    source = "IRS" if rate.grade == "primary" else f"IRS (our figure: {rate.grade})"
    return (rate.quarter, f"{rate.rate_percent}%{assumed}", str(rate.days), Link(source, rate.source))


def document(result) -> Document:
    """The answer first (what to do now), then the working."""
    today = result.as_of
    if result.termination_date is None:
        by = "before the date on your notice"
    else:  # on the end date itself, or once it has passed, the time to act is today
        by = "today" if result.termination_date <= today else f"before {us_date(result.termination_date)}"
    to_do = []
    if result.amount_to_cure:
        to_do.append(next_steps.pay(today, f"{dollars(result.amount_to_cure)} {by}"))
    to_do += [
        next_steps.call(today, f"{by} if you cannot pay it all, or think the notice is wrong"),
        Step(if_nothing_is_done(result)),
    ]
    cure = result.cure_parts
    blocks = [
        Heading("What to do now"),
        Steps(tuple(to_do)),
        Figures(
            "What it takes to catch up",
            (
                ("Missed payments", dollars(cure.missed_installments)),
                ("New tax balance", dollars(cure.new_balance_due)),
                ("Amount to pay", dollars(result.amount_to_cure)),
            ),
            total_last=True,
        ),
    ]
    if result.payoff is not None:
        on_day = us_date(result.payoff.as_of)
        blocks.append(_owed_figures(f"If your plan ends: what you would owe on {on_day}", result.payoff))
        if result.payoff_higher is not None:
            # The headline says which answers the higher figures assume.
            blocks.append(
                _owed_figures(f"With the higher figures: what you would owe on {on_day}", result.payoff_higher)
            )
        in_a_year = result.projection[11]
        blocks += [
            Heading("Month by month: if your plan ends, or if you keep it"),
            Paragraph(
                f"In a year, in {month_name(in_a_year.month)}: about {about(in_a_year.if_ended)} if your plan ends, "
                f"about {about(in_a_year.if_kept)} if you keep it."
            ),
            chart(result.projection),
            Table(
                "Balance at each month after the notice",
                ("Month", "If your plan ends", "If you keep your plan"),
                tuple(
                    (month_name(row.month), dollars(row.if_ended), dollars(row.if_kept)) for row in result.projection
                ),
                folded=True,
            ),
            Table(
                "IRS interest rates for each quarter of the estimate",
                ("Quarter", "Rate a year", "Days", "Source"),
                tuple(_rate_row(rate) for rate in result.rates_used),
                folded=True,
            ),
        ]
    blocks += [Heading("Good to know"), Notes(result.notes), Figures("The figures you entered", result.entered)]
    return Document(result.summary, tuple(blocks))
