"""Field definitions: each calculator's inputs, declared once.

The same declarations render the form at build time (through the templates in
`overrides/calculators/`) and parse what a person typed at run time. A field
turns raw JSON (text, a whole number, true/false, or nothing) into a Python
value, or raises `FieldError` with a `Problem`: the catalog key of a message that says how to fix
the input (`errors.*`), and its arguments. A field holds no words: its label, hint, noun (the
words messages use for it) and choices' labels are in the catalog (calculators/words.py), under the
key its calculator gives it (`Calculator.key`).
"""

import datetime as dt
import re
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from decimal import Decimal
from typing import ClassVar

from . import money
from .words import Phrase

_WHOLE = re.compile(r"-?[0-9]{1,9}", re.ASCII)
# A US number as people write it: digits, spaces, dashes, dots, brackets, a leading +1 or 1.
_PHONE_WRITTEN = re.compile(r"[0-9 ().+-]+", re.ASCII)
_PHONE = re.compile(r"1?([2-9][0-9]{2})([2-9][0-9]{2})([0-9]{4})", re.ASCII)
MONTH_FIRST, WHICHEVER_IS_REAL = "month_first", "whichever_is_real"  # how a date in numbers reads
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
# 11/2/2026, 11/2/26, 11-2-2026, 11.2.2026: US order (see DateField.numeric_order). A two-digit year is in
# this century.
_US_DATE = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})", re.ASCII)
# Nov 2, 2026; November 2 2026; Nov. 2, 26.
_WORDS_DATE = re.compile(r"([A-Za-z]{3,10})\.?\s+([0-9]{1,2}),?\s+([0-9]{4}|[0-9]{2})", re.ASCII)
# The day first, as Spanish writes it: 2 de noviembre de 2026; 1º de diciembre de 2026; 2 nov. 2026.
_WORDS_DATE_DAY_FIRST = re.compile(
    r"([0-9]{1,2})[º°]?\s+(?:de\s+)?([A-Za-z]{3,10})\.?,?\s+(?:de\s+|del\s+)?([0-9]{4}|[0-9]{2})",
    re.ASCII | re.IGNORECASE,
)
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})", re.ASCII)
_US_MONTH = re.compile(r"([0-9]{1,2})/([0-9]{4}|[0-9]{2})", re.ASCII)
# December 2026; Dec 2026; Dec. 26; diciembre de 2026.
_WORDS_MONTH = re.compile(r"([A-Za-z]{3,10})\.?,?\s+(?:de\s+|del\s+)?([0-9]{4}|[0-9]{2})", re.ASCII | re.IGNORECASE)
# Each month's names in the guide's languages, so a reader may type either: a bilingual reader's notice
# may be in the other one. A shared three-letter start always means the same month ("mar", "may").
MONTHS = (
    ("january", "enero"), ("february", "febrero"), ("march", "marzo"), ("april", "abril"), ("may", "mayo"),
    ("june", "junio"), ("july", "julio"), ("august", "agosto"), ("september", "septiembre", "setiembre"),
    ("october", "octubre"), ("november", "noviembre"), ("december", "diciembre"),
)  # fmt: skip


def _month_number(word: str) -> int | None:
    """1 to 12 for a month's name or its start of three letters or more ("Nov", "november", "Sept",
    "dic", "setiembre"), else None."""
    word = word.lower()
    for number, names in enumerate(MONTHS, start=1):
        if len(word) >= 3 and any(name.startswith(word) for name in names):
            return number
    return None


def _full_year(text: str) -> int:
    """Two-digit years are in this century: 26 is 2026."""
    return int(text) + 2000 if len(text) == 2 else int(text)


LONGEST_TEXT = 100  # characters; anything longer is not an answer to these questions
MOST_UNKNOWN_INPUTS_REPORTED = 10

YES_WORDS = {"yes", "true", "y"}
NO_WORDS = {"no", "false", "n"}


@dataclass(frozen=True)
class Problem:
    """Input a person can fix: the catalog key of the message that says how, and its arguments.
    The field's own noun is added when the message is worded (calculators/web.py)."""

    key: str
    arguments: dict = dataclass_field(default_factory=dict)


class FieldError(ValueError):
    """Input a person can fix; its problem says how."""

    def __init__(self, key: str, **arguments):
        super().__init__(key)
        self.problem = Problem(key, arguments)


@dataclass(frozen=True, kw_only=True)
class Field:
    """What every input has: a name in JSON; its words are in the catalog."""

    name: str
    words: str = ""  # the catalog key of its words, for a field shared by calculators; else its calculator's
    required: bool = True
    # Asked only after another answer: (that field's name, the answers that make this one matter).
    # The page hides the question until then; the calculator ignores it otherwise.
    shown_when: tuple[str, tuple[str, ...]] | None = None
    kind: ClassVar[str] = ""

    def parse(self, raw: object, today: dt.date):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if self.required:
                raise FieldError(self.missing_message)
            return self.default_value(today)
        return self.convert(raw)

    missing_message: ClassVar[str] = "errors.enter"

    def default_value(self, today: dt.date):
        return None

    def convert(self, raw: object):
        raise NotImplementedError

    def _text(self, raw: object, example: "int | Phrase") -> str:
        """JSON may carry a number where a person would type text; anything else is refused."""
        if isinstance(raw, bool) or not isinstance(raw, (str, int)):
            raise FieldError("errors.not_text", example=example)
        if isinstance(raw, int) and abs(raw) >= 10**LONGEST_TEXT:
            raise FieldError("errors.too_long", example=example)
        text = str(raw).strip()
        if len(text) > LONGEST_TEXT:
            raise FieldError("errors.too_long", example=example)
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
        example = Phrase("errors.examples.money")
        text = self._text(raw, example)
        try:
            amount = money.parse_amount(text)
        except money.TooManyDecimals:
            raise FieldError("errors.money_decimals") from None
        except money.NotAnAmount:
            raise FieldError("errors.not_money", example=example) from None
        if self.minimum_allowed and amount < self.minimum:
            raise FieldError("errors.money_at_least", minimum=self.minimum)
        if not self.minimum_allowed and amount <= self.minimum:
            raise FieldError("errors.money_more_than", minimum=self.minimum)
        if amount > self.maximum:
            raise FieldError("errors.money_at_most", maximum=self.maximum)
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
        example = max(self.minimum, 2)
        text = self._text(raw, example)
        if not _WHOLE.fullmatch(text):
            raise FieldError("errors.not_whole", example=example)
        number = int(text)
        if not self.minimum <= number <= self.maximum:
            raise FieldError("errors.whole_between", minimum=self.minimum, maximum=self.maximum)
        return number


@dataclass(frozen=True, kw_only=True)
class PhoneField(Field):
    """A US phone number with its area code, as printed or typed: "(800) 829-1040", "1 800 829 1040".
    Kept written the one way a tel: link and a reader both read: 800-829-1040."""

    kind: ClassVar[str] = "phone"

    def convert(self, raw):
        text = self._text(raw, Phrase("errors.phone_example"))
        digits = re.sub(r"[^0-9]", "", text)
        parts = _PHONE.fullmatch(digits) if _PHONE_WRITTEN.fullmatch(text) else None
        if not parts:
            raise FieldError("errors.not_phone", example=Phrase("errors.phone_example"))
        return "-".join(parts.groups())


@dataclass(frozen=True, kw_only=True)
class DateField(Field):
    """A calendar day, typed as 11/28/2026, 2026-11-28, Nov 28, 2026 or 28 de noviembre de 2026."""

    earliest: dt.date = dt.date(2000, 1, 1)
    latest: dt.date = dt.date(2100, 12, 31)
    default_today: bool = False
    # How 2/11/2026 reads: MONTH_FIRST (the US way), or WHICHEVER_IS_REAL for readers who may write the
    # day first: 28/11/2026 is then November 28, and 2/11/2026, which reads both ways, is asked about.
    numeric_order: str = MONTH_FIRST
    kind: ClassVar[str] = "date"

    def default_value(self, today):
        return today if self.default_today else None

    def convert(self, raw):
        text = self._text(raw, Phrase("errors.examples.date"))
        month = None
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
        elif match := _US_DATE.fullmatch(text):
            month, day, year = int(match[1]), int(match[3]), _full_year(match[4])
            if self.numeric_order == WHICHEVER_IS_REAL and month != day:
                month, day = self._numeric_order(month, day, year)
        elif (match := _WORDS_DATE.fullmatch(text)) and _month_number(match[1]):
            month, day, year = _month_number(match[1]), int(match[2]), _full_year(match[3])
        elif (match := _WORDS_DATE_DAY_FIRST.fullmatch(text)) and _month_number(match[2]):
            day, month, year = int(match[1]), _month_number(match[2]), _full_year(match[3])
        if month is None:
            raise FieldError("errors.not_date")
        outside = FieldError("errors.date_outside", earliest=self.earliest, latest=self.latest)
        if not self.earliest.year <= year <= self.latest.year:  # year 0 too, which is no date at all
            raise outside
        try:
            value = dt.date(year, month, day)
        except ValueError:
            raise FieldError("errors.not_real_date") from None
        if not self.earliest <= value <= self.latest:
            raise outside
        return value

    def _numeric_order(self, first: int, second: int, year: int) -> tuple[int, int]:
        """(month, day) for first/second/year when only one order is a real date; else asks which."""
        if first > 12 >= second:
            return second, first
        if first <= 12 and second <= 12 and self.earliest.year <= year <= self.latest.year:
            raise FieldError(
                "errors.date_order_unclear",
                month_first=dt.date(year, first, second),
                day_first=dt.date(year, second, first),
            )
        return first, second

    def before_data_problem(self, first_day: dt.date) -> Problem:
        """For a date earlier than the figures it needs (web.py finds which): often a typo in the year."""
        key = "errors.before_figures_or_empty" if self.default_today else "errors.before_figures"
        return Problem(key, {"first_day": first_day})


@dataclass(frozen=True, kw_only=True)
class MonthField(Field):
    """A calendar month, typed as 12/2026 or 2026-12; the value is the month's first day."""

    earliest: dt.date = dt.date(2000, 1, 1)
    latest: dt.date = dt.date(2100, 12, 1)
    kind: ClassVar[str] = "month"

    def convert(self, raw):
        text = self._text(raw, Phrase("errors.examples.month"))
        if match := _ISO_MONTH.fullmatch(text):
            year, month = (int(part) for part in match.groups())
        elif match := _US_MONTH.fullmatch(text):
            month, year = int(match[1]), _full_year(match[2])
        elif (match := _WORDS_MONTH.fullmatch(text)) and _month_number(match[1]):
            month, year = _month_number(match[1]), _full_year(match[2])
        else:
            raise FieldError("errors.not_month")
        if not 1 <= month <= 12:
            raise FieldError("errors.not_real_month")
        outside = FieldError("errors.month_outside", earliest=self.earliest, latest=self.latest)
        if not self.earliest.year <= year <= self.latest.year:  # year 0 too, which is no date at all
            raise outside
        value = dt.date(year, month, 1)
        if not self.earliest <= value <= self.latest:
            raise outside
        return value


# For a fact the reader may not know: "not sure" makes a calculator show the range, never a guess.
NOT_SURE = "not_sure"
YES_NO_NOT_SURE = ("yes", "no", NOT_SURE)


@dataclass(frozen=True, kw_only=True)
class ChoiceField(Field):
    """One of a few named options, shown as radio buttons."""

    choices: tuple[str, ...]  # JSON values; their labels are the catalog's `<key>.choices.<value>`
    default: str | None = None
    kind: ClassVar[str] = "choice"
    missing_message: ClassVar[str] = "errors.select"

    def default_value(self, today):
        return self.default

    def convert(self, raw):
        if isinstance(raw, str) and len(raw) <= LONGEST_TEXT and raw.strip() in self.choices:
            return raw.strip()
        raise FieldError("errors.select_one_of", listed=", ".join(f'"{value}"' for value in self.choices))


@dataclass(frozen=True, kw_only=True)
class YesNoField(Field):
    default: bool | None = None
    kind: ClassVar[str] = "yes_no"
    choices: ClassVar[tuple[str, ...]] = ("yes", "no")
    missing_message: ClassVar[str] = "errors.select"

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
        raise FieldError("errors.select_yes_no")


@dataclass(frozen=True)
class Group:
    """Fields shown together on the form. A group with an `id` becomes a fieldset whose legend (and
    hint, and button for a later group) are in the catalog under its calculator's `groups.<id>`."""

    id: str
    fields: tuple[Field, ...]
    # A next step: shown after the first answer's button, folded, with a button of its own.
    later: bool = False
    words: str = ""  # the catalog key of its words, for a group shared by calculators; else its calculator's


def answers_as_written(key, fields: tuple[Field, ...], values: dict, words) -> tuple[tuple[str, str], ...]:
    """(label, answer) for each question with an answer (typed, or the default it took), written as
    the page shows figures: a printed answer carries the figures it was worked from. `key` gives a
    field's catalog key (Calculator.key)."""
    rows = []
    for field in fields:
        value = values.get(field.name)
        if value is None:
            continue
        if isinstance(field, MoneyField):
            text = words.money(value)
        elif isinstance(field, DateField):
            text = words.date(value)
        elif isinstance(field, MonthField):
            text = words("format.month_as_typed", day=value)
        elif isinstance(field, (ChoiceField, YesNoField)):
            text = choice_label(key(field), value if isinstance(value, str) else ("yes" if value else "no"), words)
        else:
            text = str(value)
        rows.append((words(key(field) + ".label"), text))
    return tuple(rows)


def choice_label(field_key: str, value: str, words) -> str:
    """A choice's label: the field's own (`<field key>.choices.<value>`), else the common one
    (`choices.<value>`: yes, no, not sure)."""
    own = f"{field_key}.choices.{value}"
    return words(own if words.has(own) else f"choices.{value}")


def fields_of(groups: tuple[Group, ...]) -> tuple[Field, ...]:
    return tuple(field for group in groups for field in group.fields)


def parse_all(
    fields: tuple[Field, ...], payload: dict, today: dt.date, numeric_dates: str = MONTH_FIRST
) -> tuple[dict, dict[str, Problem]]:
    """Parse every field; return (values, problems), problems keyed by field name. `numeric_dates` is
    how the reader's language orders a date written in numbers (the catalog's format.numeric_dates)."""
    values, problems = {}, {}
    known = {field.name for field in fields}
    unknown = [name for name in payload if name not in known]
    listed = ", ".join(sorted(known))
    for name in unknown[:MOST_UNKNOWN_INPUTS_REPORTED]:
        problems[str(name)[:LONGEST_TEXT]] = Problem("errors.unknown_input", {"listed": listed})
    for field in fields:
        if isinstance(field, DateField) and field.numeric_order != numeric_dates:
            field = replace(field, numeric_order=numeric_dates)
        try:
            values[field.name] = field.parse(payload.get(field.name), today)
        except FieldError as error:
            problems[field.name] = error.problem
    return values, problems
