"""Command line: `python -m calculators NAME [--today YYYY-MM-DD] < answers.json`.

Prints the same JSON answer the browser gets. "Today" is this computer's date, or the day given
with --today (to work an answer out as of another day). Exit status: 0 for a result,
1 for input a person can fix (the errors are in the JSON), 2 for an unknown
calculator, a --today that is not a date, or input that is not one JSON object (a one-line
message on stderr). Never a traceback.
"""

import datetime as dt
import json
import sys

from .web import CALCULATORS, UnknownCalculator, calculator, json_problem, loads, run

USAGE = f"usage: python -m calculators NAME [--today YYYY-MM-DD] < answers.json   (NAME: {', '.join(CALCULATORS)})"


def main(argv: list[str]) -> int:
    if argv[:1] in (["-h"], ["--help"]):
        print(USAGE, file=sys.stderr)
        return 0
    if len(argv) not in (1, 3) or (len(argv) == 3 and argv[1] != "--today"):
        print(USAGE, file=sys.stderr)
        return 2
    try:
        calculator(argv[0])
    except UnknownCalculator as error:
        print(f"calculators: {error}", file=sys.stderr)
        return 2
    today = None
    if len(argv) == 3:
        try:
            today = dt.date.fromisoformat(argv[2])
        except ValueError:
            print(f"calculators: --today must be a date written like 2026-11-28, not {argv[2][:40]!r}", file=sys.stderr)
            return 2
    try:
        payload = loads(sys.stdin.read())
    except (ValueError, RecursionError) as error:
        print(f"calculators: {json_problem(error)}", file=sys.stderr)
        return 2
    if not isinstance(payload, dict):
        print('calculators: the input must be one JSON object, like {"monthly_payment": "250"}', file=sys.stderr)
        return 2
    answer = run(argv[0], payload, today)
    print(json.dumps(answer, indent=2))
    return 0 if answer["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
