"""Money as Decimal: parse what people type, round with a named mode, print cents.

Every amount is a Decimal built from a string. Rounding happens only through
`to_cents`, which always says which rule it uses.
"""

import re
from decimal import ROUND_HALF_UP, ROUND_UP, Decimal

CENT = Decimal("0.01")

# "$1,234.50", "1234.5", "-20". Spaces inside the digits ("1 234") are refused: "12 50" may mean 12.50.
# Commas must group thousands, so "1.200,50" (European style) is refused instead of misread.
_AMOUNT = re.compile(
    r"(?P<sign>-?)\$?(?P<whole>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.(?P<cents>[0-9]*))?",
    re.ASCII,
)


class NotAnAmount(ValueError):
    """The text is not an amount of dollars and cents."""


class TooManyDecimals(ValueError):
    """The amount has fractions of a cent, which we refuse rather than round silently."""


def parse_amount(text: str) -> Decimal:
    """Read an amount typed by a person: "$1,234.50", " 250 ", "-5", ".50"."""
    compact = re.sub(r"(?<=[$-])\s+", "", text.strip())  # stray spaces, also after "$" or "-"
    if compact.startswith("$-"):
        compact = "-$" + compact[2:]
    match = _AMOUNT.fullmatch(compact)
    if not match or not (match["whole"] or match["cents"]):
        raise NotAnAmount(text)
    cents = match["cents"] or ""
    if len(cents) > 2:
        raise TooManyDecimals(text)
    whole = (match["whole"] or "0").replace(",", "")
    amount = Decimal(f"{match['sign']}{whole}.{cents.ljust(2, '0')}")
    return amount if amount else Decimal("0.00")  # "-0" is plain zero


def to_cents(amount: Decimal) -> Decimal:
    """Round to whole cents, half a cent going up (IRS practice for amounts in cents)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def up_to_cents(amount: Decimal) -> Decimal:
    """Round up to whole cents (away from zero): a payment that must clear a balance never falls a cent short."""
    return amount.quantize(CENT, rounding=ROUND_UP)


def cents_text(amount: Decimal) -> str:
    """The JSON form of money: a string with exactly two decimals, e.g. "1234.50"."""
    return f"{to_cents(amount):f}"


def dollars(amount: Decimal) -> str:
    """How a person reads money: "$1,234.50"."""
    return f"${to_cents(amount):,.2f}"


def about(amount: Decimal) -> str:
    """An "about" figure in a sentence: whole dollars, half a dollar going up ("$10,879")."""
    return f"${amount.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"


def whole_dollars(amount: Decimal) -> str:
    """Money without cents when there are none, for the labels of a chart: "$2,500", "$0.38"."""
    return dollars(amount).removesuffix(".00")
