"""Every word the guide says, by language: one catalog per language, read from
`calculators/catalogs/<language>/*.toml` (standard library only, so it runs in Pyodide too).

A file's name starts every key it holds: `fees.toml`'s `[summary] waived = "…"` is the key
`fees.summary.waived`. An entry is a Python format string: `words("fees.why.income", income=…)`.
Arguments that are `Decimal` are written as money and `datetime.date` as a date, the language's
way (`format.toml`), a `Phrase` as its own entry; anything else as `str()`. An entry may be a table `{ one = "…", other = "…" }`,
chosen by the argument `count`. The calculators' core returns figures and codes; only renderers,
templates, hooks and the page scripts' strings file (written from these catalogs) read words.
"""

import datetime as dt
import string
import tomllib
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib.resources import files

from .money import to_cents

LANGUAGES = ("en", "es")  # the first is the default; each has a folder in calculators/catalogs/


class Phrase(str):
    """An argument that is itself a catalog key: worded in the same language as the entry."""


class MissingWords(KeyError):
    """A key the catalog does not hold: a bug, never the reader's input."""


def _flatten(prefix: str, table: dict, into: dict) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}"
        is_plural = isinstance(value, dict) and set(value) <= {"one", "other"} and "other" in value
        if isinstance(value, dict) and not is_plural:
            _flatten(name, value, into)
        else:
            into[name] = value


class _Arguments(string.Formatter):
    """str.format that writes money and dates the language's way."""

    def __init__(self, words: "Words"):
        self.words = words

    def format_field(self, value, format_spec):
        if isinstance(value, Phrase):
            return self.words(value)
        if isinstance(value, Decimal) and not format_spec:
            return self.words.money(value)
        if isinstance(value, dt.date) and not format_spec:
            return self.words.date(value)
        return super().format_field(value, format_spec)


class Words:
    """One language's catalog. Call it with a key and the entry's arguments."""

    def __init__(self, language: str, entries: dict):
        self.language = language
        self.entries = entries
        self.used: set[str] = set()  # keys looked up, for the test that every key is used
        self._formatter = _Arguments(self)

    def __call__(self, key: str, /, **arguments) -> str:
        entry = self.entry(key)
        if isinstance(entry, dict):
            count = arguments["count"]
            entry = entry["one"] if count in self.entries["format.plural_one"] else entry["other"]
        return self._formatter.format(entry, **arguments)

    def entry(self, key: str):
        """The raw entry (text, a plural table or a list), unformatted."""
        try:
            value = self.entries[key]
        except KeyError:
            raise MissingWords(f"{self.language} catalog has no {key!r}") from None
        self.used.add(key)
        return value

    def has(self, key: str) -> bool:
        return key in self.entries

    def money(self, amount: Decimal) -> str:
        """Dollars and cents, rounded half up to the cent: $1,234.50."""
        return self._money_text(f"{to_cents(amount):,.2f}")

    def whole_money(self, amount: Decimal) -> str:
        """Dollars and cents, with no cents when there are none: $1,234 or $1,234.50."""
        written = f"{to_cents(amount):,.2f}"
        return self._money_text(written.removesuffix(".00"))

    def about(self, amount: Decimal) -> str:
        """Rounded half up to whole dollars, for estimates: $1,235."""
        return self._money_text(f"{amount.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}")

    def _money_text(self, written: str) -> str:
        separators = str.maketrans(
            {",": self.entries["format.thousands_separator"], ".": self.entries["format.decimal_separator"]}
        )
        return self.entries["format.money"].format(amount=written.translate(separators))

    def date(self, day: dt.date) -> str:
        """As the language writes a day: 12/1/2026 in English, "1 de diciembre de 2026" in Spanish."""
        month_name = self.entries["format.month_names"][day.month - 1]
        return self.entries["format.date"].format(month=day.month, month_name=month_name, day=day.day, year=day.year)

    def figure(self, amount, unit: str) -> str:
        """A figure from calculators/parameters as a reader sees it: "30 days", "0.25% a month", "$89",
        "7 a.m. to 7 p.m."; numbers to dial, addresses and codes as they are written."""
        if unit == "dollars":
            return self.whole_money(amount)
        if unit == "date":
            return self.date(amount)
        if unit == "clock_range":
            start, end = amount.split("-")
            return self("format.units.clock_range", start=self._clock(start), end=self._clock(end))
        if unit == "minute_range":
            low, high = amount.split("-")
            return self("format.units.minute_range", low=low, high=high)
        if self.has(f"format.units.{unit}"):
            return self(f"format.units.{unit}", amount=str(amount), count=amount)  # a count, not money
        return str(amount)

    def _clock(self, time: str) -> str:
        """ "19:00" → "7 p.m.", "08:30" → "8:30 a.m." """
        hour, minute = (int(part) for part in time.split(":"))
        shown = f"{(hour - 1) % 12 + 1}" + (f":{minute:02}" if minute else "")
        return self("format.units.clock_pm" if hour >= 12 else "format.units.clock_am", time=shown)

    def month(self, year_month: str) -> str:
        """ "2026-12" → "December 2026"."""
        year, month = year_month.split("-")
        name = self.entries["format.month_names"][int(month) - 1]
        return self.entries["format.month"].format(month_name=name, year=year)


def words(language: str = LANGUAGES[0]) -> Words:
    """The catalog of `language`, read once: `words()` and `words("en")` are the same object."""
    return _catalog(language)


@cache
def _catalog(language: str) -> Words:
    if language not in LANGUAGES:
        raise MissingWords(f"no catalog for the language {language!r}; we have {', '.join(LANGUAGES)}")
    entries: dict = {}
    for path in sorted(files("calculators").joinpath("catalogs", language).iterdir(), key=lambda p: p.name):
        if path.name.endswith(".toml"):
            _flatten(path.name.removesuffix(".toml"), tomllib.loads(path.read_text(encoding="utf-8")), entries)
    return Words(language, entries)
