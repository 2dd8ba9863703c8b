"""The final notice of intent to levy, with hearing rights (IRC 6330, 6331(d)).

Before its first levy for a tax period, the IRS must send a final notice of intent to levy that
offers a Collection Due Process hearing (LT11, Letter 1058 or CP90), at least 30 days before. A CP523 is
not that notice, and a CP504 carries no hearing rights. The notice comes once per tax period, so
one sent before the plan began counts. So a levy date is the earliest day the IRS could levy, and
every answer that names one says this condition beside it.
"""

import datetime as dt

from . import parameters
from .fields import YES_NO_NOT_SURE, ChoiceField
from .words import Words

DAYS_BEFORE_LEVY = parameters.get("collection.final_notice_days_before_levy")
HEARING_DAYS = parameters.get("notice.hearing_request_days")
EQUIVALENT_HEARING_WINDOW = parameters.get("collection.equivalent_hearing_window")

FINAL_LEVY_NOTICE = ChoiceField(
    name="final_levy_notice", words="final_levy_notice.field", choices=YES_NO_NOT_SURE, required=False
)


def condition(answer: str | None, day: dt.date, words: Words) -> str:
    """What must happen before a levy, said in short sentences below any levy date."""
    if answer == "yes":
        return words("final_levy_notice.condition.had_one")
    return words(
        "final_levy_notice.condition.said_no" if answer == "no" else "final_levy_notice.condition.not_said",
        days=str(DAYS_BEFORE_LEVY.at(day).value),  # a count of days, not money
        when_it_comes=when_it_comes(day, words),
    )


def when_it_comes(day: dt.date, words: Words) -> str:
    return words(
        "final_levy_notice.when_it_comes",
        hearing_days=str(HEARING_DAYS.at(day).value),
        equivalent_window=words.figure(EQUIVALENT_HEARING_WINDOW.at(day).value, EQUIVALENT_HEARING_WINDOW.unit),
    )
