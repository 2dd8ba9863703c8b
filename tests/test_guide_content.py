"""The guide's pages as built: provenance on every page, official links only, no stray figures, plain language."""

import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
import textstat
from guide_pages import article_text, guide_pages
from site_server import TEST_DAY

from calculators import parameters
from calculators.words import words

OFFICIAL_HOSTS = {
    "www.irs.gov",
    "www.taxpayeradvocate.irs.gov",
    "www.law.cornell.edu",
    "www.federalregister.gov",
    "aspe.hhs.gov",
    "code.dccouncil.gov",  # the District of Columbia's own code: its holidays count for tax deadlines
}
HIGHEST_READING_GRADE = 8
# Amounts that are not figures: the invented sample notice, and worked examples a reader can redo by hand.
ALLOWED_AMOUNTS = {
    "reading-your-notice": {"8000", "240", "310.55", "8550.55", "600"},
    "catch-up-amount": {"250", "500"},
}


@pytest.fixture(scope="module")
def pages(site):
    return {name: path.read_text() for name, path in guide_pages(site).items()}


def test_the_guide_has_every_page_the_reader_needs(pages):
    expected = {
        ".",
        "why-you-got-it",
        "reading-your-notice",
        "if-you-can-pay",
        "if-you-cannot-pay",
        "if-you-disagree",
        "other-options",
        "if-the-plan-ends",
        "best-practices",
        "checklist",
        "catch-up-amount",
        "fee-check",
        "glossary",
        "sources",
        "about",
    }
    assert expected <= set(pages)


def test_every_page_has_a_title_a_description_a_review_date_and_an_official_source(pages):
    for name, html in pages.items():
        assert re.search(r"<title>[^<]{5,}</title>", html), name
        assert re.search(r'<meta name="description" content="[^"]{20,}"', html), name
        assert re.search(r'Last reviewed: <time datetime="\d{4}-\d{2}-\d{2}">', html), name
        start = html.index('class="page-provenance"')
        footer = html[start : html.index("</aside>", start)]
        links = re.findall(r'<a href="(https://[^"]+)"', footer)
        assert links and all(urlsplit(link).hostname in OFFICIAL_HOSTS for link in links), name


def test_links_that_leave_the_site_are_https_to_official_sites(pages):
    for name, html in pages.items():
        body = html[html.index("<article") : html.index("</article>")]
        for link in re.findall(r'href="((?:https?:)?//[^"]+)"', body):
            assert link.startswith("https://") and urlsplit(link).hostname in OFFICIAL_HOSTS, (name, link)


def dollar_figures() -> set[Decimal]:
    """Every dollar amount in the parameter data, including each entry of a table."""
    amounts = set()
    for file in parameters.files_with_parameters():
        for figure in parameters.load(file).values():
            if figure.unit != "dollars":
                continue
            for value in figure.values:
                amounts |= {leaf for _, leaf in parameters.leaves(value.value)}
    return amounts


def test_no_page_shows_a_dollar_amount_that_is_not_from_the_data(pages):
    allowed_everywhere = dollar_figures()
    for name, html in pages.items():
        text = re.sub(r"<[^>]+>", " ", html[html.index("<article") : html.index("</article>")])
        allowed = allowed_everywhere | {Decimal(amount) for amount in ALLOWED_AMOUNTS.get(name, ())}
        for amount in re.findall(r"\$\s?([0-9][0-9,]*(?:\.[0-9]{2})?)", text):
            assert Decimal(amount.replace(",", "")) in allowed, f"{name}: ${amount} is not from calculators/parameters/"


def test_every_page_reads_at_grade_8_or_below(pages, capsys):
    grades = {name: textstat.flesch_kincaid_grade(article_text(html)) for name, html in pages.items()}
    with capsys.disabled():
        print("\nReading grade (Flesch-Kincaid) of each page:")
        for name, grade in sorted(grades.items()):
            print(f"  {name:22} {grade:4.1f}")
    too_hard = {name: grade for name, grade in grades.items() if grade > HIGHEST_READING_GRADE}
    assert not too_hard


# Spanish readability (issue #26): textstat counts syllables as English unless told the language.
LEAST_FERNANDEZ_HUERTA, LEAST_SZIGRISZT_PAZOS = 70, 65


def test_every_spanish_page_reads_easily_beside_its_english_grade(site, pages, capsys):
    english = {name: textstat.flesch_kincaid_grade(article_text(html)) for name, html in pages.items()}
    textstat.set_lang("es")
    try:
        spanish = {
            name: (textstat.fernandez_huerta(text), textstat.szigriszt_pazos(text))
            for name, path in guide_pages(site, "es").items()
            for text in [article_text(path.read_text(encoding="utf-8"))]
        }
    finally:
        textstat.set_lang("en_US")
    with capsys.disabled():
        print(
            "\nEach page: English grade (Flesch-Kincaid); Spanish Fernández-Huerta and Szigriszt-Pazos (higher is easier):"
        )
        for name in sorted(spanish):
            print(f"  {name:22} {english[name]:4.1f}   {spanish[name][0]:5.1f}   {spanish[name][1]:5.1f}")
    hard = {
        name: scores
        for name, scores in spanish.items()
        if scores[0] < LEAST_FERNANDEZ_HUERTA or scores[1] < LEAST_SZIGRISZT_PAZOS
    }
    assert not hard


# What the accuracy review (issue 11) found missing or wrong, checked on the built pages. Each
# entry: page → (phrases that must be there, phrases that must not). Sources are in the pages' front matter.
ACCURACY = {
    ".": (["intends"], ["Most people who act"]),
    "reading-your-notice": (["only once for each tax year", "CP623 is a sister notice"], ["older Spanish version"]),
    "if-the-plan-ends": (
        [
            "only once for each tax year",  # IRC 6330(a)(1)
            "new levy to your new employer",  # IRC 6331(e)
            "Publication 1494",  # IRC 6334(d)
            "retirement accounts",
            "Letter 6152",
            "when the debt is paid in full",  # IRC 7345(c)(1)
            "If you filed late, you already pay 0.5% a month",
        ],
        ["below the line, and the IRS reverses", "at a higher rate than while you had a plan"],
    ),
    "if-you-disagree": (["you do not have to do it before you appeal", "only once for each tax year"], []),
    "other-options": (["no payment plan", "almost never open to you"], []),
    "why-you-got-it": (
        ["A tax return was not filed", "even a small penalty", "before the notice came", "CP523D"],
        ["most common reason"],
    ),
    "best-practices": (
        ["only avoids the", "still leaves the rest due with your return", "file this year's return"],
        ["almost all of them"],
    ),
    "checklist": (["not the same", "Tax I may owe when I file"], ["prevents it.", "almost all of them"]),
    "catch-up-amount": (["unpaid on your return's due date", "If you are not sure, it shows both figures"], []),
    "fee-check": (["online if you owe $50,000", "already takes its payments by direct debit costs $0"], []),
    "questions": (["credit bureaus", "public record", "refund", "intends"], []),
}


@pytest.mark.parametrize("name", sorted(ACCURACY))
def test_pages_say_what_the_accuracy_review_asked(pages, name):
    text = " ".join(article_text(pages[name]).split())
    must, must_not = ACCURACY[name]
    missing = [phrase for phrase in must if phrase not in text]
    wrong = [phrase for phrase in must_not if phrase in text]
    assert not missing and not wrong, (missing, wrong)


def test_the_appeals_table_has_row_headers_and_no_empty_corner(pages):
    # axe td-has-header (critical) found row labels in <td> and an empty corner <th> (issue 15, point 6).
    html = pages["if-you-disagree"]
    table = html[html.index("<table") : html.index("</table>")]
    assert table.count('<th scope="row">') == 5
    assert not re.search(r"<th[^>]*>\s*</th>", table)


def test_pages_that_quote_figures_say_when_they_were_checked(pages):
    # Figures are frozen at build time (issue 15, point 5): the page says as of when.
    for name in ("fee-check", "catch-up-amount", "if-the-plan-ends"):
        assert re.search(r"Figures as checked on <time datetime=\"\d{4}-\d{2}-\d{2}\">", pages[name]), name


def fig(dotted: str) -> str:
    """A figure as the built pages quote it (on the test build's day), so a new value in the data never
    breaks a phrase."""
    file, name, *key = dotted.split(".")
    value = parameters.load(file)[name].at(TEST_DAY).value
    return words("en").figure(value[key[0]] if key else value, parameters.load(file)[name].unit)


# What the third accuracy review (issue 19) asked of the pages: the rule points (part A) and what a CP523
# reader could not find (part B). Page → (phrases that must be there, phrases that must not), built
# lazily because the phrases quote figures from the data. The source of each point is in a comment.
def review_19():
    on_plan, normal, after_levy = (
        fig("failure_to_pay.rate_in_agreement"),
        fig("failure_to_pay.rate_normal"),
        fig("failure_to_pay.rate_after_levy_notice"),
    )
    final_notice = fig("collection.final_notice_days_before_levy")
    return {
        "if-the-plan-ends": (
            [
                # A1: IRC 6651(h) lowers only the 0.5% rate; 6651(d) sets 1% after a 6331(d) notice.
                f"the penalty is {on_plan} only if two things are true: you filed your return on time, "
                "and no notice of intent to levy came before your plan",
                f"After one, the rate is {after_levy}, during the plan too",
                # A2: Chief Counsel memo GL-703322-00 says of itself it is not precedent.
                "GL-703322-00",
                "they do not bind the IRS",
                f"the rate may be {normal} or {after_levy}",
                # A3: IRC 6330(a), 6331(d); one notice a tax period; equivalent hearing, Reg. 301.6330-1(i).
                f"The IRS must send it at least {final_notice} before the first levy",
                "so one you got before your plan counts",
                "A CP504 is not that notice",
                "When a final notice of intent to levy comes",
                "equivalent hearing",
                # B: liens after a default and the IRC 6320 hearing; withdrawal (IRC 6323(j), Form 12277).
                "After a plan ends, the IRS may file one",
                "That letter gives you a last date to ask for a Collection Due Process hearing",
                "pay it by direct debit, you may be able to have the public notice withdrawn",
                "Form 12277",
                # B: IRC 6331(h)(1), the Federal Payment Levy Program and notice CP91; state refunds, IRC 6330(f).
                f"the IRS can take up to {fig('collection.social_security_levy_percent')} of each payment",
                "Federal Payment Levy Program",
                "CP91",
                "the IRS can take your state tax refund",
                # B: IRC 6502(a), paused by IRC 6331(k)(3) and 6330(e).
                f"The IRS has {fig('collection.collection_period_years')} from the day it assessed a tax",
                "while a request for a payment plan is being considered",
                "while a Collection Due Process hearing is going on",
            ],
            [],
        ),
        "catch-up-amount": (
            [
                f"{on_plan} while your plan lasts, only if you filed your return on time and no notice of "
                "intent to levy came before",
                "during the plan too",
                "GL-703322-00",
                f"the rate may be {normal} or {after_levy}",
            ],
            [],
        ),
        "if-you-can-pay": (
            ["no notice of intent to levy (CP504, LT11, Letter 1058 or CP90) came before", "during the plan too"],
            [],
        ),
        "if-you-disagree": (
            [
                # A4: IRC 7503 (D.C. holidays); the window itself is Pub 1660's.
                "January 1, 2027: New Year's Day",
                "Holidays in Washington, D.C. count",
                "Act by the last business day on or before that date",
                "Thursday, December 31, 2026",
                "The IRS's own dates never move",
                # A5: IRC 6159(b)(5).
                "IRC 6159(b)(5)",
                "It may be grounds for an appeal",
                # A3: Reg. 301.6330-1(i).
                "equivalent hearing",
            ],
            [],
        ),
        "your-dates": (
            [
                f"If the end date is less than {fig('notice.days_to_respond')} after the notice date",
                "act by the last business day on or before it",
                "A levy also needs a final notice",
                "The IRS's own dates never move",
            ],
            [],
        ),
        "reading-your-notice": (
            [
                "if your end date is sooner, call and say so",
                "act by the business day before it",
                f"A levy is possible only once the IRS has sent that final notice at least {final_notice} before",
                # B: irs.gov "Understanding your CP523C/D/G/H notice" pages.
                "CP523C:",
                "CP523D: the reason is missed monthly payments",
                "CP523G: you have not met the terms of your plan",
                "shared responsibility payment",
                # B: irs.gov "How to know if it's really the IRS".
                "comes by mail first",
                "The IRS will never ask you to pay with a gift card",
            ],
            ["CP523C, CP523D and CP523H are close cousins"],
        ),
        "questions": (
            [
                f"if it has sent you a final notice of intent to levy (LT11, Letter 1058 or CP90) at least {final_notice} before",
                # B: IRS online account FAQ; account transcripts.
                "Have I already had a final notice?",
                "account transcript",
                # B: Forms 8821 and 2848.
                "Form 8821",
                "Form 2848",
                # B: IRC 7508A.
                "federally declared disaster",
                "never asks for gift cards",
            ],
            ["After that, it can."],
        ),
        "if-you-cannot-pay": (
            [
                "A levy also needs a final notice of intent to levy",
                # B: the CP523 page (new tax paid in full) and Form 433-F.
                "New balances first",
                "Form 433-F",
                # A7: the IRS fee table lists $0 only for changes to a plan already on direct debit.
                "Switching a plan to direct debit may cost the fee to revise a plan",
            ],
            [],
        ),
        "fee-check": (["Switching a plan to direct debit is not on that line"], []),
        "best-practices": (
            [
                "Switching an existing plan may cost the fee to revise a plan",
                # A6: IRC 6654(b), (c): per installment from its due date; 6654(g): withholding paid evenly.
                "a late payment makes the penalty smaller, but it does not remove it",
                "it counts as paid evenly through the year",
                "can still cover earlier quarters",
            ],
            ["the setup fee is lower"],
        ),
        "checklist": (["does not remove it", "counts as paid evenly through the year"], []),
        "other-options": (
            [
                # B: IRM 20.1.1 (reasonable cause) and Form 843; 11 U.S.C. 362; Forms 8821 and 2848.
                "reasonable cause",
                "Form 843",
                "This is not limited to a first time",
                "automatic stay",
                "Form 8821",
            ],
            [],
        ),
        ".": (["First it must send a final notice of intent to levy"], []),
    }


@pytest.mark.parametrize("name", sorted(review_19()))
def test_pages_say_what_the_third_review_asked(pages, name):
    text = " ".join(article_text(pages[name]).split())
    must, must_not = review_19()[name]
    missing = [phrase for phrase in must if phrase not in text]
    wrong = [phrase for phrase in must_not if phrase in text]
    assert not missing and not wrong, (missing, wrong)
