"""Shared test set-up: the built site served on 127.0.0.1 under a sub-path, and Debian's Chromium headless shell."""

import shutil
import sys

import pytest
from site_server import CHROMIUM_FLAGS, HEADLESS_SHELL, HOSTS, PROJECT, SUB_PATH, Wrangler, build_and_serve, use_host

# The build's own hooks (the `hooks` package), so tests use the facts they hold (runtime files, kept
# standard library) instead of writing them again.
sys.path.insert(0, str(PROJECT))

# A test is marked by what it uses, never by its name: `make check` leaves out what needs a built site
# or Pyodide (see the Makefile), and a test that asks for one of these fixtures needs it.
MARKED_BY_FIXTURES = {
    "site": {"site", "site_server", "base_url", "page", "context", "browser"},  # a browser needs the site
    "pyodide": {"pyodide_answers"},  # tests/test_golden.py: every golden case run in Pyodide under Node
}


def pytest_collection_modifyitems(items):
    for item in items:
        for marker, fixtures in MARKED_BY_FIXTURES.items():
            if fixtures & set(getattr(item, "fixturenames", ())):
                item.add_marker(marker)


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    """The site, built once for the session and served at http://127.0.0.1:PORT/guide/."""
    root = tmp_path_factory.mktemp("web")
    server, base_url = build_and_serve(root)
    yield base_url, root / SUB_PATH, server
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(site_server):
    return site_server[0]


@pytest.fixture(scope="session")
def site(site_server):
    """The folder of the built site (read it, never change it: the browser tests serve it). Its `_headers`
    file is at the host's root, `site.parent`, where Cloudflare Pages reads it."""
    return site_server[1]


@pytest.fixture(scope="session")
def wrangler(tmp_path_factory):
    """Cloudflare Pages' own runtime for a served folder (its address), started the first time a test asks
    for that folder and stopped when the session ends."""
    started = {}

    def start(root):
        if root not in started:
            started[root] = Wrangler(root, tmp_path_factory.mktemp("wrangler"))
        return started[root].address

    yield start
    for each in started.values():
        each.stop()


@pytest.fixture(params=HOSTS)
def host(request, site_server, wrangler):
    """Runs the test once under each host, at the same address: the Python imitation of Cloudflare Pages,
    then Cloudflare's own local runtime (`wrangler pages dev`)."""
    server = site_server[2]
    use_host(server, request.param, wrangler)
    yield request.param
    use_host(server, "imitation", wrangler)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(HEADLESS_SHELL):
        pytest.fail(f"Chromium not found at {HEADLESS_SHELL}: `make test` installs Debian's chromium-headless-shell")
    return {**browser_type_launch_args, "executable_path": HEADLESS_SHELL, "args": CHROMIUM_FLAGS + TESTS_ONLY_FLAGS}


# The tests' Chromium compiles WebAssembly with V8's baseline compiler only. By default V8 also compiles
# the runtime's hot functions again with its optimizing compiler, in background threads: 1.7 of the 5.7
# CPU-seconds a calculator's start costs on this 2-core machine, for speed no test measures (the answers
# are the same either way; `make bench` measures speed, with the flags readers' browsers have).
TESTS_ONLY_FLAGS = ["--js-flags=--liftoff-only"]
