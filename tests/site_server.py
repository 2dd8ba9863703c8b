"""Building the site and serving it on 127.0.0.1 under a sub-path, for the browser tests and the benchmark."""

import datetime as dt
import functools
import json
import os
import re
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PROJECT = Path(__file__).resolve().parent.parent
SUB_PATH = "guide"  # the site is served under /guide/ to prove nothing assumes the root
# The day every test build quotes its figures for, and the browser tests' "today" (browser/conftest.py):
# what a page or an answer says must not depend on the day the tests run.
TEST_DAY = dt.date(2026, 12, 1)
READY_TIMEOUT = 60_000  # ms for Pyodide to start on a busy 2-core machine; speed itself is `make bench`
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
    """Python's own static server, as nginx and S3 behave by default: Last-Modified, no Cache-Control."""

    def log_message(self, *args):
        pass


def read_headers_file(text: str) -> list[tuple[re.Pattern, list[tuple[str, str]]]]:
    """The rules of a `_headers` file: a path pattern (`*` matches anything) on its own line, then
    its headers, indented, one per line. Comments start with #."""
    rules = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((re.compile(".*".join(map(re.escape, line.strip().split("*")))), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(rules, path: str) -> dict[str, str]:
    """The headers a host sends for `path`, as Cloudflare Pages does: every matching rule's, and a
    header given by two rules gets both values, joined by a comma."""
    headers = {}
    for pattern, values in rules:
        if pattern.fullmatch(path):
            for name, value in values:
                headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


class HostHandler(QuietHandler):
    """A static host that reads the build's `_headers` file (and never serves it): every browser test
    runs under the headers the README tells a host to send."""

    def host_rules(self):
        file = Path(self.directory) / SUB_PATH / "_headers"
        return read_headers_file(file.read_text()) if file.is_file() else []

    def send_head(self):
        if urlsplit(self.path).path.endswith("/_headers"):
            self.send_error(404)
            return None
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        # As static hosts do: a missing page gets the site's own 404 page.
        not_found = Path(self.directory) / SUB_PATH / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        for name, value in headers_for(self.host_rules(), unquote(urlsplit(self.path).path)).items():
            self.send_header(name, value)
        super().end_headers()


def build_info(site: Path) -> dict:
    """What the build told the page and the worker (js/build-info.mjs)."""
    text = (site / "js" / "build-info.mjs").read_text()
    return json.loads(text[text.index("{") : text.rindex("}") + 1])


def build_site(target: Path, base_url: str, with_brotli: bool, project: Path = PROJECT) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=project,
        env={
            **os.environ,
            "SITE_URL": base_url,
            "NO_MKDOCS_2_WARNING": "1",
            "GUIDE_NO_BROTLI": "0" if with_brotli else "1",
            "GUIDE_BUILD_DAY": TEST_DAY.isoformat(),
        },
        check=True,
    )


def serve(root: Path, handler=HostHandler) -> tuple[ThreadingHTTPServer, str]:
    """Serve root on 127.0.0.1; returns the server and the address of root/guide/."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"


def build_and_serve(root: Path, handler=HostHandler, with_brotli: bool = False) -> tuple[ThreadingHTTPServer, str]:
    """Build the site into root/guide/ for its server's own address, and serve root on 127.0.0.1.
    Tests skip the brotli copies (no test reads them); the benchmark asks for them."""
    server, base_url = serve(root, handler)
    build_site(root / SUB_PATH, base_url, with_brotli)
    return server, base_url
