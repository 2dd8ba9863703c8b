"""Compliance checklist: the habits that keep a payment plan in good standing, as dated actions.

Plans often end for ordinary reasons: a payment from a closed account, a payment that
came back, a new tax bill nobody planned for. Each habit becomes a status and a next step,
with the reader's own payment dates, estimated tax amounts and a calendar file.

The result holds figures, dates and codes: each habit's status and action (with the figures its
words need), the safe harbor's penalty code and the estimated payments' purpose. `render` words
them from the catalog (catalogs/<language>/checklist.toml), calendar file included.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from . import calendar_file, estimated_tax, next_steps, parameters
from .answer import Actions, Checklist, ChecklistItem, Document, Paragraph, Steps, Table
from .calculator import Calculator
from .dates import add_months
from .fields import (
    YES_NO_NOT_SURE,
    ChoiceField,
    DateField,
    Group,
    MoneyField,
    MonthField,
    Problem,
    WholeNumberField,
    YesNoField,
)
from .words import Phrase, Words

PHONE = parameters.get("contacts.phone_individuals")
PAYMENTS_WEB = parameters.get("contacts.web_payments")

GROUPS = (
    Group(
        "payments",
        (
            MoneyField(name="monthly_payment", minimum_allowed=False),
            WholeNumberField(name="payment_day", minimum=1, maximum=28),
            MonthField(name="first_payment_month"),
            WholeNumberField(name="months", minimum=1, maximum=72, required=False, default=12),
        ),
    ),
    Group(
        "habits",
        (
            YesNoField(name="autopay", required=False),
            YesNoField(name="bank_changed", required=False),
            YesNoField(name="irs_notified_of_bank_change", required=False, shown_when=("bank_changed", ("yes",))),
            YesNoField(name="expect_to_miss", required=False),
            YesNoField(name="reconciles_monthly", required=False),
            YesNoField(name="self_employed", required=False),
        ),
        later=True,
    ),
    Group(
        "this_year",
        (
            WholeNumberField(name="tax_year", minimum=2000, maximum=2100, required=False),
            MoneyField(name="prior_year_tax", required=False),
            MoneyField(name="prior_year_agi", required=False),
            ChoiceField(name="married_filing_separately", choices=YES_NO_NOT_SURE, required=False),
            MoneyField(name="expected_tax_this_year", required=False),
            MoneyField(name="withholding_this_year", required=False, default=Decimal("0.00")),
            MoneyField(name="estimated_paid_this_year", required=False, default=Decimal("0.00")),
            DateField(name="as_of", required=False, default_today=True),
        ),
        later=True,
    ),
    next_steps.NOTICE_PHONE_GROUP,
)


HABITS = tuple(field.name for group in GROUPS if group.id == "habits" for field in group.fields)


def _tax_year(values: dict) -> int:
    return values["tax_year"] or values["as_of"].year


def check(values: dict, today: dt.date) -> dict[str, Problem]:
    problems = {}
    if values["bank_changed"] and values["irs_notified_of_bank_change"] is None:
        problems["irs_notified_of_bank_change"] = Problem("errors.select")
    if values["prior_year_tax"] is not None and values["prior_year_agi"] is None:
        problems["prior_year_agi"] = Problem("checklist.errors.agi_for_share")
    if values["prior_year_tax"] is not None or values["expected_tax_this_year"] is not None:
        years = estimated_tax.years_with_due_dates()
        if _tax_year(values) not in years:
            earlier = ", ".join(str(year) for year in years[:-1])  # years, written with commas in any language
            arguments = {"earlier": earlier, "last": str(years[-1]), "year": str(_tax_year(values))}
            problems["tax_year"] = Problem("checklist.errors.no_due_dates", arguments)
    return problems


def payment_dates(first_month: dt.date, day: int, count: int) -> list[dt.date]:
    return [add_months(first_month, index).replace(day=day) for index in range(count)]


def next_payment(first_month: dt.date, day: int, as_of: dt.date) -> dt.date:
    """The first payment date on or after `as_of`: the plan's payments go on monthly past the list."""
    date = first_month.replace(day=day)
    while date < as_of:
        date = add_months(date, 1).replace(day=day)
    return date


@dataclass(frozen=True)
class Habit:
    id: str  # its words: checklist.habits.<id> in the catalog
    status: str  # in_place, to_do or urgent
    action: str  # what to do next: checklist.habits.<id>.actions.<action>
    # The figures and dates that action's words name; lists of payments are in the result itself.
    parameters: dict = field(default_factory=dict)


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
    # below_minimum, covered (no shortfall), late or short: checklist.penalty.<code> in the catalog
    penalty: str


@dataclass(frozen=True)
class BalanceWithReturn:
    """Tax that would be due when the return is filed: itself a default of the plan if unpaid."""

    expected_tax: Decimal
    paid_or_withheld: Decimal
    amount: Decimal
    quarterly: tuple[DuePayment, ...]  # the amount split over the estimated tax dates still ahead


@dataclass(frozen=True)
class EstimatedPayments:
    purpose: str  # owe_nothing or avoid_penalty: checklist.estimated.<purpose>
    quarterly: tuple[DuePayment, ...]


@dataclass(frozen=True)
class Contacts:
    phone: str
    web: str


@dataclass(frozen=True)
class ChecklistResult:
    as_of: dt.date
    today: dt.date  # the reader's today: the way to act is for now
    items: tuple[Habit, ...]
    habits_in_place: int
    habits_answered: bool  # any habit question answered (they are a later group): else a neutral headline
    payment_dates: tuple[dt.date, ...]
    monthly_payment: Decimal
    next_payment: dt.date  # the first payment date from the day asked about, listed or not
    tax_year: int
    safe_harbor: SafeHarbor | None
    balance_with_return: BalanceWithReturn | None
    estimated_payments: EstimatedPayments | None
    contacts: Contacts
    notice_phone: str | None = None  # the number printed on the notice, if the reader gave it


def calculate(values: dict, today: dt.date) -> ChecklistResult:
    day = values["as_of"]
    dates = payment_dates(values["first_payment_month"], values["payment_day"], values["months"])
    upcoming = next_payment(values["first_payment_month"], values["payment_day"], day)
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
    return ChecklistResult(
        as_of=day,
        today=today,
        items=items,
        habits_in_place=sum(item.status == "in_place" for item in items),
        habits_answered=any(values[name] is not None for name in HABITS),
        payment_dates=tuple(dates),
        monthly_payment=values["monthly_payment"],
        next_payment=upcoming,
        tax_year=_tax_year(values),
        safe_harbor=safe_harbor,
        balance_with_return=balance,
        estimated_payments=_estimated_payments(safe_harbor, balance),
        contacts=Contacts(phone, web),
        notice_phone=values["notice_phone"],
    )


def _automatic_payments(values, phone, web) -> Habit:
    if values["autopay"]:
        return Habit("automatic_payments", "in_place", "keep_funded")
    return Habit("automatic_payments", "to_do", "ask_direct_debit", {"phone": phone, "web": web})


def _bank_details(values, upcoming, phone) -> Habit:
    if values["bank_changed"] and not values["irs_notified_of_bank_change"]:
        return Habit("bank_details", "urgent", "tell_now", {"next_payment": upcoming, "phone": phone})
    if values["bank_changed"]:
        return Habit("bank_details", "in_place", "check_new_account", {"next_payment": upcoming})
    # Not answered: it stays on the list to do, never counted as in place.
    return Habit("bank_details", "in_place" if values["bank_changed"] is False else "to_do", "if_ever")


def _call_before_missing(values, upcoming, phone) -> Habit:
    if values["expect_to_miss"]:
        return Habit("call_before_missing", "urgent", "call_now", {"next_payment": upcoming, "phone": phone})
    return Habit("call_before_missing", "in_place" if values["expect_to_miss"] is False else "to_do", "if_tight")


def _check_each_month(values) -> Habit:
    if values["reconciles_monthly"]:
        return Habit("check_each_month", "in_place", "keep_doing")
    return Habit("check_each_month", "to_do", "start")


def _no_new_balance(values, safe_harbor, balance, web) -> Habit:
    """A balance due with the return is itself a default of the plan (IRC 6159(b)(4)(B)); the safe
    harbor of IRC 6654(d) only avoids the estimated tax penalty, so it is described as that."""
    year = _tax_year(values)
    status_if_owing = "urgent" if values["self_employed"] else "to_do"
    if balance is None:
        if safe_harbor is None:  # no tax is taken out of self-employment income: estimated payments it is
            return Habit(
                "no_new_balance", "to_do", "how_to_check_self_employed" if values["self_employed"] else "how_to_check"
            )
        return Habit("no_new_balance", status_if_owing if safe_harbor.shortfall else "to_do", "unknown", {"year": year})
    if not balance.amount:
        figures = {"paid": balance.paid_or_withheld, "expected": balance.expected_tax}
        return Habit("no_new_balance", "in_place", "covered", figures)
    action = "owing" if balance.quarterly else "owing_dates_passed"
    figures = {
        "amount": balance.amount,
        "year": year,
        "expected": balance.expected_tax,
        "paid": balance.paid_or_withheld,
        "web": web,
    }
    return Habit("no_new_balance", status_if_owing, action, figures)


def _penalty(below_minimum: bool, shortfall: Decimal, late: tuple) -> str:
    """Which penalty sentence holds. The penalty runs on each installment from its own due date, so a
    late one can be reduced, not avoided."""
    if below_minimum:
        return "below_minimum"
    if not shortfall:
        return "covered"
    # A shortfall leaves some installment short: one whose date has passed is late, else one is ahead.
    return "late" if late else "short"


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


def _estimated_payments(safe_harbor, balance) -> EstimatedPayments | None:
    """The payments the page lists and the calendar reminds of: enough to owe nothing when the
    expected tax is known, otherwise what avoids the estimated tax penalty."""
    if balance and balance.quarterly:
        return EstimatedPayments("owe_nothing", balance.quarterly)
    if balance is None and safe_harbor and safe_harbor.quarterly:
        return EstimatedPayments("avoid_penalty", safe_harbor.quarterly)
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
        required_annual_payment=required,
        prior_year_share_percent=f"{share}",
        required_if_not_filing_separately=unsure_difference,
        paid_or_withheld=paid,
        below_minimum=below_minimum,
        shortfall=shortfall,
        quarterly=quarterly,
        installments=tuple(installments),
        late=late,
        penalty=_penalty(below_minimum, shortfall, late),
    )


def _title(habit: Habit, words: Words) -> str:
    """The habit's name, or what it asks of this reader where that differs (`titles.<action>`): one who
    has already changed banks is told to give the new details, not to tell the IRS before changing."""
    own = f"checklist.habits.{habit.id}.titles.{habit.action}"
    return words(own) if words.has(own) else words(f"checklist.habits.{habit.id}.title")


def render(result: ChecklistResult, words: Words) -> Document:
    """The habits to tick, the payment dates, what to pay in estimated tax, whom to call, and the buttons."""
    items = tuple(
        ChecklistItem(
            habit.id,
            _title(habit, words),
            habit.status,
            words(f"checklist.status.{habit.status}"),
            _action(habit, result, words),
        )
        for habit in result.items
    )
    blocks = [next_steps.act(result.today, words, notice_phone=result.notice_phone), *_below_summary(result, words)]
    ahead = calendar_events(result, words)
    if ahead:  # the buttons at the top; a calendar file only with a date ahead, never an empty one
        blocks += [
            Actions(
                words("checklist.answer.print"),
                words("checklist.answer.add_reminders"),
                words("checklist.answer.calendar_file"),
                calendar_file.calendar(ahead, result.as_of),
            ),
            Paragraph(
                words("checklist.answer.calendar_note", days=str(calendar_file.REMINDER_DAYS_BEFORE)),
                screen_only=True,
            ),
        ]
    else:
        blocks.append(Actions(words("checklist.answer.print")))
    blocks += [
        Checklist(items, done_text=words("checklist.status.done")),
        Table(
            words("checklist.answer.payment_dates"),
            (words("checklist.answer.date"), words("checklist.answer.amount")),
            tuple((words.date(date), words.money(result.monthly_payment)) for date in result.payment_dates),
            style="checklist-dates",
        ),
    ]
    if result.estimated_payments:
        payments = result.estimated_payments
        rows = tuple((words.date(due.due_date), words.money(due.amount)) for due in payments.quarterly)
        caption = words(f"checklist.estimated.{payments.purpose}.caption")
        blocks.append(Table(caption, (words("checklist.answer.due_date"), words("checklist.answer.amount")), rows))
    blocks += [
        Steps((next_steps.pay(result.as_of, words, words("checklist.answer.pay_what")),)),
    ]
    return Document(_summary(result, items, words), tuple(blocks))


def _summary(result: ChecklistResult, items: tuple[ChecklistItem, ...], words: Words) -> str:
    """Neutral until a habit is answered (the habits are a later group): the next payment, or the
    dates, never "0 of 5 habits are in place" before any was asked."""
    counts = {"in_place": result.habits_in_place, "habits": len(items)}
    urgent = [item.title for item in items if item.status == "urgent"]
    if not result.habits_answered:
        return words("checklist.summary.next_payment", amount=result.monthly_payment, day=result.next_payment)
    if not urgent:
        return words("checklist.summary.in_place", **counts)
    return words("checklist.summary.do_first", title=urgent[0])  # the count goes in the line below


def _below_summary(result: ChecklistResult, words: Words) -> list[Paragraph]:
    """With a habit to do first in the headline, the line below it counts the habits in place and
    any others to do first (a headline of 20 words or fewer, #22)."""
    urgent = sum(1 for habit in result.items if habit.status == "urgent")
    if not result.habits_answered or not urgent:
        return []
    counts = words("checklist.summary.in_place", in_place=result.habits_in_place, habits=len(result.items))
    if urgent > 1:
        counts += " " + words("checklist.summary.more_first", count=urgent - 1)
    return [Paragraph(counts)]


def _action(habit: Habit, result: ChecklistResult, words: Words) -> str:
    key = f"checklist.habits.{habit.id}.actions.{habit.action}"
    if habit.id != "no_new_balance":
        return words(key, **habit.parameters)
    balance = result.balance_with_return
    quarters = _payments("by", balance.quarterly if balance else (), words)
    sentence = words(key, **habit.parameters, quarters=quarters)
    if habit.action in ("unknown", "owing", "owing_dates_passed") and result.safe_harbor:
        sentence += " " + _penalty_words(result.safe_harbor, words)
    return sentence


def _penalty_words(safe_harbor: SafeHarbor, words: Words) -> str:
    """What avoids the estimated tax penalty, in sentences: not the same as owing nothing."""
    code = safe_harbor.penalty
    if code in ("below_minimum", "covered"):
        return words(
            f"checklist.penalty.{code}",
            required=safe_harbor.required_annual_payment,
            shortfall=safe_harbor.shortfall,
        )
    quarters = _payments("by", safe_harbor.quarterly, words)
    sentences = [
        words(
            f"checklist.penalty.{code}",
            each=safe_harbor.installments[0].required,
            required=safe_harbor.required_annual_payment,
            late=_payments("due", safe_harbor.late, words),
            shortfall=safe_harbor.shortfall,
            quarters=quarters,
        )
    ]
    if code == "late" and safe_harbor.quarterly:
        sentences.append(words("checklist.penalty.still_ahead", quarters=quarters))
    if safe_harbor.required_if_not_filing_separately is not None:
        sentences.append(
            words(
                "checklist.penalty.not_sure_separately",
                percent=safe_harbor.prior_year_share_percent,
                amount=safe_harbor.required_if_not_filing_separately,
            )
        )
    sentences.append(words("checklist.penalty.twelve_months"))  # IRC 6654(d)(1)(B)(ii)
    return " ".join(sentences)


def _payments(how: str, payments: tuple[DuePayment, ...], words: Words) -> str:
    """A list of payments, each as checklist.payments.<how> ("$750.00 by 4/15/2026")."""
    each = (words(f"checklist.payments.{how}", amount=due.amount, day=due.due_date) for due in payments)
    return words("checklist.payments.list_separator").join(each)


def calendar_events(result: ChecklistResult, words: Words) -> list[calendar_file.Event]:
    """The calendar file's events: a reminder for every payment date and every estimated tax date
    ahead (from the day asked about on); none for dates already passed."""
    events = [
        calendar_file.Event(
            "payment",
            date,
            words("checklist.calendar.payment", amount=result.monthly_payment),
            words("checklist.calendar.payment_details", phone=result.contacts.phone),
        )
        for date in result.payment_dates
        if date >= result.as_of
    ]
    if result.estimated_payments:
        purpose = Phrase(f"checklist.estimated.{result.estimated_payments.purpose}.purpose")
        events += [
            calendar_file.Event(
                "estimated-tax",
                quarter.due_date,
                words("checklist.calendar.estimated_tax", amount=quarter.amount),
                words(
                    "checklist.calendar.estimated_tax_details",
                    year=result.tax_year,
                    purpose=purpose,
                    web=result.contacts.web,
                ),
            )
            for quarter in result.estimated_payments.quarterly
        ]
    events.sort(key=lambda event: (event.day, event.kind))
    return events


CALCULATOR = Calculator(
    name="checklist",
    page="checklist.md",
    groups=GROUPS,
    calculate=calculate,
    render=render,
    check=check,
    remember_answers=True,  # the page keeps these answers on the device, so the checklist can be reopened
)
