"""Your situation: where a CP523 reader stands today, and the one thing to do first.

One short form for every reader, whatever their date and reason: the notice date (and the end date
if printed), the reason the notice gives, whether they have already paid or called, and whether they
can pay now. The answer says where they stand today. Before the end date the plan is still in place.
After it, the plan *may* have ended: the IRS ends it by its own action, so the reader checks (online
account or a call); the Collection Appeals Program takes an appeal until 30 days after the plan ends
(Pub 1660, the last day moved by weekends and holidays as `last_day_to_act` says); paying then does
not by itself restore the plan (it takes a reinstatement or a new plan); and a levy needs a final
notice of intent to levy with hearing rights first (IRC 6330, `final_levy_notice`). Then the one
thing to do today, the steps for the reader's reason and answers, the reinstatement fee as
`user_fees.reinstatement_fee` says it, and links into the calculators and guide pages.
"""

import datetime as dt
from dataclasses import dataclass

from . import final_levy_notice, next_steps, parameters, termination_dates, user_fees
from .answer import Document, Heading, Link, Notes, Paragraph, Step, Steps
from .calculator import Calculator
from .fields import YES_NO_NOT_SURE, ChoiceField, DateField, Group, Problem
from .last_day_to_act import LastDay, last_day, why_words
from .short_notice import ShortNotice, short_notice
from .words import Phrase, Words

DAYS_TO_RESPOND = parameters.get("notice.days_to_respond")
LEVY_WAIT = parameters.get("notice.levy_wait_after_termination_days")
APPEAL_DAYS = parameters.get("notice.appeal_days_after_termination")

# The reason the notice gives (the same field name and values as the dates calculator's), and the part
# of the guide about it.
REASONS = termination_dates.REASONS
DONE = ("paid", "called", "neither")
# The things to do today that are what the notice's reason asks: its step is not said again after it.
FOR_THE_REASON = ("pay_missed", "pay_new_balance", "new_bank", "call", "find_out", "file_return")

GROUPS = (
    # No id: the questions show without a fieldset or legend (overrides/calculators/fields.html).
    Group(
        "",
        (
            DateField(name="notice_date"),
            DateField(name="termination_date", required=False),
            ChoiceField(name="reason", choices=tuple(REASONS), required=False),
            ChoiceField(name="done_already", choices=DONE, required=False),
            ChoiceField(name="can_pay", choices=YES_NO_NOT_SURE, required=False),
        ),
    ),
    next_steps.NOTICE_PHONE_GROUP,
)

# Where the answer's links go: the calculators and guide pages (words: situation.links.<code>).
LINKS = {
    "your_dates": "../your-dates/",
    "before_you_call": "../before-you-call/",
    "catch_up": "../catch-up-amount/",
    "fee_check": "../fee-check/",
    "checklist": "../checklist/",
    "plan_ends": "../if-the-plan-ends/",
    "cannot_pay": "../if-you-cannot-pay/",
    "other_options": "../other-options/",
    "appeal": "../if-you-disagree/",
}


@dataclass(frozen=True)
class SituationResult:
    as_of: dt.date
    notice_date: dt.date
    stance: str  # before, ends_today, passed_can_appeal, passed_may_appeal, passed_too_late: situation.headline.<code>
    plan_ends: dt.date
    plan_end_is_a_guess: bool
    days_to_respond: int  # the notice's days to act, from which a missing end date is guessed
    days_left: int  # days from today to the end date; 0 or less once it has come
    appeal: LastDay  # the last day to appeal (Pub 1660) and what a weekend or holiday does to it
    levy_from: dt.date  # the last day of the wait after the plan ends: a levy may come after it, not on it
    reason: str | None
    done_already: str | None
    can_pay: str | None
    today: str  # the one thing to do today: situation.today.<code>
    steps: tuple[str, ...]  # then these, in order: situation.steps.<code>
    online: str | None  # what the IRS Online Payment Agreement can do here: reinstate, change, or None
    links: tuple[str, ...]  # calculators and guide pages to go on to: LINKS
    warnings: tuple[ShortNotice, ...]
    notice_phone: str | None = None  # the number printed on the notice, if the reader gave it


def check(values: dict, today: dt.date) -> dict[str, Problem]:
    notice = values["notice_date"]
    if notice > today:
        return {"notice_date": Problem("situation.errors.notice_after_today", {"today": today})}
    if values["termination_date"] is not None and values["termination_date"] < notice:
        return {"termination_date": Problem("situation.errors.ends_before_notice", {"notice": notice})}
    return {}


def calculate(values: dict, today: dt.date) -> SituationResult:
    notice = values["notice_date"]
    guess = values["termination_date"] is None
    days_to_respond = int(DAYS_TO_RESPOND.at(notice).value)
    ends = values["termination_date"] or notice + dt.timedelta(days=days_to_respond)
    appeal = last_day(ends + dt.timedelta(days=int(APPEAL_DAYS.at(ends).value)))
    levy_from = ends + dt.timedelta(days=int(LEVY_WAIT.at(ends).value))
    stance = _stance(ends, appeal, today)
    reason, done, can_pay = values["reason"], values["done_already"], values["can_pay"]
    passed = stance.startswith("passed")
    today_code = _today(passed, reason, done, can_pay)
    warning = None if guess else short_notice(notice, ends)
    return SituationResult(
        as_of=today,
        notice_date=notice,
        stance=stance,
        plan_ends=ends,
        plan_end_is_a_guess=guess,
        days_to_respond=days_to_respond,
        days_left=(ends - today).days,
        appeal=appeal,
        levy_from=levy_from,
        reason=reason,
        done_already=done,
        can_pay=can_pay,
        today=today_code,
        steps=_steps(stance, reason, done, can_pay, today_code),
        online=_online(passed, reason, can_pay),
        links=_links(passed, reason, can_pay),
        warnings=(warning,) if warning else (),
        notice_phone=values["notice_phone"],
    )


def _stance(ends: dt.date, appeal: LastDay, today: dt.date) -> str:
    if ends > today:
        return "before"
    if ends == today:
        return "ends_today"
    if appeal.safe >= today:
        return "passed_can_appeal"
    if appeal.moved_to >= today:
        return "passed_may_appeal"  # past the safe day, not past the day IRC 7503 may move it to
    return "passed_too_late"


def _today(passed: bool, reason: str | None, done: str | None, can_pay: str | None) -> str:
    """The one thing to do today. A missing return comes first: no plan is kept or put back without it."""
    if reason == "return_not_filed":
        return "file_return"
    if passed:
        return "reinstate_lower" if can_pay == "no" else "reinstate"
    if done == "paid":
        return "check_payment"
    if done == "called":
        return "follow_call"
    if can_pay == "no":
        return "call_lower"
    return {
        "missed_payment": "pay_missed",
        "new_balance": "pay_new_balance",
        "bank_changed": "new_bank",
        "other": "call",
    }.get(reason, "find_out")


def _steps(stance: str, reason, done, can_pay, today_code: str) -> tuple[str, ...]:
    passed = stance.startswith("passed")
    steps = []
    if passed:
        steps += ["check_ended", "paying_is_not_enough"]
        steps.append({"passed_can_appeal": "appeal", "passed_may_appeal": "appeal_today"}.get(stance, "appeal_closed"))
    if done == "paid":
        steps += ["keep_proof", "check_posted", "call_if_it_stands"]
    elif done == "called":
        steps += ["keep_notes", "call_if_it_stands"]
    reason_step = {
        "missed_payment": "pay_missed" if can_pay != "no" and done != "paid" and not passed else None,
        "new_balance": "new_balance",
        "return_not_filed": None,  # always today's one thing: no plan is kept or put back without it
        "bank_changed": "new_bank",
        "other": "other_reason",
    }.get(reason, "find_reason")
    if reason_step and today_code not in FOR_THE_REASON:
        steps.append(reason_step)
    if can_pay == "no":
        steps.append("lower_payment")
    elif can_pay == "not_sure":
        steps.append("work_out_amount")
    if passed:
        steps.append("levy")
    return tuple(steps)


def _online(passed: bool, reason: str | None, can_pay: str | None) -> str | None:
    """The Online Payment Agreement can reinstate a plan after default, or change its amount or day;
    it files no return and cannot say whether a new balance may join the plan."""
    if reason in ("return_not_filed", "new_balance"):
        return None
    if passed:
        return "reinstate"
    if can_pay == "no":
        return "change"
    return None


def _links(passed: bool, reason: str | None, can_pay: str | None) -> tuple[str, ...]:
    links = ["your_dates", "before_you_call"]  # every answer says to call: the card for the call
    if passed:
        links.append("plan_ends")
    if reason in ("missed_payment", None, "not_sure") or can_pay in ("not_sure", None):
        links.append("catch_up")
    if can_pay == "no":
        links += ["cannot_pay", "other_options"]
    links += ["fee_check", "checklist"]
    return tuple(links)


def render(result: SituationResult, words: Words) -> Document:
    online, online_text = None, ""
    if result.online:
        online = next_steps.online_plan_link(result.as_of, words)
        online_text = words(f"situation.online.{result.online}")
    # Once the end date has passed, putting the plan back is today's business: its fee comes next.
    passed = result.stance.startswith("passed")
    fee_text = user_fees.reinstatement_fee(result.as_of, words)
    fee = [
        Heading(words("situation.answer.fee")),
        Steps((Step(fee_text, Link(words("situation.answer.fee_link"), LINKS["fee_check"])),)),
    ]
    blocks = [
        next_steps.act(result.as_of, words, online, online_text, result.notice_phone),
        Heading(words("situation.answer.today")),
        Steps((_today_step(result, words),)),
        *(fee if passed else ()),
        Paragraph(_stand(result, words)),
    ]
    if result.warnings:
        blocks.append(Notes(tuple(warning.words(words) for warning in result.warnings)))
    steps = tuple(_step(code, result, words) for code in result.steps)
    if steps:
        blocks += [Heading(words("situation.answer.steps")), Steps(steps)]
    if not passed:
        blocks += fee
    blocks += [
        Heading(words("situation.answer.more")),
        Steps(tuple(Step(words(f"situation.links.{code}.why"), _link(code, words)) for code in result.links)),
    ]
    return Document(_headline(result, words), tuple(blocks))


def _link(code: str, words: Words) -> Link:
    return Link(words(f"situation.links.{code}.text"), LINKS[code])


def _ends(result: SituationResult, words: Words) -> str:
    key = "situation.headline.ends_guessed" if result.plan_end_is_a_guess else "situation.headline.ends"
    return words(key, day=result.plan_ends)


def _headline(result: SituationResult, words: Words) -> str:
    return words(
        f"situation.headline.{result.stance}",
        ends=_ends(result, words),
        do=Phrase(f"situation.do.{result.today}"),
    )


def _stand(result: SituationResult, words: Words) -> str:
    """Where the reader stands, in the line below the headline: the conditions and the dates."""
    sentences = []
    if result.plan_end_is_a_guess:
        sentences.append(words("situation.stand.guessed", day=result.plan_ends, days=str(result.days_to_respond)))
    if result.stance == "before":
        when = words("situation.stand.days_left", count=result.days_left)
        sentences.append(words("situation.stand.before", ends=result.plan_ends, when=when))
    elif result.stance == "ends_today":
        sentences.append(words("situation.stand.ends_today", ends=result.plan_ends))
    else:
        sentences.append(
            words("situation.stand.passed", ends=result.plan_ends, account=next_steps.online_account(result.as_of))
        )
    return " ".join(sentences)


def _today_step(result: SituationResult, words: Words) -> Step:
    """The one thing to do today, with the link that does it where there is one."""
    code = result.today
    if code == "pay_missed":
        return next_steps.pay(result.as_of, words, words("situation.steps.pay_what"))
    if code == "reinstate" and not result.online:  # a new balance: the online tool cannot say if it may join
        return Step(words("situation.today.reinstate_by_phone"))
    text = words(f"situation.today.{code}", account=next_steps.online_account(result.as_of))
    if code == "reinstate":
        return Step(text, next_steps.online_plan_link(result.as_of, words))
    if code in ("file_return", "find_out", "pay_new_balance", "new_bank", "call"):
        return Step(text, Link(words("situation.steps.reason_link"), REASONS[result.reason or "not_sure"]))
    if code in ("call_lower", "reinstate_lower"):
        return Step(text, _link("cannot_pay", words))
    return Step(text)


def _step(code: str, result: SituationResult, words: Words) -> Step:
    appeal = result.appeal
    if code == "pay_missed":
        return next_steps.pay(result.as_of, words, words("situation.steps.pay_what"))
    if code == "appeal":
        key = "situation.steps.appeal_safe_day" if appeal.safe != appeal.stated else "situation.steps.appeal"
        falls_on = why_words(appeal.falls_on, words) if appeal.falls_on else ""
        text = words(key, stated=appeal.stated, safe=appeal.safe, falls_on=falls_on)
        return Step(text, _link("appeal", words))
    if code == "appeal_today":
        text = words(
            "situation.steps.appeal_today",
            safe=appeal.safe,
            moved_to=appeal.moved_to,
            stated=appeal.stated,
            falls_on=why_words(appeal.falls_on, words),
        )
        return Step(text, _link("appeal", words))
    if code == "appeal_closed":
        return Step(words("situation.steps.appeal_closed", stated=appeal.stated))
    if code == "levy":
        condition = final_levy_notice.condition(None, result.levy_from, words)
        return Step(
            words("situation.steps.levy", levy_from=result.levy_from, condition=condition), _link("plan_ends", words)
        )
    if code in ("find_reason", "other_reason", "new_bank", "new_balance"):
        reason = result.reason or "not_sure"
        text = words(f"situation.steps.{code}", account=next_steps.online_account(result.as_of))
        return Step(text, Link(words("situation.steps.reason_link"), REASONS[reason]))
    if code == "lower_payment":
        return Step(words("situation.steps.lower_payment"), _link("cannot_pay", words))
    if code == "work_out_amount":
        return Step(words("situation.steps.work_out_amount"), _link("catch_up", words))
    if code == "paying_is_not_enough":
        return Step(words("situation.steps.paying_is_not_enough"), _link("plan_ends", words))
    return Step(words(f"situation.steps.{code}", account=next_steps.online_account(result.as_of)))


CALCULATOR = Calculator(
    name="situation",
    page="what-to-do-now.md",
    groups=GROUPS,
    calculate=calculate,
    render=render,
    check=check,
)
