"""Weekends and legal holidays (IRC 7503): the reader's safe last day to appeal is a business day,
and the IRS's own dates are never moved. The holidays are worked out here from the statutes'
rules (5 U.S.C. 6103 and its observed days; DC Emancipation Day, April 16), independently of
calculators/parameters/holidays.toml, and compared with it."""

import calendar
import datetime as dt

import pytest

from calculators import parameters
from calculators.last_day_to_act import last_day, why_not_a_business_day, why_words
from calculators.web import run
from calculators.words import words

ONE_DAY = dt.timedelta(days=1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def last_weekday(year: int, month: int, weekday: int) -> dt.date:
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def observed(day: dt.date) -> dt.date:
    """A holiday on a Saturday is kept on the Friday before, on a Sunday on the Monday after."""
    return day + {5: -ONE_DAY, 6: ONE_DAY}.get(day.weekday(), dt.timedelta(0))


def holidays_by_rule(year: int) -> set[dt.date]:
    monday, thursday = 0, 3
    fixed = [(1, 1), (4, 16), (6, 19), (7, 4), (11, 11), (12, 25)]  # April 16: DC Emancipation Day
    return {observed(dt.date(year, month, day)) for month, day in fixed} | {
        nth_weekday(year, 1, monday, 3),  # Martin Luther King Jr. Day
        nth_weekday(year, 2, monday, 3),  # Washington's Birthday
        last_weekday(year, 5, monday),  # Memorial Day
        nth_weekday(year, 9, monday, 1),  # Labor Day
        nth_weekday(year, 10, monday, 2),  # Columbus Day
        nth_weekday(year, 11, thursday, 4),  # Thanksgiving Day
    }


def data_years() -> list[int]:
    return [value.effective.year for value in parameters.get("holidays.federal_holidays").values]


def test_the_holiday_data_matches_the_statutes_rules_for_every_year_it_covers():
    federal = {
        value.effective.year: set(value.value.values()) for value in parameters.get("holidays.federal_holidays").values
    }
    dc = {value.effective.year: {value.value} for value in parameters.get("holidays.dc_emancipation_day").values}
    assert set(federal) == set(dc)
    for year in federal:
        assert federal[year] | dc[year] == holidays_by_rule(year), year


def is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in holidays_by_rule(day.year) | holidays_by_rule(day.year + 1)


def every_day(first: dt.date, last: dt.date):
    while first <= last:
        yield first
        first += ONE_DAY


def answer_block(answer: dict, kind: str) -> dict:
    return next(block for block in answer["answer"]["blocks"] if block["kind"] == kind)


@pytest.mark.slow  # every day of three years
@pytest.mark.parametrize("year", [2026, 2027, 2028])
def test_every_notice_date_gets_a_business_day_to_appeal_by_and_unmoved_irs_dates(year):
    for notice in every_day(dt.date(year, 1, 1), dt.date(year, 12, 31)):
        answer = run("dates", {"notice_date": notice.isoformat()}, notice)
        assert answer["ok"], answer
        dates = {key["id"]: key for key in answer["result"]["dates"]}
        ends = notice + 30 * ONE_DAY
        # The IRS's own dates: 30 days after the notice, then 30 days after the end (IRC 6331(k)(2)), never moved.
        assert dates["plan-ends"]["day"] == ends.isoformat(), notice
        assert dates["levy-from"]["day"] == (ends + 30 * ONE_DAY).isoformat(), notice
        assert dates["plan-ends"]["act_by"] is None and dates["levy-from"]["act_by"] is None
        # The appeal date is shown as Pub 1660 gives it; the day to act by is the last business day on or before it.
        stated = ends + 30 * ONE_DAY
        assert dates["appeal-by"]["day"] == stated.isoformat()
        act_by = dt.date.fromisoformat(dates["appeal-by"]["act_by"] or dates["appeal-by"]["day"])
        assert is_business_day(act_by), (notice, act_by)
        assert act_by <= stated and all(not is_business_day(day) for day in every_day(act_by + ONE_DAY, stated))
        appeal = answer["result"]["appeal"]
        assert (appeal["falls_on"] is None) == is_business_day(stated), (notice, appeal)
        assert appeal["safe"] == act_by.isoformat()
        if act_by != stated:
            row = answer_block(answer, "table")["rows"][2]
            assert "to be safe, act by " + f"{act_by.month}/{act_by.day}/{act_by.year}" in row[1]
        # The calendar reminder for the appeal is on the safe day.
        if f"UID:appeal-by-{act_by:%Y%m%d}" not in answer_block(answer, "actions")["calendar_text"]:
            pytest.fail(f"no reminder on {act_by} for a notice of {notice}")


def test_a_day_that_is_not_a_business_day_says_why_as_a_code_worded_by_the_catalog():
    said = words("en")
    cases = {
        dt.date(2026, 12, 19): ("saturday", "a Saturday"),
        dt.date(2026, 12, 20): ("sunday", "a Sunday"),
        dt.date(2027, 1, 1): ("new_years_day", "New Year's Day, a legal holiday"),
        dt.date(2026, 4, 16): ("dc_emancipation_day", "DC Emancipation Day, a legal holiday"),
    }
    for day, (code, worded) in cases.items():
        assert why_not_a_business_day(day) == code
        assert why_words(code, said) == worded
        assert last_day(day).falls_on == code
    assert why_not_a_business_day(dt.date(2026, 12, 21)) is None
    # Every holiday in the data has a name in the catalog.
    for value in parameters.get("holidays.federal_holidays").values:
        for key in value.value:
            assert said.has(f"last_day_to_act.holidays.{key}"), key


def test_past_the_holiday_data_the_answer_says_only_weekends_were_checked():
    last_year = data_years()[-1]
    notice = dt.date(last_year, 12, 31)
    answer = run("dates", {"notice_date": notice.isoformat()}, notice)
    assert answer["result"]["appeal"]["holidays_known"] is False
    row = answer_block(answer, "table")["rows"][2]
    assert "only weekends were checked" in row[1]
