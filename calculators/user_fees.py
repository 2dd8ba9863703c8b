"""Installment agreement user fees: what reinstating or setting up a plan costs, and whether
the low-income fee applies (26 CFR 300.1 and 300.2; IRC 6159(f)).

Low-income taxpayers pay no setup fee when they pay by direct debit, and a reduced fee,
paid back when the plan is completed, when they do not (plans from 2018-04-10). Reinstating or
changing a plan costs them the reduced fee too, which may be paid back. Changing a plan that is
already paid by direct debit is free, and online plans have balance limits.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from . import low_income, next_steps, parameters
from .answer import Document, Heading, Link, Paragraph, Step, Steps
from .fields import ChoiceField, DateField, Group, MoneyField, WholeNumberField, YesNoField, fields_of, us_date
from .money import dollars

TITLE = "Fee check"

FEES = {
    name: parameters.get(f"fees.{name}")
    for name in (
        "setup_short_term",
        "setup_long_term_direct_debit",
        "setup_long_term",
        "setup_low_income",
        "reinstate",
        "reinstate_low_income",
        "change_direct_debit",
    )
}
LOW_INCOME_RELIEF_START = parameters.get("fees.low_income_relief_start")
ONLINE_LONG_TERM_MAX = parameters.get("fees.online_long_term_max_balance")
SHORT_TERM_MAX = parameters.get("options.short_term_max_balance")
FORM_13844_DAYS = parameters.get("fees.form_13844_days")

CHANNELS = {
    "online": "online",
    "phone_mail_in_person": "by phone, by mail or in person",
}

GROUPS = (
    Group(
        "What you need",
        (
            ChoiceField(
                name="action",
                label="What do you need to do?",
                noun="what you need to do",
                choices=(
                    ("reinstate", "Keep my current plan: put it back in place after this notice"),
                    ("change", "Change my current plan's payment amount or date"),
                    ("new_plan", "Set up a new payment plan"),
                ),
            ),
            ChoiceField(
                name="channel",
                label="How would you do it?",
                noun="how you would do it",
                choices=(
                    ("online", "Online, with the IRS Online Payment Agreement tool"),
                    ("phone_mail_in_person", "By phone, by mail or in person"),
                ),
            ),
            ChoiceField(
                name="plan_length",
                label="How long would the new plan last?",
                noun="how long the new plan would last",
                choices=(
                    ("short_term", "[[figure:fees.short_term_days]] or less"),
                    ("long_term", "Longer than [[figure:fees.short_term_days]]"),
                ),
                required=False,
                shown_when=("action", ("new_plan",)),
            ),
            YesNoField(
                name="direct_debit",
                label="Do (or would) your payments come straight from your bank account?",
                noun="whether your payments come straight from your bank account",
                hint="This is called direct debit: the IRS takes each payment from your checking account. For a change, "
                "answer about your plan as it is now: switching it to direct debit is itself a change.",
                required=False,
                shown_when=("action", ("change", "new_plan")),
            ),
            MoneyField(
                name="balance",
                label="How much you owe in all",
                noun="how much you owe in all",
                hint="Tax, penalties and interest together. It decides whether you can apply online. "
                "Leave this empty if you do not know.",
                required=False,
                shown_when=("action", ("new_plan",)),
            ),
        ),
    ),
    Group(
        "Your household",
        (
            MoneyField(
                name="agi",
                label="Adjusted gross income",
                noun="your adjusted gross income",
                hint="From your most recent tax return: the line called “adjusted gross income” on Form 1040. Enter 0 if you had "
                "none. A loss (below zero) counts as $0.",
                minimum=-MoneyField.maximum,
            ),
            WholeNumberField(
                name="household_size",
                label="People in your household",
                noun="the number of people in your household",
                hint="You, your spouse, and the dependents you claim on your return.",
                minimum=1,
                maximum=20,
            ),
            ChoiceField(
                name="region",
                label="Where do you live?",
                noun="where you live",
                choices=(
                    ("contiguous", "One of the 48 contiguous states or Washington, D.C."),
                    ("alaska", "Alaska"),
                    ("hawaii", "Hawaii"),
                ),
            ),
        ),
    ),
    Group(
        "Applying on another day? (optional)",
        (
            DateField(
                name="as_of",
                label="Date you would apply",
                noun="the date you would apply",
                hint="Fees and income limits change over time. If you leave this empty, we use today.",
                required=False,
                default_today=True,
            ),
        ),
        later=True,
        button="Check the fee on that day",
    ),
)
FIELDS = fields_of(GROUPS)


def check(values: dict, today: dt.date) -> dict:
    errors = {}
    if values["action"] == "new_plan" and values["plan_length"] is None:
        errors["plan_length"] = "Select how long the new plan would last"
    debit_matters = values["action"] == "change" or (values["action"], values["plan_length"]) == (
        "new_plan",
        "long_term",
    )
    if debit_matters and values["direct_debit"] is None:
        errors["direct_debit"] = "Select whether your payments come straight from your bank account"
    if values["as_of"] < low_income.first_day():
        errors["as_of"] = (
            f"The date you would apply must be {us_date(low_income.first_day())} or later: "
            "this check does not have the income limits for earlier dates"
        )
        return errors
    limit = _online_limit(values["action"], values["plan_length"], values["as_of"])
    if (
        values["channel"] == "online"
        and limit is not None
        and values["balance"] is not None
        and not limit.fits(values["balance"])
    ):
        errors["channel"] = (
            f"Online plans are for people who owe {limit.words}: choose “By phone, by mail or in person”"
        )
    return errors


class OnlineLimit:
    """How much an individual may owe to set up a plan online: `words` says it, `fits` checks it."""

    def __init__(self, amount: Decimal, below_only: bool):
        self.amount, self.below_only = amount, below_only
        self.words = f"less than {dollars(amount)}" if below_only else f"{dollars(amount)} or less"

    def fits(self, balance: Decimal) -> bool:
        return balance < self.amount if self.below_only else balance <= self.amount


def _online_limit(action: str, plan_length: str | None, day: dt.date) -> OnlineLimit | None:
    """Balance limits of the Online Payment Agreement for new plans; changing an existing plan online has none we could source."""
    if action != "new_plan" or plan_length is None:
        return None
    if plan_length == "short_term":
        return OnlineLimit(SHORT_TERM_MAX.at(day).value, below_only=True)
    return OnlineLimit(ONLINE_LONG_TERM_MAX.at(day).value, below_only=False)


def fee_for(action: str, channel: str, direct_debit: bool, plan_length: str | None, is_low_income: bool, day: dt.date):
    """(fee, waived, reimbursable, figure used) for one way of applying."""
    relief = is_low_income and day >= LOW_INCOME_RELIEF_START.at(day).value  # IRC 6159(f), plans from 2018-04-10
    if action == "change" and direct_debit:
        return FEES["change_direct_debit"].at(day).value[channel], False, False, FEES["change_direct_debit"]
    if action in ("reinstate", "change"):
        if is_low_income:
            return FEES["reinstate_low_income"].at(day).value[channel], False, relief, FEES["reinstate_low_income"]
        return FEES["reinstate"].at(day).value[channel], False, False, FEES["reinstate"]
    if plan_length == "short_term":
        return FEES["setup_short_term"].at(day).value[channel], False, False, FEES["setup_short_term"]
    figure = FEES["setup_long_term_direct_debit" if direct_debit else "setup_long_term"]
    full = figure.at(day).value[channel]
    if relief and direct_debit:
        return Decimal(0), True, False, figure
    if is_low_income:
        reduced = FEES["setup_low_income"].at(day).value
        if reduced < full:
            return reduced, False, relief, FEES["setup_low_income"]
    return full, False, False, figure


def _ways(action: str, plan_length: str | None):
    """Every way of applying the reader could choose instead: (channel, direct debit)."""
    debit_choices = (True, False) if action == "new_plan" and plan_length == "long_term" else (None,)
    return [(channel, debit) for channel in CHANNELS for debit in debit_choices]


def _way_name(channel: str, debit: bool | None) -> str:
    if debit is None:
        return CHANNELS[channel]
    return f"{CHANNELS[channel]}, {'with' if debit else 'without'} direct debit"


@dataclass(frozen=True)
class CheaperWay:
    channel: str
    how: str
    fee: Decimal
    condition: str  # "" or the balance limit it depends on, as the start of a sentence


@dataclass(frozen=True)
class FeeResult:
    summary: str
    as_of: dt.date
    fee: Decimal
    low_income: bool
    poverty_guideline: Decimal
    low_income_limit: Decimal
    guideline_year: int
    waived: bool
    reimbursable: bool
    cheaper_option: CheaperWay | None
    why: str
    next_steps: tuple[str, ...]
    notes: tuple[str, ...]


def calculate(values: dict, today: dt.date) -> FeeResult:
    day = values["as_of"]
    action, channel, plan_length = values["action"], values["channel"], values["plan_length"]
    if action != "new_plan":
        plan_length = None
    direct_debit = values["direct_debit"]
    online_limit = _online_limit(action, plan_length, day)
    limit = low_income.limit_for(values["household_size"], values["region"], day)
    is_low_income = _income(values) <= limit.limit
    fee, waived, reimbursable, figure = fee_for(action, channel, direct_debit, plan_length, is_low_income, day)

    cheaper = None
    current_debit = direct_debit if (action == "new_plan" and plan_length == "long_term") else None
    for other_channel, other_debit in _ways(action, plan_length):
        if (other_channel, other_debit) == (channel, current_debit):
            continue
        if (
            other_channel == "online"
            and online_limit
            and values["balance"] is not None
            and not online_limit.fits(values["balance"])
        ):
            continue  # the Online Payment Agreement would refuse this balance
        debit = direct_debit if other_debit is None else other_debit
        other_fee = fee_for(action, other_channel, debit, plan_length, is_low_income, day)[0]
        if other_fee < fee and (cheaper is None or other_fee < cheaper.fee):
            condition = ""
            if other_channel == "online" and online_limit and values["balance"] is None:
                condition = f"If you owe {online_limit.words} in all, "
            cheaper = CheaperWay(other_channel, _way_name(other_channel, other_debit), other_fee, condition)

    notes = []
    if {figure.at(day).grade, limit.value.grade} - {"primary"}:
        notes.append(SECONDARY_SOURCES)
    if limit.note:
        notes.append(limit.note)
    return FeeResult(
        summary=_answer(action, channel, fee, waived, reimbursable),
        as_of=day,
        fee=fee,
        low_income=is_low_income,
        poverty_guideline=limit.guideline,
        low_income_limit=limit.limit,
        guideline_year=limit.year,
        waived=waived,
        reimbursable=reimbursable,
        cheaper_option=cheaper,
        why=_why(values, limit, is_low_income),
        next_steps=_next_steps(action, direct_debit, is_low_income, fee, waived, reimbursable, cheaper, day),
        notes=tuple(notes),
    )


SECONDARY_SOURCES = (
    "Confirm with the IRS: some of these figures come from secondary sources, not from the IRS itself. "
    "Each one is listed with its source on"
)
SOURCES_PAGE = Link("the sources page", "../sources/#fees")


def document(result: FeeResult) -> Document:
    """What to do next first (with the online tool's link and a number to tap), then why, then notes."""
    cheaper_online = result.cheaper_option is not None and result.cheaper_option.channel == "online"
    steps = []
    for index, text in enumerate(result.next_steps):
        if index == 0 and cheaper_online:
            steps.append(next_steps.online_plan(result.as_of, text + " Apply with"))
        else:
            steps.append(Step(text))
    steps.append(next_steps.call(result.as_of, "to set this up, or with any question about the fee"))
    notes = tuple(Step(note, SOURCES_PAGE) if note == SECONDARY_SOURCES else Step(note) for note in result.notes)
    blocks = [Heading("What to do next"), Steps(tuple(steps)), Heading("Why"), Paragraph(result.why)]
    if notes:
        blocks += [Heading("Good to know"), Steps(notes)]
    return Document(result.summary, tuple(blocks))


def _answer(action, channel, fee, waived, reimbursable) -> str:
    doing = {
        "reinstate": "Putting your plan back in place",
        "change": "Changing your plan",
        "new_plan": "Setting up your new plan",
    }[action]
    how = CHANNELS[channel]
    if waived:
        return f"{doing} {how} costs you nothing: the fee is waived because your income is low and you pay by direct debit."
    if not fee:
        return f"{doing} {how} costs nothing."
    sentence = f"{doing} {how} will cost you {dollars(fee)}"
    if reimbursable and action != "new_plan":
        return sentence + ", and you may be able to get it back because your income is low."
    if reimbursable:
        return sentence + ", and the IRS pays it back when you finish the plan, because your income is low."
    return sentence + "."


def _income(values) -> Decimal:
    """Adjusted gross income for the low-income test: a loss (below zero) counts as $0."""
    return max(values["agi"], Decimal("0.00"))


def _why(values, limit: low_income.Limit, is_low_income: bool) -> str:
    people = values["household_size"]
    household = "1 person" if people == 1 else f"{people} people"
    region = low_income.REGION_NAMES[values["region"]]
    comparison = "at or below" if is_low_income else "above"
    outcome = "so you count as low income" if is_low_income else "so the low-income fee does not apply"
    if values["agi"] < 0:
        income = f"Your adjusted gross income is a loss of {dollars(-values['agi'])}, which counts as $0. That is"
    else:
        income = f"Your adjusted gross income of {dollars(values['agi'])} is"
    return (
        f"{income} {comparison} {dollars(limit.limit)}, "
        f"which is {limit.percent}% of the {limit.year} poverty guideline ({dollars(limit.guideline)}) "
        f"for a household of {household} in {region}, {outcome}."
    )


def _next_steps(action, direct_debit, is_low_income, fee, waived, reimbursable, cheaper, day) -> tuple[str, ...]:
    steps = []
    if cheaper:
        cost = f"less {cheaper.how}: {dollars(cheaper.fee)}" if cheaper.fee else f"nothing {cheaper.how}"
        sentence = f"it would cost {cost}."
        steps.append(cheaper.condition + sentence if cheaper.condition else sentence[:1].upper() + sentence[1:])
    if is_low_income and action == "new_plan":
        days = FORM_13844_DAYS.at(day).value
        steps.append(
            "The IRS usually applies the low-income fee by itself. If it charges you the full fee, send Form 13844 "
            f"within {days} days of the date on the letter that accepts your plan."
        )
    if reimbursable and action == "new_plan":
        steps.append("Keep up every payment to the end: the IRS pays the fee back only when the plan is completed.")
    if reimbursable and action != "new_plan":
        steps.append("Ask the IRS about getting the fee back; keep the letter that confirms the change.")
    if action == "reinstate":
        steps.append(
            "To reinstate, pay what you missed before the date on your notice, or call the number on the notice."
        )
        if direct_debit:
            steps.append(
                "The IRS fee table lists no fee for changes to a plan paid by direct debit. Ask whether putting your plan "
                "back in place counts as such a change."
            )
    if action == "change" and direct_debit:
        steps.append(
            "The $0 is for a plan that already takes its payments by direct debit. Switching a plan to direct debit is a "
            f"change to the plan, and it may cost the fee for revising a plan ({_revision_fees(is_low_income, day)}): the "
            "IRS fee table does not say that switching is free."
        )
    if not fee and not waived and action == "new_plan":
        steps.append("Check how long your plan will last: a longer plan has a setup fee.")
    steps.append("These fees are for individuals. Businesses cannot get the low-income fee.")
    return tuple(steps)


def _revision_fees(is_low_income: bool, day: dt.date) -> str:
    fees = FEES["reinstate_low_income" if is_low_income else "reinstate"].at(day).value
    return f"{dollars(fees['online'])} online, {dollars(fees['phone_mail_in_person'])} by phone, mail or in person"


def reference_table(day: dt.date) -> dict:
    """Every fee in force on `day`, for the page's table: the same figures the check uses. Grades stay
    on the sources page; the table says once whether any figure is not from the IRS itself."""
    rows, grades = [], set()
    for name, label in (
        ("setup_short_term", "New short-term plan"),
        ("setup_long_term_direct_debit", "New long-term plan, direct debit"),
        ("setup_long_term", "New long-term plan, no direct debit"),
        ("reinstate", "Reinstate or change a plan"),
        ("change_direct_debit", "Change a plan paid by direct debit"),
        ("reinstate_low_income", "Low income, reinstate or change a plan (may be paid back)"),
    ):
        value = FEES[name].at(day)
        grades.add(value.grade)
        rows.append([label, dollars(value.value["online"]), dollars(value.value["phone_mail_in_person"])])
    low_income_setup = FEES["setup_low_income"].at(day)
    grades.add(low_income_setup.grade)
    label = "Low income, new long-term plan without direct debit (paid back when completed)"
    rows.append([label, dollars(low_income_setup.value), dollars(low_income_setup.value)])
    after = "With low income and direct debit, a new plan's setup fee is waived."
    if grades - {"primary"}:
        after += " Some of these amounts come from secondary sources: confirm them with the IRS. The sources page says which."
    return {
        "caption": f"Payment plan fees in force on {us_date(day)}",
        "headings": ["What you do", "Online", "By phone, mail or in person"],
        "rows": rows,
        "after": after,
    }
