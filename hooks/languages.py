"""The guide in its other languages: each one's pages are a build of their own (`mkdocs.<language>.yml`,
which INHERITs mkdocs.yml), placed in this site at /<language>/ before the service worker's list and the
headers file are written, so one service worker and one `_headers` cover every language.

A language's build shares the English build's page scripts, styles and Python runtime (`extra.shared_root`
points at them) and leaves the site-wide files to this build. It runs as a command of its own: MkDocs
keeps per-build state (hooks, the strict-mode warning count) that a build inside a build would share.
"""

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from calculators.words import LANGUAGES

_serving = False


def on_startup(command, **kwargs):
    global _serving
    _serving = command == "serve"  # `make dev` is for writing English pages; `make serve` builds them all


def on_post_build(config, **kwargs):
    if _serving:
        return
    project = Path(config.config_file_path).parent
    for language in LANGUAGES[1:]:
        site_url = (config.site_url or "/").rstrip("/") + f"/{language}/"
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
        command += ["--config-file", str(project / f"mkdocs.{language}.yml")]
        command += ["--site-dir", str(Path(config.site_dir) / language)]
        built = subprocess.run(command, cwd=project, env={**os.environ, "SITE_URL": site_url}, check=False)
        if built.returncode:
            raise PluginError(f"hooks/languages.py: the {language} pages did not build (see above)")
