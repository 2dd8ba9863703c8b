"""The call card's rules that golden cases do not reach: daylight time, and the call log's calendar file."""

import datetime as dt
import json

from calculators import web
from calculators.call_card import MOST_LOG_ENTRIES, daylight_time

TODAY = dt.date(2026, 12, 1)


def test_daylight_time_follows_15_usc_260a():
    assert daylight_time(2026) == (dt.date(2026, 3, 8), dt.date(2026, 11, 1))
    assert daylight_time(2027) == (dt.date(2027, 3, 14), dt.date(2027, 11, 7))
    for year in range(2017, 2101):
        starts, ends = daylight_time(year)
        assert starts.weekday() == ends.weekday() == 6 and 8 <= starts.day <= 14 and ends.day <= 7


def calendar(entries, today=TODAY):
    return json.loads(web.run_json("call_log", json.dumps({"entries": entries}), today.isoformat()))


def test_the_call_log_calendar_holds_the_next_dates_ahead_once_each():
    answer = calendar(
        [
            {"next_date": "2026-12-10", "agreed": "Pay $200; plan back"},
            {"next_date": "2026-12-10", "agreed": "Second call, same day"},
            {"next_date": "2026-11-30", "agreed": "passed: left out"},
        ]
    )
    assert answer["ok"] and answer["calendar_file"] == "irs-call-dates.ics"
    text = answer["calendar_text"]
    assert text.count("BEGIN:VEVENT") == 1 and "DTSTART;VALUE=DATE:20261210" in text
    assert "Pay $200\\; plan back / Second call\\, same day" in text.replace("\r\n ", "")
    assert "800-829-1040" in text


def test_the_call_log_calendar_refuses_what_is_not_a_log():
    for payload in (
        [],
        [{"next_date": "2026-12-10"}],
        [{"next_date": "12/10/2026", "agreed": ""}],
        [{"next_date": "2026-12-10", "agreed": "x" * 501}],
        [{"next_date": "2026-12-10", "agreed": ["x"]}],
        [{"next_date": "2026-12-10", "agreed": "", "extra": "x"}],
        [{"next_date": "2026-12-10", "agreed": ""}] * (MOST_LOG_ENTRIES + 1),
    ):
        answer = calendar(payload)
        assert not answer["ok"], payload
    assert calendar([])["errors"]["input"].startswith("Your call log has no next date")
    assert not json.loads(web.run_json("call_log", "[1]", TODAY.isoformat()))["ok"]
