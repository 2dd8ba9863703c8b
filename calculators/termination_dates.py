"""Termination dates: the reader's own dates around a CP523, from the notice's date.

The notice gives at least 30 days before the plan can end (IRC 6159(b)(5); the notice prints
the date). After it ends, the IRS may not levy for 30 days, nor while a timely appeal is pending
(IRC 6331(k)(2)); the Collection Appeals Program takes an appeal until 30 days after (Pub 1660).
While the plan is in effect, someone who filed on time pays 0.25% a month; after it ends, 0.5%
(IRC 6651(a)(3), (h)), and 1% from the first month that begins more than 10 days after a notice
of intent to levy (IRC 6651(d)). A date that has passed is said first, never offered as a deadline.
"""

import datetime as dt
from dataclasses import dataclass

from . import calendar_file, failure_to_pay, next_steps, parameters
from .answer import Actions, Document, Heading, Link, Paragraph, Step, Steps, Table
from .fields import ChoiceField, DateField, Group, fields_of, us_date

TITLE = "Your dates"
DAYS_TO_RESPOND = parameters.get("notice.days_to_respond")
LEVY_WAIT = parameters.get("notice.levy_wait_after_termination_days")
APPEAL_DAYS = parameters.get("notice.appeal_days_after_termination")

# What the notice gives as its reason, and the part of the guide that says what to do about it.
REASONS = {
    "missed_payment": ("A payment was missed or came back", "../why-you-got-it/#a-payment-was-missed-or-came-back"),
    "new_balance": ("A new tax balance was not paid", "../why-you-got-it/#a-new-tax-bill-was-not-paid"),
    "return_not_filed": ("A tax return was not filed", "../why-you-got-it/#a-tax-return-was-not-filed"),
    "other": ("Something else", "../why-you-got-it/#not-sure-which-one-applies"),
    "not_sure": ("I am not sure", "../why-you-got-it/#not-sure-which-one-applies"),
}

GROUPS = (
    Group(
        "",
        (
            DateField(
                name="notice_date",
                label="Notice date",
                noun="the notice date",
                hint="Printed at the top right of your CP523.",
            ),
            DateField(
                name="termination_date",
                label="Date your plan would end",
                noun="the date your plan would end",
                hint="Your notice prints it. If you leave this empty, we guess [[figure:notice.days_to_respond]] "
                "after the notice date.",
                required=False,
            ),
            ChoiceField(
                name="reason",
                label="What reason does your notice give?",
                noun="the reason your notice gives",
                choices=tuple((key, words) for key, (words, _) in REASONS.items()),
                required=False,
            ),
        ),
    ),
)
FIELDS = fields_of(GROUPS)


@dataclass(frozen=True)
class KeyDate:
    id: str
    day: dt.date
    title: str
    what_happens: str
    passed: bool
    caveat: str = ""  # said beside the title, e.g. that the date is a guess


@dataclass(frozen=True)
class DatesResult:
    summary: str
    as_of: dt.date
    plan_ends: dt.date
    plan_end_is_a_guess: bool
    dates: tuple[KeyDate, ...]
    reason: str | None
    ics: str


def check(values: dict, today: dt.date) -> dict:
    notice = values["notice_date"]
    if notice > today:
        return {"notice_date": f"The notice date must be today ({us_date(today)}) or earlier"}
    if values["termination_date"] is not None and values["termination_date"] < notice:
        return {
            "termination_date": f"The date your plan would end must be on or after the notice date ({us_date(notice)})"
        }
    return {}


def calculate(values: dict, today: dt.date) -> DatesResult:
    notice = values["notice_date"]
    guess = values["termination_date"] is None
    ends = values["termination_date"] or notice + dt.timedelta(days=int(DAYS_TO_RESPOND.at(notice).value))
    appeal_by = ends + dt.timedelta(days=int(APPEAL_DAYS.at(ends).value))
    levy_from = ends + dt.timedelta(days=int(LEVY_WAIT.at(ends).value))
    in_plan = failure_to_pay.IN_AGREEMENT.at(ends).value
    after = failure_to_pay.NORMAL.at(ends).value
    higher = failure_to_pay.AFTER_LEVY_NOTICE.at(ends).value
    guessed = (
        f" (a guess: {DAYS_TO_RESPOND.at(notice).value} days after the notice date; your notice prints the real date)"
    )
    dates = (
        KeyDate("notice", notice, "Notice date", "The time to act counts from this date.", passed=False),
        KeyDate(
            "plan-ends",
            ends,
            "Your plan can end",
            "Pay what you missed, or call, before this date. After it, the whole balance is due at once, and if you "
            f"filed on time the penalty rises from {in_plan}% to {after}% a month.",
            ends < today,
            caveat=guessed if guess else "",
        ),
        KeyDate(
            "appeal-by",
            appeal_by,
            "Last day to appeal the plan ending",
            "You can appeal through the Collection Appeals Program until this date.",
            appeal_by < today,
        ),
        KeyDate(
            "levy-from",
            levy_from,
            "After this date, the IRS can levy",
            "Unless an appeal is pending, it can then take money from your pay or bank account. After a notice of "
            f"intent to levy, the penalty becomes {higher}% a month.",
            levy_from < today,
        ),
    )
    events = [
        calendar_file.Event(key.id, key.day, f"CP523: {key.title}", key.what_happens)
        for key in dates[1:]
        if not key.passed
    ]
    return DatesResult(
        summary=_headline(ends, appeal_by, guess, today),
        as_of=today,
        plan_ends=ends,
        plan_end_is_a_guess=guess,
        dates=dates,
        reason=values["reason"],
        ics=calendar_file.calendar(events, today),
    )


def _headline(ends: dt.date, appeal_by: dt.date, guess: bool, today: dt.date) -> str:
    guessed = " (a guess: your notice prints the real date)" if guess else ""
    if ends < today:
        passed = f"The date your plan can end, {us_date(ends)}{guessed}, has passed: call the IRS today."
        if appeal_by >= today:
            return f"{passed} You can still appeal the plan ending until {us_date(appeal_by)}."
        return f"{passed} The time to appeal it, to {us_date(appeal_by)}, has passed too, but calling can still help."
    days = (ends - today).days
    when = "today" if days == 0 else ("tomorrow" if days == 1 else f"in {days} days")
    return f"Act before {us_date(ends)}{guessed}, {when}: pay what you missed, or call the IRS."


def document(result: DatesResult) -> Document:
    steps = [next_steps.call(result.as_of, "today" if result.plan_ends < result.as_of else "before your plan can end")]
    if result.reason:
        words, address = REASONS[result.reason]
        steps.append(
            Step(f"Your notice's reason, “{words}”: see what to do in", Link("why you got the notice", address))
        )
    steps.append(next_steps.pay(result.as_of, "what you missed"))
    rows = tuple(
        (
            us_date(key.day),
            ("This date has passed. " if key.passed else "") + f"{key.title}{key.caveat}. {key.what_happens}",
        )
        for key in result.dates
    )
    return Document(
        result.summary,
        (
            Heading("What to do now"),
            Steps(tuple(steps)),
            Table("Your dates", ("Date", "What happens"), rows),
            Paragraph(
                "“Add reminders to my calendar” saves a small calendar file made on this device with the dates still "
                "ahead; nothing is sent anywhere. On a phone, your calendar app asks before it adds them.",
                screen_only=True,
            ),
            Actions("Print these dates", "Add reminders to my calendar", "cp523-dates.ics", result.ics),
        ),
    )
