"""The words of every answer, per language, as a reviewer reads them (tests/snapshots/<language>/).

Golden cases check figures and codes; this checks the sentences built from them. A failure shows
which lines changed: if the change is meant, rewrite the files with
`.venv/bin/python tests/answer_snapshots.py --write` and have the diff read.
"""

import difflib

import pytest
from answer_snapshots import SNAPSHOTS, snapshots

from calculators.words import LANGUAGES


def _read(path) -> str:
    with open(path, newline="", encoding="utf-8") as file:  # keep the calendar file's CRLF as written
        return file.read()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_answer_reads_as_its_snapshot(language):
    written = snapshots(language)
    kept = {path.name: _read(path) for path in (SNAPSHOTS / language).glob("*.txt")}
    assert set(written) == set(kept), "a calculator gained or lost its snapshot: rewrite them"
    for name, text in written.items():
        if text != kept[name]:
            changed = difflib.unified_diff(kept[name].splitlines(), text.splitlines(), "kept", "now", lineterm="", n=1)
            pytest.fail(f"{language}/{name} differs:\n" + "\n".join(list(changed)[:40]))
