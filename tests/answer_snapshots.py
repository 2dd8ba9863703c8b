"""Answer snapshots: every golden case's worded answer, and the messages a reader gets for bad input,
written out as plain text a reviewer can read (tests/snapshots/<language>/<calculator>.txt).

Golden cases check figures and codes; these files check the words. `test_answer_snapshots.py`
compares them; after a deliberate change of wording, rewrite them and read the diff:

    .venv/bin/python tests/answer_snapshots.py --write
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from golden_cases import load_cases  # noqa: E402

from calculators.web import run  # noqa: E402
from calculators.words import LANGUAGES  # noqa: E402

SNAPSHOTS = Path(__file__).parent / "snapshots"
# What a reader might type wrong into any answer: each is tried in every field of every calculator.
PROBES = ("", "x", "-5", "0", "1.234", "99999999999", "13/45/2026", "1/1/1999", "2/30/2026", "2/11/2026", "yes")


def _text(value, indent: str = "") -> list[str]:
    """Every word and figure of an answer block, one per line, in order."""
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if key in ("kind", "heights") or item in (None, "", [], False):
                continue
            if isinstance(item, (dict, list)):
                lines += [f"{indent}{key}:"] + _text(item, indent + "  ")
            else:
                lines.append(f"{indent}{key}: {item}")
        return lines
    if isinstance(value, list):
        lines = []
        for item in value:
            block = _text(item, indent + "  ")
            if block:
                lines.append(f"{indent}- {block[0].strip()}")
                lines += block[1:]
        return lines
    return [f"{indent}{value}"]


def _answer_text(answer: dict) -> list[str]:
    if not answer["ok"]:
        return [f"error {field}: {message}" for field, message in sorted(answer["errors"].items())]
    document = answer["answer"]
    lines = [f"headline: {document['headline']}"]
    for block in document["blocks"]:
        lines.append(f"[{block['kind']}]")
        lines += _text({key: value for key, value in block.items() if key != "kind"}, "  ")
    return lines


def snapshots(language: str = "en") -> dict[str, str]:
    """File name → text, for every calculator with golden cases."""
    by_calculator: dict[str, list[str]] = {}
    seen_probes: dict[str, set] = {}
    for case in load_cases():
        lines = by_calculator.setdefault(case.calculator, [])
        typed = case.typed_in(language)
        answer = run(case.calculator, typed, case.today_date, language)
        lines += [f"## {case.name}", *_answer_text(answer), ""]
        if case.errors:
            continue
        for field in typed:
            for probe in PROBES:
                payload = {**typed, field: probe}
                answer = run(case.calculator, payload, case.today_date, language)
                if answer["ok"]:
                    continue
                messages = tuple(sorted(answer["errors"].items()))
                if messages in seen_probes.setdefault(case.calculator, set()):
                    continue
                seen_probes[case.calculator].add(messages)
                lines += [f"## {case.name} | {field} = {json.dumps(probe)}", *_answer_text(answer), ""]
    return {f"{name}.txt": "\n".join(lines) for name, lines in sorted(by_calculator.items())}


def write(language: str = "en") -> None:
    folder = SNAPSHOTS / language
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in snapshots(language).items():
        with open(folder / name, "w", newline="", encoding="utf-8") as file:  # CRLF of calendar files kept
            file.write(text)


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit(__doc__)
    for language in LANGUAGES:
        write(language)
