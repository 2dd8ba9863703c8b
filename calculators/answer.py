"""The answer as the page shows it: a small document of blocks, every text already worded and
every figure already formatted. The page (docs/js/results.mjs) lays the blocks out in order and
knows nothing about any one calculator; the command line prints the same document.
"""

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Heading:
    text: str
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Paragraph:
    text: str
    screen_only: bool = False  # about the screen itself (buttons, files): left off paper
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Notes:
    """A bulleted list of sentences."""

    items: tuple[str, ...]
    kind: ClassVar[str] = "notes"


@dataclass(frozen=True)
class Step:
    """One thing to do: a sentence, and the link that does it (a web page, or tel: to call)."""

    text: str
    link: Link | None = None


@dataclass(frozen=True)
class Steps:
    """What to do next, in order."""

    items: tuple[Step, ...]
    kind: ClassVar[str] = "steps"


@dataclass(frozen=True)
class Figures:
    """Label → figure rows, the last one a total when `total_last`."""

    caption: str
    rows: tuple[tuple[str, str], ...]
    total_last: bool = False
    kind: ClassVar[str] = "figures"


@dataclass(frozen=True)
class Table:
    """A table with column headings; each row's first cell heads the row. Wide tables scroll."""

    caption: str
    headings: tuple[str, ...]
    rows: tuple[tuple[str | Link, ...], ...]
    style: str = ""  # an extra class the print style sheet knows, e.g. "checklist-dates"
    folded: bool = False  # long tables sit behind a toggle that shows the caption
    kind: ClassVar[str] = "table"


@dataclass(frozen=True)
class Line:
    name: str  # the legend's words
    style: str  # "ended" or "kept": the colour and dash the style sheet gives it
    heights: tuple[int, ...]  # thousandths of the chart's top line, one per month


@dataclass(frozen=True)
class Chart:
    """A line chart drawn for sighted readers; a table with the same figures always follows it."""

    ticks: tuple[str, ...]  # labels of the grid lines, bottom to top
    first_label: str
    last_label: str
    lines: tuple[Line, ...]
    kind: ClassVar[str] = "chart"


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    title: str
    status: str  # in_place, to_do, urgent: the style sheet colours each
    status_text: str
    action: str


@dataclass(frozen=True)
class Checklist:
    """Habits with a box the reader can tick; the page remembers the ticks."""

    items: tuple[ChecklistItem, ...]
    done_text: str  # the status a habit shows once the reader ticks it
    kind: ClassVar[str] = "checklist"


@dataclass(frozen=True)
class Actions:
    """Buttons: print the answer, and (with a date ahead) save a calendar file made on the device."""

    print_label: str
    calendar_label: str = ""  # empty: no calendar button (no date ahead: never an empty file)
    calendar_file: str = ""
    calendar_text: str = ""
    kind: ClassVar[str] = "actions"


@dataclass(frozen=True)
class Act:
    """The way to act, first in every answer: a full-width button to call (a number to tap), the hours
    as the IRS gives them, the lines for TTY and other languages, and the online route where the IRS's
    own tool can do the job."""

    call: Link  # tel: link; its text says "Call 800-…"
    hours: str
    other_lines: tuple[Link, ...]  # TTY, other languages (tel: links)
    other_lines_text: str  # the words before them
    online: Link | None = None
    online_text: str = ""  # what the online route does, said before its link
    kind: ClassVar[str] = "act"


@dataclass(frozen=True)
class WriteIn:
    """An empty box to write in on paper (notes during a call), under its label."""

    label: str
    hint: str = ""  # said on screen only: where else the notes can go
    kind: ClassVar[str] = "write_in"


Block = WriteIn | Act | Heading | Paragraph | Notes | Steps | Figures | Table | Chart | Checklist | Actions


@dataclass(frozen=True)
class Document:
    headline: str
    blocks: tuple[Block, ...]
