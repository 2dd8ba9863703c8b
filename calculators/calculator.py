"""A calculator, declared once: everything the JSON boundary, the command line, the form templates,
the page markers and the tests need to know about it. `calculators/registry.py` lists them.

The core (`calculate`, `check`) speaks no language: it returns figures, dates and codes, and its
problems as `Problem`s. `render` turns a result into the answer document in one language, reading
every sentence from that language's catalog (calculators/words.py). The form's words live in the
catalog too, under `<name>.fields.<field>` (a field shared between calculators names its own prefix)
and `<name>.groups.<group>`; its title is `<name>.title`.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .answer import Document
from .fields import Field, Group, Problem, fields_of
from .words import Words


def no_problems(values: dict, today: dt.date) -> dict[str, Problem]:
    return {}


@dataclass(frozen=True)
class Calculator:
    name: str  # in JSON, on the command line and in the page marker [[calculator:name]]
    page: str  # the guide page that holds its form, e.g. "fee-check.md"
    groups: tuple[Group, ...]
    calculate: Callable[[dict, dt.date], Any]  # values, today → a result dataclass (figures and codes)
    render: Callable[[Any, Words], Document]  # result, words → the answer in that language
    check: Callable[[dict, dt.date], dict[str, Problem]] = no_problems  # answers that do not fit together
    remember_answers: bool = False  # the page may keep the answers on the device, if the reader says so
    # The figures the page shows as a table, in one language: (day, words) → table.
    reference_table: Callable[[dt.date, Words], dict] | None = None
    fields: tuple[Field, ...] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "fields", fields_of(self.groups))

    def key(self, item: Field | Group) -> str:
        """Where the catalog keeps a field's or a group's words."""
        if isinstance(item, Group):
            return item.words or f"{self.name}.groups.{item.id}"
        return item.words or f"{self.name}.fields.{item.name}"
