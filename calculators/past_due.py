"""Past-due amount: what it takes to bring a payment plan back into good standing.

To stop the termination a CP523 announces, you pay the installments you missed
and any newer tax bill that was not paid in full (IRM 5.14.11 lists both as
reasons a plan goes into default).
"""

from decimal import Decimal

from .fields import MoneyField, WholeNumberField
from .money import dollars, to_cents

TITLE = "Catch-up amount"

FIELDS = (
    MoneyField(
        name="monthly_payment",
        label="Monthly payment",
        noun="your monthly payment",
        hint="The amount your payment plan asks you to pay each month. Your acceptance letter shows it.",
        minimum=Decimal("0"),
        minimum_allowed=False,
    ),
    WholeNumberField(
        name="missed_payments",
        label="Missed payments",
        noun="the number of missed payments",
        hint="How many monthly payments were missed or came back unpaid. Enter 0 if none were missed.",
        minimum=0,
        maximum=120,
    ),
    MoneyField(
        name="new_balance_due",
        label="New tax balance",
        noun="the new tax balance",
        hint="Tax for a later year that you have not paid in full. Leave this empty if there is none.",
        required=False,
        default=Decimal("0.00"),
    ),
)


def calculate(values: dict, today) -> dict:
    monthly = values["monthly_payment"]
    missed = values["missed_payments"]
    missed_installments = to_cents(monthly * missed)
    new_balance = to_cents(values["new_balance_due"])
    amount_to_cure = missed_installments + new_balance
    return {
        "amount_to_cure": amount_to_cure,
        "cure_parts": {
            "missed_installments": missed_installments,
            "new_balance_due": new_balance,
        },
        "summary": _summary(amount_to_cure, missed, monthly, new_balance),
    }


def _summary(total, missed, monthly, new_balance) -> str:
    if not total:
        return "You have nothing to catch up on from these figures. Call the number on your notice to find out why it was sent."
    parts = []
    if missed:
        payments = "payment" if missed == 1 else "payments"
        parts.append(f"{missed} missed {payments} of {dollars(monthly)}")
    if new_balance:
        parts.append(f"the new tax balance of {dollars(new_balance)}")
    return f"To keep your payment plan, pay {dollars(total)}: " + " and ".join(parts) + "."
