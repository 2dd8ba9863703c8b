"""`make stdlib-list`: find, by tracing, the standard-library files the calculators need in Pyodide.

Runs every golden case in the pinned Pyodide (tests/pyodide_runner.mjs) and writes the files
Python imported from the standard-library zip to hooks/stdlib_keep.txt. The build then serves a
zip with only those files. tests/test_golden.py fails when the list misses a module.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from flit_core.wheel import make_wheel_in

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(Path(__file__).parent), str(PROJECT)]
from golden_cases import load_cases  # noqa: E402

from hooks.pyodide_runtime import KEEP_LIST  # noqa: E402


def traced_stdlib(wheel: Path) -> dict:
    request = {"wheel": str(wheel), "requests": [case.request() for case in load_cases()]}
    done = subprocess.run(
        ["node", "tests/pyodide_runner.mjs"],
        cwd=PROJECT,
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        wheel = make_wheel_in(PROJECT / "pyproject.toml", Path(folder)).file
        files = traced_stdlib(wheel)["stdlib"]
    KEEP_LIST.write_text(
        "# Standard-library files the calculators import in Pyodide, found by tracing every golden case\n"
        "# (make stdlib-list). The build serves a python_stdlib.zip with only these.\n" + "\n".join(files) + "\n"
    )
    print(f"{len(files)} files written to {KEEP_LIST.relative_to(PROJECT)}")


if __name__ == "__main__":
    main()
