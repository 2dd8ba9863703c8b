"""Dates at the edges of the data never crash a calculator (issue #20 point 2).

Every golden case is run again with each of its date and month fields set to each edge: the first
day of every figure in the data and the day before it, 2000-01-01 and 2100-12-31; under four
clocks: the case's own day, 2016-12-31, 2000-01-01 and 2100-01-01. Each run goes through the
worker's entry (`web.run_json`, which calls `web.run`) and the command line's (`__main__.main`, in
this process); a few go through `python -m calculators` itself. Every run must end in a result or
errors on named answers, never an exception; a figure read past its `known_until` must be said to
be the latest one we have. The edges are read from the data, so a new row never breaks this test.
"""

import contextlib
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from golden_cases import load_cases

from calculators import __main__ as cli_module
from calculators import interest, parameters, web
from calculators.calculator import Calculator
from calculators.fields import DateField, Group, MonthField
from calculators.words import words

us_date = words("en").date

pytestmark = pytest.mark.slow  # thousands of runs: `make test` only

PROJECT = Path(__file__).resolve().parent.parent
CASES = load_cases()
EVERY_FIGURE = [figure for file in parameters.files_with_parameters() for figure in parameters.load(file).values()]
FIRST_DAYS = sorted({figure.values[0].effective for figure in EVERY_FIGURE})
ONE_DAY = dt.timedelta(days=1)
EDGES = sorted(
    {day for first in FIRST_DAYS for day in (first, first - ONE_DAY)} | {dt.date(2000, 1, 1), dt.date(2100, 12, 31)}
)
CLOCKS = {
    "case's day": None,
    "2016-12-31": dt.date(2016, 12, 31),
    "2000-01-01": dt.date(2000, 1, 1),
    "2100-01-01": dt.date(2100, 1, 1),
}
# QUICK=1 takes every 7th run, for a quick look at this file alone (`make check` leaves it out); `make test` takes all.
STRIDE = 7 if os.environ.get("QUICK") == "1" else 1


def date_fields(name):
    return [field for field in web.CALCULATORS[name].fields if isinstance(field, (DateField, MonthField))]


def written(field, day: dt.date) -> str:
    return day.isoformat() if isinstance(field, DateField) else f"{day.year}-{day.month:02}"


def variations(name):
    """(payload, clock) for every golden case of `name`, date field and edge; a calculator that asks no
    date (the call card) meets the edges through the clock only."""
    for case in (case for case in CASES if case.calculator == name):
        if not date_fields(name):  # no date to type (afford): its cases as they are, under every clock
            yield case.input, case.today_date
        for field in date_fields(name):
            for edge in EDGES:
                yield {**case.input, field.name: written(field, edge)}, case.today_date


def cli_in_process(argv, stdin: str):
    out, err = io.StringIO(), io.StringIO()
    real_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_module.main(argv)
    finally:
        sys.stdin = real_stdin
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def reads(monkeypatch):
    """Every (figure, day) a calculation asks the data for."""
    seen = []
    original = parameters.Parameter.at

    def at(self, day):
        seen.append((self, day))
        return original(self, day)

    monkeypatch.setattr(parameters.Parameter, "at", at)
    return seen


def text_of(value) -> str:
    if isinstance(value, dict):
        return " ".join(text_of(item) for item in value.values())
    if isinstance(value, list):
        return " ".join(text_of(item) for item in value)
    return str(value)


def assert_answered(name, payload, answer):
    names = {field.name for field in web.CALCULATORS[name].fields}
    if answer["ok"]:
        assert answer["answer"]["headline"] and answer["answer"]["blocks"]
        return
    assert answer["errors"], "an error answer names at least one answer to change"
    for key, message in answer["errors"].items():
        assert key in names | {"today"}, (key, payload)  # golden inputs are all known names
        assert message and "Traceback" not in message and "has no value before" not in message


@pytest.mark.parametrize("clock", CLOCKS, ids=list(CLOCKS))
@pytest.mark.parametrize("name", web.CALCULATORS)
def test_dates_at_the_edges_get_an_answer_or_field_errors(name, clock, reads):
    runs = 0
    for index, (payload, case_day) in enumerate(variations(name)):
        if index % STRIDE:
            continue
        today = CLOCKS[clock] or case_day
        text = json.dumps(payload)
        reads.clear()
        answer = json.loads(web.run_json(name, text, today.isoformat()))
        assert_answered(name, payload, answer)
        code, printed, complaint = cli_in_process([name, "--today", today.isoformat()], text)
        assert (code, complaint) == (0 if answer["ok"] else 1, "")
        assert json.loads(printed) == answer
        assumed = [figure for figure, day in reads if figure.is_beyond_known(day)]
        if answer["ok"] and assumed:
            # Said in the answer, as "the latest known rate" or "the latest we have".
            assert "latest" in text_of(answer["answer"]), (assumed[0].id, payload)
        runs += 1
    assert runs > 0


def first_day_read(name, payload, today, reads) -> dt.date:
    reads.clear()
    web.run(name, payload, today)
    return max(figure.values[0].effective for figure, _ in reads)


@pytest.mark.parametrize("name", web.CALCULATORS)
def test_the_command_line_answers_dates_before_the_figures_and_early_clocks_with_json(name, reads):
    # One real `python -m calculators` a clock: the calculator's first golden case, with every date
    # typed as the day before the figures it read start (the typo 12/1/16 is this kind of date).
    case = next(case for case in CASES if case.calculator == name)
    day_before = first_day_read(name, case.input, case.today_date, reads) - ONE_DAY
    payload = {**case.input, **{field.name: written(field, day_before) for field in date_fields(name)}}
    for clock in CLOCKS.values():
        today = (clock or case.today_date).isoformat()
        done = subprocess.run(
            [sys.executable, "-m", "calculators", name, "--today", today],
            input=json.dumps(payload),
            capture_output=True,
            text=True,
            cwd=PROJECT,
        )
        assert done.returncode in (0, 1) and done.stderr == "", done.stderr[-2000:]
        assert_answered(name, payload, json.loads(done.stdout))


def checklist_plan(**answers):
    return {"monthly_payment": "250", "payment_day": "15", "first_payment_month": "12/2026", **answers}


def test_a_checklist_today_typed_before_the_figures_is_refused_on_its_field():
    answer = web.run("checklist", checklist_plan(as_of="12/1/16"), dt.date(2026, 11, 28))
    assert answer["ok"] is False and list(answer["errors"]) == ["as_of"]
    message = answer["errors"]["as_of"]
    # The day named is when a figure in the data starts, after the typed day; the message says what to do.
    assert any(us_date(first) in message for first in FIRST_DAYS if first > dt.date(2016, 12, 1)), message
    assert message.startswith("Today's date must be") and "Check the year, or leave it empty to use today" in message


def test_the_same_typo_on_the_command_line_is_json_and_exit_1():
    done = subprocess.run(
        [sys.executable, "-m", "calculators", "checklist"],
        input=json.dumps(checklist_plan(as_of="12/1/16")),
        capture_output=True,
        text=True,
        cwd=PROJECT,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert list(json.loads(done.stdout)["errors"]) == ["as_of"]


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("dates", {"notice_date": "2010-06-01"}),
    ],
)
def test_a_device_clock_before_the_figures_is_named_as_the_problem(name, payload):
    # Every answer ends with whom to call, read as of today: before the fix, under a clock earlier
    # than that figure, every answer of these two calculators crashed.
    clock = parameters.get("contacts.phone_individuals").values[0].effective - ONE_DAY
    answer = web.run(name, payload, clock)
    assert answer["ok"] is False and list(answer["errors"]) == ["today"]
    assert answer["errors"]["today"].startswith(f"This device's date is {us_date(clock)}")
    assert "set the date on your device to today" in answer["errors"]["today"]


def test_the_catch_up_never_reaches_its_call_line_under_a_clock_before_the_figures():
    # It asks the notice date, which must be in the interest data (from its first day) and not after
    # today: under a clock before the contact figures, the notice date is refused, never a crash.
    clock = parameters.get("contacts.phone_individuals").values[0].effective - ONE_DAY
    assert clock < interest.first_day_with_rate()
    answer = web.run("past_due", {"notice_date": "2019-06-01", "monthly_payment": "250", "missed_payments": 2}, clock)
    assert answer["ok"] is False and list(answer["errors"]) == ["notice_date"]


def test_a_clock_the_worker_cannot_read_is_an_error_not_an_exception():
    answer = json.loads(web.run_json("dates", '{"notice_date": "2026-11-02"}', "+12026-01-01"))
    assert answer["ok"] is False and list(answer["errors"]) == ["today"]


@pytest.mark.parametrize("argument", ["2026-13-01", "yesterday", ""])
def test_a_today_option_that_is_not_a_date_exits_2_with_one_line(argument):
    code, printed, complaint = cli_in_process(["dates", "--today", argument], "{}")
    assert (code, printed) == (2, "")
    assert len(complaint.strip().splitlines()) == 1 and "2026-11-28" in complaint


def test_the_command_line_works_as_of_the_day_given():
    code, printed, _ = cli_in_process(["dates", "--today", "2026-11-28"], '{"notice_date": "2026-11-02"}')
    assert code == 0 and json.loads(printed)["result"]["as_of"] == "2026-11-28"


# A day worked out from a typed date (a figure read ten days before it) with no typed date to blame:
# said as a plain error on "input", never raised; with a typed date too early, that date is named.
FIGURE = parameters.get("contacts.phone_individuals")


def ten_days_before(values, today):
    FIGURE.at(values["day"] - dt.timedelta(days=10))


@pytest.fixture
def reads_ten_days_early(monkeypatch):
    fake = Calculator(
        name="ten_days_early",
        page="",
        groups=(Group("", (DateField(name="day"),)),),
        calculate=ten_days_before,
        render=None,
    )
    monkeypatch.setitem(web.CALCULATORS, "ten_days_early", fake)
    monkeypatch.setitem(words("en").entries, "ten_days_early.fields.day.noun", "the day")
    yield
    # The catalog remembers every key looked up, for tests/test_catalogs.py (in whichever order the
    # files run): the made-up calculator's key is not one the code reads.
    words("en").used.discard("ten_days_early.fields.day.noun")


def test_a_worked_out_day_before_the_figures_blames_a_typed_date_when_one_is_early(reads_ten_days_early):
    typed = FIGURE.values[0].effective - ONE_DAY
    answer = web.run("ten_days_early", {"day": typed.isoformat()}, dt.date(2026, 11, 28))
    assert answer == {
        "ok": False,
        "errors": {
            "day": f"The day must be {us_date(FIGURE.values[0].effective)} or later: our figures start then. Check the year"
        },
    }


def test_a_worked_out_day_before_the_figures_with_nothing_to_blame_is_said_plainly(reads_ten_days_early):
    typed = FIGURE.values[0].effective + dt.timedelta(days=5)
    answer = web.run("ten_days_early", {"day": typed.isoformat()}, dt.date(2026, 11, 28))
    assert list(answer["errors"]) == ["input"]
    assert us_date(FIGURE.values[0].effective) in answer["errors"]["input"]
