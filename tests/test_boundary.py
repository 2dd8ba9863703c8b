"""The JSON boundary (calculators.web) and the command line that shares it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculators.web import run, run_json

pytestmark = pytest.mark.slow  # most start `python -m calculators` in a new process: `make test` only

PROJECT = Path(__file__).resolve().parent.parent


def cli(*args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args], input=stdin, capture_output=True, text=True, cwd=PROJECT
    )


def test_the_example_from_the_readme():
    done = cli("past_due", stdin='{"notice_date": "2026-11-20", "monthly_payment": "250", "missed_payments": 2}')
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["result"]["amount_to_cure"] == "500.00"


def test_input_errors_exit_1_with_the_errors_in_json():
    done = cli("past_due", stdin='{"notice_date": "2026-11-20", "monthly_payment": "abc", "missed_payments": 2}')
    assert done.returncode == 1
    answer = json.loads(done.stdout)
    assert answer["ok"] is False and list(answer["errors"]) == ["monthly_payment"]


@pytest.mark.parametrize("stdin", ["", "not json", "[1, 2]", '"text"', "{", "null"])
def test_input_that_is_not_one_json_object_exits_2_with_one_line(stdin):
    done = cli("past_due", stdin=stdin)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_an_unknown_calculator_exits_2_naming_the_ones_there_are():
    done = cli("pastdue", stdin="{}")
    assert done.returncode == 2
    assert "past_due" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_the_language_is_chosen_on_the_command_line_and_an_unknown_one_exits_2():
    english = cli(
        "past_due",
        "--lang",
        "en",
        stdin='{"notice_date": "2026-11-20", "monthly_payment": "250", "missed_payments": 2}',
    )
    assert (
        english.returncode == 0
        and english.stdout
        == cli("past_due", stdin='{"notice_date": "2026-11-20", "monthly_payment": "250", "missed_payments": 2}').stdout
    )
    done = cli("past_due", "--lang", "xx", stdin="{}")
    assert done.returncode == 2 and done.stdout == ""
    assert "--lang must be one of en" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_json_numbers_with_decimals_stay_exact():
    # 0.1 + 0.2 in floating point is 0.30000000000000004; parsed as text it stays exact.
    answer = json.loads(
        run_json(
            "past_due",
            '{"notice_date": "2026-11-20", "monthly_payment": 0.1, "missed_payments": 3, "new_balance_due": 0.2}',
        )
    )
    assert answer["result"]["amount_to_cure"] == "0.50"


def test_run_refuses_a_payload_that_is_not_an_object():
    assert run("past_due", ["monthly_payment"])["ok"] is False


def test_a_huge_input_gets_a_clear_answer_not_a_traceback():
    ten_megabytes = json.dumps({"monthly_payment": "9" * 10_000_000, "missed_payments": 1})
    done = cli("past_due", stdin=ten_megabytes)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "too long" in json.loads(done.stdout)["errors"]["monthly_payment"]


def test_a_huge_input_that_is_not_json_exits_2_with_one_line():
    done = cli("past_due", stdin="{" * 10_000_000)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ('{"monthly_payment": "250", "monthly_payment": "300", "missed_payments": 1}', "is given twice"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"monthly_payment":', "not valid JSON (line 1, column 20)"),
    ],
)
def test_unusable_input_gets_one_plain_line(stdin, message):
    done = cli("past_due", stdin=stdin)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr


def test_a_byte_order_mark_and_a_5000_digit_number_are_answered_not_crashed():
    with_bom = cli(
        "past_due", stdin='\ufeff{"notice_date": "2026-11-20", "monthly_payment": "250", "missed_payments": 2}'
    )
    assert with_bom.returncode == 0 and '"amount_to_cure": "500.00"' in with_bom.stdout
    huge = cli(
        "past_due", stdin='{"notice_date": "2026-11-20", "monthly_payment": ' + "9" * 5000 + ', "missed_payments": 1}'
    )
    assert huge.returncode == 1 and "is too long" in huge.stdout


def imported_after(code: str) -> list[str]:
    """The calculators' modules a fresh Python holds after running `code`."""
    show = "import json, sys; print(json.dumps([m for m in sys.modules if m.startswith('calculators.')]))"
    done = subprocess.run([sys.executable, "-c", f"{code}; {show}"], capture_output=True, text=True, cwd=PROJECT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_boundary_imports_a_calculator_only_when_a_page_prepares_it():
    from calculators.registry import CALCULATORS, MODULES

    assert [CALCULATORS[name].name for name in MODULES] == list(MODULES)  # each is listed under its own name
    calculators = {f"calculators.{module}" for module in MODULES.values()}
    assert not calculators & set(imported_after("import calculators.web"))
    fees_only = set(imported_after("import calculators.web as web; web.prepare('fees')"))
    assert calculators & fees_only == {"calculators.user_fees"}
    for everything in ("", "*"):
        assert calculators <= set(imported_after(f"import calculators.web as web; web.prepare({everything!r})"))
