"""Building the site and serving it on 127.0.0.1 under a sub-path, for the browser tests and the benchmark."""

import datetime as dt
import functools
import http.client
import io
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PROJECT = Path(__file__).resolve().parent.parent
SUB_PATH = "guide"  # the site is served under /guide/ to prove nothing assumes the root
# The day every test build quotes its figures for, and the browser tests' "today" (browser/conftest.py):
# what a page or an answer says must not depend on the day the tests run.
TEST_DAY = dt.date(2026, 12, 1)
# ms for Pyodide to start, or a page to load, on a busy 2-core machine running two test files at once
# (60 s was passed now and then once the Spanish build doubled the site); speed itself is `make bench`.
READY_TIMEOUT = 120_000
# The page's own limit on a stalled start (60 s for readers, docs/js/runtime.mjs) raised to the same for the
# tests: a start starved of CPU by the other test file is not what they test. The tests of that limit set
# their own (test_failures.py, test_slow_links.py).
TEST_START_LIMIT = f"window.calculatorStartLimitMs = {READY_TIMEOUT}"
# A page script that keeps a calculator page from making its Python snapshot (docs/js/runtime.mjs reads
# it): most browser tests turn the snapshot off (browser/conftest.py).
NO_SNAPSHOTS = "window.calculatorMakesSnapshots = false"
# The benchmark measures what readers get: Debian's full Chromium. The tests drive Chromium's headless
# shell (Debian's chromium-headless-shell, the same version's engine without the browser's own
# interface), which did the whole of `make test` in 629 s where the full browser took 894 s.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
HEADLESS_SHELL = os.environ.get("HEADLESS_SHELL", "/usr/bin/chromium-headless-shell")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# The two hosts a test asked for with the `host` fixture runs under (tests/conftest.py): "imitation" is
# HostHandler below; "wrangler" is Cloudflare Pages' own local runtime, `wrangler pages dev`, pinned in
# package.json, which the same test server relays every request to, unchanged.
HOSTS = ("imitation", "wrangler")
WRANGLER = PROJECT / "node_modules" / ".bin" / "wrangler"
# The newest date the pinned runtime knows (it warns past it); the site runs no code of its own there.
WRANGLER_COMPATIBILITY_DATE = "2025-07-18"
WRANGLER_START_LIMIT = 90  # seconds; about 2 s when warm, more on a busy machine or a first start
# A response's framing, which the relay sets again for its own connection; everything else is passed on unchanged.
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade", "te", "trailer"}


class QuietHandler(SimpleHTTPRequestHandler):
    """Python's own static server, as nginx and S3 behave by default: Last-Modified, no Cache-Control."""

    def log_message(self, *args):
        pass


def read_headers_file(text: str) -> list[tuple[re.Pattern, list[tuple[str, str]]]]:
    """The rules of a `_headers` file: a path pattern (`*` matches anything) on its own line, then
    its headers, indented, one per line. Comments start with #. A path given again replaces its
    earlier rule, as Cloudflare Pages does."""
    rules = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            headers = rules[line.strip()] = []
        else:
            name, _, value = line.strip().partition(":")
            headers.append((name.strip(), value.strip()))
    return [(re.compile(".*".join(map(re.escape, path.split("*")))), headers) for path, headers in rules.items()]


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
    """A static host that reads the `_headers` file at its root (and never serves it), as Cloudflare Pages
    does: every browser test runs under the headers the README tells a host to send. When its server has an
    `upstream` (a running `wrangler pages dev` of the same folder), it relays each request there instead and
    sends back the status, headers and body it gets, unchanged: the page then sees what Cloudflare's runtime
    does, at the address the site was built for."""

    def host_rules(self):
        file = Path(self.directory) / "_headers"
        return read_headers_file(file.read_text()) if file.is_file() else []

    def send_head(self):
        if self.server.upstream:
            return self.relay(self.server.upstream)
        if urlsplit(self.path).path.endswith("/_headers"):
            self.send_error(404)
            return None
        return super().send_head()

    def relay(self, upstream: str):
        connection = http.client.HTTPConnection(upstream, timeout=READY_TIMEOUT / 1000)
        try:
            headers = {name: value for name, value in self.headers.items() if name.lower() not in HOP_BY_HOP}
            connection.request(self.command, self.path, headers=headers)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        self.send_response_only(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        framed = response.getheader("Content-Length") is not None or self.command == "HEAD"
        if not framed and response.status not in (204, 304):  # it was sent in chunks
            self.send_header("Content-Length", str(len(body)))
        QuietHandler.end_headers(self)
        return io.BytesIO(body)

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


def move_headers_file(root: Path) -> None:
    """Cloudflare Pages reads `_headers` at the root of what it serves (anywhere else it is an ordinary file,
    served to anyone who asks): the guide is served under /guide/, so the build's file goes to the root."""
    (root / SUB_PATH / "_headers").replace(root / "_headers")


class Wrangler:
    """`wrangler pages dev ROOT` on 127.0.0.1, offline: no telemetry, no update check, no download of the
    `Request.cf` object; its state, logs and temporary files in `scratch`. Stopped with its process group."""

    def __init__(self, root: Path, scratch: Path):
        if not WRANGLER.is_file():
            raise FileNotFoundError(f"{WRANGLER} is missing: `npm ci` installs the pinned wrangler")
        env = {
            **os.environ,
            "WRANGLER_SEND_METRICS": "false",  # no telemetry
            "NODE_ENV": "test",  # miniflare then takes its placeholder `Request.cf` instead of fetching one
            "npm_registry": "http://127.0.0.1:9/",  # its update check (which no flag turns off) asks a closed local port
            "TMPDIR": str(scratch),  # where that check would keep its answer
            "XDG_CONFIG_HOME": str(scratch / "config"),
            "WRANGLER_LOG_PATH": str(scratch / "logs"),
            "CI": "true",  # never asks a question
        }
        command = [WRANGLER, "pages", "dev", root, "--ip", "127.0.0.1", "--port", "0", "--inspector-port", "0"]
        command += ["--compatibility-date", WRANGLER_COMPATIBILITY_DATE, "--persist-to", scratch / "state"]
        command += ["--show-interactive-dev-session=false", "--log-level", "info"]
        self.process = subprocess.Popen(
            command,
            cwd=scratch,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own process group: stop() ends workerd with it
        )
        self.output = []
        lines = queue.Queue()
        threading.Thread(target=self.read_output, args=(lines,), daemon=True).start()
        deadline = time.monotonic() + WRANGLER_START_LIMIT
        while not (ready := re.search(r"Ready on http://(127\.0\.0\.1:\d+)", line := self.next_line(lines, deadline))):
            if not line:
                self.stop()
                raise RuntimeError("wrangler pages dev did not start:\n" + "".join(self.output))
        self.address = ready[1]

    def read_output(self, lines):
        for line in self.process.stdout:  # read to the end, so a full pipe never stops it
            self.output.append(line)
            lines.put(line)
        lines.put("")

    @staticmethod
    def next_line(lines, deadline) -> str:
        """The next line it prints, or "" once it has ended or the deadline has passed."""
        try:
            return lines.get(timeout=max(0, deadline - time.monotonic()))
        except queue.Empty:
            return ""

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def build_info(site: Path) -> dict:
    """What the build told the page and the worker (js/build-info.mjs)."""
    text = (site / "js" / "build-info.mjs").read_text()
    return json.loads(text[text.index("{") : text.rindex("}") + 1])


def build_site(target: Path, base_url: str, compressed_copies: bool, project: Path = PROJECT) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=project,
        env={
            **os.environ,
            "SITE_URL": base_url,
            "NO_MKDOCS_2_WARNING": "1",
            "GUIDE_NO_COMPRESSED_COPIES": "0" if compressed_copies else "1",
            "GUIDE_BUILD_DAY": TEST_DAY.isoformat(),
        },
        check=True,
    )


class QuietServer(ThreadingHTTPServer):
    """A browser that leaves a download half-way (a page closed, a test's cut link) is no error of the
    server's: not printed, so what a failing test prints is its own."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(root: Path, handler=HostHandler) -> tuple[ThreadingHTTPServer, str]:
    """Serve root on 127.0.0.1; returns the server and the address of root/guide/."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    server.root, server.upstream = root, None  # HostHandler relays to upstream when a test sets it (use_host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"


def use_host(server, name: str, wrangler) -> None:
    """From now on, serve the server's folder as `name` does: "wrangler" relays every request to a
    `wrangler pages dev` of it (`wrangler` gives its address: tests/conftest.py); any other name is
    served by the server's own handler."""
    server.upstream = wrangler(server.root) if name == "wrangler" else None


def build_and_serve(
    root: Path, handler=HostHandler, compressed_copies: bool = False
) -> tuple[ThreadingHTTPServer, str]:
    """Build the site into root/guide/ for its server's own address (its `_headers` at root, where hosts
    read it), and serve root on 127.0.0.1. Tests skip the gzip and brotli copies (no test reads them); the
    benchmark asks for them."""
    server, base_url = serve(root, handler)
    build_site(root / SUB_PATH, base_url, compressed_copies)
    move_headers_file(root)
    return server, base_url
