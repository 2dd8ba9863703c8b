"""The steps every answer ends with: whom to call (a number to tap) and where to pay or apply,
from the contact figures in calculators/parameters/contacts.toml."""

import datetime as dt

from . import parameters
from .answer import Act, Link, Step
from .fields import Group, PhoneField
from .words import Words

PHONE = parameters.get("contacts.phone_individuals")
TTY = parameters.get("contacts.phone_tty")
OTHER_LANGUAGES = parameters.get("contacts.phone_other_languages")
HOURS = parameters.get("contacts.phone_hours")
HOURS_BY_ZONE = parameters.get("contacts.phone_hours_by_zone")
PAYMENTS = parameters.get("contacts.web_payments_address")
ONLINE_PLAN = parameters.get("contacts.web_online_payment_agreement")
ONLINE_ACCOUNT = parameters.get("contacts.web_online_account")


# The number printed on the reader's notice, asked by every calculator (folded, optional): the call
# button then calls it, as the IRS asks, with the line for individuals among the other lines.
NOTICE_PHONE = PhoneField(name="notice_phone", words="next_steps.notice_phone", required=False)
NOTICE_PHONE_GROUP = Group("notice_phone", (NOTICE_PHONE,), later=True, words="next_steps.notice_phone_group")


def tel(number: str) -> str:
    return "tel:+1" + number.replace("-", "")


def phone_link(day: dt.date, text: str = "", figure=PHONE) -> Link:
    number = figure.at(day).value
    return Link(text or number, tel(number))


def act(
    day: dt.date,
    words: Words,
    online: Link | None = None,
    online_text: str = "",
    notice_phone: str | None = None,
    hours: str = "",
) -> Act:
    """The first block of every answer: call (and, where the IRS's online tool can do the job, that).
    `notice_phone`: the number the reader read on their notice, which the button then calls.
    `hours`: the hours said for the reader's own time zone; else as the IRS gives them."""
    line = PHONE.at(day).value
    number = notice_phone or line
    main_line = () if number == line else (phone_link(day, words("next_steps.act.main_line", number=line)),)
    return Act(
        call=Link(words("next_steps.act.call", number=number), tel(number)),
        hours=words(
            "next_steps.act.hours_notice_number" if main_line else "next_steps.act.hours",
            hours=hours or irs_hours(day, words),
        ),
        other_lines=main_line
        + (
            phone_link(day, words("next_steps.act.tty", number=TTY.at(day).value), TTY),
            phone_link(
                day, words("next_steps.act.other_languages", number=OTHER_LANGUAGES.at(day).value), OTHER_LANGUAGES
            ),
        ),
        other_lines_text=words("next_steps.act.other_lines"),
        online=online,
        online_text=online_text,
    )


def irs_hours(day: dt.date, words: Words) -> str:
    """The IRS's hours as it gives them, for a reader whose time zone we do not know: local time, and
    Puerto Rico's own hours once the data has them (contacts.phone_hours_by_zone)."""
    hours = words.figure(HOURS.at(day).value, HOURS.unit)
    try:
        puerto_rico = HOURS_BY_ZONE.at(day).value["puerto_rico"]
    except parameters.BeforeFirstValue:
        return words("next_steps.hours.local", hours=hours)
    return words(
        "next_steps.hours.with_exceptions", hours=hours, puerto_rico=words.figure(puerto_rico, HOURS_BY_ZONE.unit)
    )


def online_account(day: dt.date) -> str:
    """The address of the reader's IRS online account, as a reader types it (catalog entries say `{account}`)."""
    return ONLINE_ACCOUNT.at(day).value


def online_plan_link(day: dt.date, words: Words) -> Link:
    return Link(words("next_steps.online_plan_link"), ONLINE_PLAN.at(day).value)


def call(day: dt.date, words: Words, about: str) -> Step:
    """Call, `about` what (a phrase that follows "Call the IRS", already worded)."""
    return Step(words("next_steps.call", about=about, hours=irs_hours(day, words)), phone_link(day))


def pay(day: dt.date, words: Words, what: str) -> Step:
    url = PAYMENTS.at(day).value
    return Step(words("next_steps.pay", what=what), Link(url.removeprefix("https://www."), url))


def online_plan(day: dt.date, words: Words, sentence: str) -> Step:
    return Step(sentence, online_plan_link(day, words))
