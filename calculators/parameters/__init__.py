"""Dated figures with their sources, read from the TOML files in this folder.

Each file holds parameters; each parameter holds values keyed by the date they
take effect, each with a source id (from sources.toml), a grade and an optional
note. Numbers are written as strings and read as Decimal, never as floats.
"""

import datetime as dt
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib.resources import files

GRADES = ("primary", "secondary", "unverified")
PARAMETER_KEYS = {"description", "unit", "last_reviewed", "values", "period", "known_until", "breakdown"}
VALUE_KEYS = {"effective", "value", "grade", "source", "note"}


class BeforeFirstValue(LookupError):
    """The date is earlier than anything the data knows; never guess."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str


@dataclass(frozen=True)
class Value:
    effective: dt.date
    value: object  # Decimal, or a dict of Decimals for a table
    grade: str
    source: Source
    note: str = ""


@dataclass(frozen=True)
class Parameter:
    id: str  # "file.name", e.g. "interest.underpayment_rate"
    description: str
    unit: str
    last_reviewed: dt.date
    values: tuple[Value, ...]  # oldest first
    period: str = ""
    known_until: dt.date | None = None

    def at(self, day: dt.date) -> Value:
        """The value in force on `day`. Raises BeforeFirstValue before the first one."""
        in_force = [value for value in self.values if value.effective <= day]
        if not in_force:
            raise BeforeFirstValue(f"{self.id} has no value before {self.values[0].effective}")
        return in_force[-1]

    def is_beyond_known(self, day: dt.date) -> bool:
        """True when no source yet confirms the latest value still holds on `day`."""
        return self.known_until is not None and day > self.known_until


UNIT_FORMATS = {
    "days": "{} days",
    "years": "{} years",
    "percent": "{}%",
    "percent_per_month": "{}% a month",
    "percent_per_year": "{}% a year",
    "dollars": "${}",
    "phone": "{}",
    "web_address": "{}",
    "date": "{}",
}


def describe(amount, unit: str) -> str:
    """A figure as a reader sees it: "30 days", "0.25% a month", "$89", "April 15, 2026"."""
    if unit == "dollars":
        return f"${amount:,}"
    if unit in DATE_UNITS:
        return f"{amount:%B} {amount.day}, {amount.year}"
    return UNIT_FORMATS[unit].format(amount)


def _number(text: object) -> Decimal:
    if not isinstance(text, str):
        raise TypeError(f"figures are written as strings, got {text!r}")
    return Decimal(text)


# Units whose values are not numbers: kept as text, or as TOML dates.
TEXT_UNITS = {"phone", "web_address"}
DATE_UNITS = {"date"}


def _read(raw, unit: str):
    if isinstance(raw, dict):
        return {key: _read(item, unit) for key, item in raw.items()}
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
    return {key: Source(key, entry["title"], entry["url"]) for key, entry in raw.items()}


@cache
def load(file: str) -> dict[str, Parameter]:
    """All parameters in `<file>.toml`, by name."""
    raw = tomllib.loads(_folder().joinpath(f"{file}.toml").read_text(encoding="utf-8"))
    known_sources = sources()
    parameters = {}
    for name, entry in raw.items():
        values = tuple(
            sorted(
                (
                    Value(
                        item["effective"],
                        _read(item["value"], entry["unit"]),
                        item["grade"],
                        known_sources[item["source"]],
                        item.get("note", ""),
                    )
                    for item in entry["values"]
                ),
                key=lambda value: value.effective,
            )
        )
        parameters[name] = Parameter(
            id=f"{file}.{name}",
            description=entry["description"],
            unit=entry["unit"],
            last_reviewed=entry["last_reviewed"],
            values=values,
            period=entry.get("period", ""),
            known_until=entry.get("known_until"),
        )
    return parameters


def files_with_parameters() -> list[str]:
    return sorted(
        path.name.removesuffix(".toml")
        for path in _folder().iterdir()
        if path.name.endswith(".toml") and path.name != "sources.toml"
    )


def get(dotted: str) -> Parameter:
    file, name = dotted.split(".", 1)
    return load(file)[name]
