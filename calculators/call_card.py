"""Before you call: a card to have in hand when calling the IRS about a CP523 (issue #23).

Every question is optional: what the call is about (one of five situations), the reader's time zone,
the payment and day they can offer, and the number on their notice. The answer is the card: the way
to act first (the IRS's online tool where it can do the job without a call, then the number to tap),
the numbers and the hours in the reader's own time, how long a call waits now and on which days it is
quicker, what to have ready, what to ask for, and a box for notes on paper.

Hours: the IRS answers 7 a.m. to 7 p.m. local time; Alaska and Hawaii follow Pacific time and Puerto
Rico has 8 a.m. to 8 p.m. (contacts.phone_hours_by_zone, said in each zone's own time). Hawaii does not
change its clocks, so its hours move when the mainland does (15 U.S.C. 260a: daylight time runs from the
second Sunday in March to the first Sunday in November); the card says the hours for today and the day
they change.

The page also keeps a call log on the device (docs/js/call-log.mjs); `log_calendar` makes the calendar
file of its next dates, through the same worker and the same calendar_file.py as the checklist.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from . import calendar_file, next_steps, parameters, user_fees
from .answer import Actions, Document, Figures, Heading, Link, Notes, Paragraph, Step, Steps, WriteIn
from .calculator import Calculator
from .fields import ChoiceField, Group, MoneyField, WholeNumberField
from .words import Phrase, Words

HOURS_BY_ZONE = parameters.get("contacts.phone_hours_by_zone")
WAITS = parameters.get("contacts.phone_waits")

# What the call is about: the five things a CP523 reader calls for (words: call_card.fields.about.choices).
ABOUT = ("reinstate", "lower_payment", "new_balance", "appeal", "more_time")
ZONES = ("eastern", "central", "mountain", "pacific", "alaska", "hawaii", "puerto_rico")

GROUPS = (
    Group(
        "",
        (
            ChoiceField(name="about", choices=ABOUT, required=False),
            ChoiceField(name="time_zone", choices=ZONES, required=False),
        ),
    ),
    Group(
        "offer",
        (
            MoneyField(name="offer_amount", required=False, minimum_allowed=False),
            WholeNumberField(name="offer_day", minimum=1, maximum=28, required=False),
        ),
        later=True,
    ),
    next_steps.NOTICE_PHONE_GROUP,
)

# What the IRS Online Payment Agreement can do without a call (irs.gov "Reviewing and changing your
# payment agreement"): reinstate after default, change the amount or day, convert to direct debit.
# It cannot say whether a new balance may join the plan, nor take an appeal.
ONLINE = {None: "any", "reinstate": "reinstate", "lower_payment": "change", "more_time": "change"}

AFFORD_PAGE = "../can-you-afford-it/"  # its worksheet, for the call

# What to have ready (words: call_card.ready.<code>), in the order the card lists them.
READY = {
    None: ("identity", "notice", "returns", "bank", "offer", "proof", "income", "helper"),
    "reinstate": ("identity", "notice", "returns", "bank", "offer", "proof", "income", "helper"),
    "lower_payment": ("identity", "notice", "returns", "bank", "offer", "income", "helper"),
    "new_balance": ("identity", "notice", "returns", "bank", "offer", "income", "helper"),
    "appeal": ("identity", "notice", "returns", "proof", "helper"),
    "more_time": ("identity", "notice", "returns", "offer", "income", "helper"),
}


@dataclass(frozen=True)
class CallCardResult:
    today: dt.date
    about: str | None  # one of ABOUT, or None: the card then lists what to ask in every case
    time_zone: str | None
    hours: str | None  # phone_hours_by_zone's key for today, or None: the IRS's own wording
    hours_change: dt.date | None  # Hawaii: the next day the mainland changes its clocks
    hours_after_change: str | None  # and the key of the hours from that day
    season: str  # january_april or may_december: phone_waits
    online: str | None  # what the Online Payment Agreement can do here (call_card.online.<code>), or None
    ready: tuple[str, ...]  # call_card.ready.<code>
    ask: tuple[str, ...]  # call_card.ask.<code>: the situations whose questions the card lists
    offer_amount: Decimal | None
    offer_day: int | None
    notice_phone: str | None = None


def _nth_sunday(year: int, month: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))


def daylight_time(year: int) -> tuple[dt.date, dt.date]:
    """The days the mainland starts and ends daylight time (15 U.S.C. 260a(a)): the second Sunday in
    March and the first Sunday in November. The change is at 2 a.m., before the IRS opens."""
    return _nth_sunday(year, 3, 2), _nth_sunday(year, 11, 1)


def _hawaii(today: dt.date) -> tuple[str, dt.date, str]:
    """Hawaii's hours today, the next day they change, and the hours from then."""
    starts, ends = daylight_time(today.year)
    if today < starts:
        return "hawaii_standard", starts, "hawaii_daylight"
    if today < ends:
        return "hawaii_daylight", ends, "hawaii_standard"
    return "hawaii_standard", daylight_time(today.year + 1)[0], "hawaii_daylight"


def calculate(values: dict, today: dt.date) -> CallCardResult:
    about, zone = values["about"], values["time_zone"]
    hours, change, after = zone, None, None
    if zone == "hawaii":
        hours, change, after = _hawaii(today)
    return CallCardResult(
        today=today,
        about=about,
        time_zone=zone,
        hours=hours,
        hours_change=change,
        hours_after_change=after,
        season="january_april" if today.month <= 4 else "may_december",
        online=ONLINE.get(about),
        ready=READY[about],
        ask=(about,) if about else ABOUT,
        offer_amount=values["offer_amount"],
        offer_day=values["offer_day"],
        notice_phone=values["notice_phone"],
    )


def _hours(result: CallCardResult, words: Words) -> str:
    """The hours for the reader's zone, in its own time; without a zone, the IRS's own words."""
    if result.hours is None:
        return ""
    table = HOURS_BY_ZONE.at(result.today).value
    zone = Phrase(f"call_card.zones.{result.time_zone}")
    hours = words("call_card.hours.zone", hours=words.figure(table[result.hours], HOURS_BY_ZONE.unit), zone=zone)
    if result.hours_change:
        return words(
            "call_card.hours.changes",
            hours=hours,
            day=result.hours_change,
            after=words.figure(table[result.hours_after_change], HOURS_BY_ZONE.unit),
        )
    return hours


def _offer(result: CallCardResult, words: Words) -> str:
    amount, day = result.offer_amount, result.offer_day
    if amount is not None and day is not None:
        return words("call_card.ready.offer_both", amount=amount, day=str(day))
    if amount is not None:
        return words("call_card.ready.offer_amount", amount=amount)
    if day is not None:
        return words("call_card.ready.offer_day", day=str(day))
    return words("call_card.ready.offer")


def render(result: CallCardResult, words: Words) -> Document:
    today = result.today
    online, online_text = None, ""
    if result.online:
        online = next_steps.online_plan_link(today, words)
        online_text = words(f"call_card.online.{result.online}")
    numbers = (
        (words("call_card.numbers.notice"), result.notice_phone or words("call_card.numbers.notice_blank")),
        (words("call_card.numbers.individuals"), next_steps.PHONE.at(today).value),
        (words("call_card.numbers.tty"), next_steps.TTY.at(today).value),
        (words("call_card.numbers.other_languages"), next_steps.OTHER_LANGUAGES.at(today).value),
    )
    waits = WAITS.at(today).value
    ready = tuple(
        Step(_offer(result, words))
        if code == "offer"
        # The figures the IRS may ask for: the affordability check lays them out as Form 433-F does.
        else Step(words("call_card.ready.income"), Link(words("call_card.ready.income_link"), AFFORD_PAGE))
        if code == "income"
        else Step(words(f"call_card.ready.{code}"))
        for code in result.ready
    )
    blocks = [
        next_steps.act(today, words, online, online_text, result.notice_phone, hours=_hours(result, words)),
        Actions(words("call_card.answer.print")),
        Figures(words("call_card.numbers.caption"), numbers),
        Paragraph(
            words(f"call_card.waits.{result.season}", minutes=words.figure(waits[result.season], WAITS.unit))
            + " "
            + words("call_card.waits.days")
        ),
        Heading(words("call_card.answer.ready")),
        Steps(ready),
        Heading(words("call_card.answer.ask")),
    ]
    if result.about:
        blocks.append(Notes(tuple(words(f"call_card.ask.{result.about}.{n}") for n in ("first", "then"))))
    else:
        blocks.append(Notes(tuple(words(f"call_card.ask.{code}.short") for code in ABOUT)))
    if result.about in (None, "reinstate"):
        blocks.append(Paragraph(user_fees.reinstatement_fee(today, words)))
    blocks += [
        Paragraph(words("call_card.answer.write_down")),
        WriteIn(words("call_card.answer.notes"), words("call_card.answer.notes_hint")),
    ]
    return Document(words(f"call_card.headline.{result.about or 'any'}"), tuple(blocks))


# The call log's calendar file (docs/js/call-log.mjs asks it through the worker): its next dates, each an
# all-day event with a reminder, as the checklist's. The log is bounded on the page; so is this.
MOST_LOG_ENTRIES = 50
LONGEST_AGREED = 500


def log_calendar(payload, today: dt.date, words: Words) -> dict:
    """{"entries": [{"next_date": "2026-12-10", "agreed": "…"}, …]} → the calendar file of the dates
    from today on, or an error (never raised)."""
    entries = payload.get("entries") if isinstance(payload, dict) and set(payload) == {"entries"} else None
    if not isinstance(entries, list) or len(entries) > MOST_LOG_ENTRIES:
        return {"ok": False, "errors": {"input": words("call_card.log.bad_entries")}}
    events: dict[dt.date, list[str]] = {}
    for entry in entries:
        try:
            day = dt.date.fromisoformat(entry["next_date"])
            agreed = entry["agreed"]
            if not isinstance(agreed, str) or len(agreed) > LONGEST_AGREED or len(entry) != 2:
                raise ValueError
        except (TypeError, KeyError, ValueError):
            return {"ok": False, "errors": {"input": words("call_card.log.bad_entries")}}
        if day >= today:
            events.setdefault(day, []).append(agreed.strip())
    if not events:
        return {"ok": False, "errors": {"input": words("call_card.log.no_dates_ahead")}}
    phone = next_steps.PHONE.at(today).value
    calendar = calendar_file.calendar(
        [
            calendar_file.Event(
                "irs-call-next",
                day,
                words("call_card.log.calendar_summary"),
                words("call_card.log.calendar_details", agreed=" / ".join(filter(None, agreed)) or "-", phone=phone),
            )
            for day, agreed in sorted(events.items())
        ],
        today,
    )
    return {"ok": True, "calendar_file": words("call_card.log.calendar_file"), "calendar_text": calendar}


CALCULATOR = Calculator(
    name="call_card",
    page="before-you-call.md",
    groups=GROUPS,
    calculate=calculate,
    render=render,
    remember_answers=True,  # the page keeps the card's answers on the device, like the checklist's
)
