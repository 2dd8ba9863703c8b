"""Copy the pinned Pyodide runtime from node_modules into the site.

Only the five files Pyodide needs to start are served: nothing is ever fetched
from a CDN, so the site works offline and keeps every input on the device.
The standard-library zip is cut down to the files listed in stdlib_keep.txt, which
`make stdlib-list` finds by tracing every golden case in Pyodide (about a third of
the download; tests/test_golden.py fails if the calculators start needing more).
"""

import json
import shutil
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError

RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


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


STDLIB = "python_stdlib.zip"
KEEP_LIST = Path(__file__).with_name("stdlib_keep.txt")


def kept_stdlib_files() -> set[str]:
    lines = KEEP_LIST.read_text().splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def write_trimmed_stdlib(full: Path, target: Path, keep: set[str]) -> None:
    """Copy only the kept entries, each as stored (same bytes, dates and compression)."""
    with zipfile.ZipFile(full) as source:
        missing = keep - set(source.namelist())
        if missing:
            raise PluginError(
                f"stdlib_keep.txt names files the pinned Pyodide lacks: {sorted(missing)[:5]}; run `make stdlib-list`"
            )
        with zipfile.ZipFile(target, "w") as trimmed:
            for info in source.infolist():
                if info.filename in keep:
                    trimmed.writestr(info, source.read(info), compress_type=info.compress_type)


def on_post_build(config, **kwargs):
    source = runtime_source(Path(config.config_file_path).parent)
    target = Path(config.site_dir) / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        if name == STDLIB:
            write_trimmed_stdlib(source / name, target / name, kept_stdlib_files())
        else:
            shutil.copy2(source / name, target / name)
