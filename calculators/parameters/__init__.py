"""Dated figures with their sources, read from the TOML files in this folder.

Each parameter names its unit, its usual `source` (an id from sources.toml), `grade` and the
exact `section` cited, and maps the date each value takes effect to the value (what the figure is,
in words, is in the catalogs: calculators/catalogs/<language>/figures.toml, under its id):

    [rate_normal]
    unit = "percent_per_month"
    source = "irc_6651"
    grade = "primary"
    section = "IRC 6651(a)(2) and (a)(3)"
    ...
    [rate_normal.values]
    2000-01-01 = "0.5"
    2026-04-01 = { value = "6", grade = "secondary", note = "why this one differs" }

A value that differs in source, grade or section, or needs a note, says so inline.

When a newer value is expected, the parameter says so in one of two ways: `known_until`, the last
day its values cover (a quarterly rate has no value after its quarter), or `next_expected`, the day
a newer value may first be published, for a figure that stays in force until it is replaced (a
poverty guideline). Past either, results and pages say the figure is assumed. A search for a
newer value that found none is recorded with its date, so `make review` knows a person looked:

    [[passport_debt_threshold.searched]]
    on = 2026-12-01
    looked_for = "the 2026 amount, in Rev. Proc. 2025-32"
    where = "IRS pages and bulletins, the Federal Register"
    found = "nothing primary; secondary sources disagree"
    look_again = 2027-01-15 A table of
values declares its `breakdown` (e.g. by region, then by first or additional person) and every
value must have exactly those keys. Numbers are written as strings and read as Decimal, never as
floats. Unknown keys stop the loading, so a typo cannot pass as a figure.
"""

import bisect
import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property
from importlib.resources import files

GRADES = ("primary", "secondary", "unverified")
PARAMETER_KEYS = {
    "unit", "last_reviewed", "values", "period", "known_until", "breakdown",
    "source", "grade", "section", "note", "next_expected", "searched",
}  # fmt: skip
REQUIRED_KEYS = {"unit", "last_reviewed", "values", "source", "grade"}
VALUE_KEYS = {"value", "grade", "source", "section", "note"}  # a value written as an inline table
SEARCH_KEYS = {"on", "looked_for", "where", "found", "look_again"}  # every one required


class BeforeFirstValue(LookupError):
    """The date is earlier than anything the data knows; never guess. Carries the parameter and the
    day asked for, so the boundary (web.py) can say which answer to change."""

    def __init__(self, parameter: "Parameter", day: dt.date):
        super().__init__(f"{parameter.id} has no value before {parameter.first_day}")
        self.parameter, self.day = parameter, day


class BadData(ValueError):
    """A parameter file does not follow the format above."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    language: str = "en"
    translations: tuple["Source", ...] = ()  # the publisher's own page in another language

    def in_language(self, language: str) -> "Source":
        """The publisher's page in `language` where it has one (a reader's link), else this one."""
        return next((page for page in self.translations if page.language == language), self)


@dataclass(frozen=True)
class Value:
    effective: dt.date
    value: object  # Decimal, or a dict of Decimals for a table
    grade: str
    source: Source
    section: str = ""  # the exact provision cited, e.g. "IRC 6651(d)"
    note: str = ""


@dataclass(frozen=True)
class Search:
    """A search for a newer value that found none: what, where, when, and when to look again."""

    on: dt.date
    looked_for: str
    where: str
    found: str
    look_again: dt.date


@dataclass(frozen=True)
class Parameter:
    id: str  # "file.name", e.g. "interest.underpayment_rate"; its words are the catalogs' `figures.<id>`
    unit: str
    last_reviewed: dt.date
    values: tuple[Value, ...]  # oldest first
    period: str = ""
    known_until: dt.date | None = None
    breakdown: tuple[tuple[str, tuple[str, ...]], ...] = ()  # e.g. (("channel", ("online", "phone_mail_in_person")),)
    next_expected: dt.date | None = None  # in force until replaced; a newer value may be published from this day
    searches: tuple[Search, ...] = ()  # oldest first

    def at(self, day: dt.date) -> Value:
        """The value in force on `day`. Raises BeforeFirstValue before the first one."""
        # Found by halving (a month-by-month answer over decades asks thousands of times).
        in_force = bisect.bisect_right(self._effective_days, day)
        if not in_force:
            raise BeforeFirstValue(self, day)
        return self.values[in_force - 1]

    @cached_property
    def _effective_days(self) -> tuple[dt.date, ...]:
        return tuple(value.effective for value in self.values)

    @property
    def first_day(self) -> dt.date:
        """The first day this figure has a value."""
        return self.values[0].effective

    def is_beyond_known(self, day: dt.date) -> bool:
        """True when no source yet confirms the latest value still holds on `day`."""
        if self.next_expected is not None and day >= self.next_expected:
            return True  # a newer value may be out that is not in our data
        return self.known_until is not None and day > self.known_until


# What a figure's numbers count. Their words ("30 days", "0.25% a month", "7 a.m. to 7 p.m.") are in
# each language's catalog (`format.units.*`, written by `Words.figure`): the data holds no sentence.
# Kept as text "low-high": a range of minutes ("3-4") or of clock times on a 24-hour clock ("07:00-19:00").
RANGE_PATTERNS = {"minute_range": re.compile(r"\d+-\d+"), "clock_range": re.compile(r"\d\d:\d\d-\d\d:\d\d")}
# phone, web_address and text are kept as written: numbers to dial, addresses, codes such as "04-15".
UNITS = {"days", "years", "percent", "percent_per_month", "percent_per_year", "dollars", "factor", "date"}
UNITS |= {"phone", "web_address", "text", *RANGE_PATTERNS}


def _number(text: object) -> Decimal:
    if not isinstance(text, str):
        raise TypeError(f"figures are written as strings, got {text!r}")
    return Decimal(text)


# Units whose values are not numbers: kept as text, or as TOML dates.
TEXT_UNITS = {"phone", "web_address", "text", *RANGE_PATTERNS}
DATE_UNITS = {"date"}


def _read(raw, unit: str):
    if isinstance(raw, dict):
        return {key: _read(item, unit) for key, item in raw.items()}
    if unit in RANGE_PATTERNS and not RANGE_PATTERNS[unit].fullmatch(str(raw)):
        raise ValueError(f"a {unit} is written {RANGE_PATTERNS[unit].pattern!r}, got {raw!r}")
    if unit in TEXT_UNITS:
        return str(raw)
    if unit in DATE_UNITS:
        if not isinstance(raw, dt.date):
            raise TypeError(f"dates are written as TOML dates, got {raw!r}")
        return raw
    return _number(raw)


def _folder():
    return files(__name__)


@cache
def sources() -> dict[str, Source]:
    raw = tomllib.loads(_folder().joinpath("sources.toml").read_text(encoding="utf-8"))
    return {
        key: Source(
            key,
            entry["title"],
            entry["url"],
            translations=tuple(
                Source(key, page["title"], page["url"], language)
                for language, page in entry.items()
                if isinstance(page, dict)
            ),
        )
        for key, entry in raw.items()
    }


def _check_breakdown(value, breakdown, where: str) -> None:
    if not breakdown:
        if isinstance(value, dict):
            raise BadData(f"{where}: a table of values needs a declared breakdown")
        return
    (level, keys), *rest = breakdown
    if not isinstance(value, dict) or list(value) != list(keys):
        raise BadData(f"{where}: the {level} must be exactly {', '.join(keys)}, in that order")
    for item in value.values():
        _check_breakdown(item, rest, where)


def _value(effective: str, written, entry: dict, breakdown, where: str) -> Value:
    """One dated value: written plainly, or as an inline table when it differs from the parameter's defaults."""
    is_override = isinstance(written, dict) and "value" in written
    details = written if is_override else {"value": written}
    unknown = set(details) - VALUE_KEYS
    if unknown:
        raise BadData(f"{where} {effective}: unknown keys {sorted(unknown)}")
    value = _read(details["value"], entry["unit"])
    _check_breakdown(value, breakdown, f"{where} {effective}")
    grade = details.get("grade", entry["grade"])
    if grade not in GRADES:
        raise BadData(f"{where} {effective}: grade must be one of {', '.join(GRADES)}")
    try:
        source = sources()[details.get("source", entry["source"])]
    except KeyError:
        raise BadData(f"{where} {effective}: unknown source {details.get('source', entry['source'])!r}") from None
    return Value(
        effective=dt.date.fromisoformat(effective),
        value=value,
        grade=grade,
        source=source,
        section=details.get("section", entry.get("section", "")),
        note=details.get("note", entry.get("note", "")),
    )


@cache
def load(file: str) -> dict[str, Parameter]:
    """All parameters in `<file>.toml`, by name."""
    raw = tomllib.loads(_folder().joinpath(f"{file}.toml").read_text(encoding="utf-8"))
    parameters = {}
    for name, entry in raw.items():
        where = f"{file}.{name}"
        if unknown := set(entry) - PARAMETER_KEYS:
            raise BadData(f"{where}: unknown keys {sorted(unknown)}")
        if missing := REQUIRED_KEYS - set(entry):
            raise BadData(f"{where}: missing {sorted(missing)}")
        breakdown = tuple((level, tuple(keys)) for level, keys in entry.get("breakdown", {}).items())
        values = tuple(
            sorted(
                (_value(effective, written, entry, breakdown, where) for effective, written in entry["values"].items()),
                key=lambda value: value.effective,
            )
        )
        if not values:
            raise BadData(f"{where}: no values")
        searches = tuple(sorted((_search(item, where) for item in entry.get("searched", [])), key=lambda s: s.on))
        parameters[name] = Parameter(
            id=where,
            unit=entry["unit"],
            last_reviewed=entry["last_reviewed"],
            values=values,
            period=entry.get("period", ""),
            known_until=entry.get("known_until"),
            breakdown=breakdown,
            next_expected=entry.get("next_expected"),
            searches=searches,
        )
    return parameters


def _search(item: dict, where: str) -> Search:
    if set(item) != SEARCH_KEYS:
        raise BadData(f"{where}: a search needs exactly {', '.join(sorted(SEARCH_KEYS))}")
    if not all(isinstance(item[key], dt.date) for key in ("on", "look_again")):
        raise BadData(f"{where}: a search's `on` and `look_again` are TOML dates")
    return Search(**item)


def leaves(value, prefix: str = "") -> list[tuple[str, object]]:
    """A table of values as (label, figure) pairs for people: ("contiguous first person", 15960)."""
    if not isinstance(value, dict):
        return [(prefix, value)]
    return [pair for key, item in value.items() for pair in leaves(item, f"{prefix} {key}".strip())]


def files_with_parameters() -> list[str]:
    return sorted(
        path.name.removesuffix(".toml")
        for path in _folder().iterdir()
        if path.name.endswith(".toml") and path.name != "sources.toml"
    )


def get(dotted: str) -> Parameter:
    file, name = dotted.split(".", 1)
    return load(file)[name]
