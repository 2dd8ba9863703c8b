"""Compliance checklist: the habits that keep a payment plan in good standing, as dated actions.

Plans often end for ordinary reasons: a payment from a closed account, a payment that
came back, a new tax bill nobody planned for. Each habit becomes a status and a next step,
with the reader's own payment dates, estimated tax amounts and a calendar file.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from . import calendar_file, estimated_tax, next_steps, parameters
from .answer import Actions, Checklist, ChecklistItem, Document, Paragraph, Steps, Table
from .dates import add_months
from .fields import (
    YES_NO_NOT_SURE,
    ChoiceField,
    DateField,
    Group,
    MoneyField,
    MonthField,
    WholeNumberField,
    YesNoField,
    fields_of,
    us_date,
)
from .money import dollars

TITLE = "Your payment plan checklist"
REMEMBER_ANSWERS = True  # the page keeps these answers in the browser so the checklist can be reopened

PHONE = parameters.get("contacts.phone_individuals")
PAYMENTS_WEB = parameters.get("contacts.web_payments")

GROUPS = (
    Group(
        "Your payments",
        (
            MoneyField(
                name="monthly_payment",
                label="Monthly payment",
                noun="your monthly payment",
                hint="The amount your payment plan asks you to pay each month.",
                minimum_allowed=False,
            ),
            WholeNumberField(
                name="payment_day",
                label="Day of the month your payment is due",
                noun="the day of the month your payment is due",
                hint="A number from 1 to 28. Your acceptance letter shows it.",
                minimum=1,
                maximum=28,
            ),
            MonthField(
                name="first_payment_month",
                label="Month of your next payment",
                noun="the month of your next payment",
            ),
            WholeNumberField(
                name="months",
                label="How many payments to list",
                noun="how many payments to list",
                hint="From 1 to 72. If you leave this empty, we list 12.",
                minimum=1,
                maximum=72,
                required=False,
                default=12,
            ),
        ),
    ),
    Group(
        "Check your habits (optional)",
        (
            YesNoField(
                name="autopay",
                label="Do your payments come out of your bank account automatically?",
                noun="whether your payments come out automatically",
                required=False,
            ),
            YesNoField(
                name="bank_changed",
                label="Have you changed or closed the bank account your payments come from?",
                noun="whether you have changed your bank account",
                required=False,
            ),
            YesNoField(
                name="irs_notified_of_bank_change",
                label="Have you given the IRS your new bank details?",
                noun="whether you have told the IRS about the new account",
                required=False,
                shown_when=("bank_changed", ("yes",)),
            ),
            YesNoField(
                name="expect_to_miss",
                label="Do you expect to miss a payment soon?",
                noun="whether you expect to miss a payment",
                required=False,
            ),
            YesNoField(
                name="reconciles_monthly",
                label="Do you check each month that the payment left your account?",
                noun="whether you check each month that the payment left your account",
                required=False,
            ),
            YesNoField(
                name="self_employed",
                label="Are you self-employed, or paid without tax taken out?",
                noun="whether you are self-employed",
                hint="For example freelance or gig work, or rental income.",
                required=False,
            ),
        ),
        hint="Answer what you can: each answer turns into a next step. Questions left empty stay on your list to do.",
        later=True,
        button="Add my habits to the checklist",
    ),
    Group(
        "This year's tax (optional)",
        (
            WholeNumberField(
                name="tax_year",
                label="Tax year",
                noun="the tax year",
                hint="The year you are earning income in now. If you leave this empty, we use this year.",
                minimum=2000,
                maximum=2100,
                required=False,
            ),
            MoneyField(
                name="prior_year_tax",
                label="Last year's total tax",
                noun="last year's total tax",
                hint="The “total tax” line on last year's Form 1040.",
                required=False,
            ),
            MoneyField(
                name="prior_year_agi",
                label="Last year's adjusted gross income",
                noun="last year's adjusted gross income",
                hint="The “adjusted gross income” line on last year's Form 1040.",
                required=False,
            ),
            ChoiceField(
                name="married_filing_separately",
                label="Will you file this year's return as married filing separately?",
                noun="whether you will file this year's return as married filing separately",
                hint="This year's filing status decides which income line applies to last year's income.",
                choices=YES_NO_NOT_SURE,
                required=False,
            ),
            MoneyField(
                name="expected_tax_this_year",
                label="This year's total tax, if you can estimate it",
                noun="this year's expected total tax",
                hint="Without it, we cannot tell whether you will owe tax when you file, which can end your plan.",
                required=False,
            ),
            MoneyField(
                name="withholding_this_year",
                label="Tax withheld this year",
                noun="the tax withheld this year",
                hint="Taken out of your pay or pension this year, and what you expect until December.",
                required=False,
                default=Decimal("0.00"),
            ),
            MoneyField(
                name="estimated_paid_this_year",
                label="Estimated tax paid this year",
                noun="the estimated tax paid this year",
                required=False,
                default=Decimal("0.00"),
            ),
            DateField(
                name="as_of",
                label="Today's date",
                noun="today's date",
                hint="If you leave this empty, we use today.",
                required=False,
                default_today=True,
            ),
        ),
        hint="Add these to see whether you would owe tax when you file, and what to pay during the year so you do not.",
        later=True,
        button="Add this year's tax to the checklist",
    ),
)
FIELDS = fields_of(GROUPS)


def _tax_year(values: dict) -> int:
    return values["tax_year"] or values["as_of"].year


def check(values: dict, today: dt.date) -> dict:
    errors = {}
    if values["bank_changed"] and values["irs_notified_of_bank_change"] is None:
        errors["irs_notified_of_bank_change"] = "Select whether you have told the IRS about the new account"
    if values["prior_year_tax"] is not None and values["prior_year_agi"] is None:
        errors["prior_year_agi"] = (
            "Enter last year's adjusted gross income, to check which share of last year's tax applies"
        )
    if values["prior_year_tax"] is not None or values["expected_tax_this_year"] is not None:
        years = estimated_tax.years_with_due_dates()
        if _tax_year(values) not in years:
            listed = ", ".join(str(year) for year in years[:-1]) + f" or {years[-1]}"
            errors["tax_year"] = (
                f"The tax year must be {listed}: we do not have the estimated tax due dates for {_tax_year(values)} yet"
            )
    return errors


def payment_dates(first_month: dt.date, day: int, count: int) -> list[dt.date]:
    return [add_months(first_month, index).replace(day=day) for index in range(count)]


@dataclass(frozen=True)
class Habit:
    id: str
    title: str
    status: str  # in_place, to_do or urgent
    action: str


@dataclass(frozen=True)
class DuePayment:
    due_date: dt.date
    amount: Decimal


@dataclass(frozen=True)
class SafeHarbor:
    """What avoids the estimated tax penalty (IRC 6654(d), (e)); not the same as owing nothing."""

    required_annual_payment: Decimal
    prior_year_share_percent: str
    required_if_not_filing_separately: Decimal | None  # named when the reader is not sure
    paid_or_withheld: Decimal
    below_minimum: bool
    shortfall: Decimal
    quarterly: tuple[DuePayment, ...]  # what to pay on the due dates still ahead
    installments: tuple[estimated_tax.Installment, ...]  # each quarter's share, for the whole year
    late: tuple[DuePayment, ...]  # installments whose date has passed and that are still short


@dataclass(frozen=True)
class BalanceWithReturn:
    """Tax that would be due when the return is filed: itself a default of the plan if unpaid."""

    expected_tax: Decimal
    paid_or_withheld: Decimal
    amount: Decimal
    quarterly: tuple[DuePayment, ...]  # the amount split over the estimated tax dates still ahead


@dataclass(frozen=True)
class EstimatedPayments:
    caption: str
    purpose: str
    quarterly: tuple[DuePayment, ...]


@dataclass(frozen=True)
class Contacts:
    phone: str
    web: str


@dataclass(frozen=True)
class ChecklistResult:
    summary: str
    as_of: dt.date
    items: tuple[Habit, ...]
    payment_dates: tuple[dt.date, ...]
    monthly_payment: Decimal
    next_payment: dt.date
    safe_harbor: SafeHarbor | None
    balance_with_return: BalanceWithReturn | None
    estimated_payments: EstimatedPayments | None
    ics: str
    contacts: Contacts


STATUS_WORDS = {"in_place": "In place", "to_do": "To do", "urgent": "Do this first"}


def calculate(values: dict, today: dt.date) -> ChecklistResult:
    day = values["as_of"]
    dates = payment_dates(values["first_payment_month"], values["payment_day"], values["months"])
    upcoming = next((date for date in dates if date >= day), dates[0])
    safe_harbor = _safe_harbor(values) if values["prior_year_tax"] is not None else None
    balance = _balance_with_return(values)
    phone = PHONE.at(day).value
    web = PAYMENTS_WEB.at(day).value
    items = (
        _automatic_payments(values, phone, web),
        _bank_details(values, upcoming, phone),
        _call_before_missing(values, upcoming, phone),
        _check_each_month(values),
        _no_new_balance(values, safe_harbor, balance, web),
    )
    estimated = _estimated_payments(values, safe_harbor, balance)
    events = [
        calendar_file.Event(
            "payment",
            date,
            f"IRS payment plan: pay {dollars(values['monthly_payment'])}",
            "Your monthly payment plan payment. A few days later, check that it left your account. "
            f"If you cannot pay, call the IRS before this date: {phone}.",
        )
        for date in dates
    ]
    if estimated:
        events += [
            calendar_file.Event(
                "estimated-tax",
                quarter.due_date,
                f"Estimated tax due: pay {dollars(quarter.amount)}",
                f"Estimated tax payment for {_tax_year(values)} (Form 1040-ES): {estimated.purpose} Pay at {web}.",
            )
            for quarter in estimated.quarterly
        ]
    events.sort(key=lambda event: (event.day, event.kind))
    in_place = sum(item.status == "in_place" for item in items)
    urgent = [item.title for item in items if item.status == "urgent"]
    summary = f"{in_place} of {len(items)} habits are in place."
    if urgent:
        summary += " Do these first: " + "; ".join(urgent) + "."
    return ChecklistResult(
        summary=summary,
        as_of=day,
        items=items,
        payment_dates=tuple(dates),
        monthly_payment=values["monthly_payment"],
        next_payment=upcoming,
        safe_harbor=safe_harbor,
        balance_with_return=balance,
        estimated_payments=estimated,
        ics=calendar_file.calendar(events, day),
        contacts=Contacts(phone, web),
    )


def document(result: ChecklistResult) -> Document:
    """The habits to tick, the payment dates, what to pay in estimated tax, whom to call, and the buttons."""
    blocks = [
        Checklist(
            tuple(ChecklistItem(h.id, h.title, h.status, STATUS_WORDS[h.status], h.action) for h in result.items),
            done_text="Done",
        ),
        Table(
            "Your payment dates",
            ("Date", "Amount"),
            tuple((us_date(date), dollars(result.monthly_payment)) for date in result.payment_dates),
            style="checklist-dates",
        ),
    ]
    if result.estimated_payments:
        payments = result.estimated_payments
        rows = tuple((us_date(due.due_date), dollars(due.amount)) for due in payments.quarterly)
        blocks.append(Table(payments.caption, ("Due date", "Amount"), rows))
    blocks += [
        Steps(
            (
                next_steps.call(result.as_of, "if you cannot make a payment, before its date"),
                next_steps.pay(result.as_of, "or see your plan"),
            )
        ),
        Paragraph(
            "“Add reminders to my calendar” saves a small calendar file made on this device; nothing is sent anywhere. "
            "On a phone, open the file and your calendar app asks before it adds the dates, each with a reminder "
            f"{calendar_file.REMINDER_DAYS_BEFORE} days before.",
            screen_only=True,
        ),
        Actions("Print this checklist", "Add reminders to my calendar", "payment-plan-reminders.ics", result.ics),
    ]
    return Document(result.summary, tuple(blocks))


def _item(item_id: str, title: str, status: str, action: str) -> Habit:
    return Habit(item_id, title, status, action)


def _automatic_payments(values, phone, web) -> dict:
    title = "Pay automatically from your bank account"
    if values["autopay"]:
        return _item(
            "automatic_payments",
            title,
            "in_place",
            "Keep enough money in the account a few days before each payment date.",
        )
    return _item(
        "automatic_payments",
        title,
        "to_do",
        f"Ask the IRS to take your payments by direct debit: call the number on your notice or {phone}, or sign in at {web}. "
        "Payments that come out by themselves are hard to miss.",
    )


def _bank_details(values, upcoming, phone) -> dict:
    title = "Tell the IRS before you change banks"
    if values["bank_changed"] and not values["irs_notified_of_bank_change"]:
        return _item(
            "bank_details",
            title,
            "urgent",
            f"Give the IRS your new bank details before your next payment on {us_date(upcoming)}: call the number on your notice "
            f"or {phone}. A payment from a closed account counts as a missed payment.",
        )
    if values["bank_changed"]:
        return _item(
            "bank_details",
            title,
            "in_place",
            f"Check that your payment on {us_date(upcoming)} comes out of the new account.",
        )
    # Not answered: it stays on the list to do, never counted as in place.
    return _item(
        "bank_details",
        title,
        "in_place" if values["bank_changed"] is False else "to_do",
        "If you ever change or close the account, tell the IRS before the next payment.",
    )


def _call_before_missing(values, upcoming, phone) -> dict:
    title = "Call before you miss a payment"
    if values["expect_to_miss"]:
        return _item(
            "call_before_missing",
            title,
            "urgent",
            f"Call the IRS before {us_date(upcoming)}, at the number on your notice or {phone}. Ask to lower the payment "
            "or change the date. It is much easier before a payment is missed than after.",
        )
    return _item(
        "call_before_missing",
        title,
        "in_place" if values["expect_to_miss"] is False else "to_do",
        "If money gets tight, call before the payment date, not after.",
    )


def _check_each_month(values) -> dict:
    title = "Check each month that the payment left your account"
    if values["reconciles_monthly"]:
        return _item(
            "check_each_month",
            title,
            "in_place",
            "Keep doing it: look at your account a few days after each payment date.",
        )
    return _item(
        "check_each_month",
        title,
        "to_do",
        "A few days after each payment date, look at your bank account. If a payment came back unpaid, call the IRS at once.",
    )


def _no_new_balance(values, safe_harbor, balance, web) -> dict:
    """A balance due with the return is itself a default of the plan (IRC 6159(b)(4)(B)); the safe
    harbor of IRC 6654(d) only avoids the estimated tax penalty, so it is described as that."""
    item_id, title = "no_new_balance", "Pay this year's tax as you go, so no new bill builds up"
    year = _tax_year(values)
    status_if_owing = "urgent" if values["self_employed"] else "to_do"
    if balance is None:
        if safe_harbor is None:
            return _item(
                item_id,
                title,
                "to_do",
                "Check that enough tax is taken out of your pay (Form W-4), or make estimated payments (Form 1040-ES). "
                "A new tax bill you cannot pay can end your plan. Add this year's expected tax above to see whether you would owe.",
            )
        return _item(
            item_id,
            title,
            status_if_owing if safe_harbor.shortfall else "to_do",
            f"We cannot tell yet whether you will owe tax when you file for {year}: add this year's expected total tax above. "
            "Any tax you owe with your return and do not pay in full can end your plan. "
            + _penalty_sentence(safe_harbor),
        )
    if not balance.amount:
        return _item(
            item_id,
            title,
            "in_place",
            f"Your withholding and payments of {dollars(balance.paid_or_withheld)} cover this year's expected tax of "
            f"{dollars(balance.expected_tax)}, so you should owe nothing when you file. Check again if your income changes.",
        )
    owed = (
        f"You may owe about {dollars(balance.amount)} when you file your {year} return: {dollars(balance.expected_tax)} "
        f"expected tax minus {dollars(balance.paid_or_withheld)} withheld and paid. If it is not paid in full, it can end "
        "your payment plan. "
    )
    if balance.quarterly:
        parts = ", ".join(f"{dollars(quarter.amount)} by {us_date(quarter.due_date)}" for quarter in balance.quarterly)
        how = (
            f"To owe nothing, pay it as estimated tax ({parts}) at {web} or with Form 1040-ES, or have more tax taken out "
            "of your pay (Form W-4). Or pay it in full when you file. "
        )
    else:
        how = f"The estimated tax dates for {year} have passed: pay what you can now at {web}, and the rest in full when you file. "
    penalty = _penalty_sentence(safe_harbor) if safe_harbor else ""
    return _item(item_id, title, status_if_owing, (owed + how + penalty).strip())


def _penalty_sentence(safe_harbor: SafeHarbor) -> str:
    """What avoids the estimated tax penalty (IRC 6654(d), (e)): not the same as owing nothing. The
    penalty runs on each installment from its own due date, so a late one can be reduced, not avoided."""
    if safe_harbor.below_minimum:
        return "You will not owe the estimated tax penalty, because less than the amount that needs estimated payments would be owed."
    if not safe_harbor.shortfall:
        return (
            f"You will not owe the estimated tax penalty: your withholding and payments cover the "
            f"{dollars(safe_harbor.required_annual_payment)} that avoids it."
        )
    parts = ", ".join(f"{dollars(quarter.amount)} by {us_date(quarter.due_date)}" for quarter in safe_harbor.quarterly)
    if safe_harbor.late:
        late = ", ".join(f"{dollars(quarter.amount)} due {us_date(quarter.due_date)}" for quarter in safe_harbor.late)
        sentence = (
            f"The estimated tax penalty is worked out for each quarter: each needed "
            f"{dollars(safe_harbor.installments[0].required)} of the {dollars(safe_harbor.required_annual_payment)} "
            f"that avoids it. These are late: {late}. The penalty on each runs from its due date until it is paid, so "
            "paying now lowers it but cannot avoid it. Tax taken out of your pay counts as paid evenly through the "
            "year, whenever it was taken: asking your employer to take out more before December 31 (Form W-4) can "
            "still cover quarters that have passed."
        )
        if parts:
            sentence += f" Still ahead: {parts}."
    elif not parts:
        return f"You are {dollars(safe_harbor.shortfall)} short of what avoids the estimated tax penalty, and its due dates have passed."
    else:
        sentence = f"Paying at least {dollars(safe_harbor.shortfall)} more ({parts}) avoids the estimated tax penalty."
    if safe_harbor.required_if_not_filing_separately is not None:
        sentence += (
            f" That assumes you may file separately, which needs {safe_harbor.prior_year_share_percent}% of last year's tax. "
            f"If you will not file separately, {dollars(safe_harbor.required_if_not_filing_separately)} paid in all avoids it."
        )
    return sentence + PRIOR_YEAR_ASSUMPTION


# IRC 6654(d)(1)(B)(ii): last year's tax counts only if last year's return covered 12 months.
PRIOR_YEAR_ASSUMPTION = " This uses last year's tax, which assumes you filed a return for all 12 months of last year."


def _due_payments(dates: list[dt.date], amounts: list[Decimal]) -> tuple[DuePayment, ...]:
    return tuple(DuePayment(due, amount) for due, amount in zip(dates, amounts, strict=False))


def _balance_with_return(values) -> BalanceWithReturn | None:
    """What would be owed when the return is filed: expected tax minus withholding and estimated payments."""
    expected = values["expected_tax_this_year"]
    if expected is None:
        return None
    paid = values["withholding_this_year"] + values["estimated_paid_this_year"]
    amount = max(Decimal("0.00"), expected - paid)
    ahead = _due_dates_ahead(values)
    amounts = estimated_tax.split(amount, len(ahead)) if amount else []
    return BalanceWithReturn(expected, paid, amount, _due_payments(ahead, amounts))


def _estimated_payments(values, safe_harbor, balance) -> EstimatedPayments | None:
    """The payments the page lists and the calendar reminds of: enough to owe nothing when the
    expected tax is known, otherwise what avoids the estimated tax penalty."""
    if balance and balance.quarterly:
        return EstimatedPayments(
            "Estimated tax to pay, so that you owe nothing when you file",
            "paying this keeps a new tax bill from building up.",
            balance.quarterly,
        )
    if balance is None and safe_harbor and safe_harbor.quarterly:
        return EstimatedPayments(
            "Estimated tax to pay to avoid the estimated tax penalty (you may still owe more when you file)",
            "at least this much avoids the estimated tax penalty.",
            safe_harbor.quarterly,
        )
    return None


def _due_dates_ahead(values) -> list[dt.date]:
    return [due for due in estimated_tax.due_dates(_tax_year(values)) if due >= values["as_of"]]


def _safe_harbor(values) -> SafeHarbor:
    day = values["as_of"]
    filing_separately = values["married_filing_separately"]
    share_if_separate = estimated_tax.prior_year_share(values["prior_year_agi"], True, day)
    share_otherwise = estimated_tax.prior_year_share(values["prior_year_agi"], False, day)
    if filing_separately == "yes":
        share = share_if_separate
    elif filing_separately == "no":
        share = share_otherwise
    else:  # not sure, or not answered: the larger share is safe, and the answer names the other
        share = max(share_if_separate, share_otherwise)

    def required_with(prior_share):
        return estimated_tax.required_annual_payment(
            values["prior_year_tax"], prior_share, values["expected_tax_this_year"], day
        )

    required = required_with(share)
    unsure_difference = required_with(share_otherwise) if share != share_otherwise else None
    paid = values["withholding_this_year"] + values["estimated_paid_this_year"]
    below_minimum = estimated_tax.below_minimum(values["expected_tax_this_year"], values["withholding_this_year"], day)
    shortfall = Decimal("0.00") if below_minimum else max(Decimal("0.00"), required - paid)
    installments = estimated_tax.installments(
        required,
        values["withholding_this_year"],
        values["estimated_paid_this_year"],
        estimated_tax.due_dates(_tax_year(values)),
    )
    late = (
        ()
        if below_minimum
        else tuple(DuePayment(row.due_date, row.short) for row in installments if row.due_date < day and row.short)
    )
    ahead = _due_dates_ahead(values)
    if late:  # the late part is paid now; each installment still ahead needs its own share
        quarterly = tuple(
            DuePayment(row.due_date, row.short) for row in installments if row.due_date >= day and row.short
        )
    else:
        quarterly = _due_payments(ahead, estimated_tax.split(shortfall, len(ahead)) if shortfall else [])
    return SafeHarbor(
        required, f"{share}", unsure_difference, paid, below_minimum, shortfall, quarterly, tuple(installments), late
    )
