"""Calendar reminders as an iCalendar file (RFC 5545), made with the standard library.

One all-day event per date, each with a reminder three days before. UIDs are built from
the event's kind and date, so importing a newer file updates events instead of doubling them.
"""

import datetime as dt
from dataclasses import dataclass

PRODUCT = "-//CP523 guide//Payment plan checklist//EN"
REMINDER_DAYS_BEFORE = 3  # a product choice, not a legal figure: time to move money before a due date
LINE_LIMIT = 75  # octets per line before folding (RFC 5545, 3.1)


@dataclass(frozen=True)
class Event:
    kind: str  # short, stable: "payment" or "estimated-tax"
    day: dt.date
    summary: str
    description: str


def escape(text: str) -> str:
    """TEXT values (RFC 5545, 3.3.11): backslash, semicolon, comma and newlines are escaped."""
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character."""
    pieces, current, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        limit = LINE_LIMIT if not pieces else LINE_LIMIT - 1  # continuation lines start with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += character
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def calendar(events: list[Event], stamp: dt.date) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.kind}-{event.day:%Y%m%d}@cp523-guide",
            f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(event.summary)}",
            f"DESCRIPTION:{escape(event.description)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"TRIGGER:-P{REMINDER_DAYS_BEFORE}D",
            f"DESCRIPTION:{escape(event.summary)}",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
