"""The golden cases' arithmetic is evaluated, so it must be exact and must run nothing but arithmetic."""

from decimal import Decimal

import pytest
from golden_cases import agrees, evaluate, load_cases


def test_expressions_are_exact_decimal_arithmetic():
    assert evaluate("0.1 + 0.2") == Decimal("0.3")
    assert abs(evaluate("(1 + 7/100/365)**2") - (1 + Decimal(7) / 100 / 365) ** 2) < Decimal("1e-25")
    assert evaluate("down(3800 / 3)") == Decimal("1266.66")
    assert agrees("1/3", "0.33") and not agrees("1/3", "0.34")


@pytest.mark.parametrize("expression", ["__import__('os')", "open('x')", "a + 1", "[1][0]", "'1' + '2'"])
def test_anything_but_arithmetic_is_refused(expression):
    with pytest.raises((ValueError, SyntaxError)):
        evaluate(expression)


def test_every_case_file_has_a_day_and_most_amounts_are_worked_by_hand():
    cases = load_cases()
    assert all(case.today for case in cases)
    assert sum(len(case.arithmetic) for case in cases) >= 130
