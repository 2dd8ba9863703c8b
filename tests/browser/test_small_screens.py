"""At 320 px wide, and at 200% zoom (a 1280 px window seen as 640 CSS px), forms and answers fit:
nothing is cut off and nothing needs scrolling sideways."""

import pytest
from playwright.sync_api import expect
from site_server import READY_TIMEOUT

FILL = {
    "catch-up-amount/": [
        ("Monthly payment", "$1,234.56"),
        ("Missed payments", "12"),
        ("Notice date", "11/2/2026"),
        ("Tax you owe", "$48,000.00"),
        ("Date you would pay", "11/28/2026"),
    ],
    "fee-check/": [("Household income", "$82,500.00"), ("People in your household", "4")],
    "can-you-afford-it/": [
        ("People in your household", "12"),
        ("Your household's pay, before taxes", "$12,345,678.90"),
        ("Rent or mortgage, with utilities, each month", "$12,345.67"),
        ("Your plan's monthly payment", "$1,234.56"),
        ("Car loan or lease payments, each month", "$1,234.56"),
        ("How much you owe in all", "$49,999.99"),
        ("The oldest tax year you owe for", "2019"),
    ],
    "checklist/": [
        ("Monthly payment", "$1,234.56"),
        ("Day of the month your payment is due", "28"),
        ("Month of your next payment", "12/2026"),
        ("Last year's total tax", "$80,000"),
        ("Last year's adjusted gross income", "$150,000.01"),
    ],
}
RADIOS = {
    "can-you-afford-it/": ["#afford-how_often-every_two_weeks"],
    "fee-check/": [
        "#fees-action-new_plan",
        "#fees-channel-online",
        "#fees-direct_debit-no",
        "#fees-plan_length-long_term",
        "#fees-region-contiguous",
    ],
    "checklist/": [
        f"#checklist-{name}-yes" for name in ("autopay", "expect_to_miss", "reconciles_monthly", "self_employed")
    ]
    + ["#checklist-bank_changed-no"],
}


def overflow(page) -> list[str]:
    """Elements reaching past the right edge of the window, and whether the page scrolls sideways."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll("article *")]
            .filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > width + 1)
            .filter((el) => !el.closest(".md-typeset__scrollwrap"))
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
          if (document.documentElement.scrollWidth > width) wide.push("page scrolls sideways");
          return wide.slice(0, 10);
        }"""
    )


@pytest.mark.parametrize("width", [320, 640])
@pytest.mark.parametrize("path", list(FILL))
def test_forms_and_answers_fit_narrow_screens(browser, base_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    page.goto(base_url + path)
    calculator = page.locator("[data-calculator]")
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.get_by_role("button", name="Work it out").click()  # the error summary first
    expect(calculator.locator(".calc-error-summary")).to_be_visible()
    assert overflow(page) == []
    page.evaluate("document.querySelectorAll('details.calc-later').forEach((d) => { d.open = true; })")
    for label, value in FILL[path]:
        page.get_by_label(label).fill(value)
    for radio in RADIOS.get(path, []):
        page.locator(radio).check()
    page.get_by_role("button", name="Work it out").click()
    expect(calculator.locator(".calc-result")).to_be_visible()
    assert overflow(page) == []
    context.close()
