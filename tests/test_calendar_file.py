"""The calendar file (RFC 5545) read back by an independent parser, icalendar."""

import datetime as dt

import icalendar

from calculators import calendar_file
from calculators.web import run

ANSWERS = {
    "monthly_payment": "1,250.00",
    "payment_day": 28,
    "first_payment_month": "2026-11",
    "months": 4,
    "autopay": "no",
    "bank_changed": "no",
    "expect_to_miss": "no",
    "reconciles_monthly": "no",
    "self_employed": "yes",
    "tax_year": 2026,
    "prior_year_tax": "1000",
    "prior_year_agi": "20000",
    "as_of": "2026-08-01",
}


def checklist_calendar():
    answer = run("checklist", ANSWERS, dt.date(2026, 8, 1))
    assert answer["ok"], answer
    # The file is worded (catalogs/<language>/checklist.toml), so it is in the answer, not the result.
    (actions,) = [block for block in answer["answer"]["blocks"] if block["kind"] == "actions"]
    return actions["calendar_text"]


def test_every_payment_and_estimated_tax_date_is_an_all_day_event_with_a_reminder_three_days_before():
    parsed = icalendar.Calendar.from_ical(checklist_calendar())
    events = parsed.walk("VEVENT")
    starts = sorted(event.decoded("DTSTART") for event in events)
    # payments on the 28th from 2026-11 for 4 months; 1,000.00 required, 250.00 a quarter: on 2026-08-01 April and
    # June are late (pay now, no reminder); 250.00 by Sep 15 and by Jan 15
    assert starts == [
        dt.date(2026, 9, 15),
        dt.date(2026, 11, 28),
        dt.date(2026, 12, 28),
        dt.date(2027, 1, 15),
        dt.date(2027, 1, 28),
        dt.date(2027, 2, 28),
    ]
    for event in events:
        start = event.decoded("DTSTART")
        assert type(start) is dt.date  # all-day
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        alarm = event.walk("VALARM")[0]
        assert alarm.decoded("TRIGGER") == -dt.timedelta(days=3)
    summaries = {str(event["SUMMARY"]) for event in events}
    assert "IRS payment plan: pay $1,250.00" in summaries
    assert "Estimated tax due: pay $250.00" in summaries


def test_uids_are_unique_and_stable_between_runs():
    first = [str(event["UID"]) for event in icalendar.Calendar.from_ical(checklist_calendar()).walk("VEVENT")]
    second = [str(event["UID"]) for event in icalendar.Calendar.from_ical(checklist_calendar()).walk("VEVENT")]
    assert first == second and len(set(first)) == len(first)


def test_lines_end_in_crlf_and_fold_at_75_octets_without_splitting_a_character():
    text = calendar_file.calendar(
        [
            calendar_file.Event(
                "payment", dt.date(2026, 12, 1), "Pago al IRS: ¡no lo olvide! " * 4, "Línea; con, comas\\ y\nsaltos"
            )
        ],
        dt.date(2026, 11, 28),
    )
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Pago al IRS: ¡no lo olvide! " * 4
    assert str(event["DESCRIPTION"]) == "Línea; con, comas\\ y\nsaltos"
