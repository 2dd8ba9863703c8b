from decimal import Decimal

import pytest

from calculators import money


@pytest.mark.parametrize(
    "typed, amount",
    [
        ("250", "250.00"),
        ("$1,234.50", "1234.50"),
        (" $ 1,234.5 ", "1234.50"),
        ("\u00a01234\t", "1234.00"),  # a non-breaking space pasted from a letter
        (".5", "0.50"),
        ("7.", "7.00"),
        ("-20", "-20.00"),
        ("$-20", "-20.00"),
        ("-0", "0.00"),
        ("1,000,000", "1000000.00"),
    ],
)
def test_parse_amount_reads_what_people_type(typed, amount):
    assert money.parse_amount(typed) == Decimal(amount)
    assert str(money.parse_amount(typed)) == amount


@pytest.mark.parametrize(
    "typed", ["", "$", ".", "abc", "1.200,50", "12,34", "1,2345", "1 234", "١٢٣", "1e3", "NaN", "Infinity", "--5", "5-"]
)
def test_parse_amount_refuses_what_it_cannot_read_for_sure(typed):
    with pytest.raises(money.NotAnAmount):
        money.parse_amount(typed)


def test_parse_amount_refuses_fractions_of_a_cent():
    with pytest.raises(money.TooManyDecimals):
        money.parse_amount("1.005")


def test_to_cents_rounds_half_up_not_half_even():
    # Half-even would give 0.12 for 0.125 and 0.14 for 0.135 alike; IRS practice rounds halves up.
    assert money.to_cents(Decimal("0.125")) == Decimal("0.13")
    assert money.to_cents(Decimal("0.135")) == Decimal("0.14")
    assert money.to_cents(Decimal("0.1249")) == Decimal("0.12")


def test_money_is_printed_with_two_decimals_and_grouped_for_people():
    assert money.cents_text(Decimal("1234.5")) == "1234.50"
    assert money.dollars(Decimal("1234567.891")) == "$1,234,567.89"
