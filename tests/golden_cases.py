"""Golden cases kept as data (tests/golden/<calculator>.toml), shared by the CPython and Pyodide runs."""

import datetime as dt
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


@dataclass(frozen=True)
class Case:
    calculator: str
    name: str
    today: str
    arithmetic: str
    input: dict
    expect: dict
    errors: dict

    @property
    def id(self) -> str:
        return f"{self.calculator}: {self.name}"

    @property
    def today_date(self) -> dt.date:
        return dt.date.fromisoformat(self.today)

    def request(self) -> dict:
        return {"name": self.calculator, "payload": json.dumps(self.input), "today": self.today}


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(GOLDEN.glob("*.toml")):
        for raw in tomllib.loads(path.read_text())["case"]:
            unknown = set(raw) - {"name", "today", "arithmetic", "input", "expect", "errors"}
            assert not unknown, f"{path.name}: unknown keys {unknown} in case {raw.get('name')!r}"
            assert raw.get("arithmetic"), f"{path.name}: case {raw['name']!r} must show its arithmetic"
            assert ("expect" in raw) != ("errors" in raw), f"{path.name}: {raw['name']!r} needs expect or errors"
            cases.append(
                Case(
                    path.stem,
                    raw["name"],
                    raw["today"],
                    raw["arithmetic"],
                    raw["input"],
                    raw.get("expect", {}),
                    raw.get("errors", {}),
                )
            )
    return cases


def dig(result: dict, dotted: str):
    value = result
    for part in dotted.split("."):
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
        assert dig(answer["result"], dotted) == expected, dotted
