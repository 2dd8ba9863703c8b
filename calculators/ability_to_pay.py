"""Ability to pay: what is left each month after the living expenses the IRS allows, the way Form
433-F (Collection Information Statement) and the Collection Financial Standards work it out, beside
the plan's payment and the smallest payment that clears the balance before the collection deadline.

- National Standards (food, housekeeping, clothing, personal care, miscellaneous) are allowed in
  full by household size, whatever is spent; out-of-pocket health care per person by age.
- Local Standards (housing and utilities by county; transportation) allow the lesser of what is spent
  and the standard. The county table is too large to ship: the reader may type their county's figure;
  without it, housing counts as entered and the answer says the IRS may allow less.
- Other necessary expenses (taxes on current income, health insurance, court-ordered payments, child
  care, term life insurance) count as entered; the IRS may ask for proof.
- Pay is made monthly as Form 433-F does (weekly × 4.3, every two weeks × 2.17, ...), half a cent up.
- The collection deadline is 10 years from assessment (IRC 6502(a)(1)); we estimate assessment at the
  return's due date of the oldest tax year, and say it is an estimate.

The result holds figures and codes; it never says a reader qualifies for anything.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from . import failure_to_pay, next_steps, parameters
from .answer import Actions, Document, Figures, Heading, Link, Notes, Paragraph, Step, Steps, Table
from .calculator import Calculator
from .fields import ChoiceField, Group, MoneyField, Problem, WholeNumberField
from .money import to_cents, up_to_cents
from .words import Phrase, Words

NATIONAL = parameters.get("collection_standards.national_standards")
ADDITIONAL_PERSON = parameters.get("collection_standards.national_standards_additional_person")
HEALTH = parameters.get("collection_standards.out_of_pocket_health")
PAY_TO_MONTHLY = parameters.get("collection_standards.pay_to_monthly")
COLLECTION_YEARS = parameters.get("collection.collection_period_years")
SIMPLE_PLAN_MAX = parameters.get("options.simple_plan_max_balance")
SIMPLE_PLAN_YEARS = parameters.get("options.simple_plan_max_years")
PARTIAL_REVIEW_YEARS = parameters.get("options.partial_payment_review_years")
OFFER_FEE = parameters.get("options.offer_application_fee")

HOW_OFTEN = ("weekly", "every_two_weeks", "twice_a_month", "monthly", "quarterly")
PERSONS = ("one", "two", "three", "four")  # the National Standards table's columns

# Form 433-F's expense lines, in its order. How each is counted:
#   in_full: a National Standard, allowed whatever is spent
#   per_person: out-of-pocket health care, the standard for each person (more with proof)
#   lesser_of: a Local Standard, when the reader gave the county figure
#   not_checked: a Local Standard we cannot check (no county figure; transportation): as entered, may be less
#   as_entered: another necessary expense, as entered; the IRS may ask for proof
LINES = (
    "national",
    "housing",
    "car_payment",
    "car_costs",
    "public_transport",
    "health_insurance",
    "health_out_of_pocket",
    "court_ordered",
    "child_care",
    "life_insurance",
    "taxes",
)
# The optional costs a reader may leave empty: each then counts as $0, and the answer says so.
OPTIONAL_COSTS = tuple(line for line in LINES if line not in ("national", "housing"))
# Outlooks where a payment goes on (the same, or lower): the online tool can do it.
PAYING = ("plan_fits", "lower_payment", "lower_payment_no_balance")
# Left empty, these are said in a note of their own: no taxes counted; the health standard counted in full.
SAID_APART = ("taxes", "health_out_of_pocket")


def _money(name: str, required: bool = False) -> MoneyField:
    return MoneyField(name=name, required=required)


GROUPS = (
    Group(
        "first",
        (
            WholeNumberField(name="people", minimum=1, maximum=20),
            _money("income", required=True),
            ChoiceField(name="how_often", choices=HOW_OFTEN),
            _money("housing", required=True),
            _money("plan_payment", required=True),
        ),
    ),
    # Next steps, folded: each empty answer counts as $0 (or, for ages, everyone under 65), said in the answer.
    Group(
        "costs",
        (
            _money("taxes"),
            _money("county_housing_standard"),
            _money("car_payment"),
            _money("car_costs"),
            _money("public_transport"),
            _money("health_insurance"),
            _money("health_out_of_pocket"),
            _money("court_ordered"),
            _money("child_care"),
            _money("life_insurance"),
            WholeNumberField(name="people_65_or_older", minimum=0, maximum=20, required=False),
        ),
        later=True,
    ),
    Group(
        "balance",
        (
            _money("balance"),
            WholeNumberField(name="oldest_tax_year", minimum=2000, maximum=2100, required=False),
        ),
        later=True,
    ),
    next_steps.NOTICE_PHONE_GROUP,
)


def check(values: dict, today: dt.date) -> dict[str, Problem]:
    problems = {}
    older = values["people_65_or_older"]
    if older is not None and older > values["people"]:
        problems["people_65_or_older"] = Problem("afford.errors.more_than_household", {"people": values["people"]})
    year = values["oldest_tax_year"]
    if year is not None and year >= today.year:
        problems["oldest_tax_year"] = Problem("afford.errors.year_not_ended", {"year": today.year - 1})
    return problems


def monthly(amount: Decimal, how_often: str, day: dt.date) -> Decimal:
    """Pay as a monthly figure, as Form 433-F converts it, rounded half a cent up."""
    factor = PAY_TO_MONTHLY.at(day).value[how_often]
    return to_cents(amount * factor["times"] / factor["divided_by"])


def lesser_of(spent: Decimal, standard: Decimal) -> tuple[Decimal, Decimal]:
    """A Local Standard: (what counts, what is above the standard). The IRS allows the lesser of what
    is spent and the standard; more only with proof."""
    return min(spent, standard), max(spent - standard, Decimal(0))


def national_standard(people: int, day: dt.date) -> Decimal:
    """The National Standards in full for the household: the table's total up to four, then a fixed amount per person."""
    return NATIONAL.at(day).value[PERSONS[min(people, 4) - 1]] + ADDITIONAL_PERSON.at(day).value * max(people - 4, 0)


def health_standard(under_65: int, older: int, day: dt.date) -> Decimal:
    per_person = HEALTH.at(day).value
    return per_person["under_65"] * under_65 + per_person["65_or_older"] * older


def collection_deadline_estimate(oldest_tax_year: int) -> dt.date:
    """Ten years (IRC 6502(a)(1)) from an assessment taken to be on the return's due date: an
    estimate. A late return, or tax added later, is assessed later; pauses move it later too."""
    due = failure_to_pay.return_due_date(oldest_tax_year)
    return due.replace(year=due.year + int(COLLECTION_YEARS.at(due).value))


def whole_months(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end`: monthly payments from a month after `start` that fall on or before `end`."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


@dataclass(frozen=True)
class Line:
    code: str  # one of LINES: afford.lines.<code> in the catalog
    spent: Decimal | None  # what the reader gave (monthly); None: not asked (national) or not given
    standard: Decimal | None  # the IRS standard used, if any
    counted: Decimal
    rule: str  # in_full, per_person, lesser_of, not_checked or as_entered
    above: Decimal  # spent above the standard: may be allowed only with proof


@dataclass(frozen=True)
class AffordResult:
    today: dt.date
    people: int
    under_65: int
    people_65_or_older: int
    ages_given: bool
    how_often: str
    income: Decimal  # as paid
    monthly_income: Decimal
    lines: tuple[Line, ...]
    allowed: Decimal  # every expense counted, taxes included
    money_left: Decimal  # monthly income less allowed expenses; below zero when they are more
    plan_payment: Decimal
    outlook: str  # plan_fits, lower_payment, lower_payment_no_balance, partial_plan or nothing_left
    balance: Decimal | None
    simple_plan_max: Decimal
    within_simple_plan: bool | None  # None: balance not given
    oldest_tax_year: int | None
    deadline_estimate: dt.date | None
    months_left: int | None  # to the estimated deadline; without a tax year, the simple plan's most
    smallest_payment: Decimal | None  # balance ÷ months, up to the cent; None without a balance or months
    proof_lines: tuple[str, ...]  # lines above a standard: may need proof
    not_given: tuple[str, ...]  # optional costs left empty, counted as $0 (the worksheet says "Not given")
    steps: tuple[str, ...]  # afford.steps.<code>, in order
    notes: tuple[str, ...]  # afford.notes.<code>
    standards_effective: dt.date
    health_effective: dt.date
    secondary_sources: bool
    notice_phone: str | None = None


def calculate(values: dict, today: dt.date) -> AffordResult:
    day = today
    people = values["people"]
    older = values["people_65_or_older"] or 0
    how_often = values["how_often"]
    income = monthly(values["income"], how_often, day)
    given = {name: values[name] for name in OPTIONAL_COSTS}
    taxes = monthly(given["taxes"], how_often, day) if given["taxes"] is not None else None

    lines = [
        Line("national", None, national_standard(people, day), national_standard(people, day), "in_full", Decimal(0))
    ]
    county = values["county_housing_standard"]
    if county is not None:
        counted, above = lesser_of(values["housing"], county)
        lines.append(Line("housing", values["housing"], county, counted, "lesser_of", above))
    else:
        lines.append(Line("housing", values["housing"], None, values["housing"], "not_checked", Decimal(0)))
    for code in ("car_payment", "car_costs", "public_transport"):
        lines.append(Line(code, given[code], None, given[code] or Decimal(0), "not_checked", Decimal(0)))
    lines.append(_as_entered("health_insurance", given))
    health = health_standard(people - older, older, day)
    spent = given["health_out_of_pocket"]
    above = max((spent or Decimal(0)) - health, Decimal(0))
    lines.append(Line("health_out_of_pocket", spent, health, health, "per_person", above))
    for code in ("court_ordered", "child_care", "life_insurance"):
        lines.append(_as_entered(code, given))
    lines.append(Line("taxes", taxes, None, taxes or Decimal(0), "as_entered", Decimal(0)))
    lines = [
        Line(line.code, line.spent, line.standard, to_cents(line.counted), line.rule, to_cents(line.above))
        for line in lines
    ]

    allowed = sum((line.counted for line in lines), Decimal(0))
    left = income - allowed
    balance = values["balance"]
    year = values["oldest_tax_year"]
    deadline = collection_deadline_estimate(year) if year is not None else None
    if deadline is not None:
        months = max(whole_months(day, deadline), 0)
    else:
        months = int(SIMPLE_PLAN_YEARS.at(day).value) * 12  # the most a simple plan runs: the real time may be shorter
    smallest = up_to_cents(balance / months) if balance is not None and months else None
    plan = values["plan_payment"]
    outlook = _outlook(left, plan, balance, smallest)
    simple_max = SIMPLE_PLAN_MAX.at(day).value
    within = balance <= simple_max if balance is not None else None
    proof = tuple(line.code for line in lines if line.above)
    grades = {NATIONAL.at(day).grade, ADDITIONAL_PERSON.at(day).grade, HEALTH.at(day).grade}
    grades |= {PAY_TO_MONTHLY.at(day).grade, SIMPLE_PLAN_MAX.at(day).grade}
    return AffordResult(
        today=today,
        people=people,
        under_65=people - older,
        people_65_or_older=older,
        ages_given=values["people_65_or_older"] is not None,
        how_often=how_often,
        income=values["income"],
        monthly_income=income,
        lines=tuple(lines),
        allowed=allowed,
        money_left=left,
        plan_payment=plan,
        outlook=outlook,
        balance=balance,
        simple_plan_max=simple_max,
        within_simple_plan=within,
        oldest_tax_year=year,
        deadline_estimate=deadline,
        months_left=months,
        smallest_payment=smallest,
        proof_lines=proof,
        not_given=tuple(name for name in OPTIONAL_COSTS if given[name] is None and name not in SAID_APART),
        steps=_steps(outlook, within, proof),
        notes=_notes(values, county is not None, deadline, months, day),
        standards_effective=NATIONAL.at(day).effective,
        health_effective=HEALTH.at(day).effective,
        secondary_sources=bool(grades - {"primary"}),
        notice_phone=values["notice_phone"],
    )


def _as_entered(code: str, given: dict) -> Line:
    return Line(code, given[code], None, given[code] or Decimal(0), "as_entered", Decimal(0))


def _outlook(left: Decimal, plan: Decimal, balance: Decimal | None, smallest: Decimal | None) -> str:
    if left >= plan:
        return "plan_fits"
    if left <= 0:
        return "nothing_left"
    if balance is None:
        return "lower_payment_no_balance"
    if smallest is not None and left >= smallest:
        return "lower_payment"
    return "partial_plan"


def _steps(outlook: str, within_simple_plan: bool | None, proof: tuple[str, ...]) -> tuple[str, ...]:
    steps = {
        "plan_fits": ["keep_plan"],
        "lower_payment": ["ask_lower"],
        "lower_payment_no_balance": ["ask_lower_no_balance"],
        "partial_plan": ["partial_plan", "offer"],
        "nothing_left": ["not_collectible", "offer"],
    }[outlook]
    if within_simple_plan is True:
        steps.append("simple_plan")
    elif within_simple_plan is False:
        steps.append("statement_needed")
    steps.append("may_ask_statement")
    if proof:
        steps.append("proof")
    steps.append("worksheet")
    return tuple(steps)


def _notes(values: dict, county_given: bool, deadline: dt.date | None, months: int, day: dt.date) -> tuple[str, ...]:
    notes = ["estimate_only"]
    if not county_given:
        notes.append("housing_not_checked")
    if any(values[name] is not None for name in ("car_payment", "car_costs", "public_transport")):
        notes.append("transport_not_checked")
    if values["taxes"] is None:
        notes.append("no_taxes")
    if values["people_65_or_older"] is None:
        notes.append("ages_assumed")
    if values["balance"] is not None:
        notes.append("deadline_estimate" if deadline is not None else "no_tax_year")
        if deadline is not None and not months:
            notes.append("deadline_passed")
        notes.append("interest_grows")
    standards, health = (
        NATIONAL.is_beyond_known(day) or ADDITIONAL_PERSON.is_beyond_known(day),
        HEALTH.is_beyond_known(day),
    )
    if standards and health:
        notes.append("all_assumed")
    elif standards:
        notes.append("standards_assumed")
    elif health:
        notes.append("health_assumed")
    return tuple(notes)


# ---- the answer, in words --------------------------------------------------------------------------


def render(result: AffordResult, words: Words) -> Document:
    """The way to act, the headline's figures beside each other, what each option means, the worksheet
    shaped like Form 433-F (it prints on one page), then what was assumed."""
    if result.outlook in PAYING:  # the IRS's online tool can change a payment; stopping collection needs a call
        online = next_steps.online_plan_link(result.today, words)
        act = next_steps.act(result.today, words, online, words("afford.act.online"), result.notice_phone)
    else:
        act = next_steps.act(result.today, words, notice_phone=result.notice_phone)
    blocks = [
        act,
        Paragraph(words("afford.below.not_a_decision")),
        Figures(words("afford.compare.caption"), _compare(result, words)),
        Heading(words("afford.answer.next")),
        Steps(tuple(_step(code, result, words) for code in result.steps)),
        Heading(words("afford.answer.worksheet")),
        _worksheet(result, words),
        Actions(words("afford.answer.print")),
        Heading(words("afford.answer.good_to_know")),
        Notes(tuple(_note(code, result, words) for code in result.notes)),
    ]
    if result.secondary_sources:
        sources = Link(words("afford.answer.sources_page"), "../sources/#collection_standards.national_standards")
        blocks.append(Steps((Step(words("afford.answer.secondary_sources"), sources),)))
    return Document(_headline(result, words), tuple(blocks))


def _headline(result: AffordResult, words: Words) -> str:
    if result.money_left < 0:
        return words("afford.headline.short", short=-result.money_left)
    key = "afford.headline.fits" if result.outlook == "plan_fits" else "afford.headline.less"
    return words(key, left=result.money_left, plan=result.plan_payment)


def _compare(result: AffordResult, words: Words) -> tuple[tuple[str, str], ...]:
    rows = [
        (words("afford.compare.income"), words.money(result.monthly_income)),
        (words("afford.compare.allowed"), words.money(result.allowed)),
        (words("afford.compare.left"), _signed(result.money_left, words)),
        (words("afford.compare.plan"), words.money(result.plan_payment)),
    ]
    if result.smallest_payment is not None:
        key = "afford.compare.smallest" if result.deadline_estimate else "afford.compare.smallest_at_least"
        rows.append((words(key, months=result.months_left), words.money(result.smallest_payment)))
    return tuple(rows)


def _step(code: str, result: AffordResult, words: Words) -> Step:
    arguments = {
        "left": result.money_left,
        "plan": result.plan_payment,
        "most": words.whole_money(result.simple_plan_max),
        "years": str(SIMPLE_PLAN_YEARS.at(result.today).value),
        "review_years": str(PARTIAL_REVIEW_YEARS.at(result.today).value),
        "fee": words.whole_money(OFFER_FEE.at(result.today).value),
    }
    if code == "ask_lower":
        arguments["smallest"] = result.smallest_payment
    if code == "proof":
        arguments["lines"] = ", ".join(words(f"afford.lines.{line}") for line in result.proof_lines)
    return Step(words(f"afford.steps.{code}", **arguments))


def _worksheet(result: AffordResult, words: Words) -> Table:
    """Form 433-F's lines: what you spend, the IRS standard, what counts, so the figures are at hand on the call."""
    rows = [
        (
            words("afford.worksheet.income", how_often=Phrase(f"afford.how_often.{result.how_often}")),
            words.money(result.income),
            "",
            words.money(result.monthly_income),
        )
    ]
    for line in result.lines:
        spent = words.money(line.spent) if line.spent is not None else words(f"afford.worksheet.spent_{_blank(line)}")
        standard = words.money(line.standard) if line.standard is not None else words("afford.worksheet.no_standard")
        counted = words.money(line.counted)
        if line.rule == "not_checked" and line.spent:
            counted = words("afford.worksheet.may_be_less", amount=line.counted)
        rows.append((words(f"afford.lines.{line.code}"), spent, standard, counted))
    rows.append((words("afford.worksheet.total"), "", "", words.money(result.allowed)))
    rows.append((words("afford.worksheet.left"), "", "", _signed(result.money_left, words)))
    return Table(
        words("afford.worksheet.caption", people=result.people, older=result.people_65_or_older),
        tuple(words(f"afford.worksheet.{heading}") for heading in ("line", "spent", "standard", "counted")),
        tuple(rows),
        style="afford-worksheet",
    )


def _signed(amount: Decimal, words: Words) -> str:
    """Money that may be below zero: "minus $161.00", never "$-161.00"."""
    return words.money(amount) if amount >= 0 else words("afford.minus", amount=-amount)


def _blank(line: Line) -> str:
    return "not_asked" if line.rule == "in_full" else "not_given"


def _note(code: str, result: AffordResult, words: Words) -> str:
    day = result.today
    return words(
        f"afford.notes.{code}",
        effective=result.standards_effective,
        health_effective=result.health_effective,
        deadline=result.deadline_estimate or day,
        year=result.oldest_tax_year or day.year,
        years=str(COLLECTION_YEARS.at(day).value),
    )


def reference_table(day: dt.date, words: Words) -> dict:
    """The National Standards in force on `day`, for households of one to four and each person beyond."""
    rows = [
        [words("afford.table.people", count=people), words.money(national_standard(people, day))]
        for people in range(1, 5)
    ]
    rows.append([words("afford.table.each_more"), words.money(ADDITIONAL_PERSON.at(day).value)])
    health = HEALTH.at(day).value
    rows.append([words("afford.table.health_under_65"), words.money(health["under_65"])])
    rows.append([words("afford.table.health_65_or_older"), words.money(health["65_or_older"])])
    return {
        "caption": words("afford.table.caption", day=day, effective=NATIONAL.at(day).effective),
        "headings": [words("afford.table.household"), words("afford.table.a_month")],
        "rows": rows,
        "after": words("afford.table.after"),
    }


CALCULATOR = Calculator(
    name="afford",
    page="can-you-afford-it.md",
    groups=GROUPS,
    calculate=calculate,
    render=render,
    check=check,
    reference_table=reference_table,
)
