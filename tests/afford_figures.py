"""The household of 4 the affordability tests type ($4,200 a month, housing $1,900), with the standards
read from the data for the tests' day: a new set of standards changes the expected figures, not the tests."""

from decimal import Decimal

from site_server import TEST_DAY

from calculators import parameters


def standards_for_four(day=TEST_DAY) -> tuple[Decimal, Decimal]:
    """(National Standards for 4, out-of-pocket health for 4 people under 65)."""
    national = parameters.get("collection_standards.national_standards").at(day).value["four"]
    health = parameters.get("collection_standards.out_of_pocket_health").at(day).value["under_65"]
    return national, health * 4


def allowed_for_four(housing: Decimal, day=TEST_DAY) -> Decimal:
    """National Standards for 4 + housing as given + out-of-pocket health for 4 people under 65."""
    return sum(standards_for_four(day)) + housing


def short_by(income: Decimal, allowed: Decimal) -> str:
    """The headline's figure when the costs allowed are above the income: "$161.00"."""
    assert allowed > income, "these tests type a household whose costs are above its income"
    return f"${allowed - income:,.2f}"
