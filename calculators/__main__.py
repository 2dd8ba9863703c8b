"""Command line: `python -m calculators NAME < answers.json`.

Prints the same JSON answer the browser gets. Exit status: 0 for a result,
1 for input a person can fix (the errors are in the JSON), 2 for an unknown
calculator or input that is not one JSON object (a one-line message on stderr).
"""

import json
import sys

from .web import CALCULATORS, UnknownCalculator, calculator, json_problem, loads, run

USAGE = f"usage: python -m calculators NAME < answers.json   (NAME: {', '.join(CALCULATORS)})"


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] in {"-h", "--help"}:
        print(USAGE, file=sys.stderr)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    try:
        calculator(argv[0])
    except UnknownCalculator as error:
        print(f"calculators: {error}", file=sys.stderr)
        return 2
    try:
        payload = loads(sys.stdin.read())
    except (ValueError, RecursionError) as error:
        print(f"calculators: {json_problem(error)}", file=sys.stderr)
        return 2
    if not isinstance(payload, dict):
        print('calculators: the input must be one JSON object, like {"monthly_payment": "250"}', file=sys.stderr)
        return 2
    answer = run(argv[0], payload)
    print(json.dumps(answer, indent=2))
    return 0 if answer["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
