"""Field definitions: each calculator's inputs, declared once.

The same declarations render the form at build time (through the templates in
`overrides/calculators/`) and parse what a person typed at run time. A field
turns raw JSON (text, a whole number, true/false, or nothing) into a Python
value, or raises `FieldError` with a message that says how to fix the input.
"""

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from . import money

_WHOLE = re.compile(r"-?[0-9]{1,9}", re.ASCII)
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
# 11/2/2026, 11/2/26, 11-2-2026: US order. A two-digit year is in this century.
_US_DATE = re.compile(r"([0-9]{1,2})[/-]([0-9]{1,2})[/-]([0-9]{4}|[0-9]{2})", re.ASCII)
# Nov 2, 2026; November 2 2026; Nov. 2, 26.
_WORDS_DATE = re.compile(r"([A-Za-z]{3,9})\.?\s+([0-9]{1,2}),?\s+([0-9]{4}|[0-9]{2})", re.ASCII)
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})", re.ASCII)
_US_MONTH = re.compile(r"([0-9]{1,2})/([0-9]{4}|[0-9]{2})", re.ASCII)
# December 2026; Dec 2026; Dec. 26.
_WORDS_MONTH = re.compile(r"([A-Za-z]{3,9})\.?,?\s+([0-9]{4}|[0-9]{2})", re.ASCII)
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip


def _month_number(word: str) -> int | None:
    """1 to 12 for a month's name or its first three letters ("Nov", "november", "Sept"), else None."""
    word = word.lower()
    for number, name in enumerate(MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word[:3]) and (name.startswith(word) or word == "sept"):
            return number
    return None


def _full_year(text: str) -> int:
    """Two-digit years are in this century: 26 is 2026."""
    return int(text) + 2000 if len(text) == 2 else int(text)


LONGEST_TEXT = 100  # characters; anything longer is not an answer to these questions
MOST_UNKNOWN_INPUTS_REPORTED = 10

YES_WORDS = {"yes", "true", "y"}
NO_WORDS = {"no", "false", "n"}


class FieldError(ValueError):
    """Input a person can fix; the message says how."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _capitalised(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def us_date(day: dt.date) -> str:
    """Dates as people in the US write them: 11/28/2026."""
    return f"{day.month}/{day.day}/{day.year}"


@dataclass(frozen=True, kw_only=True)
class Field:
    """What every input has: a name in JSON, a label and hint on the form."""

    name: str
    label: str
    noun: str  # used in messages: "Enter {noun}", e.g. "your monthly payment"
    hint: str = ""
    required: bool = True
    # Asked only after another answer: (that field's name, the answers that make this one matter).
    # The page hides the question until then; the calculator ignores it otherwise.
    shown_when: tuple[str, tuple[str, ...]] | None = None
    kind: ClassVar[str] = ""

    def parse(self, raw: object, today: dt.date):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise FieldError(self.missing_message())
            return self.default_value(today)
        return self.convert(raw)

    def missing_message(self) -> str:
        return f"Enter {self.noun}"

    def default_value(self, today: dt.date):
        return None

    def convert(self, raw: object):
        raise NotImplementedError

    def _text(self, raw: object, example: str) -> str:
        """JSON may carry a number where a person would type text; anything else is refused."""
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            raise FieldError(f"{_capitalised(self.noun)} must be written as text, like {example}")
        if isinstance(raw, int) and abs(raw) >= 10**LONGEST_TEXT:
            raise FieldError(f"{_capitalised(self.noun)} is too long: write it like {example}")
        text = str(raw).strip()
        if len(text) > LONGEST_TEXT:
            raise FieldError(f"{_capitalised(self.noun)} is too long: write it like {example}")
        return text


@dataclass(frozen=True, kw_only=True)
class MoneyField(Field):
    """Dollars and cents. Accepts "$1,234.50" and stray spaces."""

    minimum: Decimal = Decimal("0")
    minimum_allowed: bool = True  # False: the amount must be more than the minimum
    maximum: Decimal = Decimal("100000000")
    default: Decimal | None = None
    kind: ClassVar[str] = "money"

    def default_value(self, today):
        return self.default

    def convert(self, raw):
        example = "1,234.50"
        text = self._text(raw, example)
        noun = _capitalised(self.noun)
        try:
            amount = money.parse_amount(text)
        except money.TooManyDecimals:
            raise FieldError(
                f"{noun} must be in dollars and cents, with no more than 2 digits after the point"
            ) from None
        except money.NotAnAmount:
            raise FieldError(f"{noun} must be an amount in dollars and cents, like {example}") from None
        if self.minimum_allowed and amount < self.minimum:
            raise FieldError(f"{noun} must be {money.dollars(self.minimum)} or more")
        if not self.minimum_allowed and amount <= self.minimum:
            raise FieldError(f"{noun} must be more than {money.dollars(self.minimum)}")
        if amount > self.maximum:
            raise FieldError(f"{noun} must be {money.dollars(self.maximum)} or less")
        return amount


@dataclass(frozen=True, kw_only=True)
class WholeNumberField(Field):
    minimum: int = 0
    maximum: int = 1000
    default: int | None = None
    kind: ClassVar[str] = "whole_number"

    def default_value(self, today):
        return self.default

    def convert(self, raw):
        example = str(max(self.minimum, 2))
        text = self._text(raw, example)
        noun = _capitalised(self.noun)
        if not _WHOLE.fullmatch(text):
            raise FieldError(f"{noun} must be a whole number, like {example}")
        number = int(text)
        if not self.minimum <= number <= self.maximum:
            raise FieldError(f"{noun} must be between {self.minimum} and {self.maximum}")
        return number


@dataclass(frozen=True, kw_only=True)
class DateField(Field):
    """A calendar day, typed as 11/28/2026 or 2026-11-28."""

    earliest: dt.date = dt.date(2000, 1, 1)
    latest: dt.date = dt.date(2100, 12, 31)
    default_today: bool = False
    kind: ClassVar[str] = "date"

    def default_value(self, today):
        return today if self.default_today else None

    def convert(self, raw):
        example = "11/28/2026"
        text = self._text(raw, example)
        noun = _capitalised(self.noun)
        month = None
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
        elif match := _US_DATE.fullmatch(text):
            month, day, year = int(match[1]), int(match[2]), _full_year(match[3])
        elif (match := _WORDS_DATE.fullmatch(text)) and _month_number(match[1]):
            month, day, year = _month_number(match[1]), int(match[2]), _full_year(match[3])
        if month is None:
            raise FieldError(f"{noun} must be a date, written like {example} or Nov 28, 2026")
        outside = f"{noun} must be between {us_date(self.earliest)} and {us_date(self.latest)}: check the year"
        if not self.earliest.year <= year <= self.latest.year:  # year 0 too, which is no date at all
            raise FieldError(outside)
        try:
            value = dt.date(year, month, day)
        except ValueError:
            raise FieldError(f"{noun} must be a real date: check the month and day") from None
        if not self.earliest <= value <= self.latest:
            raise FieldError(outside)
        return value

    def before_data_message(self, first_day: dt.date) -> str:
        """For a date earlier than the figures it needs (web.py finds which): often a typo in the year."""
        empty = ", or leave it empty to use today" if self.default_today else ""
        return (
            f"{_capitalised(self.noun)} must be {us_date(first_day)} or later: our figures start then. "
            f"Check the year{empty}"
        )


@dataclass(frozen=True, kw_only=True)
class MonthField(Field):
    """A calendar month, typed as 12/2026 or 2026-12; the value is the month's first day."""

    earliest: dt.date = dt.date(2000, 1, 1)
    latest: dt.date = dt.date(2100, 12, 1)
    kind: ClassVar[str] = "month"

    def convert(self, raw):
        example = "12/2026"
        text = self._text(raw, example)
        noun = _capitalised(self.noun)
        if match := _ISO_MONTH.fullmatch(text):
            year, month = (int(part) for part in match.groups())
        elif match := _US_MONTH.fullmatch(text):
            month, year = int(match[1]), _full_year(match[2])
        elif (match := _WORDS_MONTH.fullmatch(text)) and _month_number(match[1]):
            month, year = _month_number(match[1]), _full_year(match[2])
        else:
            raise FieldError(f"{noun} must be a month, written like {example} or December 2026")
        if not 1 <= month <= 12:
            raise FieldError(f"{noun} must be a real month: check the month, from 1 to 12")
        outside = (
            f"{noun} must be between {self.earliest.month}/{self.earliest.year} and "
            f"{self.latest.month}/{self.latest.year}: check the year"
        )
        if not self.earliest.year <= year <= self.latest.year:  # year 0 too, which is no date at all
            raise FieldError(outside)
        value = dt.date(year, month, 1)
        if not self.earliest <= value <= self.latest:
            raise FieldError(outside)
        return value


# For a fact the reader may not know: "not sure" makes a calculator show the range, never a guess.
NOT_SURE = "not_sure"
YES_NO_NOT_SURE = (("yes", "Yes"), ("no", "No"), (NOT_SURE, "Not sure"))


@dataclass(frozen=True, kw_only=True)
class ChoiceField(Field):
    """One of a few named options, shown as radio buttons."""

    choices: tuple[tuple[str, str], ...]  # (JSON value, label on the form)
    default: str | None = None
    kind: ClassVar[str] = "choice"

    def missing_message(self):
        return f"Select {self.noun}"

    def default_value(self, today):
        return self.default

    def convert(self, raw):
        values = [value for value, _ in self.choices]
        if isinstance(raw, str) and len(raw) <= LONGEST_TEXT and raw.strip() in values:
            return raw.strip()
        listed = ", ".join(f'"{value}"' for value in values)
        raise FieldError(f"Select {self.noun}: one of {listed}")


@dataclass(frozen=True, kw_only=True)
class YesNoField(Field):
    default: bool | None = None
    kind: ClassVar[str] = "yes_no"
    choices: ClassVar[tuple[tuple[str, str], ...]] = (("yes", "Yes"), ("no", "No"))

    def missing_message(self):
        return f"Select {self.noun}"

    def default_value(self, today):
        return self.default

    def convert(self, raw):
        if isinstance(raw, bool):
            return raw
        word = raw.strip().lower() if isinstance(raw, str) and len(raw) <= LONGEST_TEXT else None
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
        raise FieldError(f"Select {self.noun}: yes or no")


@dataclass(frozen=True)
class Group:
    """Fields shown together on the form; a group with a title becomes a fieldset with a legend."""

    title: str
    fields: tuple[Field, ...]
    hint: str = ""
    # A next step: shown after the first answer's button, folded, with a button of its own.
    later: bool = False
    button: str = "Work it out"


def answers_as_written(fields: tuple[Field, ...], values: dict) -> tuple[tuple[str, str], ...]:
    """(label, answer) for each question with an answer (typed, or the default it took), written as
    the page shows figures: a printed answer carries the figures it was worked from."""
    rows = []
    for field in fields:
        value = values.get(field.name)
        if value is None:
            continue
        if isinstance(field, MoneyField):
            text = money.dollars(value)
        elif isinstance(field, DateField):
            text = us_date(value)
        elif isinstance(field, MonthField):
            text = f"{value:%m}/{value.year}"
        elif isinstance(field, (ChoiceField, YesNoField)):
            key = value if isinstance(value, str) else ("yes" if value else "no")
            text = dict(field.choices)[key]
        else:
            text = str(value)
        rows.append((field.label, text))
    return tuple(rows)


def fields_of(groups: tuple[Group, ...]) -> tuple[Field, ...]:
    return tuple(field for group in groups for field in group.fields)


def parse_all(fields: tuple[Field, ...], payload: dict, today: dt.date) -> tuple[dict, dict]:
    """Parse every field; return (values, errors), errors keyed by field name."""
    values, errors = {}, {}
    known = {field.name for field in fields}
    unknown = [name for name in payload if name not in known]
    listed = ", ".join(sorted(known))
    for name in unknown[:MOST_UNKNOWN_INPUTS_REPORTED]:
        errors[str(name)[:LONGEST_TEXT]] = f"This calculator has no input called this. Its inputs are: {listed}"
    for field in fields:
        try:
            values[field.name] = field.parse(payload.get(field.name), today)
        except FieldError as error:
            errors[field.name] = error.message
    return values, errors
