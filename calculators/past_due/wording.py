"""The catch-up calculator's renderer: the result's figures, dates and codes worded from the catalog
(calculators/catalogs/<language>/past_due.toml) as the answer document the page lays out
(calculators/answer.py). The sentence that leads, then what to do now, then the working."""

from .. import final_levy_notice, next_steps
from ..answer import Document, Figures, Heading, Link, Notes, Paragraph, Step, Steps, Table
from ..fields import answers_as_written
from ..short_notice import ShortNotice
from ..words import Words
from .chart import chart
from .notes import Note
from .questions import FIELDS
from .rules import Owed


def render(result, words: Words) -> Document:
    """The answer first (what to do now), then the working."""
    today = result.as_of
    by = _by(result, words)
    to_do = []
    if result.amount_to_cure:
        to_do.append(next_steps.pay(today, words, words("past_due.steps.pay", amount=result.amount_to_cure, by=by)))
    to_do += [
        next_steps.call(today, words, words("past_due.steps.call_about", by=by)),
        Step(_if_nothing_is_done(result, words)),
    ]
    cure = result.cure_parts
    blocks = [
        Heading(words("past_due.answer.what_to_do")),
        Steps(tuple(to_do)),
        Figures(
            words("past_due.catch_up.caption"),
            (
                (words("past_due.catch_up.missed"), words.money(cure.missed_installments)),
                (words("past_due.catch_up.new_balance"), words.money(cure.new_balance_due)),
                (words("past_due.catch_up.total"), words.money(result.amount_to_cure)),
            ),
            total_last=True,
        ),
    ]
    if result.payoff is not None:
        day = result.payoff.as_of
        blocks.append(_owed_figures(words("past_due.owed.caption", day=day), result.payoff, words))
        if result.payoff_higher is not None:
            # The headline says which answers the higher figures assume.
            caption = words("past_due.owed.caption_higher", day=day)
            blocks.append(_owed_figures(caption, result.payoff_higher, words))
        in_a_year = result.projection[11]
        blocks += [
            Heading(words("past_due.months.heading")),
            Paragraph(
                words(
                    "past_due.months.in_a_year",
                    month=words.month(in_a_year.month),
                    ended=words.about(in_a_year.if_ended),
                    kept=words.about(in_a_year.if_kept),
                )
            ),
            chart(result.projection, words),
            Table(
                words("past_due.months.caption"),
                (words("past_due.months.month"), words("past_due.months.ended"), words("past_due.months.kept")),
                tuple(
                    (words.month(row.month), words.money(row.if_ended), words.money(row.if_kept))
                    for row in result.projection
                ),
                folded=True,
            ),
            Table(
                words("past_due.rates.caption"),
                tuple(words(f"past_due.rates.{heading}") for heading in ("quarter", "rate", "days", "source")),
                tuple(_rate_row(rate, words) for rate in result.rates_used),
                folded=True,
            ),
        ]
    entered = answers_as_written(_field_key, FIELDS, result.answers, words)
    blocks += [
        Heading(words("past_due.answer.good_to_know")),
        Notes(tuple(_note(note, words) for note in result.notes)),
        Figures(words("past_due.answer.entered"), entered),
    ]
    return Document(_headline(result, words), tuple(blocks))


def _field_key(field) -> str:
    from . import CALCULATOR  # imported here: the declaration names this renderer, so it is made after it

    return CALCULATOR.key(field)


def _by(result, words: Words) -> str:
    """When to act, said in the steps: on or after the end date, that is today."""
    if result.deadline == "on_notice":
        return words("past_due.by.on_notice")
    if result.deadline in ("today", "passed"):
        return words("past_due.by.today")
    return words("past_due.by.before", ends=result.termination_date)


def _headline(result, words: Words) -> str:
    """What to pay and by when (to the cent), then about what the plan ending would cost (in whole
    dollars: the cents are in the working)."""
    cure = _cure(result, words)
    if result.payoff is None:
        return cure
    ended, higher = result.payoff, result.payoff_higher
    if higher is None:
        owed, more = words.about(ended.total), words.about(result.more_each_month)
        return words("past_due.headline.if_ended", cure=cure, owed=owed, day=ended.as_of, more=more)
    return words(
        "past_due.headline.if_ended_range",
        cure=cure,
        owed=_range(ended.total, higher.total, words),
        day=ended.as_of,
        more=_range(result.more_each_month, result.more_each_month_higher, words),
        assumes=_assumes(result.higher_assumes, words),
    )


def _cure(result, words: Words) -> str:
    """The sentence that says what keeps the plan; a passed end date is said first."""
    total = result.amount_to_cure
    if not total:
        cure = words("past_due.headline.nothing_to_pay")
    else:
        key = {"before": "pay_before", "today": "pay_today"}.get(result.deadline, "pay")
        ends = result.termination_date
        cure = words(f"past_due.headline.{key}", total=total, ends=ends, parts=_parts(result, words))
    if result.deadline == "passed":
        return words("past_due.headline.passed", ends=result.termination_date, cure=cure)
    return cure


def _parts(result, words: Words) -> str:
    """What the catch-up amount is made of: the missed payments, the new balance, or both."""
    missed, new_balance = result.answers["missed_payments"], result.cure_parts.new_balance_due
    parts = []
    if missed:
        parts.append(words("past_due.headline.missed", count=missed, monthly=result.answers["monthly_payment"]))
    if new_balance:
        parts.append(words("past_due.headline.new_balance", amount=new_balance))
    if len(parts) == 2:
        return words("past_due.headline.both", first=parts[0], second=parts[1])
    return parts[0]


def _range(lower, higher, words: Words) -> str:
    """ "$25" when both figures round to the same dollars, else "$25 to $100"."""
    if words.about(lower) == words.about(higher):
        return words.about(lower)
    return words("past_due.headline.range", lower=words.about(lower), higher=words.about(higher))


def _assumes(codes: tuple[str, ...], words: Words) -> str:
    said = [words(f"past_due.assumes.{code}") for code in codes]
    return said[0] if len(said) == 1 else words("past_due.assumes.both", first=said[0], second=said[1])


def _if_nothing_is_done(result, words: Words) -> str:
    """What happens if the reader does nothing, with their own dates and amounts where we have them,
    and the final notice of intent to levy that must come before any levy."""
    condition = final_levy_notice.condition(result.final_levy_notice, result.as_of, words)
    if result.payoff is None:
        return words("past_due.steps.if_nothing_is_done", condition=condition)
    return words(
        "past_due.steps.if_nothing_is_done_dated",
        ends=result.termination_date,
        owed=words.about(result.payoff.total),
        day=result.payoff.as_of,
        levy_from=result.levy_from,
        condition=condition,
    )


def _note(note: Note, words: Words) -> str:
    parameters = note.parameters
    if note.code == "short_notice":
        return ShortNotice(**parameters).words(words)
    if note.code == "rates_assumed":
        first, last = _quarter(parameters["first"], words), _quarter(parameters["last"], words)
        span = first if first == last else words("past_due.notes.quarter_span", first=first, last=last)
        return words("past_due.notes.rates_assumed", span=span, **parameters)
    if note.code == "rates_unconfirmed":
        quarters = words("past_due.notes.list_separator").join(_quarter(code, words) for code in parameters["quarters"])
        return words("past_due.notes.rates_unconfirmed", quarters=quarters)
    return words(f"past_due.notes.{note.code}", **parameters)


def _quarter(code: str, words: Words) -> str:
    """A calendar quarter, "2026-Q4" in the result, in the reader's language."""
    year, number = code.split("-Q")
    return words("past_due.quarter", year=year, number=number)


def _owed_figures(caption: str, owed: Owed, words: Words) -> Figures:
    rows = tuple(
        (words(f"past_due.owed.{part}"), words.money(getattr(owed, part)))
        for part in ("tax", "penalty", "interest", "total")
    )
    return Figures(caption, rows, total_last=True)


def _rate_row(rate, words: Words) -> tuple:
    percent = words(
        "past_due.rates.percent_assumed" if rate.assumed else "past_due.rates.percent", rate=rate.rate_percent
    )
    source = Link(words(f"past_due.rates.sources.{rate.grade}"), rate.source)
    return (_quarter(rate.quarter, words), percent, str(rate.days), source)
