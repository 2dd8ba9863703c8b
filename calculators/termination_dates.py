"""Termination dates: the reader's own dates around a CP523, from the notice's date.

The notice gives at least 30 days before the plan can end (IRC 6159(b)(5); the notice prints
the date). After it ends, the IRS may not levy for 30 days, nor while a timely appeal is pending
(IRC 6331(k)(2)); the Collection Appeals Program takes an appeal until 30 days after (Pub 1660).
A levy also needs a final notice of intent to levy with hearing rights (IRC 6330), said beside the
levy date. The last day to appeal is shown as Pub 1660 gives it; when it falls on a weekend or legal
holiday the answer says how IRC 7503 may move it and gives the safe day to act by, which the
calendar reminder uses. A date that has passed is said first, never offered as a deadline.

The answer leads with the way to act (`next_steps.act`). Before the end date, its headline and steps follow
the reason the notice gives. Once the end date has passed, the plan *may* have ended (the IRS ends it by its
own action), the whole balance may be due, and paying what was missed does not by itself restore the plan:
the answer says how to check, and what can still be done (reinstate, a new plan, appeal, a hearing when the
final notice of intent to levy comes). A calendar file is offered only when a date is still ahead.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from . import calendar_file, failure_to_pay, final_levy_notice, next_steps, parameters, user_fees
from .answer import Actions, Document, Heading, Link, Notes, Paragraph, Step, Steps, Table
from .calculator import Calculator
from .fields import ChoiceField, DateField, Group, Problem, WholeNumberField
from .last_day_to_act import FEDERAL, LastDay, last_day, why_words
from .short_notice import ShortNotice, short_notice
from .words import Phrase, Words

DAYS_TO_RESPOND = parameters.get("notice.days_to_respond")
LEVY_WAIT = parameters.get("notice.levy_wait_after_termination_days")
APPEAL_DAYS = parameters.get("notice.appeal_days_after_termination")

# What the notice gives as its reason (labels: dates.fields.reason.choices), and the part of the
# guide that says what to do about it.
REASONS = {
    "missed_payment": "../why-you-got-it/#a-payment-was-missed-or-came-back",
    "new_balance": "../why-you-got-it/#a-new-tax-bill-was-not-paid",
    "return_not_filed": "../why-you-got-it/#a-tax-return-was-not-filed",
    "bank_changed": "../why-you-got-it/#you-changed-banks-and-did-not-tell-the-irs",
    "other": "../why-you-got-it/#not-sure-which-one-applies",
    "not_sure": "../why-you-got-it/#not-sure-which-one-applies",
}

# What each reason asks of the reader (dates.todo.<code>, dates.headline.<state>.<code>, dates.steps.<code>):
# "other" and no answer are worded as "not sure": the answer says how to find out.
ASKS = {"missed_payment", "new_balance", "return_not_filed", "bank_changed"}
IF_THE_PLAN_ENDS = "../if-the-plan-ends/"

GROUPS = (
    # No id: the form shows these questions without a fieldset or legend (overrides/calculators/fields.html).
    Group(
        "",
        (
            DateField(name="notice_date"),
            DateField(name="termination_date", required=False),
            ChoiceField(name="reason", choices=tuple(REASONS), required=False),
            WholeNumberField(
                name="return_year",
                minimum=2000,
                maximum=2100,
                required=False,
                shown_when=("reason", ("return_not_filed",)),
            ),
            final_levy_notice.FINAL_LEVY_NOTICE,
        ),
    ),
    next_steps.NOTICE_PHONE_GROUP,
)


@dataclass(frozen=True)
class KeyDate:
    id: str  # notice, plan-ends, appeal-by, levy-from: its words are dates.key_dates.<id>
    day: dt.date
    passed: bool
    guess: bool = False  # the day is our guess, not read from the notice
    act_by: dt.date | None = None  # the safe day to act, when `day` is a weekend or legal holiday

    @property
    def remind_on(self) -> dt.date:
        return self.act_by or self.day


@dataclass(frozen=True)
class PenaltyRates:
    """The failure-to-pay rates, percent a month, around the end date (IRC 6651(d), (h))."""

    in_plan: Decimal  # during the plan, filed on time, no notice of intent to levy before it
    usual: Decimal  # filed late; and after the plan ends
    higher: Decimal  # after a notice of intent to levy (perhaps the CP523 itself, after the end date)

    def words(self, words: Words) -> str:
        # percents, not money: passed as text
        return words("dates.penalty.rates", in_plan=str(self.in_plan), usual=str(self.usual), higher=str(self.higher))


@dataclass(frozen=True)
class DatesResult:
    headline: str  # act_before, ends_today, can_appeal, may_appeal or too_late: dates.headline.<code>
    as_of: dt.date
    plan_ends: dt.date
    plan_end_is_a_guess: bool
    days_to_respond: int  # the notice's days to act, from which a missing end date is guessed
    appeal: LastDay  # the last day to appeal (Pub 1660) and what a weekend or holiday does to it
    dates: tuple[KeyDate, ...]
    reason: str | None
    asks: str  # what the reason asks, for the headline and steps: a code of ASKS, or not_sure
    return_year: int | None  # the year of the return not filed, when the reader gave it
    online: str | None  # the online route the answer offers first: reinstate (after the end date), change, or none
    final_levy_notice: str | None  # the reader's answer: yes, no, not_sure or none
    warnings: tuple[ShortNotice, ...]
    penalty: PenaltyRates
    notice_phone: str | None = None  # the number printed on the notice, if the reader gave it


def check(values: dict, today: dt.date) -> dict[str, Problem]:
    notice = values["notice_date"]
    if notice > today:
        return {"notice_date": Problem("dates.errors.notice_after_today", {"today": today})}
    if values["termination_date"] is not None and values["termination_date"] < notice:
        return {"termination_date": Problem("dates.errors.ends_before_notice", {"notice": notice})}
    year = values["return_year"]
    if values["reason"] == "return_not_filed" and year is not None and year >= today.year:
        return {"return_year": Problem("dates.errors.year_not_over", {"latest": str(today.year - 1)})}
    return {}


def calculate(values: dict, today: dt.date) -> DatesResult:
    notice = values["notice_date"]
    guess = values["termination_date"] is None
    days_to_respond = int(DAYS_TO_RESPOND.at(notice).value)
    ends = values["termination_date"] or notice + dt.timedelta(days=days_to_respond)
    appeal = last_day(ends + dt.timedelta(days=int(APPEAL_DAYS.at(ends).value)))
    levy_from = ends + dt.timedelta(days=int(LEVY_WAIT.at(ends).value))
    dates = (
        KeyDate("notice", notice, passed=False),
        KeyDate("plan-ends", ends, ends < today, guess=guess),
        KeyDate(
            "appeal-by",
            appeal.stated,
            appeal.moved_to < today,  # past the safe day, IRC 7503 may still carry it to the next business day
            act_by=appeal.safe if appeal.safe != appeal.stated else None,
        ),
        KeyDate("levy-from", levy_from, levy_from < today),
    )
    warning = None if guess else short_notice(notice, ends)
    reason = values["reason"]
    asks = reason if reason in ASKS else "not_sure"
    online = "reinstate" if ends < today else "change" if asks == "missed_payment" else None
    return DatesResult(
        headline=_headline(ends, appeal, today),
        as_of=today,
        plan_ends=ends,
        plan_end_is_a_guess=guess,
        days_to_respond=days_to_respond,
        appeal=appeal,
        dates=dates,
        reason=reason,
        asks=asks,
        return_year=values["return_year"] if asks == "return_not_filed" else None,
        online=online,
        final_levy_notice=values["final_levy_notice"],
        warnings=(warning,) if warning else (),
        penalty=penalty_rule(ends),
        notice_phone=values["notice_phone"],
    )


def _headline(ends: dt.date, appeal: LastDay, today: dt.date) -> str:
    if ends < today:
        if appeal.safe >= today:
            return "can_appeal"
        if appeal.moved_to >= today:
            return "may_appeal"  # past the safe day, not past the day IRC 7503 may move it to
        return "too_late"
    return "ends_today" if ends == today else "act_before"


def penalty_rule(ends: dt.date) -> PenaltyRates:
    """The failure-to-pay rates before and after the end date."""
    return PenaltyRates(
        in_plan=failure_to_pay.IN_AGREEMENT.at(ends).value,
        usual=failure_to_pay.NORMAL.at(ends).value,
        higher=failure_to_pay.AFTER_LEVY_NOTICE.at(ends).value,
    )


def render(result: DatesResult, words: Words) -> Document:
    passed = result.plan_ends < result.as_of
    online = next_steps.online_plan_link(result.as_of, words) if result.online else None
    online_text = words(f"dates.act.online_{result.online}") if result.online else ""
    act = next_steps.act(result.as_of, words, online, online_text, result.notice_phone)
    below = []  # the caveats of the headline, in the line below it
    if passed:
        below.append(words("dates.below.passed", account=next_steps.online_account(result.as_of)))
    if result.plan_end_is_a_guess:
        below.append(words("dates.below.end_guessed", day=result.plan_ends, days=result.days_to_respond))
    rows = tuple((words.date(key.day), _row(key, result, words)) for key in result.dates)
    events = [
        calendar_file.Event(
            key.id,
            key.remind_on,
            words("dates.calendar.event", title=Phrase(f"dates.key_dates.{key.id}.title")),
            _what_happens(key, result, words),
        )
        for key in result.dates[1:]  # the notice date needs no reminder
        if not key.passed
    ]
    # A calendar file only with a date ahead: never an empty one; the print button always.
    calendar = (
        (
            Paragraph(words("dates.answer.calendar_note"), screen_only=True),
            Actions(
                words("dates.answer.print"),
                words("dates.answer.add_to_calendar"),
                words("dates.answer.calendar_file"),
                calendar_file.calendar(events, result.as_of),
            ),
        )
        if events
        else (Actions(words("dates.answer.print")),)
    )
    warnings = (Notes(tuple(warning.words(words) for warning in result.warnings)),) if result.warnings else ()
    return Document(
        _headline_words(result, words),
        (
            act,
            *((Paragraph(" ".join(below)),) if below else ()),
            *warnings,
            Heading(words("dates.answer.what_to_do")),
            Steps(tuple(_steps_passed(result, words) if passed else _steps_before(result, words))),
            Paragraph(user_fees.reinstatement_fee(result.as_of, words)),
            Table(
                words("dates.table.caption"),
                (words("dates.table.date"), words("dates.table.what_happens")),
                rows,
            ),
            Heading(words("dates.answer.penalty_heading")),
            Paragraph(result.penalty.words(words)),
            *calendar,
        ),
    )


def _the_return(result: DatesResult, words: Words) -> str:
    if result.return_year is None:
        return words("dates.the_return.unknown")
    return words("dates.the_return.year", year=str(result.return_year))


def _reason_link(result: DatesResult, words: Words) -> Step:
    return Step(
        words("dates.steps.reason"), Link(words("dates.steps.reason_link"), REASONS[result.reason or "not_sure"])
    )


def _steps_before(result: DatesResult, words: Words) -> list[Step]:
    """Before the end date: what the notice's reason asks, in order (the call is the Act block above)."""
    day, asks = result.as_of, result.asks
    if asks == "missed_payment":
        steps = [next_steps.pay(day, words, words("dates.steps.pay_missed"))]
    elif asks == "new_balance":
        steps = [next_steps.pay(day, words, words("dates.steps.pay_new_balance"))]
    else:
        steps = []
    account = next_steps.online_account(result.as_of)
    steps.append(Step(words(f"dates.steps.before.{asks}", the_return=_the_return(result, words), account=account)))
    steps.append(_reason_link(result, words))
    return steps


def _steps_passed(result: DatesResult, words: Words) -> list[Step]:
    """After the end date: the reason's step, then reinstate or a new plan, the appeal, and what comes next."""
    account = next_steps.online_account(result.as_of)
    steps = [Step(words(f"dates.steps.passed.{result.asks}", the_return=_the_return(result, words), account=account))]
    if result.asks == "new_balance":
        steps.append(next_steps.pay(result.as_of, words, words("dates.steps.pay_new_balance")))
    steps.append(Step(words("dates.steps.reinstate")))
    steps.append(Step(words("dates.steps.new_plan")))
    steps.append(Step(_appeal_step(result, words)))
    steps.append(
        Step(words("dates.steps.what_comes_next"), Link(words("dates.steps.if_the_plan_ends"), IF_THE_PLAN_ENDS))
    )
    return steps


def _appeal_step(result: DatesResult, words: Words) -> str:
    appeal = result.appeal
    code = result.headline  # can_appeal, may_appeal or too_late, once the end date has passed
    if code == "can_appeal" and appeal.safe != appeal.stated:
        code = "can_appeal_safe_day"
    return words(
        f"dates.steps.appeal.{code}",
        stated=appeal.stated,
        safe=appeal.safe,
        moved_to=appeal.moved_to,
        falls_on=why_words(appeal.falls_on, words) if appeal.falls_on else "",
    )


def _row(key: KeyDate, result: DatesResult, words: Words) -> str:
    """A date's line in the table: whether it has passed, what it is, what happens then."""
    title = words(f"dates.key_dates.{key.id}.title")
    if key.guess:
        title = words("dates.table.guessed", title=title, days=result.days_to_respond)
    return words(
        "dates.table.row_passed" if key.passed else "dates.table.row",
        title=title,
        what_happens=_what_happens(key, result, words),
    )


def _what_happens(key: KeyDate, result: DatesResult, words: Words) -> str:
    if key.id == "appeal-by":
        return " ".join(_appeal_sentences(result.appeal, words))
    if key.id == "plan-ends":
        if key.passed:
            return words("dates.key_dates.plan-ends.what_happened")
        todo = words(f"dates.todo.{result.asks}", the_return=_the_return(result, words))
        return words("dates.key_dates.plan-ends.what_happens", todo=todo)
    said = words(f"dates.key_dates.{key.id}.what_happens")
    if key.id == "levy-from":  # a levy needs a final notice of intent to levy first (IRC 6330)
        return f"{said} {final_levy_notice.condition(result.final_levy_notice, key.day, words)}"
    return said


def _appeal_sentences(appeal: LastDay, words: Words) -> list[str]:
    """The last day to appeal, and what a weekend or legal holiday does to it."""
    sentences = [words("dates.key_dates.appeal-by.what_happens", stated=appeal.stated)]
    if appeal.falls_on:
        sentences.append(
            words(
                "dates.key_dates.appeal-by.falls_on",
                falls_on=why_words(appeal.falls_on, words),
                moved_to=appeal.moved_to,
                safe=appeal.safe,
            )
        )
    if not appeal.holidays_known:
        sentences.append(words("dates.key_dates.appeal-by.holidays_unknown", known_until=FEDERAL.known_until))
    return sentences


def _headline_words(result: DatesResult, words: Words) -> str:
    """At most 20 words: where the reader stands and the one thing to do; the caveats go in the line below."""
    code = result.headline
    if code in ("can_appeal", "may_appeal", "too_late"):
        return words("dates.headline.passed", ends=result.plan_ends)
    days = (result.plan_ends - result.as_of).days
    when = words("dates.headline.tomorrow") if days == 1 else words("dates.headline.in_days", days=str(days))
    return words(
        f"dates.headline.{code}.{result.asks}", ends=result.plan_ends, when=when, the_return=_the_return(result, words)
    )


CALCULATOR = Calculator(
    name="dates",
    page="your-dates.md",
    groups=GROUPS,
    calculate=calculate,
    render=render,
    check=check,
)
