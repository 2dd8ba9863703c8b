"""Where the data ends moves every quarter: a test must find that frontier in the data, never pin it.

`frontier` runs a test twice: on the data as shipped, and on a copy of the data folder with the
next quarter's interest rate and the next year's poverty guideline added, written into the TOML
files as the person updating the data would write them (the new rate differs from the last one, so
a test that quietly relies on the last value fails too). A test that passes both ways keeps passing
when the real figures come in.
"""

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from calculators import interest, low_income, parameters
from calculators.dates import add_months

FOLDER = Path(parameters.__file__).parent


def _insert_after(text: str, line_start: str, new_line: str) -> str:
    lines = text.splitlines()
    at = max(index for index, line in enumerate(lines) if line.startswith(line_start))
    return "\n".join([*lines[: at + 1], new_line, *lines[at + 1 :]]) + "\n"


def _inline(table: dict) -> str:
    return (
        "{ "
        + ", ".join(f"{key} = {_inline(item) if isinstance(item, dict) else item}" for key, item in table.items())
        + " }"
    )


def add_next_figures(folder: Path) -> None:
    """Next quarter's rate (one point above the last) and next year's guideline (each amount + 100)."""
    rate = parameters.load("interest")["underpayment_rate"]
    start = rate.known_until + dt.timedelta(days=1)
    end = add_months(start, 3) - dt.timedelta(days=1)
    path = folder / "interest.toml"
    text = path.read_text().replace(f"known_until = {rate.known_until}", f"known_until = {end}")
    new = (
        f'{start} = {{ value = "{rate.values[-1].value + 1}", grade = "unverified", note = "A test\'s next quarter." }}'
    )
    path.write_text(_insert_after(text, f"{rate.values[-1].effective} = ", new))

    guideline = parameters.load("low_income")["poverty_guideline"]
    published = guideline.next_expected
    following = published.replace(year=published.year + 1)
    amounts = {
        region: {part: f'"{amount + Decimal(100)}"' for part, amount in parts.items()}
        for region, parts in guideline.values[-1].value.items()
    }
    path = folder / "low_income.toml"
    text = path.read_text().replace(f"next_expected = {published}", f"next_expected = {following}")
    new = f'{published} = {{ value = {_inline(amounts)}, grade = "unverified", note = "A test\'s next year." }}'
    path.write_text(_insert_after(text, f"{guideline.values[-1].effective} = ", new))


@pytest.fixture(params=["as shipped", "with the next figures added"])
def frontier(request, tmp_path, monkeypatch):
    """The data as shipped, then with the next figures added (the modules that hold them see them too)."""
    if request.param == "with the next figures added":
        copy = tmp_path / "parameters"
        shutil.copytree(FOLDER, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
        add_next_figures(copy)
        monkeypatch.setattr(parameters, "_folder", lambda: copy)
        parameters.load.cache_clear()
        monkeypatch.setattr(interest, "RATE", parameters.get("interest.underpayment_rate"))
        monkeypatch.setattr(low_income, "GUIDELINE", parameters.get("low_income.poverty_guideline"))
    yield request.param
    parameters.load.cache_clear()  # the next test reads the real folder again


def next_figures_added() -> bool:
    """True inside a test run by `frontier` on the copy with the next figures."""
    return Path(str(parameters._folder())) != FOLDER
