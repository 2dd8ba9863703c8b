"""`make review`: the figures that need a person now.

A figure needs a person when a newer value is due (past its `known_until` or `next_expected`) and
nobody has looked for it since it became due, or nobody has looked at it for REVIEW_EVERY_DAYS.
A recorded search that found nothing (`searched` in the data) holds the figure until its
`look_again` date: the search is listed, but it is not a failure, because nobody can act on it
until then. Exits 1 only when a person must act, so a scheduled run is red only when it means it.
"""

import datetime as dt
import sys
from dataclasses import dataclass

from . import Parameter, files_with_parameters, load

REVIEW_EVERY_DAYS = 180  # a working rule of this guide, not a legal figure


@dataclass(frozen=True)
class Finding:
    figure: str  # "notice.passport_debt_threshold"
    text: str
    act: bool  # True: a person must do something now; False: searched, waiting to look again


def findings(today: dt.date, figures: list[Parameter] | None = None) -> list[Finding]:
    if figures is None:
        figures = [figure for file in files_with_parameters() for figure in load(file).values()]
    found = []
    for figure in figures:
        if figure.is_beyond_known(today):
            found.append(_past_due(figure, today))
        age = (today - figure.last_reviewed).days
        if age > REVIEW_EVERY_DAYS:
            found.append(
                Finding(figure.id, f"last reviewed {figure.last_reviewed}, {age} days ago; check it again", True)
            )
    return found


def _past_due(figure: Parameter, today: dt.date) -> Finding:
    due = (
        f"known only until {figure.known_until}"
        if figure.known_until
        else f"a newer value due from {figure.next_expected}"
    )
    search = figure.searches[-1] if figure.searches else None
    if search is None or search.look_again <= today:
        looked = f"; last searched {search.on}, look-again date {search.look_again} has come" if search else ""
        return Finding(figure.id, f"{due}{looked}; add the newer value with its source, or record a new search", True)
    return Finding(
        figure.id,
        f"{due}; searched {search.on} for {search.looked_for} ({search.where}): {search.found}. "
        f"Look again on {search.look_again}",
        False,
    )


def report(found: list[Finding]) -> str:
    act = [f"{finding.figure}: {finding.text}" for finding in found if finding.act]
    waiting = [f"{finding.figure}: {finding.text}" for finding in found if not finding.act]
    lines = ["Needs a person now:", *act] if act else ["Nothing needs a person now."]
    if waiting:
        lines += ["", "Searched and not found yet (no action until the look-again date):", *waiting]
    return "\n".join(lines)


def exit_status(found: list[Finding]) -> int:
    return 1 if any(finding.act for finding in found) else 0


def main(today: dt.date | None = None, figures: list[Parameter] | None = None) -> int:
    found = findings(today or dt.date.today(), figures)
    print(report(found))
    return exit_status(found)


if __name__ == "__main__":
    sys.exit(main())
