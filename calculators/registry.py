"""Every calculator, by name: the one list. A new calculator declares itself (calculators/calculator.py)
and is added here; the JSON boundary, the command line, the build's hooks and the tests read this."""

from . import ability_to_pay, call_card, compliance_checklist, past_due, termination_dates, user_fees, your_situation
from .calculator import Calculator

CALCULATORS: dict[str, Calculator] = {
    calculator.name: calculator
    for calculator in (
        your_situation.CALCULATOR,
        termination_dates.CALCULATOR,
        past_due.CALCULATOR,
        user_fees.CALCULATOR,
        compliance_checklist.CALCULATOR,
        ability_to_pay.CALCULATOR,
        call_card.CALCULATOR,
    )
}
