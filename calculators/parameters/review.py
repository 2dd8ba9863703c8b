"""`make review`: the figures that need a person now.

A figure is listed when the date it is known until has passed (a newer value is due), or when it
was last reviewed more than REVIEW_EVERY_DAYS ago. Exits 1 when any is listed, so a scheduled
rebuild can stop and say so.
"""

import datetime as dt
import sys

from . import files_with_parameters, load

REVIEW_EVERY_DAYS = 180  # a working rule of this guide, not a legal figure


def needing_review(today: dt.date) -> list[str]:
    found = []
    for file in files_with_parameters():
        for figure in load(file).values():
            if figure.is_beyond_known(today):
                found.append(f"{figure.id}: known only until {figure.known_until}; add the newer value with its source")
            age = (today - figure.last_reviewed).days
            if age > REVIEW_EVERY_DAYS:
                found.append(f"{figure.id}: last reviewed {figure.last_reviewed}, {age} days ago; check it again")
    return found


def main() -> int:
    found = needing_review(dt.date.today())
    print("\n".join(found) if found else "Every figure is within its known dates and reviewed in the last 180 days.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
