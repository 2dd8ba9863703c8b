"""Building the site and serving it on 127.0.0.1 under a sub-path, for the browser tests and the benchmark."""

import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SUB_PATH = "guide"
READY_TIMEOUT = 60_000  # ms for Pyodide to start on a busy 2-core machine; speed itself is `make bench`  # the site is served under /guide/ to prove nothing assumes the root
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build_site(target: Path, base_url: str, with_brotli: bool) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=PROJECT,
        env={
            **os.environ,
            "SITE_URL": base_url,
            "NO_MKDOCS_2_WARNING": "1",
            "GUIDE_NO_BROTLI": "0" if with_brotli else "1",
        },
        check=True,
    )


def build_and_serve(root: Path, handler=QuietHandler, with_brotli: bool = False) -> tuple[ThreadingHTTPServer, str]:
    """Build the site into root/guide/ for its server's own address, and serve root on 127.0.0.1.
    Tests skip the brotli copies (no test reads them); the benchmark asks for them."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    base_url = f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    build_site(root / SUB_PATH, base_url, with_brotli)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base_url
