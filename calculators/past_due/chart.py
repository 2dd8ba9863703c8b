"""The chart of the two paths: heights in thousandths of a round top line, so the page does no
arithmetic on money, and labels already written as money and months in the reader's language."""

from decimal import ROUND_HALF_UP, Decimal

from ..answer import Chart, Line
from ..words import Words
from .rules import MonthRow

ROUND_STEPS = tuple(Decimal(step) for step in ("1", "1.5", "2", "2.5", "3", "4", "5", "6", "8", "10"))
TICKS = 4  # grid lines above the bottom one


def round_top(amount: Decimal) -> Decimal:
    """A round number at or above `amount` for the chart's top line."""
    if amount <= 0:
        return Decimal(1)
    power = Decimal(10) ** amount.adjusted()
    return next(step * power for step in ROUND_STEPS if step * power >= amount)


def chart(projection: tuple[MonthRow, ...], words: Words) -> Chart:
    top = round_top(max(max(row.if_ended, row.if_kept) for row in projection))

    def heights(path: str) -> tuple[int, ...]:
        return tuple(
            int((getattr(row, path) * 1000 / top).to_integral_value(rounding=ROUND_HALF_UP)) for row in projection
        )

    return Chart(
        ticks=tuple(words.whole_money(top * step / TICKS) for step in range(TICKS + 1)),
        first_label=words.month(projection[0].month),
        last_label=words.month(projection[-1].month),
        lines=(
            Line(words("past_due.months.ended"), "ended", heights("if_ended")),
            Line(words("past_due.months.kept"), "kept", heights("if_kept")),
        ),
    )
