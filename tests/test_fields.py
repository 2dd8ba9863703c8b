"""Field definitions parse input and word their errors so a person can fix them."""

import datetime as dt
from decimal import Decimal

import pytest

from calculators.fields import (
    WHICHEVER_IS_REAL,
    ChoiceField,
    DateField,
    FieldError,
    MoneyField,
    MonthField,
    PhoneField,
    WholeNumberField,
    YesNoField,
    parse_all,
)
from calculators.web import word_problem
from calculators.words import words

TODAY = dt.date(2026, 11, 28)
PAYMENT = MoneyField(name="payment", minimum_allowed=False)
BALANCE = MoneyField(name="balance", required=False, default=Decimal("0.00"))
MISSED = WholeNumberField(name="missed", maximum=120)
NOTICE = DateField(name="notice")
PAY_DAY = DateField(name="pay", required=False, default_today=True)
REGION = ChoiceField(name="region", choices=("contiguous", "alaska"))
FILED = YesNoField(name="filed", required=False, default=True)
MONTH = MonthField(name="m")
# The words a calculator's catalog would give each field, used in its messages.
NOUNS = {
    "payment": "your monthly payment",
    "balance": "the balance",
    "missed": "the number of missed payments",
    "notice": "the notice date",
    "region": "where you live",
    "filed": "whether you filed on time",
    "m": "the month",
}


def message(field, raw):
    """The English message a reader gets, worded from the problem the field raises."""
    with pytest.raises(FieldError) as caught:
        field.parse(raw, TODAY)
    return word_problem(caught.value.problem, NOUNS[field.name], words("en"))


def test_a_required_field_left_empty_asks_for_it_by_name():
    assert message(PAYMENT, "  ") == "Enter your monthly payment"
    assert message(PAYMENT, None) == "Enter your monthly payment"
    assert message(REGION, None) == "Select where you live"


def test_an_optional_field_left_empty_takes_its_default():
    assert BALANCE.parse("", TODAY) == Decimal("0.00")
    assert PAY_DAY.parse(None, TODAY) == TODAY
    assert FILED.parse(None, TODAY) is True


def test_money_bounds_are_said_in_dollars():
    assert message(PAYMENT, "0") == "Your monthly payment must be more than $0.00"
    assert PAYMENT.parse("0.01", TODAY) == Decimal("0.01")
    assert message(BALANCE, "-0.01") == "The balance must be $0.00 or more"
    assert BALANCE.parse("100,000,000", TODAY) == Decimal("100000000.00")
    assert message(BALANCE, "100,000,000.01") == "The balance must be $100,000,000.00 or less"


def test_values_of_the_wrong_json_type_are_refused_with_an_example():
    for raw in (True, 2.5, [1], {"a": 1}):
        assert "must be written as text, like 1,234.50" in message(PAYMENT, raw)


def test_whole_numbers():
    assert MISSED.parse(" 12 ", TODAY) == 12
    assert MISSED.parse(0, TODAY) == 0
    assert message(MISSED, "2.5") == "The number of missed payments must be a whole number, like 2"
    assert message(MISSED, "9" * 5000) == "The number of missed payments is too long: write it like 2"
    assert message(MISSED, "9" * 20) == "The number of missed payments must be a whole number, like 2"
    assert message(MISSED, "-1") == "The number of missed payments must be between 0 and 120"
    assert message(MISSED, 121) == "The number of missed payments must be between 0 and 120"


def test_dates_are_read_in_us_and_iso_forms_and_must_be_real():
    assert NOTICE.parse("11/28/2026", TODAY) == dt.date(2026, 11, 28)
    assert NOTICE.parse("2026-02-28", TODAY) == dt.date(2026, 2, 28)
    assert message(NOTICE, "2/30/2026") == "The notice date must be a real date: check the month and day"
    assert message(NOTICE, "2026-02-30") == "The notice date must be a real date: check the month and day"
    # Dots read as the US order too: 28.11.2026 has no month 28, so the reader is told to check the month.
    assert NOTICE.parse("11.28.2026", TODAY) == dt.date(2026, 11, 28)
    assert message(NOTICE, "28.11.2026") == "The notice date must be a real date: check the month and day"
    assert message(NOTICE, "11/28-2026") == "The notice date must be a date, written like 11/28/2026 or Nov 28, 2026"


def test_an_impossible_year_is_named_as_the_thing_to_check():
    outside = "The notice date must be between 1/1/2000 and 12/31/2100: check the year"
    for typed in ("0000-01-01", "1/1/1999", "12/1/0016", "2101-01-01", "0000-02-30"):
        assert message(NOTICE, typed) == outside, typed
    month = MONTH
    for typed in ("0000-12", "12/1999", "2101-01"):
        assert message(month, typed) == "The month must be between 1/2000 and 12/2100: check the year", typed


def test_choices_and_yes_no():
    assert REGION.parse("alaska", TODAY) == "alaska"
    assert message(REGION, "mars") == 'Select where you live: one of "contiguous", "alaska"'
    assert FILED.parse("No", TODAY) is False
    assert FILED.parse(True, TODAY) is True
    assert message(FILED, "maybe") == "Select whether you filed on time: yes or no"


def test_parse_all_reports_every_problem_and_unknown_inputs():
    values, problems = parse_all((PAYMENT, MISSED), {"payment": "x", "missed": "3", "paymnet": "1"}, TODAY)
    assert values == {"missed": 3}
    assert set(problems) == {"payment", "paymnet"}
    assert problems["paymnet"].key == "errors.unknown_input"
    assert "missed, payment" in word_problem(problems["paymnet"], "", words("en"))


def test_dates_and_months_are_read_as_people_write_them():
    nov_2 = dt.date(2026, 11, 2)
    for typed in ("11/2/26", "11/2/2026", "11-2-2026", "Nov 2, 2026", "November 2 2026", "nov. 2, 26", "2026-11-02"):
        assert NOTICE.parse(typed, TODAY) == nov_2, typed
    assert message(NOTICE, "Nox 2, 2026") == "The notice date must be a date, written like 11/28/2026 or Nov 28, 2026"
    assert message(NOTICE, "Feb 30, 2026") == "The notice date must be a real date: check the month and day"
    month = MONTH
    for typed in ("12/2026", "12/26", "2026-12", "December 2026", "Dec 2026", "dec. 26", "Sept 2026"):
        expected = dt.date(2026, 9, 1) if typed.startswith("Sept") else dt.date(2026, 12, 1)
        assert month.parse(typed, TODAY) == expected, typed
    assert message(month, "Decembre 2026") == "The month must be a month, written like 12/2026 or December 2026"


def test_dates_and_months_written_the_spanish_way_are_read_too():
    nov_2 = dt.date(2026, 11, 2)
    for typed in ("2 de noviembre de 2026", "2 noviembre 2026", "2 nov. 2026", "2 de Nov de 26", "2 November 2026"):
        assert NOTICE.parse(typed, TODAY) == nov_2, typed
    assert NOTICE.parse("15 de setiembre de 2026", TODAY) == dt.date(2026, 9, 15)  # as some countries spell it
    assert NOTICE.parse("1 de enero de 2027", TODAY) == dt.date(2027, 1, 1)
    assert NOTICE.parse("31 dic 2026", TODAY) == dt.date(2026, 12, 31)
    for typed, expected in (("diciembre de 2026", dt.date(2026, 12, 1)), ("ago. 2026", dt.date(2026, 8, 1))):
        assert MONTH.parse(typed, TODAY) == expected, typed
    assert message(NOTICE, "30 de febrero de 2026") == "The notice date must be a real date: check the month and day"
    assert message(NOTICE, "2 de noviembrx de 2026").startswith("The notice date must be a date")


PHONE = PhoneField(name="phone", required=False)


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("800-555-0142", "800-555-0142"),
        ("(800) 555-0142", "800-555-0142"),
        ("1 800 555 0142", "800-555-0142"),  # the country code a reader may copy
        ("+1.800.555.0142", "800-555-0142"),
        ("  ", None),  # optional: nothing typed is no number
    ],
)
def test_a_phone_number_is_kept_written_one_way(typed, kept):
    assert PHONE.parse(typed, TODAY) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "555-0142",  # 7 digits: no area code
        "800-555-01422",  # 11 digits not starting with 1
        "080-555-0142",  # an area code never starts with 0 or 1
        "800-129-0922",  # nor does an exchange
        "800 555 0142 ext 5",  # letters
        "2 800 555 0142",  # a country code other than 1
    ],
)
def test_a_phone_number_that_cannot_be_dialled_says_how_to_write_it(typed):
    with pytest.raises(FieldError) as refused:
        PHONE.parse(typed, TODAY)
    message = word_problem(refused.value.problem, "the phone number on your notice", words("en"))
    assert message == "The phone number on your notice must be a US phone number with its area code, like 800-555-0123"


# A reader who may write the day first (the Spanish catalog's format.numeric_dates): 28/11/2026 can
# only be November 28 (there is no month 28); 11/28/2026 only November 28 too; 2/11/2026 is February 11
# or November 2, so the reader is asked, with both days written out.
DAY_FIRST_READER = DateField(name="notice", numeric_order=WHICHEVER_IS_REAL)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("28/11/2026", dt.date(2026, 11, 28)),
        ("11/28/2026", dt.date(2026, 11, 28)),
        ("7/7/2026", dt.date(2026, 7, 7)),
        ("20.11.2026", dt.date(2026, 11, 20)),  # dots, as many Spanish speakers write the day first
        ("1º de diciembre de 2026", dt.date(2026, 12, 1)),  # the first of the month, "primero"
    ],
)
def test_a_day_first_reader_s_numeric_date_is_read_in_the_only_order_that_is_a_real_date(typed, day):
    assert DAY_FIRST_READER.parse(typed, TODAY) == day


def test_a_numeric_date_that_reads_both_ways_is_asked_about_in_the_reader_s_language():
    with pytest.raises(FieldError) as caught:
        DAY_FIRST_READER.parse("2/11/2026", TODAY)
    said = word_problem(caught.value.problem, "la fecha del aviso", words("es"))
    assert said == (
        "La fecha del aviso puede ser el 2 de noviembre de 2026 o el 11 de febrero de 2026: "
        "escriba la que quiso decir con el mes en letras, como aparece aquí"
    )
    assert NOTICE.parse("2/11/2026", TODAY) == dt.date(2026, 2, 11)  # the US reading, as English pages ask


def test_parse_all_reads_numeric_dates_as_the_language_says():
    values, _ = parse_all((NOTICE,), {"notice": "28/11/2026"}, TODAY, WHICHEVER_IS_REAL)
    assert values == {"notice": dt.date(2026, 11, 28)}
    _, problems = parse_all((NOTICE,), {"notice": "28/11/2026"}, TODAY)
    assert problems["notice"].key == "errors.not_real_date"
