"""The guide's pages as built: provenance on every page, official links only, no stray figures, plain language."""

import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
import textstat
from guide_pages import article_text, guide_pages

from calculators import parameters

OFFICIAL_HOSTS = {
    "www.irs.gov",
    "www.taxpayeradvocate.irs.gov",
    "www.law.cornell.edu",
    "www.federalregister.gov",
    "aspe.hhs.gov",
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
