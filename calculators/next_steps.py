"""The steps every answer ends with: whom to call (a number to tap) and where to pay or apply,
from the contact figures in calculators/parameters/contacts.toml."""

import datetime as dt

from . import parameters
from .answer import Link, Step
from .words import Words

PHONE = parameters.get("contacts.phone_individuals")
HOURS = parameters.get("contacts.phone_hours")
PAYMENTS = parameters.get("contacts.web_payments_address")
ONLINE_PLAN = parameters.get("contacts.web_online_payment_agreement")


def phone_link(day: dt.date) -> Link:
    number = PHONE.at(day).value
    return Link(number, "tel:+1" + number.replace("-", ""))


def call(day: dt.date, words: Words, about: str) -> Step:
    """Call, `about` what (a phrase that follows "Call the IRS", already worded)."""
    return Step(words("next_steps.call", about=about, hours=HOURS.at(day).value), phone_link(day))


def pay(day: dt.date, words: Words, what: str) -> Step:
    url = PAYMENTS.at(day).value
    return Step(words("next_steps.pay", what=what), Link(url.removeprefix("https://www."), url))


def online_plan(day: dt.date, words: Words, sentence: str) -> Step:
    url = ONLINE_PLAN.at(day).value
    return Step(sentence, Link(words("next_steps.online_plan_link"), url))
