"""Copy the pinned Pyodide runtime from node_modules into the site.

Only the five files Pyodide needs to start are served: nothing is ever fetched
from a CDN, so the site works offline and keeps every input on the device.
"""

import json
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


def runtime_source(project: Path) -> Path:
    source = project / "node_modules" / "pyodide"
    package = json.loads((project / "package.json").read_text())
    wanted = package["dependencies"]["pyodide"]
    try:
        installed = json.loads((source / "package.json").read_text())["version"]
    except FileNotFoundError:
        raise PluginError("Pyodide is not installed: run `npm ci` (make serve and make test do it for you).") from None
    if installed != wanted:
        raise PluginError(f"node_modules has Pyodide {installed} but package.json pins {wanted}: run `npm ci`.")
    return source


def on_post_build(config, **kwargs):
    source = runtime_source(Path(config.config_file_path).parent)
    target = Path(config.site_dir) / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(source / name, target / name)
