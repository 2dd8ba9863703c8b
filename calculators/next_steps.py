"""The steps every answer ends with: whom to call (a number to tap) and where to pay or apply,
from the contact figures in calculators/parameters/contacts.toml."""

import datetime as dt

from . import parameters
from .answer import Link, Step

PHONE = parameters.get("contacts.phone_individuals")
HOURS = parameters.get("contacts.phone_hours")
PAYMENTS = parameters.get("contacts.web_payments_address")
ONLINE_PLAN = parameters.get("contacts.web_online_payment_agreement")


def phone_link(day: dt.date) -> Link:
    number = PHONE.at(day).value
    return Link(number, "tel:+1" + number.replace("-", ""))


def call(day: dt.date, about: str) -> Step:
    """Call, `about` what (a phrase that follows "Call the IRS")."""
    return Step(
        f"Call the IRS {about}: the number on your notice is best, or the line for individuals, {HOURS.at(day).value}:",
        phone_link(day),
    )


def pay(day: dt.date, what: str) -> Step:
    url = PAYMENTS.at(day).value
    return Step(f"Pay {what} online, free from your bank account, at", Link(url.removeprefix("https://www."), url))


def online_plan(day: dt.date, sentence: str) -> Step:
    url = ONLINE_PLAN.at(day).value
    return Step(sentence, Link("the IRS Online Payment Agreement tool", url))
