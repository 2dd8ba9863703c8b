"""Calendar arithmetic the IRS rules need: months that start on the notice's day, quarters, year lengths."""

import calendar
import datetime as dt

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def month_name(year_month: str) -> str:
    """ "2026-12" → "December 2026", in English whatever the machine's locale."""
    year, month = year_month.split("-")
    return f"{MONTH_NAMES[int(month) - 1]} {year}"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month, `months` later; the 31st becomes the month's last day where needed."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, days_in_month(year, month)))


DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    return 29 if month == 2 and calendar.isleap(year) else DAYS_IN_MONTH[month - 1]


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_label(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def month_starts(first: dt.date, before: dt.date, not_before: dt.date) -> list[dt.date]:
    """Start of each month (or part of a month) counted from `first` that begins on or after
    `not_before` and before `before`. The count starts at `not_before`'s calendar month, as every
    start in an earlier one is earlier: a return decades old need not be walked month by month."""
    index = max(0, (not_before.year - first.year) * 12 + not_before.month - first.month)
    starts = []
    while (start := add_months(first, index)) < before:
        if start >= not_before:
            starts.append(start)
        index += 1
    return starts
