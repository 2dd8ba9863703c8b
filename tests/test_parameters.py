"""The figures' own structure: a broken or incomplete data file must fail here, not mislead a reader."""

import dataclasses
import datetime as dt
import json
import re
import tomllib
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest
from next_figures import frontier, next_figures_added  # noqa: F401  (a fixture: the data as shipped, then with the next figures)

from calculators import interest, low_income, parameters
from calculators.dates import add_months
from calculators.parameters import review
from calculators.words import LANGUAGES, words

FOLDER = files("calculators.parameters")
FILES = parameters.files_with_parameters()
ALL = [figure for name in FILES for figure in parameters.load(name).values()]


def raw(name):
    return tomllib.loads(FOLDER.joinpath(f"{name}.toml").read_text())


SEARCH = {
    "on": dt.date(2026, 12, 1),
    "looked_for": "x",
    "where": "y",
    "found": "nothing",
    "look_again": dt.date(2027, 1, 4),
}


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ({"surprise": 1}, "unknown keys"),
        ({"values": {"2020-01-01": {"value": "1", "grad": "primary"}}}, "unknown keys"),
        ({"grade": "certain"}, "grade must be one of"),
        ({"source": "nowhere"}, "unknown source"),
        ({"values": {"2020-01-01": {"online": "1", "phone": "2"}}}, "needs a declared breakdown"),
        (
            {"breakdown": {"channel": ["online", "phone"]}, "values": {"2020-01-01": {"online": "1"}}},
            "exactly online, phone",
        ),
        ({"searched": [{"on": dt.date(2026, 12, 1), "looked_for": "x", "where": "y"}]}, "a search needs exactly"),
        ({"searched": [{**SEARCH, "look_again": "soon"}]}, "are TOML dates"),
    ],
)
def test_data_that_breaks_the_format_is_refused_when_loaded(monkeypatch, written, message):
    entry = {"unit": "dollars", "source": "irc_6159", "grade": "primary"}
    entry |= {"last_reviewed": dt.date(2026, 11, 28), "values": {"2020-01-01": "1"}} | written
    monkeypatch.setattr(parameters, "_folder", lambda: FakeFolder({"broken.toml": entry}))
    parameters.load.cache_clear()
    try:
        with pytest.raises(parameters.BadData, match=message):
            parameters.load("broken")
    finally:
        parameters.load.cache_clear()


class FakeFolder:
    """Stands in for the data folder: a broken file, with the real sources."""

    def __init__(self, entries):
        self.entries = entries

    def joinpath(self, name):
        if name == "sources.toml":
            return FOLDER.joinpath(name)
        return FakeFile(self.entries[name])


class FakeFile:
    def __init__(self, entry):
        self.entry = entry

    def read_text(self, encoding="utf-8"):
        return toml_of({"broken": self.entry})


def toml_of(tables: dict) -> str:
    """Just enough TOML writing for the cases above (strings, dates, tables, lists)."""

    def value(item):
        if isinstance(item, dict):
            return "{ " + ", ".join(f'"{key}" = {value(inner)}' for key, inner in item.items()) + " }"
        if isinstance(item, list):
            return "[" + ", ".join(value(inner) for inner in item) + "]"
        if isinstance(item, dt.date):
            return item.isoformat()
        return json.dumps(item)

    return "\n".join(
        f"[{name}]\n" + "\n".join(f"{key} = {value(item)}" for key, item in table.items())
        for name, table in tables.items()
    )


@pytest.mark.parametrize("figure", ALL, ids=[figure.id for figure in ALL])
def test_every_value_is_dated_graded_and_sourced(figure):
    assert figure.unit in parameters.UNITS
    assert figure.last_reviewed <= dt.date.today()
    for search in figure.searches:  # a search is a thing done, with a later day to do it again
        assert search.on <= dt.date.today() and search.look_again > search.on and search.found
    effective = [value.effective for value in figure.values]
    assert effective == sorted(set(effective)), "effective dates must be distinct"
    for value in figure.values:
        assert value.grade in parameters.GRADES
        assert value.source.url.startswith("https://"), value.source
        assert value.source.title
        amounts = [leaf for _, leaf in parameters.leaves(value.value)]
        if figure.unit in parameters.DATE_UNITS:
            assert all(isinstance(amount, dt.date) for amount in amounts)
        elif figure.unit in parameters.TEXT_UNITS:
            assert all(isinstance(amount, str) and amount for amount in amounts)
        else:
            assert all(isinstance(amount, Decimal) and amount.is_finite() and amount >= 0 for amount in amounts)
        if value.grade != "primary":
            assert value.note, f"{figure.id} {value.effective}: a {value.grade} figure must say why in a note"


def cited_by_pages() -> set[str]:
    docs = Path(__file__).resolve().parent.parent / "docs"
    cited = set()
    for page in docs.glob("*.md"):
        if match := re.search(r"^sources: \[(.*)\]$", page.read_text(), re.M):
            cited |= {source.strip() for source in match[1].split(",")}
    return cited


def test_every_source_is_cited_by_a_figure_or_a_page_and_every_citation_exists():
    by_figures = {value.source.id for figure in ALL for value in figure.values}
    by_pages = cited_by_pages()
    assert by_figures | by_pages == set(parameters.sources())


def test_every_figure_and_only_those_is_said_in_every_language():
    # What a figure is, in words, is in the catalogs (figures.toml), keyed by its id; the sources page shows it.
    for language in LANGUAGES:
        said = {key.removeprefix("figures.") for key in words(language).entries if key.startswith("figures.")}
        assert said == {figure.id for figure in ALL}, language


def test_numbers_are_written_as_strings_never_floats():
    def items(written):
        value = written["value"] if isinstance(written, dict) and "value" in written else written
        return [leaf for _, leaf in parameters.leaves(value)]

    for name in FILES:
        for figure_name, figure in raw(name).items():
            allowed = dt.date if figure["unit"] in parameters.DATE_UNITS else str
            for written in figure["values"].values():
                assert all(isinstance(item, allowed) for item in items(written)), f"{name}.{figure_name}"


@pytest.mark.parametrize("figure", [f for f in ALL if f.period == "quarter"], ids=lambda f: f.id)
def test_quarterly_figures_have_no_gaps_and_end_at_known_until(figure):
    starts = [value.effective for value in figure.values]
    assert all(start.day == 1 and start.month in (1, 4, 7, 10) for start in starts)
    assert all(add_months(earlier, 3) == later for earlier, later in zip(starts, starts[1:], strict=False))
    assert figure.known_until == add_months(starts[-1], 3) - dt.timedelta(days=1)


def test_a_date_before_the_first_value_is_refused_not_guessed():
    rate = parameters.get("interest.underpayment_rate")
    with pytest.raises(parameters.BeforeFirstValue):
        rate.at(rate.values[0].effective - dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("amount", "unit", "english", "spanish"),
    [
        (Decimal("0.25"), "percent_per_month", "0.25% a month", "0.25% al mes"),
        (Decimal("30"), "days", "30 days", "30 días"),
        (Decimal("1"), "years", "one year", "un año"),
        (Decimal("10"), "years", "10 years", "10 años"),
        (Decimal("1250"), "dollars", "$1,250", "$1,250"),
        (Decimal("22.50"), "dollars", "$22.50", "$22.50"),
        ("3-4", "minute_range", "3 to 4 minutes", "3 a 4 minutos"),
        ("07:00-19:00", "clock_range", "7 a.m. to 7 p.m.", "de 7 a.m. a 7 p.m."),
        ("11:30-12:00", "clock_range", "11:30 a.m. to 12 p.m.", "de 11:30 a.m. a 12 p.m."),
        ("800-829-1040", "phone", "800-829-1040", "800-829-1040"),
        (dt.date(2026, 4, 15), "date", "4/15/2026", "15 de abril de 2026"),
    ],
)
def test_figures_are_described_for_people_in_each_language(amount, unit, english, spanish):
    assert words("en").figure(amount, unit) == english
    assert words("es").figure(amount, unit) == spanish


def test_a_range_figure_is_refused_unless_written_low_high():
    for unit, bad in (("clock_range", "7 a.m. to 7 p.m."), ("minute_range", "3 to 4 minutes")):
        with pytest.raises(ValueError, match=unit):
            parameters._read(bad, unit)


def test_each_interest_quarter_cites_its_own_bulletin():
    # A bulletin announces one quarter's rate; the same bulletin on two quarters is a copying slip.
    cited = [re.search(r"IRB (\d{4}-\d+)", value.note) for value in parameters.get("interest.underpayment_rate").values]
    bulletins = [match.group(1) for match in cited if match]
    assert len(bulletins) == len(set(bulletins)), bulletins


def test_the_2026_poverty_guidelines_take_effect_on_their_federal_register_date():
    # 91 FR 1797: in effect from January 13, 2026.
    guideline = parameters.get("low_income.poverty_guideline")
    assert guideline.at(dt.date(2026, 1, 12)).effective.year == 2025
    assert guideline.at(dt.date(2026, 1, 13)).effective == dt.date(2026, 1, 13)


@pytest.mark.usefixtures("frontier")
def test_a_guideline_stays_in_force_into_the_new_year_until_the_next_is_due():
    # HHS guidelines have no end date: the latest is the latest published until the next comes out
    # (mid-January). Nothing may end them on December 31.
    guideline = low_income.GUIDELINE
    latest = guideline.values[-1].effective
    assert guideline.known_until is None
    assert guideline.next_expected > dt.date(latest.year, 12, 31)
    for day in (
        dt.date(latest.year, 12, 31),
        dt.date(latest.year + 1, 1, 5),
        guideline.next_expected - dt.timedelta(1),
    ):
        assert not guideline.is_beyond_known(day), day
        assert guideline.at(day).effective == latest
    assert guideline.is_beyond_known(guideline.next_expected)


@pytest.mark.usefixtures("frontier")
def test_the_next_figures_added_for_tests_load_and_keep_the_datas_rules():
    # The copy the `frontier` fixture writes must itself be valid data, or it would prove nothing.
    rate = interest.RATE
    test_quarterly_figures_have_no_gaps_and_end_at_known_until(rate)
    test_every_value_is_dated_graded_and_sourced(rate)
    test_every_value_is_dated_graded_and_sourced(low_income.GUIDELINE)
    if next_figures_added():
        assert rate.values[-1].value == rate.values[-2].value + 1
        assert low_income.GUIDELINE.values[-1].effective.year == low_income.GUIDELINE.values[-2].effective.year + 1


# `make review`: red only when a person must act.


def figure(**changes) -> parameters.Parameter:
    base = parameters.Parameter(
        id="test.figure",
        unit="dollars",
        last_reviewed=dt.date(2026, 12, 1),
        values=(),
        known_until=dt.date(2025, 12, 31),
    )
    return dataclasses.replace(base, **changes)


def searched(on: dt.date, look_again: dt.date) -> parameters.Search:
    return parameters.Search(on, "the 2026 amount", "irs.gov", "nothing", look_again)


TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("figures", "status"),
    [
        ([figure(known_until=dt.date(2026, 12, 31))], 0),  # within its known dates
        ([figure()], 1),  # past them, and nobody looked
        ([figure(searches=(searched(TODAY, dt.date(2027, 1, 4)),))], 0),  # looked today; look again in January
        ([figure(searches=(searched(dt.date(2026, 6, 1), dt.date(2026, 12, 1)),))], 1),  # the look-again day has come
        (  # only the latest search counts
            [figure(searches=(searched(dt.date(2026, 6, 1), dt.date(2027, 6, 1)), searched(TODAY, TODAY)))],
            1,
        ),
        ([figure(known_until=None, next_expected=dt.date(2027, 1, 12))], 0),  # in force until replaced, not yet due
        ([figure(known_until=None, next_expected=TODAY)], 1),  # a newer one may be out from today
        ([figure(known_until=None, last_reviewed=TODAY - dt.timedelta(days=180))], 0),
        ([figure(known_until=None, last_reviewed=TODAY - dt.timedelta(days=181))], 1),  # not reviewed for 181 days
        (  # a recorded search does not excuse a figure nobody has reviewed for half a year
            [figure(last_reviewed=dt.date(2026, 1, 1), searches=(searched(TODAY, dt.date(2027, 1, 4)),))],
            1,
        ),
    ],
)
def test_review_fails_only_when_a_person_must_act(figures, status):
    assert review.exit_status(review.findings(TODAY, figures)) == status


def test_review_lists_a_search_without_failing_and_says_when_to_look_again(capsys):
    waiting = [figure(searches=(searched(TODAY, dt.date(2027, 1, 4)),))]
    assert review.main(TODAY, waiting) == 0
    out = capsys.readouterr().out
    assert out.startswith("Nothing needs a person now.")
    assert "test.figure: known only until 2025-12-31; searched 2026-12-01 for the 2026 amount" in out
    assert "Look again on 2027-01-04" in out
    assert review.main(dt.date(2027, 1, 4), waiting) == 1
    assert capsys.readouterr().out.startswith(
        "Needs a person now:\ntest.figure: known only until 2025-12-31; last searched"
    )


@pytest.mark.usefixtures("frontier")
def test_right_after_a_review_the_data_needs_nobody():
    # Derived from the data: on the latest review date, every figure past its date has a recorded
    # search, so the weekly job is green until a look-again date or a due date comes.
    reviewed = max(
        item.last_reviewed for name in parameters.files_with_parameters() for item in parameters.load(name).values()
    )
    found = review.findings(reviewed)
    assert review.exit_status(found) == 0, review.report(found)


@pytest.mark.usefixtures("frontier")
def test_a_figure_past_its_date_reaches_review_once_its_search_is_stale():
    # The same data, on the day after the latest look-again date of any search: someone must look again.
    everything = [item for name in parameters.files_with_parameters() for item in parameters.load(name).values()]
    stale = [item for item in everything if item.searches]
    day = max(item.searches[-1].look_again for item in stale)
    due = [item.id for item in stale if item.is_beyond_known(day)]
    acting = {finding.figure for finding in review.findings(day) if finding.act}
    assert due and set(due) <= acting
