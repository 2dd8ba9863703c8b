"""The Python the browser runs: the pinned Pyodide runtime from node_modules, and the calculators,
both compiled ahead of time.

Nothing is ever fetched from a CDN, so the site works offline and keeps every input on the device.
- `pyodide/<version>/`: the three files Pyodide starts from, copied unchanged, and the standard
  library cut down to the files listed in stdlib_keep.txt (`make stdlib-list` finds them by tracing every golden
  case; tests/test_golden.py fails if the calculators start needing more).
- `py/`: the calculators, built into a pure wheel with flit_core (reproducible: SOURCE_DATE_EPOCH)
  and served as a zip of the same files.
Both zips hold sourceless .pyc files compiled by the pinned Pyodide itself under Node
(compile_python.mjs): compiling the standard library from source was most of the start-up time.
Every file here is addressed by what it holds: the runtime's folder by the Pyodide version, the
zips by a digest of their bytes. A new build or a new Pyodide is never served from an old cache.
`js/build-info.mjs` tells the page and the worker those addresses, the runtime's lock-file facts,
the build's day (UTC) and the build's id: a digest of the sources that decide what a calculator
answers and how the page shows it. Each form carries the same id, so a page never shows an answer
from another build.
"""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from flit_core.wheel import make_wheel_in
from mkdocs.exceptions import PluginError

from hooks.build_day import build_day

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")  # copied as they are
STDLIB = "python_stdlib.zip"
KEEP_LIST = Path(__file__).with_name("stdlib_keep.txt")


def pinned_version(project: Path) -> str:
    """The Pyodide version package.json pins: the one place the version is written."""
    return json.loads((project / "package.json").read_text())["dependencies"]["pyodide"]


def runtime_source(project: Path) -> Path:
    source = project / "node_modules" / "pyodide"
    wanted = pinned_version(project)
    try:
        installed = json.loads((source / "package.json").read_text())["version"]
    except FileNotFoundError:
        raise PluginError("Pyodide is not installed: run `npm ci` (make serve and make test do it for you).") from None
    if installed != wanted:
        raise PluginError(f"node_modules has Pyodide {installed} but package.json pins {wanted}: run `npm ci`.")
    return source


# Every file in these folders is addressed by its content (see above): hosts may keep them for a year,
# and the service worker fetches them only when a calculator needs them.
CONTENT_ADDRESSED_FOLDERS = ("pyodide/", "py/")


def runtime_folder(project: Path) -> str:
    """Where the runtime is served, relative to the site: its address changes with its version."""
    return f"pyodide/{pinned_version(project)}/"


# What decides a calculator's answer and how the page shows it (site_words.py writes the page scripts' words).
BUILD_SOURCES = (
    "calculators/**/*.py",
    "calculators/**/*.toml",
    "docs/js/*.mjs",
    "overrides/calculators/*.html",
    "hooks/site_words.py",
)


def build_id(project: Path) -> str:
    """The id shared by this build's forms, page scripts and worker (see the module's docstring)."""
    digest = hashlib.sha256(pinned_version(project).encode())
    for pattern in BUILD_SOURCES:
        for path in sorted(project.glob(pattern)):
            digest.update(path.relative_to(project).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def kept_stdlib_files() -> set[str]:
    lines = KEEP_LIST.read_text().splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def build_wheel(project: Path, folder: Path) -> Path:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # a fixed timestamp: the same bytes each build
    return make_wheel_in(project / "pyproject.toml", folder).file


def compile_python(project: Path, source: Path, wheel: Path, folder: Path) -> tuple[Path, Path]:
    """(compiled standard library, compiled calculators), each a zip in `folder`."""
    stdlib, calculators = folder / "stdlib.zip", folder / "calculators.zip"
    job = {
        "stdlib": str(source / STDLIB),
        "keep": sorted(kept_stdlib_files()),
        "wheel": str(wheel),
        "stdlibOut": str(stdlib),
        "calculatorsOut": str(calculators),
    }
    done = subprocess.run(
        ["node", str(Path(__file__).with_name("compile_python.mjs"))],
        cwd=project,
        input=json.dumps(job),
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise PluginError(f"compiling Python with Pyodide failed: {done.stderr[-2000:]}")
    return stdlib, calculators


def publish(compiled: Path, site: Path, folder: str, stem: str) -> str:
    """Copy into site/folder under a name that carries the file's digest; returns its address in the site."""
    digest = hashlib.sha256(compiled.read_bytes()).hexdigest()[:16]
    (site / folder).mkdir(parents=True, exist_ok=True)
    shutil.copy2(compiled, site / folder / f"{stem}-{digest}.zip")
    return f"{folder}{stem}-{digest}.zip"


def on_post_build(config, **kwargs):
    project, site = Path(config.config_file_path).parent, Path(config.site_dir)
    source = runtime_source(project)
    runtime = runtime_folder(project)
    (site / runtime).mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(source / name, site / runtime / name)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        wheel = build_wheel(project, folder)
        stdlib, calculators = compile_python(project, source, wheel, folder)
        info = {
            "build": build_id(project),
            # The build's day: a device whose date is earlier has its clock set wrong (calculators.mjs).
            "built": build_day().isoformat(),
            "runtime": runtime,
            "stdlib": publish(stdlib, site, runtime, "python_stdlib"),
            "calculators": publish(calculators, site, "py/", "calculators"),
            # Pyodide reads these facts from its lock file; with no package to install, they are all it needs.
            "lock": {"info": json.loads((source / "pyodide-lock.json").read_text())["info"], "packages": {}},
        }
        # The files the worker fetches as it starts, by name, with their sizes: it shows the reader how
        # far the download has got, and notices at once one that stops short (calculator-worker.mjs).
        fetched = [f"{runtime}pyodide.asm.wasm", info["stdlib"], info["calculators"]]
        info["sizes"] = {path.rsplit("/", 1)[-1]: (site / path).stat().st_size for path in fetched}
        # The page's own scripts, which a reload into a new build fetches fresh first (calculators.mjs).
        scripts = {path.relative_to(site).as_posix() for path in (site / "js").glob("*.mjs")}
        info["scripts"] = sorted(scripts | {"js/build-info.mjs"})  # this file, written below
    (site / "js" / "build-info.mjs").write_text(
        f"// Written by hooks/pyodide_runtime.py at build time.\nexport default {json.dumps(info)};\n"
    )
