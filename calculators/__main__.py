"""Command line: `python -m calculators NAME [--today YYYY-MM-DD] [--lang LANGUAGE] < answers.json`.

Prints the same JSON answer the browser gets. "Today" is this computer's date, or the day given
with --today (to work an answer out as of another day); the answer is worded in English, or in
the language given with --lang (one of calculators.words.LANGUAGES). Exit status: 0 for a result,
1 for input a person can fix (the errors are in the JSON), 2 for an unknown calculator, a --today
that is not a date, an unknown language, or input that is not one JSON object (a one-line message
on stderr). Never a traceback.
"""

import datetime as dt
import json
import sys

from .web import CALCULATORS, UnknownCalculator, calculator, json_problem, loads, run
from .words import LANGUAGES

USAGE = (
    "usage: python -m calculators NAME [--today YYYY-MM-DD] [--lang LANGUAGE] < answers.json"
    f"   (NAME: {', '.join(CALCULATORS)}; LANGUAGE: {', '.join(LANGUAGES)})"
)


def _options(argv: list[str]) -> dict | None:
    """{"--today": text, "--lang": text} from the words after NAME, or None if they are not options."""
    if len(argv) % 2:
        return None
    options = dict(zip(argv[::2], argv[1::2], strict=True))
    return options if set(options) <= {"--today", "--lang"} and len(options) == len(argv) // 2 else None


def main(argv: list[str]) -> int:
    if argv[:1] in (["-h"], ["--help"]):
        print(USAGE, file=sys.stderr)
        return 0
    options = _options(argv[1:]) if argv else None
    if options is None:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        calculator(argv[0])
    except UnknownCalculator as error:
        print(f"calculators: {error}", file=sys.stderr)
        return 2
    today = None
    if "--today" in options:
        try:
            today = dt.date.fromisoformat(options["--today"])
        except ValueError:
            print(
                f"calculators: --today must be a date written like 2026-11-28, not {options['--today'][:40]!r}",
                file=sys.stderr,
            )
            return 2
    language = options.get("--lang", LANGUAGES[0])
    if language not in LANGUAGES:
        print(f"calculators: --lang must be one of {', '.join(LANGUAGES)}, not {language[:40]!r}", file=sys.stderr)
        return 2
    try:
        payload = loads(sys.stdin.read())
    except (ValueError, RecursionError) as error:
        print(f"calculators: {json_problem(error)}", file=sys.stderr)
        return 2
    if not isinstance(payload, dict):
        print('calculators: the input must be one JSON object, like {"monthly_payment": "250"}', file=sys.stderr)
        return 2
    answer = run(argv[0], payload, today, language)
    print(json.dumps(answer, indent=2))
    return 0 if answer["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
