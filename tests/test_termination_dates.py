"""Your dates (calculators/termination_dates.py): the calendar file the answer offers holds a reminder
for each date still ahead, on its safe day."""

import datetime as dt

import icalendar

from calculators.web import run

TODAY = dt.date(2026, 11, 28)


def test_the_calendar_file_reminds_of_the_dates_ahead_on_their_safe_days():
    # ends 11/20/2026 (passed: no reminder); appeal by 12/20/2026, a Sunday: reminded on Friday 12/18/2026;
    # levy from 12/20/2026, an IRS date: never moved
    answer = run("dates", {"notice_date": "2026-11-02", "termination_date": "2026-11-20"}, TODAY)
    actions = next(block for block in answer["answer"]["blocks"] if block["kind"] == "actions")
    text = actions["calendar_text"]
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert [(str(event["UID"]), event.decoded("DTSTART")) for event in events] == [
        ("appeal-by-20261218@cp523-guide", dt.date(2026, 12, 18)),
        ("levy-from-20261220@cp523-guide", dt.date(2026, 12, 20)),
    ]
    assert str(events[0]["SUMMARY"]) == "CP523: Last day to appeal the plan ending"
