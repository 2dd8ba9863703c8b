"""`make bench`: how fast the catch-up calculator is ready and answers, in headless Chromium.

Five runs, each in a fresh browser context (empty cache), against the built site
served on 127.0.0.1. Prints the median and range of each figure; asserts nothing.
Bytes are counted by the server as it sends each response body (no compression).
"""

import functools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from conftest import CHROMIUM, CHROMIUM_FLAGS, PROJECT, SUB_PATH, QuietHandler  # noqa: E402

RUNS = 5


class CountingHandler(QuietHandler):
    sent_bytes = 0

    def copyfile(self, source, outputfile):
        start = source.tell()
        super().copyfile(source, outputfile)
        CountingHandler.sent_bytes += source.tell() - start


def serve_built_site(root: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=str(root)))
    base_url = f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(root / SUB_PATH)],
        cwd=PROJECT,
        env={**os.environ, "SITE_URL": base_url, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base_url


def one_run(browser, page_url: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    CountingHandler.sent_bytes = 0
    page.goto(page_url)
    # Fill and send at once: the answer comes as soon as the runtime can give it.
    page.fill("#past_due-monthly_payment", "250")
    page.fill("#past_due-missed_payments", "2")
    page.click("button[type=submit]")
    page.wait_for_selector(".calc-answer", timeout=120_000)
    # User Timing marks the page sets, in milliseconds since navigation start.
    ready = page.evaluate("performance.getEntriesByName('calculator-ready')[0].startTime")
    first_result = page.evaluate("performance.getEntriesByName('calculator-answered')[0].startTime")
    page.wait_for_load_state("networkidle")
    sent = CountingHandler.sent_bytes
    warm = []
    for missed in range(3, 8):
        page.evaluate("performance.clearMarks()")
        page.fill("#past_due-missed_payments", str(missed))
        page.click("button[type=submit]")
        page.wait_for_function(f"document.querySelector('.calc-answer')?.textContent.includes('{missed} missed')")
        warm.append(page.evaluate("performance.measure('m', 'calculator-asked', 'calculator-answered').duration"))
    context.close()
    return {"ready": ready, "first_result": first_result, "warm": statistics.median(warm), "bytes": sent}


def line(label: str, values: list[float], unit: str, scale: float = 1.0, digits: int = 0) -> str:
    scaled = [value / scale for value in values]
    return (
        f"{label:<44} median {statistics.median(scaled):>9.{digits}f} {unit}"
        f"   range {min(scaled):.{digits}f}–{max(scaled):.{digits}f} {unit}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        server, base_url = serve_built_site(Path(folder))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            runs = [one_run(browser, base_url + "catch-up-amount/") for _ in range(RUNS)]
            browser.close()
        server.shutdown()
    print(f"Catch-up calculator page, {RUNS} runs, headless Chromium, empty cache, loopback, no compression")
    print(line("navigation → calculator ready", [run["ready"] for run in runs], "ms"))
    print(line("navigation → first result", [run["first_result"] for run in runs], "ms"))
    print(line("warm calculation, in page (median of 5)", [run["warm"] for run in runs], "ms", digits=1))
    print(line("bytes transferred for the page", [run["bytes"] for run in runs], "MB", scale=1_000_000, digits=2))


if __name__ == "__main__":
    main()
