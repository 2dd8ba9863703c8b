"""Every calculator, by name: the one list. A new calculator declares itself (calculators/calculator.py)
and is added here; the JSON boundary, the command line, the build's hooks and the tests read this.

The list names modules, and a calculator's module is imported the first time it is asked for: a page
holds one calculator, and in Pyodide importing all seven made each page's first answer cost 65-105 ms
more than importing its own (web.prepare; measured 2026-12-02). Iterating the names imports nothing;
reading a calculator (`CALCULATORS[name]`, `.items()`, `.values()`) imports its module.
"""

import importlib
from collections.abc import MutableMapping

from .calculator import Calculator

MODULES = {
    "situation": "your_situation",
    "dates": "termination_dates",
    "past_due": "past_due",
    "fees": "user_fees",
    "checklist": "compliance_checklist",
    "afford": "ability_to_pay",
    "call_card": "call_card",
}


class _Calculators(MutableMapping):
    """name → Calculator, in the list's order, each module imported when first read."""

    def __init__(self, modules: dict[str, str]):
        self._modules = dict(modules)
        self._imported: dict[str, Calculator] = {}

    def __getitem__(self, name: str) -> Calculator:
        if name not in self._imported:
            self._imported[name] = importlib.import_module(f"{__package__}.{self._modules[name]}").CALCULATOR
        return self._imported[name]

    def __iter__(self):
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)

    def __setitem__(self, name: str, calculator: Calculator) -> None:  # a test's stand-in
        self._modules.setdefault(name, "")
        self._imported[name] = calculator

    def __delitem__(self, name: str) -> None:
        del self._modules[name]
        self._imported.pop(name, None)


CALCULATORS: MutableMapping[str, Calculator] = _Calculators(MODULES)
