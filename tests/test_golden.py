"""Golden cases in CPython, and the same cases in Pyodide (CPython 3.14 in WebAssembly) giving identical text."""

import json
import re
import subprocess
from pathlib import Path

import pytest
from flit_core.wheel import make_wheel_in
from golden_cases import check, load_cases

from calculators.web import run, run_json
from calculators.words import LANGUAGES, words
from hooks.pyodide_runtime import kept_stdlib_files

PROJECT = Path(__file__).resolve().parent.parent
CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_golden_case_in_cpython(case):
    check(case, run(case.calculator, case.input, case.today_date))


def _texts(value):
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str):
        yield value


def written_date(language: str) -> re.Pattern:
    """A day as the language writes it ("12/1/2026", "1 de diciembre de 2026"): read as one word."""
    said = words(language).entries
    pattern = re.escape(said["format.date"]).replace(r"\{", "{").replace(r"\}", "}")
    names = "|".join(said["format.month_names"])
    return re.compile(pattern.format(day=r"\d{1,2}", month=r"\d{1,2}", year=r"\d{4}", month_name=f"(?:{names})"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_every_headline_is_twenty_words_or_fewer(case, language):
    # A frightened reader on a phone reads the headline first: conditions go in the line below it (#22).
    # A date counts as one word, however the language writes it.
    answer = run(case.calculator, case.typed_in(language), case.today_date, language)
    if answer["ok"]:
        headline = written_date(language).sub("DATE", answer["answer"]["headline"])
        assert len(headline.split()) <= 20, answer["answer"]["headline"]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_result_holds_figures_dates_and_codes_never_a_sentence(case):
    # The words are the renderer's (in the answer, per language); a space in a result's text is prose.
    answer = run(case.calculator, case.input, case.today_date)
    if answer["ok"]:
        assert not [text for text in _texts(answer["result"]) if " " in text]


@pytest.fixture(scope="module")
def pyodide_answers(tmp_path_factory):
    wheel = make_wheel_in(PROJECT / "pyproject.toml", tmp_path_factory.mktemp("wheel")).file
    request = {"wheel": str(wheel), "requests": [case.request() for case in CASES]}
    done = subprocess.run(
        ["node", "tests/pyodide_runner.mjs"],
        cwd=PROJECT,
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_pyodide_runs_cpython_3_14(pyodide_answers):
    assert pyodide_answers["python"].startswith("3.14.")


@pytest.mark.parametrize("index", range(len(CASES)), ids=[case.id for case in CASES])
def test_golden_case_gives_identical_text_in_pyodide(pyodide_answers, index):
    case = CASES[index]
    in_pyodide = pyodide_answers["answers"][index]
    assert in_pyodide == run_json(case.calculator, json.dumps(case.input), case.today)
    check(case, json.loads(in_pyodide))


def test_the_served_standard_library_holds_every_file_the_calculators_import(pyodide_answers):
    missing = set(pyodide_answers["stdlib"]) - kept_stdlib_files()
    assert not missing, f"run `make stdlib-list`: the calculators now also import {sorted(missing)}"
