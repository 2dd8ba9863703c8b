"""The final notice of intent to levy, with hearing rights (IRC 6330, 6331(d)).

Before its first levy for a tax period, the IRS must send a final notice of intent to levy that
offers a Collection Due Process hearing (LT11 or Letter 1058), at least 30 days before. A CP523 is
not that notice, and a CP504 carries no hearing rights. The notice comes once per tax period, so
one sent before the plan began counts. So a levy date is the earliest day the IRS could levy, and
every answer that names one says this condition beside it.
"""

import datetime as dt

from . import parameters
from .fields import YES_NO_NOT_SURE, ChoiceField

DAYS_BEFORE_LEVY = parameters.get("collection.final_notice_days_before_levy")
HEARING_DAYS = parameters.get("notice.hearing_request_days")
EQUIVALENT_HEARING_WINDOW = parameters.get("collection.equivalent_hearing_window")

FINAL_LEVY_NOTICE = ChoiceField(
    name="final_levy_notice",
    label="Have you had a final notice of intent to levy, LT11 or Letter 1058, for these taxes?",
    noun="whether you have had a final notice of intent to levy",
    hint="It offers a Collection Due Process hearing. A CP523 or a CP504 is not this notice. "
    "One you got before your plan began counts.",
    choices=YES_NO_NOT_SURE,
    required=False,
)


def condition(answer: str | None, day: dt.date) -> str:
    """What must happen before a levy, said in short sentences below any levy date."""
    if answer == "yes":
        return (
            "You said you have had a final notice of intent to levy (LT11 or Letter 1058) for these taxes, "
            "so the IRS does not have to send another before it levies."
        )
    days = DAYS_BEFORE_LEVY.at(day).value
    said = "You said you have not had one yet. " if answer == "no" else ""
    return (
        f"The IRS can levy only after it sends a final notice of intent to levy (LT11 or Letter 1058) for these "
        f"taxes, at least {days} days before. A CP523 is not that notice. {said}{when_it_comes(day)}"
    )


def when_it_comes(day: dt.date) -> str:
    return (
        f"When it comes, you can ask for a Collection Due Process hearing within {HEARING_DAYS.at(day).value} days "
        f"(Form 12153), or for an equivalent hearing up to {EQUIVALENT_HEARING_WINDOW.at(day).value} after those days."
    )
