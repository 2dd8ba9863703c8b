"""The one JSON boundary: the browser worker and the command line both call `run`.

`run(name, payload)` answers {"ok": true, "result": {...}, "answer": {...}} or
{"ok": false, "errors": {"<field>": "<message>"}}. It never raises for bad input. "result" holds
the figures and codes in the calculator's declared shape (no words); "answer" is the document the
page lays out (calculators/answer.py), worded in the language asked for (calculators/words.py). Two error names are not fields:
"input" (not one JSON object, or nothing else to blame) and "today" (the device's date).

A date before the figures begin is refused here, for every calculator at once: whatever figure the
calculation asked for too early (parameters.BeforeFirstValue), the error names the answer to
change, the typed date or the device's clock, and the day the figures begin.
"""

import datetime as dt
import json
from dataclasses import fields as dataclass_fields
from decimal import Decimal

from . import fields, parameters
from .calculator import Calculator
from .fields import Problem
from .money import cents_text
from .registry import CALCULATORS
from .words import LANGUAGES, Words, words


class UnknownCalculator(LookupError):
    pass


def calculator(name: str) -> Calculator:
    try:
        return CALCULATORS[name]
    except (KeyError, TypeError):
        raise UnknownCalculator(f"No calculator is called {name!r}. Choose one of: {', '.join(CALCULATORS)}") from None


def prepare(names: str, language: str = LANGUAGES[0]) -> None:
    """For the browser worker, before the first answer: import the calculators a page holds (their
    registry names, comma-separated; "" or "*" for all of them) and read the catalog they word answers
    from, so the first answer costs no more than the next. Calculators are imported lazily
    (calculators/registry.py); their modules read their figures as they are imported."""
    wanted = [name.strip() for name in names.split(",") if name.strip() not in ("", "*")]
    for name in wanted or CALCULATORS:
        calculator(name)
    words(language)


def _call_log(payload: dict, today: dt.date, said: Words) -> dict:
    from .call_card import log_calendar  # imported with the call card, the calculator on the log's page

    return log_calendar(payload, today, said)


# Answers that are no calculator's form: the call log's calendar file (docs/js/call-log.mjs), made from
# the log's next dates by the same calendar_file.py as the checklist's.
SERVICES = {"call_log": _call_log}


def run(name: str, payload: dict, today: dt.date | None = None, language: str = LANGUAGES[0]) -> dict:
    if isinstance(name, str) and name in SERVICES:
        return SERVICES[name](payload, today or dt.date.today(), words(language))
    declared = calculator(name)
    said = words(language)
    if not isinstance(payload, dict):
        return {"ok": False, "errors": {"input": said("errors.not_one_object")}}
    today = today or dt.date.today()
    values, problems = fields.parse_all(declared.fields, payload, today, said("format.numeric_dates"))
    try:
        if not problems:
            problems = declared.check(values, today)
        if problems:
            return {"ok": False, "errors": _worded(declared, problems, said)}
        result = declared.calculate(values, today)
        answer = declared.render(result, said)
    except parameters.BeforeFirstValue as gap:
        return {
            "ok": False,
            "errors": _worded(declared, _before_the_figures(declared, payload, values, today, gap), said),
        }
    return {"ok": True, "result": _plain(result), "answer": _plain(answer)}


def _worded(declared: Calculator, problems: dict[str, Problem], said: Words) -> dict[str, str]:
    """Each problem as a sentence, with the noun of the field it is about."""
    by_name = {field.name: field for field in declared.fields}
    return {
        name: word_problem(problem, said(declared.key(by_name[name]) + ".noun") if name in by_name else "", said)
        for name, problem in problems.items()
    }


def word_problem(problem: Problem, noun: str, said: Words) -> str:
    """The sentence for one problem; `noun` is the field's (said at the start as `Noun`)."""
    return said(problem.key, noun=noun, Noun=noun[:1].upper() + noun[1:], **problem.arguments)


def _before_the_figures(
    declared: Calculator, payload: dict, values: dict, today: dt.date, gap: parameters.BeforeFirstValue
) -> dict[str, Problem]:
    """Problems for a figure asked for before its first value. The day asked for is today (a typed
    date on the same day is no less likely to be right than the clock), or a date the reader typed,
    or a day worked out from a typed date (the day after the notice, say)."""
    first = gap.parameter.first_day
    if gap.day == today:  # the device's date is earlier than the figures: almost surely a clock set wrong
        return {"today": Problem("errors.clock_before_figures", {"today": today, "first_day": first})}
    typed_too_early = [
        field
        for field in declared.fields
        if isinstance(field, fields.DateField)
        and _typed(payload.get(field.name))
        and values.get(field.name) is not None
        and values[field.name] < first
    ]
    blamed = [field for field in typed_too_early if values[field.name] == gap.day] or typed_too_early
    if blamed:
        return {field.name: field.before_data_problem(first) for field in blamed}
    # not reached by today's calculators; said plainly rather than raised
    return {"input": Problem("errors.before_figures_any", {"day": gap.day, "first_day": first})}


def _typed(raw) -> bool:
    return raw is not None and not (isinstance(raw, str) and not raw.strip())


def run_json(name: str, payload_text: str, today_text: str | None = None, language: str = LANGUAGES[0]) -> str:
    """For the browser worker: JSON text in, JSON text out, so JavaScript only moves strings."""
    try:
        payload = loads(payload_text)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        payload = None
    try:
        today = dt.date.fromisoformat(today_text) if today_text else None
    except (TypeError, ValueError):  # a clock past the year 9999 writes no ISO date
        return json.dumps({"ok": False, "errors": {"today": words(language)("errors.bad_clock")}})
    return json.dumps(run(name, payload, today, language))


class DuplicateName(ValueError):
    """The same answer given twice: we will not guess which one was meant."""


def _no_duplicates(pairs):
    answers = {}
    for name, value in pairs:
        if name in answers:
            raise DuplicateName(name)
        answers[name] = value
    return answers


def loads(text: str):
    """JSON numbers stay exact text: 250.10 arrives as "250.10" and a long whole number as its digits
    (never a float, never Python's limit on long integers). A byte-order mark is allowed; a name given
    twice is refused."""
    return json.loads(text.removeprefix("\ufeff"), parse_float=str, parse_int=str, object_pairs_hook=_no_duplicates)


def json_problem(error: Exception) -> str:
    """A plain, whole sentence for input that is not one JSON object, for people and the command line."""
    if isinstance(error, DuplicateName):
        return f"the answer {str(error)[:40]!r} is given twice; give each answer once"
    if isinstance(error, RecursionError):
        return "the input is nested too deeply to be answers"
    if isinstance(error, json.JSONDecodeError):
        return f"the input is not valid JSON (line {error.lineno}, column {error.colno})"
    return "the input is not valid JSON"


def _plain(value):
    """JSON-ready values: money as "1234.50", dates as ISO text; an answer block carries its `kind`."""
    if hasattr(value, "__dataclass_fields__"):
        plain = {field.name: _plain(getattr(value, field.name)) for field in dataclass_fields(value)}
        kind = getattr(type(value), "kind", None)
        return {"kind": kind, **plain} if kind else plain
    if isinstance(value, Decimal):
        return cents_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value
