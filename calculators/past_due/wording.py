"""The catch-up calculator's renderer: the result's figures, dates and codes worded from the catalog
(calculators/catalogs/<language>/past_due.toml) as the answer document the page lays out
(calculators/answer.py). The sentence that leads, then what to do now, then the working."""

from .. import final_levy_notice, next_steps
from ..answer import Act, Document, Figures, Heading, Link, Notes, Paragraph, Step, Steps, Table
from ..fields import answers_as_written
from ..short_notice import ShortNotice
from ..user_fees import reinstatement_fee
from ..words import Words
from .chart import chart
from .notes import Note
from .questions import FIELDS
from .rules import Owed

IF_IT_ENDS = "../if-the-plan-ends/"  # the guide's page on what follows the end of a plan


def render(result, words: Words) -> Document:
    """The answer first (the way to act, then what to do now), then the working."""
    cure = result.cure_parts
    caption = "caption_passed" if result.deadline == "passed" else "caption"
    blocks = [
        _act(result, words),
        Paragraph(_below_headline(result, words)),
        Heading(words("past_due.answer.what_to_do")),
        Steps(_steps(result, words)),
        Figures(
            words(f"past_due.catch_up.{caption}"),
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
    """When to act, said in the steps: on the end date, that is today."""
    if result.deadline == "today":
        return words("past_due.by.today")
    return words("past_due.by.before", ends=result.termination_date)


def _act(result, words: Words) -> Act:
    """The way to act, first: the call button, and online, the payment (before the end date) or the
    IRS's online tool that can reinstate a plan after default (once it has passed)."""
    today = result.as_of
    if result.deadline == "passed":
        online = next_steps.online_plan_link(today, words)
        return next_steps.act(today, words, online, words("past_due.act.reinstate_online"), result.notice_phone)
    if not result.amount_to_cure:
        return next_steps.act(today, words, notice_phone=result.notice_phone)
    what = words("past_due.steps.pay", amount=result.amount_to_cure, by=_by(result, words))
    pay = next_steps.pay(today, words, what)
    return next_steps.act(today, words, pay.link, pay.text, result.notice_phone)


def _headline(result, words: Words) -> str:
    """Twenty words or fewer: what keeps the plan and by when, or that its end date has passed.
    The end date is the one typed, or the guess (the notice date plus the days a CP523 gives), said so."""
    ends, total = result.termination_date, result.amount_to_cure
    guess = "_guess" if result.end_date_assumed else ""
    if result.deadline == "passed":
        return words(f"past_due.headline.passed{guess}", ends=ends)
    if not total:
        return words("past_due.headline.nothing_to_pay", by=_by(result, words))
    if result.deadline == "today":
        return words("past_due.headline.pay_today", total=total, ends=ends)
    return words(f"past_due.headline.pay_before{guess}", total=total, ends=ends)


def _below_headline(result, words: Words) -> str:
    """The line under the headline: what the amount is made of, the guessed date, what the plan
    ending would cost; once the end date has passed, what that means."""
    said = []
    if result.deadline == "passed":
        said.append(words("past_due.below.passed"))
    elif result.amount_to_cure:
        said.append(words("past_due.below.parts", parts=_parts(result, words)))
    if result.end_date_assumed:
        said.append(words("past_due.below.guess", days=_days_to_respond(result)))
    if result.payoff is not None:
        said.append(_if_ended(result, words))
    elif result.deadline == "passed":
        said.append(words("past_due.below.whole_balance"))
    return " ".join(said)


def _days_to_respond(result) -> str:
    return str((result.termination_date - result.answers["notice_date"]).days)


def _if_ended(result, words: Words) -> str:
    """What is owed if the plan ends (or, once the end date has passed, may be due now), in whole
    dollars: the cents are in the working."""
    ended, higher = result.payoff, result.payoff_higher
    key = "now_due" if result.deadline == "passed" else "if_ended"
    if higher is None:
        owed, more = words.about(ended.total), words.about(result.more_each_month)
        return words(f"past_due.below.{key}", owed=owed, day=ended.as_of, more=more)
    return words(
        f"past_due.below.{key}_range",
        owed=_range(ended.total, higher.total, words),
        day=ended.as_of,
        more=_range(result.more_each_month, result.more_each_month_higher, words),
        assumes=_assumes(result.higher_assumes, words),
    )


def _steps(result, words: Words) -> tuple[Step, ...]:
    """What to do now, in order. The call button is above, in the way to act: no step repeats it."""
    today = result.as_of
    if result.deadline != "passed":
        steps = []
        if result.amount_to_cure:
            steps.append(Step(words("past_due.steps.cannot_pay", by=_by(result, words))))
        return (*steps, Step(_if_nothing_is_done(result, words)))
    if result.payoff is None:
        whole = words("past_due.steps.whole_balance")
    else:
        higher = result.payoff if result.payoff_higher is None else result.payoff_higher
        owed = _range(result.payoff.total, higher.total, words)
        whole = words("past_due.steps.whole_balance_about", owed=owed, day=result.payoff.as_of)
    appeal = words(
        "past_due.steps.appeal",
        days=str((result.appeal_until - result.termination_date).days),
        ends=result.termination_date,
        appeal_until=result.appeal_until,
        condition=final_levy_notice.condition(result.final_levy_notice, today, words),
    )
    return (
        Step(words("past_due.steps.check_ended")),
        Step(words("past_due.steps.reinstate", fee=reinstatement_fee(today, words))),
        next_steps.pay(today, words, whole),
        Step(appeal),
        Step(words("past_due.steps.if_the_plan_ends"), Link(words("past_due.steps.if_the_plan_ends_link"), IF_IT_ENDS)),
    )


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
    dates = {"ends": result.termination_date, "levy_from": result.levy_from, "condition": condition}
    if result.payoff is None:
        return words("past_due.steps.if_nothing_is_done", **dates)
    owed = words.about(result.payoff.total)
    return words("past_due.steps.if_nothing_is_done_owed", owed=owed, day=result.payoff.as_of, **dates)


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
