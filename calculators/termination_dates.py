"""Termination dates: the reader's own dates around a CP523, from the notice's date.

The notice gives at least 30 days before the plan can end (IRC 6159(b)(5); the notice prints
the date). After it ends, the IRS may not levy for 30 days, nor while a timely appeal is pending
(IRC 6331(k)(2)); the Collection Appeals Program takes an appeal until 30 days after (Pub 1660).
A levy also needs a final notice of intent to levy with hearing rights (IRC 6330), said beside the
levy date. The last day to appeal is shown as Pub 1660 gives it; when it falls on a weekend or legal
holiday the answer says how IRC 7503 may move it and gives the safe day to act by, which the
calendar reminder uses. A date that has passed is said first, never offered as a deadline.
"""

import datetime as dt
from dataclasses import dataclass

from . import calendar_file, failure_to_pay, final_levy_notice, next_steps, parameters
from .answer import Actions, Document, Heading, Link, Notes, Paragraph, Step, Steps, Table
from .fields import ChoiceField, DateField, Group, fields_of, us_date
from .last_day_to_act import FEDERAL, last_day

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
            final_levy_notice.FINAL_LEVY_NOTICE,
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
    act_by: dt.date | None = None  # the safe day to act, when `day` is a weekend or legal holiday

    @property
    def remind_on(self) -> dt.date:
        return self.act_by or self.day


@dataclass(frozen=True)
class DatesResult:
    summary: str
    as_of: dt.date
    plan_ends: dt.date
    plan_end_is_a_guess: bool
    dates: tuple[KeyDate, ...]
    reason: str | None
    warnings: tuple[str, ...]
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
    appeal = last_day(ends + dt.timedelta(days=int(APPEAL_DAYS.at(ends).value)))
    levy_from = ends + dt.timedelta(days=int(LEVY_WAIT.at(ends).value))
    guessed = (
        f" (a guess: {DAYS_TO_RESPOND.at(notice).value} days after the notice date; your notice prints the real date)"
    )
    dates = (
        KeyDate("notice", notice, "Notice date", "The time to act counts from this date.", passed=False),
        KeyDate(
            "plan-ends",
            ends,
            "Your plan can end",
            "Pay what you missed, or call, before this date. After it, the whole balance is due at once, and the "
            "failure-to-pay penalty may rise.",
            ends < today,
            caveat=guessed if guess else "",
        ),
        KeyDate(
            "appeal-by",
            appeal.stated,
            "Last day to appeal the plan ending",
            f"You can appeal through the Collection Appeals Program until {us_date(appeal.stated)}."
            + _weekend_or_holiday(appeal),
            appeal.moved_to < today,  # past the safe day, IRC 7503 may still carry it to the next business day
            act_by=appeal.safe if appeal.safe != appeal.stated else None,
        ),
        KeyDate(
            "levy-from",
            levy_from,
            "After this date, the IRS can levy",
            "Unless an appeal is pending, it can then take money from your pay or bank account. "
            + final_levy_notice.condition(values["final_levy_notice"], levy_from),
            levy_from < today,
        ),
    )
    events = [
        calendar_file.Event(key.id, key.remind_on, f"CP523: {key.title}", key.what_happens)
        for key in dates[1:]
        if not key.passed
    ]
    warning = None if guess else short_notice_warning(notice, ends)
    warnings = (warning,) if warning else ()
    return DatesResult(
        summary=_headline(ends, appeal, guess, today),
        as_of=today,
        plan_ends=ends,
        plan_end_is_a_guess=guess,
        dates=dates,
        reason=values["reason"],
        warnings=warnings,
        ics=calendar_file.calendar(events, today),
    )


def short_notice_warning(notice: dt.date, ends: dt.date) -> str | None:
    """A warning when an entered end date gives less notice than the law requires (IRC 6159(b)(5))."""
    days = DAYS_TO_RESPOND.at(notice).value
    if (ends - notice).days >= days:
        return None
    return (
        f"Check the dates: the end date you entered, {us_date(ends)}, is less than {days} days after the notice date, "
        f"{us_date(notice)}. The law says the IRS must tell you at least {days} days before it ends a plan "
        "(IRC 6159(b)(5)). If your notice really says this, call the IRS and say so: it can be a reason to appeal."
    )


def _weekend_or_holiday(appeal) -> str:
    """What a weekend or legal holiday does to the last day to appeal, said after its date."""
    unchecked = (
        ""
        if appeal.holidays_known
        else f" We have legal holidays only up to {us_date(FEDERAL.known_until)}, so only weekends were checked."
    )
    if not appeal.falls_on:
        return unchecked
    return (
        f" It falls on {appeal.falls_on}. A last day on a weekend or legal holiday moves to the next business day "
        f"({us_date(appeal.moved_to)}) under IRC 7503, but this deadline comes from IRS guidance, not the law itself: "
        f"to be safe, act by {us_date(appeal.safe)}.{unchecked}"
    )


def _headline(ends: dt.date, appeal, guess: bool, today: dt.date) -> str:
    guessed = " (a guess: your notice prints the real date)" if guess else ""
    if ends < today:
        passed = f"The date your plan can end, {us_date(ends)}{guessed}, has passed: call the IRS today."
        if appeal.safe >= today:
            safe = f" (to be safe, by {us_date(appeal.safe)})" if appeal.safe != appeal.stated else ""
            return f"{passed} You can still appeal the plan ending until {us_date(appeal.stated)}{safe}."
        if appeal.moved_to >= today:
            return (
                f"{passed} The safest day to appeal the plan ending, {us_date(appeal.safe)}, has passed, but an appeal "
                f"by {us_date(appeal.moved_to)} may still be on time, because {us_date(appeal.stated)} is "
                f"{appeal.falls_on} (IRC 7503): appeal today."
            )
        return (
            f"{passed} The time to appeal it, to {us_date(appeal.stated)}, has passed too, but calling can still help."
        )
    days = (ends - today).days
    if days == 0:
        return f"Your plan can end today, {us_date(ends)}{guessed}: pay what you missed, or call the IRS, today."
    when = "tomorrow" if days == 1 else f"in {days} days"
    return f"Act before {us_date(ends)}{guessed}, {when}: pay what you missed, or call the IRS."


def penalty_rule(ends: dt.date) -> str:
    """The failure-to-pay rates before and after the end date, with the conditions that set them."""
    in_plan = failure_to_pay.IN_AGREEMENT.at(ends).value
    usual = failure_to_pay.NORMAL.at(ends).value
    higher = failure_to_pay.AFTER_LEVY_NOTICE.at(ends).value
    return (
        f"While your plan lasts, the failure-to-pay penalty is {in_plan}% of the unpaid tax a month if you filed on time "
        f"and no notice of intent to levy (CP504, LT11 or Letter 1058) came before your plan; {usual}% if you filed "
        f"late; and {higher}% after such a notice (IRC 6651(d), (h)). After your plan ends, it is {usual}% a month, or "
        f"{higher}% if the CP523 itself counts as a notice of intent to levy. No law or court decision settles that: an "
        "IRS legal memo (GL-703322-00) says a CP523 does not raise the rate while the plan lasts, but such memos do not "
        "bind the IRS. The catch-up calculator works out both figures for you."
    )


def document(result: DatesResult) -> Document:
    steps = [next_steps.call(result.as_of, "today" if result.plan_ends <= result.as_of else "before your plan can end")]
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
    warnings = (Notes(result.warnings),) if result.warnings else ()
    return Document(
        result.summary,
        (
            *warnings,
            Heading("What to do now"),
            Steps(tuple(steps)),
            Table("Your dates", ("Date", "What happens"), rows),
            Heading("The penalty while you wait"),
            Paragraph(penalty_rule(result.plan_ends)),
            Paragraph(
                "“Add reminders to my calendar” saves a small calendar file made on this device with the dates still "
                "ahead; nothing is sent anywhere. On a phone, your calendar app asks before it adds them.",
                screen_only=True,
            ),
            Actions("Print these dates", "Add reminders to my calendar", "cp523-dates.ics", result.ics),
        ),
    )
