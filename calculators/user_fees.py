"""Installment agreement user fees: what reinstating or setting up a plan costs, and whether
the low-income fee applies (26 CFR 300.1 and 300.2; IRC 6159(f)).

Low-income taxpayers pay no setup fee when they pay by direct debit, and a reduced fee,
paid back when the plan is completed, when they do not (plans from 2018-04-10). Reinstating or
changing a plan costs them the reduced fee too, which may be paid back. Changing a plan that is
already paid by direct debit is free, and online plans have balance limits.

A plan whose end date has passed (`after_end`) may have ended: it is put back in place by a
reinstatement after default (the reinstatement fee, online or by phone), or the IRS may ask for a new
plan instead, and a new tax balance may have to be paid first (the IRS's CP523 page; the Online Payment
Agreement's "Reinstate after default"). Household figures are a next step: until they are given, the
answer shows both fees, the full one and the low-income one.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from . import low_income, next_steps, parameters
from .answer import Act, Document, Heading, Link, Paragraph, Step, Steps
from .calculator import Calculator
from .fields import ChoiceField, DateField, Group, MoneyField, Problem, WholeNumberField, YesNoField
from .words import Phrase, Words

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

CHANNELS = ("online", "phone_mail_in_person")
# after_end: the plan's end date has passed (it may have ended): a reinstatement after default.
ACTIONS = ("reinstate", "after_end", "change", "new_plan")
REINSTATING = ("reinstate", "after_end")
SETUP_FEES = (
    "setup_short_term",
    "setup_long_term_direct_debit",
    "setup_long_term",
)  # the IRS says a fee *may* apply to these
SHORT_TERM_DAYS = parameters.get("fees.short_term_days")
PERCENT = parameters.get("low_income.percent_of_poverty_guideline")

GROUPS = (
    Group(
        "need",
        (
            ChoiceField(name="action", choices=ACTIONS),
            ChoiceField(name="channel", choices=CHANNELS),
            ChoiceField(
                name="plan_length",
                choices=("short_term", "long_term"),
                required=False,
                shown_when=("action", ("new_plan",)),
            ),
            YesNoField(name="direct_debit", required=False, shown_when=("action", ("change", "new_plan"))),
            MoneyField(name="balance", required=False, shown_when=("action", ("new_plan",))),
        ),
    ),
    # A next step: until it is answered, the answer shows the full fee and the low-income fee.
    Group(
        "household",
        (
            MoneyField(name="agi", minimum=-MoneyField.maximum, required=False),
            WholeNumberField(name="household_size", minimum=1, maximum=20, required=False),
            ChoiceField(name="region", choices=low_income.REGIONS, required=False),
        ),
        later=True,
    ),
    Group(
        "another_day",
        (DateField(name="as_of", required=False, default_today=True),),
        later=True,
    ),
    next_steps.NOTICE_PHONE_GROUP,
)


HOUSEHOLD = ("agi", "household_size", "region")


def household_known(values: dict) -> bool:
    return all(values[name] is not None for name in HOUSEHOLD)


def check(values: dict, today: dt.date) -> dict[str, Problem]:
    problems = {}
    if any(values[name] is not None for name in HOUSEHOLD):  # all three, or none (the range)
        for name in HOUSEHOLD:
            if values[name] is None:
                problems[name] = Problem("errors.select" if name == "region" else "errors.enter")
    if values["action"] == "new_plan" and values["plan_length"] is None:
        problems["plan_length"] = Problem("errors.select")
    debit_matters = values["action"] == "change" or (values["action"], values["plan_length"]) == (
        "new_plan",
        "long_term",
    )
    if debit_matters and values["direct_debit"] is None:
        problems["direct_debit"] = Problem("errors.select")
    if values["as_of"] < low_income.first_day():
        problems["as_of"] = Problem("fees.errors.before_income_limits", {"first_day": low_income.first_day()})
        return problems
    limit = _online_limit(values["action"], values["plan_length"], values["as_of"])
    if (
        values["channel"] == "online"
        and limit is not None
        and values["balance"] is not None
        and not limit.fits(values["balance"])
    ):
        key = "fees.errors.online_below" if limit.below_only else "fees.errors.online_at_most"
        problems["channel"] = Problem(key, {"amount": limit.amount})
    return problems


@dataclass(frozen=True)
class OnlineLimit:
    """How much an individual may owe to set up a plan online."""

    amount: Decimal
    below_only: bool  # True: less than the amount; False: the amount or less

    def fits(self, balance: Decimal) -> bool:
        return balance < self.amount if self.below_only else balance <= self.amount

    def words(self, words: Words) -> str:
        return words("fees.online_limit.below" if self.below_only else "fees.online_limit.at_most", amount=self.amount)


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
    if action in ("reinstate", "after_end", "change"):
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


@dataclass(frozen=True)
class CheaperWay:
    channel: str
    direct_debit: bool | None  # None: the fee of this way does not depend on direct debit
    fee: Decimal  # the full fee, or the only one
    if_within: OnlineLimit | None  # the online limit it depends on, when the reader did not give the balance
    # Household not given yet: this way's low-income fee where it differs (and is still cheaper), and
    # whether it is cheaper only for a reader whose income is not low.
    fee_if_low_income: Decimal | None = None
    only_if_not_low: bool = False


@dataclass(frozen=True)
class FeeResult:
    as_of: dt.date
    today: dt.date  # the reader's today: the way to act (call, go online) is for now, not the day asked about
    action: str  # reinstate, after_end (the end date has passed), change or new_plan
    channel: str  # online or phone_mail_in_person
    direct_debit: bool | None
    fee: Decimal  # without the household figures: the full fee
    fee_if_low_income: Decimal | None  # without the household figures: the low-income fee (else None)
    low_income: bool | None  # None: household figures not given yet
    agi: Decimal | None
    household_size: int | None
    region: str | None
    poverty_guideline: Decimal | None
    low_income_limit: Decimal | None
    percent_of_guideline: Decimal
    guideline_year: int | None
    guideline_note: str  # "", "assumed" or "latest_published" (calculators/low_income.py)
    waived: bool
    reimbursable: bool
    cheaper_option: CheaperWay | None
    steps: tuple[str, ...]  # codes of what to do next, in order: fees.steps.<code> in the catalog
    secondary_sources: bool  # a figure used is not from a primary source
    form_13844_days: int
    revision_fees: dict | None  # channel → the fee for revising a plan, when switching to direct debit is a question
    notice_phone: str | None = None  # the number printed on the notice, if the reader gave it


def calculate(values: dict, today: dt.date) -> FeeResult:
    day = values["as_of"]
    action, channel, plan_length = values["action"], values["channel"], values["plan_length"]
    if action != "new_plan":
        plan_length = None
    direct_debit = values["direct_debit"]
    online_limit = _online_limit(action, plan_length, day)
    known = household_known(values)
    limit = low_income.limit_for(values["household_size"], values["region"], day) if known else None
    is_low_income = _income(values) <= limit.limit if known else False  # unknown: the full fee, and the low one
    fee, waived, reimbursable, figure = fee_for(action, channel, direct_debit, plan_length, is_low_income, day)
    low_fee, _, _, low_figure = fee_for(action, channel, direct_debit, plan_length, True, day)
    grades = {figure.at(day).grade} | ({limit.value.grade} if known else {low_figure.at(day).grade})

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
            unknown_balance = other_channel == "online" and online_limit and values["balance"] is None
            # Until the household is given, the reader may pay the low-income fees: say what this way costs them.
            other_low = None if known else fee_for(action, other_channel, debit, plan_length, True, day)[0]
            cheaper_if_low = known or other_low < low_fee
            cheaper = CheaperWay(
                other_channel,
                other_debit,
                other_fee,
                online_limit if unknown_balance else None,
                fee_if_low_income=other_low if cheaper_if_low and other_low != other_fee else None,
                only_if_not_low=not cheaper_if_low,
            )

    switching = action == "change" and direct_debit
    return FeeResult(
        as_of=day,
        today=today,
        action=action,
        channel=channel,
        direct_debit=direct_debit,
        fee=fee,
        fee_if_low_income=None if known else low_fee,
        low_income=is_low_income if known else None,
        agi=values["agi"],
        household_size=values["household_size"],
        region=values["region"],
        poverty_guideline=limit.guideline if known else None,
        low_income_limit=limit.limit if known else None,
        percent_of_guideline=limit.percent if known else PERCENT.at(day).value,
        guideline_year=limit.year if known else None,
        guideline_note=limit.note if known else "",
        waived=waived,
        reimbursable=reimbursable,
        cheaper_option=cheaper,
        steps=_steps(action, direct_debit, is_low_income, fee, waived, reimbursable, cheaper),
        secondary_sources=bool(grades - {"primary"}),
        form_13844_days=FORM_13844_DAYS.at(day).value,
        revision_fees=_revision_fees(is_low_income, day) if switching else None,
        notice_phone=values["notice_phone"],
    )


def reinstatement_fee(day: dt.date, words: Words) -> str:
    """The one sentence every answer and page uses for what keeping a plan after a CP523 may cost. The
    IRS says a fee *may* apply to reinstate (its CP523 page), so this says "may", with the figures."""
    full, low = FEES["reinstate"].at(day).value, FEES["reinstate_low_income"].at(day).value
    return words(
        "fees.may_apply",
        online=words.whole_money(full["online"]),
        other=words.whole_money(full["phone_mail_in_person"]),
        low_income=words.whole_money(low["phone_mail_in_person"]),
    )


def _income(values) -> Decimal:
    """Adjusted gross income for the low-income test: a loss (below zero) counts as $0."""
    return max(values["agi"], Decimal("0.00"))


def _steps(action, direct_debit, is_low_income, fee, waived, reimbursable, cheaper) -> tuple[str, ...]:
    steps = []
    if cheaper:
        steps.append("cheaper")
        if cheaper.only_if_not_low:
            steps.append("cheaper_only_if_not_low")
    if is_low_income and action == "new_plan":
        steps.append("form_13844")
    if reimbursable and action == "new_plan":
        steps.append("finish_plan")
    if reimbursable and action != "new_plan":
        steps.append("ask_fee_back")
    if action == "reinstate":
        steps.append("how_to_reinstate")
        if direct_debit:
            steps.append("reinstate_direct_debit")
    if action == "after_end":  # the IRS's CP523 page: reinstatement, or a new plan; new tax paid first
        steps += ["may_have_ended", "reinstate_after_end", "new_plan_instead", "new_balance_first"]
    if action == "change" and direct_debit:
        steps.append("switching_to_debit")
    if not fee and not waived and action == "new_plan":
        steps.append("check_length")
    steps.append("individuals_only")
    return tuple(steps)


def _revision_fees(is_low_income: bool, day: dt.date) -> dict:
    return FEES["reinstate_low_income" if is_low_income else "reinstate"].at(day).value


def render(result: FeeResult, words: Words) -> Document:
    """The way to act first (a number to tap, and the online tool where it is the asked or cheaper
    way), the line under the headline, what to do next, then why, then notes."""
    steps = tuple(Step(_step(code, result, words)) for code in result.steps)
    notes = []
    if result.secondary_sources:
        sources_page = Link(words("fees.answer.sources_page"), "../sources/#fees")
        notes.append(Step(words("fees.answer.secondary_sources"), sources_page))
    if result.guideline_note:
        note = words(
            f"low_income.notes.{result.guideline_note}", year=result.guideline_year, next_year=result.as_of.year
        )
        notes.append(Step(note))
    blocks = [_act(result, words)]
    below = _below_headline(result, words)
    if below:
        blocks.append(Paragraph(below))
    blocks += [Heading(words("fees.answer.next")), Steps(steps)]
    if result.low_income is not None:
        blocks += [Heading(words("fees.answer.why")), Paragraph(_why(result, words))]
    if notes:
        blocks += [Heading(words("fees.answer.good_to_know")), Steps(tuple(notes))]
    return Document(_summary(result, words), tuple(blocks))


def _act(result: FeeResult, words: Words) -> Act:
    """Call, and the IRS Online Payment Agreement when online is the way asked or the cheaper one."""
    cheaper_online = result.cheaper_option is not None and result.cheaper_option.channel == "online"
    if result.channel != "online" and not cheaper_online:
        return next_steps.act(result.today, words, notice_phone=result.notice_phone)
    online = next_steps.online_plan_link(result.today, words)
    return next_steps.act(result.today, words, online, words(f"fees.act.{result.action}"), result.notice_phone)


def _summary(result: FeeResult, words: Words) -> str:
    """Twenty words or fewer; the caveats follow in the line below. To reinstate, the IRS says a fee
    *may* apply, so the headline says "may"."""
    may = "may_" if result.action in REINSTATING else ""
    doing, how = Phrase(f"fees.doing.{result.action}"), Phrase(f"fees.channels.{result.channel}")
    if result.fee_if_low_income is not None and result.fee_if_low_income != result.fee:
        return words(f"fees.summary.{may}range", doing=doing, how=how, low=result.fee_if_low_income, full=result.fee)
    if not result.fee:
        return words("fees.summary.free", doing=doing, how=how)
    return words(f"fees.summary.{may}cost", doing=doing, how=how, fee=result.fee)


def _below_headline(result: FeeResult, words: Words) -> str:
    """The line under the headline: why the fee may be lower, waived or paid back."""
    if result.low_income is None:
        if result.fee_if_low_income == result.fee:
            return words("fees.below.same_for_all")
        return words("fees.below.range", percent=str(result.percent_of_guideline))  # a percent, not money
    if result.waived:
        return words("fees.below.waived")
    if result.reimbursable:
        return words("fees.below.may_get_back" if result.action != "new_plan" else "fees.below.paid_back")
    return ""


def _way(way: CheaperWay, words: Words) -> str:
    how = words(f"fees.channels.{way.channel}")
    if way.direct_debit is None:
        return how
    return words("fees.ways.with_debit" if way.direct_debit else "fees.ways.without_debit", how=how)


def _step(code: str, result: FeeResult, words: Words) -> str:
    if code == "cheaper":
        way = result.cheaper_option
        free = "_free" if not way.fee else ""
        fee = way.fee
        if way.fee_if_low_income is not None:
            fee = words("fees.steps.low_or_full", low=way.fee_if_low_income, full=way.fee)
        if way.if_within:
            key, limit = f"fees.steps.cheaper{free}_if_online", way.if_within.words(words)
            return words(key, how=_way(way, words), fee=fee, limit=limit)
        return words(f"fees.steps.cheaper{free}", how=_way(way, words), fee=fee)
    if code == "cheaper_only_if_not_low":
        return words("fees.steps.cheaper_only_if_not_low", low=result.fee_if_low_income)
    if code == "switching_to_debit":
        fees = result.revision_fees
        return words("fees.steps.switching_to_debit", online=fees["online"], other=fees["phone_mail_in_person"])
    if code == "new_plan_instead":
        most = max(FEES[name].at(result.as_of).value["phone_mail_in_person"] for name in SETUP_FEES)
        return words("fees.steps.new_plan_instead", days=str(SHORT_TERM_DAYS.at(result.as_of).value), most=most)
    return words(
        f"fees.steps.{code}", days=str(result.form_13844_days), account=next_steps.online_account(result.as_of)
    )


def _why(result: FeeResult, words: Words) -> str:
    if result.agi < 0:
        income = words("fees.why.loss", loss=-result.agi)
    else:
        income = words("fees.why.income", agi=result.agi)
    return words(
        "fees.why.at_or_below" if result.low_income else "fees.why.above",
        income=income,
        limit=result.low_income_limit,
        percent=str(result.percent_of_guideline),  # a percent, not money
        year=result.guideline_year,
        guideline=result.poverty_guideline,
        household=words("fees.why.household", count=result.household_size),
        region=Phrase(f"low_income.regions.{result.region}"),
    )


def reference_table(day: dt.date, words: Words) -> dict:
    """Every fee in force on `day`, for the page's table: the same figures the check uses. Grades stay
    on the sources page; the table says once whether any figure is not from the IRS itself."""
    rows, grades = [], set()
    for name in (
        "setup_short_term",
        "setup_long_term_direct_debit",
        "setup_long_term",
        "reinstate",
        "change_direct_debit",
        "reinstate_low_income",
    ):
        value = FEES[name].at(day)
        grades.add(value.grade)
        rows.append(
            [
                words(f"fees.table.{name}"),
                words.money(value.value["online"]),
                words.money(value.value["phone_mail_in_person"]),
            ]
        )
    low_income_setup = FEES["setup_low_income"].at(day)
    grades.add(low_income_setup.grade)
    amount = words.money(low_income_setup.value)
    rows.append([words("fees.table.setup_low_income"), amount, amount])
    return {
        "caption": words("fees.table.caption", day=day),
        "headings": [
            words("fees.table.what_you_do"),
            words("fees.table.online"),
            words("fees.table.phone_mail_in_person"),
        ],
        "rows": rows,
        "after": words("fees.table.after_secondary" if grades - {"primary"} else "fees.table.after"),
    }


CALCULATOR = Calculator(
    name="fees",
    page="fee-check.md",
    groups=GROUPS,
    calculate=calculate,
    render=render,
    check=check,
    reference_table=reference_table,
)
