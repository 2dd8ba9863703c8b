"""Your dates (calculators/termination_dates.py): the result holds codes and dates, never words; the
calendar file the answer offers holds a reminder for each date still ahead, on its safe day."""

import datetime as dt

import icalendar

from calculators.web import run

TODAY = dt.date(2026, 11, 28)


def strings_in(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, str):
        yield value


def test_the_result_holds_codes_and_dates_not_sentences():
    for notice, ends in [("2026-11-02", "2026-11-20"), ("2026-11-02", None), ("2026-01-05", None)]:
        payload = {"notice_date": notice, "reason": "missed_payment", "final_levy_notice": "no"}
        answer = run("dates", payload | ({"termination_date": ends} if ends else {}), TODAY)
        assert answer["ok"], answer
        prose = [text for text in strings_in(answer["result"]) if " " in text]
        assert not prose, prose


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
