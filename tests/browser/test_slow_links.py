"""Slow and broken links (issue #25, resilience 5): a download cut off mid-way fails at once, and a
slow link that keeps delivering is never cut off by the start's time limit, with its progress shown.

The built site is served again here by a host whose link to the runtime's WebAssembly file is slow
or breaks: Chromium's own network emulation does not slow a worker's downloads."""

import time

import pytest
from playwright.sync_api import expect
from site_server import HostHandler, build_info, serve

pytestmark = pytest.mark.makes_snapshots  # as readers' browsers do (browser/conftest.py)

WASM = "pyodide.asm.wasm"


class CutOff(HostHandler):
    """Sends the whole file's length, then half of it, then closes the connection."""

    def copyfile(self, source, outputfile):
        if not self.path.endswith(WASM):
            return super().copyfile(source, outputfile)
        data = source.read()
        outputfile.write(data[: len(data) // 2])
        outputfile.flush()
        self.close_connection = True
        self.connection.shutdown(2)


class Slow(HostHandler):
    """Delivers the WebAssembly file over about SECONDS, in steady chunks: slower than the test's
    start limit (8 s) in all, never stalled for as long (0.3 s a chunk)."""

    SECONDS = 12

    def copyfile(self, source, outputfile):
        if not self.path.endswith(WASM):
            return super().copyfile(source, outputfile)
        data = source.read()
        chunks = 40
        size = -(-len(data) // chunks)
        for start in range(0, len(data), size):
            outputfile.write(data[start : start + size])
            outputfile.flush()
            time.sleep(self.SECONDS / chunks)


@pytest.fixture
def host(site):
    """Serves the built site (its parent folder) with the given handler; no service worker, no cache."""
    servers = []

    def start(handler):
        server, base_url = serve(site.parent, handler)
        servers.append(server)
        return base_url

    yield start
    for server in servers:
        server.shutdown()


def test_a_download_cut_off_mid_way_fails_at_once_not_after_the_time_limit(page, host):
    base_url = host(CutOff)
    started = time.monotonic()
    page.goto(base_url + "fee-check/")
    calculator = page.locator("[data-calculator]")
    expect(calculator).to_have_attribute("data-state", "error", timeout=20_000)  # the limit is 60 s
    assert time.monotonic() - started < 20
    expect(calculator.locator(".calc-status")).to_contain_text(WASM)


def test_a_slow_link_that_keeps_delivering_starts_with_its_progress_shown(page, host, site):
    base_url = host(Slow)
    # Less than the whole download (12 s); more than Python's start after it, on a busy machine.
    page.add_init_script("window.calculatorStartLimitMs = 8000")
    page.goto(base_url + "fee-check/")
    calculator = page.locator("[data-calculator]")
    progress = calculator.locator(".calc-progress")
    expect(progress).to_be_visible(timeout=10_000)
    total_mb = f"{sum(build_info(site)['sizes'].values()) / 1e6:.1f}"
    seen = set()
    while calculator.get_attribute("data-state") == "loading" and progress.is_visible():
        text = progress.inner_text()
        assert f"of {total_mb} MB" in text, text
        seen.add(text)
        time.sleep(0.5)
    assert calculator.get_attribute("data-state") != "error", calculator.locator(".calc-status").inner_text()
    expect(calculator).to_have_attribute("data-state", "ready", timeout=60_000)
    assert len(seen) >= 5, f"the progress line hardly moved: {sorted(seen)}"
    expect(progress).to_be_hidden()
