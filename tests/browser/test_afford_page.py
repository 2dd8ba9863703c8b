""" "Can you afford it?" in Chromium: a first answer from the first group, then the costs and the
balance; the answer, with its Form 433-F worksheet, prints on one US Letter page."""

from decimal import Decimal

from afford_figures import allowed_for_four, short_by, standards_for_four
from playwright.sync_api import expect
from printing import pdf_text


def test_the_worksheet_prints_on_one_page_with_the_figures_for_the_call(page, open_calculator, unfold, tmp_path, watch):
    calculator = open_calculator("can-you-afford-it/")
    page.locator("#afford-people").fill("4")
    page.locator("#afford-income").fill("4200")
    page.locator("#afford-how_often-monthly").check()
    page.locator("#afford-housing").fill("1900")
    page.locator("#afford-plan_payment").fill("310")
    page.get_by_role("button", name="Work it out").first.click()
    answer = calculator.locator(".calc-answer")
    # With the 2025 standards: 2,129 + 1,900 + 83 × 4 = 4,361.00; 4,200 − 4,361 = −161.00
    allowed = allowed_for_four(Decimal("1900"))
    short = short_by(Decimal("4200"), allowed)
    expect(answer).to_have_text(f"The costs the IRS allows are {short} more than your income each month.")

    unfold()
    for field, value in [
        ("taxes", "350"),
        ("health_insurance", "220"),
        ("balance", "18000"),
        ("oldest_tax_year", "2022"),
    ]:
        page.locator(f"#afford-{field}").fill(value)
    page.get_by_role("button", name="Check the smallest payment").click()
    # allowed 4,361 + 350 + 220 = 4,931.00; left −731.00
    allowed += Decimal("350") + Decimal("220")
    short = short_by(Decimal("4200"), allowed)
    expect(answer).to_have_text(f"The costs the IRS allows are {short} more than your income each month.")
    text, pages = pdf_text(page, tmp_path, "afford")
    assert pages == 1, text
    national, health = standards_for_four()  # 2,129 and 83 × 4 = 332 with the 2025 standards
    for figure in ["$4,200.00", "$1,900.00", f"${national:,.2f}", f"${health:,.2f}", f"${allowed:,.2f}",
                   f"minus {short}", "$310.00", "Form 433-F", "$236.85"]:  # fmt: skip  # 18,000 ÷ 76 = 236.84…, up to 236.85
        assert figure in text, figure
    assert "Work it out" not in text
