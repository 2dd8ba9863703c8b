"""Golden cases kept as data (tests/golden/<calculator>.toml), shared by the CPython and Pyodide runs.

A file sets the `today` its cases run on (a case may set its own). Each case has a `name` saying
the rule, a `why` in words, its `[case.input]` as a reader would send it, and either
`[case.expect]` (dotted paths into the result; a list of items with ids is addressed by id, as in
`items.no_new_balance.status`) or `[case.errors]` (fields refused, and words of their messages).
`[case.arithmetic]` gives, for expected amounts, a pure expression worked by hand, which the
loader evaluates (exactly, in Decimal) and compares with the expected figure.
"""

import ast
import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path

from calculators.fields import MONTH_FIRST
from calculators.words import LANGUAGES, words

GOLDEN = Path(__file__).parent / "golden"
_US_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
CASE_KEYS = {"name", "today", "why", "input", "expect", "errors", "arithmetic"}


@dataclass(frozen=True)
class Case:
    calculator: str
    name: str
    today: str
    why: str
    input: dict
    expect: dict
    errors: dict
    arithmetic: dict

    @property
    def id(self) -> str:
        return f"{self.calculator}: {self.name}"

    @property
    def today_date(self) -> dt.date:
        return dt.date.fromisoformat(self.today)

    def typed_in(self, language: str) -> dict:
        """The input as a reader of `language` types it. The cases write dates the US way (11/2/2026); a
        Spanish reader may write the day first, so the Spanish calculators ask which order 11/2/2026 means:
        that reader writes the month as a word ("2 de noviembre de 2026")."""
        said = words(language)
        if said("format.numeric_dates") == MONTH_FIRST:
            return self.input

        def written_out(match: re.Match) -> str:
            try:
                return said.date(dt.date(int(match[3]), int(match[1]), int(match[2])))
            except ValueError:  # no such day (a case about bad input): typed as it is
                return match[0]

        return {
            key: _US_DATE.sub(written_out, value) if isinstance(value, str) else value
            for key, value in self.input.items()
        }

    def request(self, language: str = LANGUAGES[0]) -> dict:
        return {"name": self.calculator, "payload": json.dumps(self.typed_in(language)), "today": self.today}


# Expressions are numbers, + - * / ** and parentheses, min(), max() and down() (to whole cents,
# rounding down, as the estimated tax split does): nothing else runs.
_ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub,
    ast.Call, ast.Name, ast.Load, ast.Constant,
)  # fmt: skip
_FUNCTIONS = {"min": min, "max": max, "down": lambda amount: amount.quantize(Decimal("0.01"), ROUND_DOWN), "D": Decimal}
_NUMBER = re.compile(r"(?<![\w.\"])(\d+(?:\.\d+)?)")


def evaluate(expression: str) -> Decimal:
    """The exact value of a hand-worked expression; every number is read as a Decimal."""
    tree = ast.parse(_NUMBER.sub(r'D("\1")', expression), mode="eval")
    numbers = {
        id(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "D"
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and id(node) not in numbers:
            raise ValueError(f"only numbers in arithmetic, not {node.value!r}")
        if not isinstance(node, _ALLOWED_NODES):
            raise ValueError(f"not allowed in arithmetic: {ast.dump(node)[:60]}")
        if isinstance(node, ast.Name) and node.id not in _FUNCTIONS:
            raise ValueError(f"unknown name in arithmetic: {node.id}")
    with localcontext() as context:
        context.prec = 60
        return eval(compile(tree, "<arithmetic>", "eval"), {"__builtins__": {}}, dict(_FUNCTIONS))


def agrees(expression: str, expected) -> bool:
    """The expression, rounded half up to the expected figure's places, is that figure."""
    want = Decimal(str(expected))
    return evaluate(expression).quantize(want, rounding=ROUND_HALF_UP) == want


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(GOLDEN.glob("*.toml")):
        data = tomllib.loads(path.read_text())
        for raw in data["case"]:
            unknown = set(raw) - CASE_KEYS
            assert not unknown, f"{path.name}: unknown keys {unknown} in case {raw.get('name')!r}"
            assert raw.get("why"), f"{path.name}: case {raw['name']!r} must say why, in words"
            assert ("expect" in raw) != ("errors" in raw), f"{path.name}: {raw['name']!r} needs expect or errors"
            arithmetic = raw.get("arithmetic", {})
            for key, expression in arithmetic.items():
                assert key in raw.get("expect", {}), f"{path.name}: {raw['name']!r}: arithmetic for {key}, not expected"
                assert agrees(expression, raw["expect"][key]), (
                    f"{path.name}: {raw['name']!r}: {key}: {expression} = {evaluate(expression)}, "
                    f"not {raw['expect'][key]}"
                )
            cases.append(
                Case(
                    path.stem,
                    raw["name"],
                    raw.get("today", data.get("today")),
                    raw["why"],
                    raw["input"],
                    raw.get("expect", {}),
                    raw.get("errors", {}),
                    arithmetic,
                )
            )
    return cases


def dig(result: dict, dotted: str):
    value = result
    for part in dotted.split("."):
        if isinstance(value, list) and not part.isdigit():
            value = next(item for item in value if item.get("id") == part)
        else:
            value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def check(case: Case, answer: dict) -> None:
    if case.errors:
        assert answer["ok"] is False, f"expected errors, got {answer}"
        assert set(answer["errors"]) == set(case.errors), answer["errors"]
        for field, words in case.errors.items():
            assert words in answer["errors"][field], (field, answer["errors"][field])
        return
    assert answer["ok"] is True, f"expected a result, got {answer}"
    for dotted, expected in case.expect.items():
        expected = None if expected == "null" else expected  # TOML has no null: "null" stands for none
        assert dig(answer["result"], dotted) == expected, dotted
