"""Build the `calculators` package into a pure wheel inside the site.

The browser installs exactly this wheel into Pyodide, so the rules it runs are
the ones the tests ran in CPython. `js/build-info.mjs` tells the worker the
wheel's file name and a digest of its bytes (for cache versioning).
"""

import hashlib
import json
import logging
import os
from pathlib import Path

from flit_core.wheel import make_wheel_in

log = logging.getLogger(f"mkdocs.hooks.{__name__}")


def on_post_build(config, **kwargs):
    project = Path(config.config_file_path).parent
    wheel_dir = Path(config.site_dir) / "py"
    wheel_dir.mkdir(parents=True, exist_ok=True)
    for old in wheel_dir.glob("*.whl"):
        old.unlink()
    # A fixed timestamp makes the wheel byte-for-byte reproducible (flit reads SOURCE_DATE_EPOCH).
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    wheel = make_wheel_in(project / "pyproject.toml", wheel_dir).file
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:16]
    info = {"wheel": f"py/{wheel.name}", "digest": digest}
    (Path(config.site_dir) / "js" / "build-info.mjs").write_text(
        f"// Written by hooks/calculator_wheel.py at build time.\nexport default {json.dumps(info)};\n"
    )
    log.info("calculators wheel: %s (%s)", wheel.name, digest)
