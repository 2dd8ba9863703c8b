"""`make bench`: speed and size figures of the calculators, in headless Chromium on loopback.

Five runs of each figure; prints the median and the range, asserts nothing. The server counts
the bytes of every response body it sends. It serves the build's precompressed `.gz` copies to
browsers that accept gzip, as a compressing static host would. Chromium asks for brotli only
over HTTPS, so brotli bytes are the sizes of the build's `.br` copies of the same responses.
"""

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from site_server import CHROMIUM, CHROMIUM_FLAGS, HostHandler, build_and_serve  # noqa: E402

RUNS = 5
READY = "performance.getEntriesByName('calculator-ready')[0]?.startTime"


class SlowLink:
    """A slow phone's network, made by the server itself: Chromium's network emulation does not
    slow the worker's downloads. Every response waits one round trip, and all bodies share one
    link of the given speed (a lock makes them take turns, chunk by chunk)."""

    on = False
    bytes_per_second = 1_600_000 / 8
    round_trip = 0.150
    chunk = 16_384
    link = threading.Lock()

    @classmethod
    def send(cls, source, outputfile):
        time.sleep(cls.round_trip)
        while data := source.read(cls.chunk):
            with cls.link:
                time.sleep(len(data) / cls.bytes_per_second)
            outputfile.write(data)


class CountingHandler(HostHandler):
    """Serves `name.gz` in place of `name` when the browser accepts gzip, and counts body bytes."""

    sent = []  # (path, bytes sent, bytes as the .br copy)

    def send_head(self):
        self.gzipped = False
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        path = self.translate_path(self.path)
        if accepts_gzip and Path(path + ".gz").is_file():
            self.gzipped = True
        return super().send_head()

    def translate_path(self, path):
        real = super().translate_path(path)
        return real + ".gz" if getattr(self, "gzipped", False) and not real.endswith(".gz") else real

    def guess_type(self, path):
        return super().guess_type(path.removesuffix(".gz") if getattr(self, "gzipped", False) else path)

    def end_headers(self):
        if getattr(self, "gzipped", False):
            self.send_header("Content-Encoding", "gzip")
        super().end_headers()

    def copyfile(self, source, outputfile):
        start = source.tell()
        if SlowLink.on:
            SlowLink.send(source, outputfile)
        else:
            super().copyfile(source, outputfile)
        plain = Path(HostHandler.translate_path(self, self.path))
        brotli = plain.with_name(plain.name + ".br")
        CountingHandler.sent.append(
            (self.path, source.tell() - start, (brotli if brotli.is_file() else plain).stat().st_size)
        )


def bytes_sent(since: int, runtime_only=False, brotli=False) -> int:
    return sum(
        (as_brotli if brotli else size)
        for path, size, as_brotli in CountingHandler.sent[since:]
        if not runtime_only or "/pyodide/" in path or "/py/" in path
    )


def wait_ready(page):
    page.wait_for_selector("[data-calculator][data-state=ready]", timeout=120_000)
    return page.evaluate(READY)


def empty_cache_run(browser, base_url):
    # bypass_csp: the benchmark's own polling evaluates strings, which the pages' policy forbids.
    context = browser.new_context(service_workers="block", bypass_csp=True)
    page = context.new_page()
    mark = len(CountingHandler.sent)
    page.goto(base_url + "catch-up-amount/")
    page.fill("#past_due-monthly_payment", "250")
    page.fill("#past_due-missed_payments", "2")
    page.click("button.calc-submit >> nth=0")
    page.wait_for_selector(".calc-answer", timeout=120_000)
    ready = wait_ready(page)
    first_result = page.evaluate("performance.getEntriesByName('calculator-answered')[0].startTime")
    page.wait_for_load_state("networkidle")
    page_bytes = bytes_sent(mark)
    page_brotli_bytes = bytes_sent(mark, brotli=True)
    warm = []
    for missed in range(3, 8):
        page.evaluate("performance.clearMarks()")
        page.fill("#past_due-missed_payments", str(missed))
        page.click("button.calc-submit >> nth=0")
        page.wait_for_function(f"document.querySelector('.calc-answer')?.textContent.includes('{missed} missed')")
        warm.append(page.evaluate("performance.measure('m', 'calculator-asked', 'calculator-answered').duration"))

    # A second calculator page, reached by instant navigation: no new runtime, no new start.
    mark = len(CountingHandler.sent)
    page.evaluate("performance.mark('navigate')")
    page.get_by_role("link", name="Fee check").first.click()
    page.wait_for_selector("[data-calculator=fees][data-state=ready]", timeout=120_000)
    second_page = page.evaluate("performance.now() - performance.getEntriesByName('navigate')[0].startTime")
    second_runtime_bytes = bytes_sent(mark, runtime_only=True)
    context.close()
    return {
        "ready": ready,
        "first_result": first_result,
        "warm": statistics.median(warm),
        "page_bytes": page_bytes,
        "page_brotli_bytes": page_brotli_bytes,
        "second_page": second_page,
        "second_runtime_bytes": second_runtime_bytes,
    }


def repeat_visit_run(browser, base_url):
    """Second visit in the same browser profile: HTTP cache and service worker in place."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(base_url + "catch-up-amount/")
    wait_ready(page)
    page.wait_for_selector(".offline-status", timeout=120_000)
    page.evaluate("""() => new Promise((resolve) => {
      navigator.serviceWorker.addEventListener("message", (e) => e.data?.type === "calculators-cached" && resolve());
      navigator.serviceWorker.controller.postMessage({ type: "cache-calculators" });
    })""")
    page.goto(base_url)  # leave, then come back as a reader would
    mark = len(CountingHandler.sent)
    page.goto(base_url + "catch-up-amount/")
    ready = wait_ready(page)
    repeat_bytes = bytes_sent(mark)
    context.close()
    return {"repeat_ready": ready, "repeat_bytes": repeat_bytes}


def slow_phone_run(browser, base_url):
    """A slow phone, as issue 14 sets it: 1.6 Mbit/s down and 150 ms round trips (made by the server,
    SlowLink), the CPU four times slower (Chromium's emulation). Navigation → ready on a first and a
    repeat visit, and the time the first visit's bytes alone take on that link."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    SlowLink.on = True
    try:
        mark = len(CountingHandler.sent)
        page.goto(base_url + "catch-up-amount/")
        first = wait_ready(page)
        page.wait_for_load_state("networkidle")
        transfer = bytes_sent(mark) / SlowLink.bytes_per_second * 1000
        page.goto(base_url)
        page.goto(base_url + "catch-up-amount/")
        repeat = wait_ready(page)
    finally:
        SlowLink.on = False
    context.close()
    return {"slow_first": first, "slow_transfer": transfer, "slow_repeat": repeat}


def guide_page_run(browser, base_url):
    context = browser.new_context(service_workers="block", bypass_csp=True)
    page = context.new_page()
    mark = len(CountingHandler.sent)
    page.goto(base_url + "why-you-got-it/")
    page.wait_for_load_state("networkidle")
    result = {"guide_bytes": bytes_sent(mark), "guide_runtime_bytes": bytes_sent(mark, runtime_only=True)}
    context.close()
    return result


def line(label, values, unit, scale=1.0, digits=0, goal=""):
    scaled = [value / scale for value in values]
    return (
        f"{label:<58} median {statistics.median(scaled):>9.{digits}f} {unit:<3}"
        f" range {min(scaled):.{digits}f}–{max(scaled):.{digits}f}" + (f"   goal {goal}" if goal else "")
    )


def main():
    with tempfile.TemporaryDirectory() as folder:
        server, base_url = build_and_serve(Path(folder), CountingHandler, with_brotli=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            runs = [
                {
                    **empty_cache_run(browser, base_url),
                    **repeat_visit_run(browser, base_url),
                    **guide_page_run(browser, base_url),
                    **slow_phone_run(browser, base_url),
                }
                for _ in range(RUNS)
            ]
            browser.close()
        server.shutdown()
    figure = lambda key: [run[key] for run in runs]  # noqa: E731
    print(f"{RUNS} runs, headless Chromium, loopback, gzip as a compressing host serves it")
    print(line("calculator page, navigation → ready, empty cache", figure("ready"), "ms", goal="≤ 1500 ms"))
    print(line("calculator page, navigation → ready, repeat visit", figure("repeat_ready"), "ms", goal="≤ 800 ms"))
    print(line("calculator page, navigation → first result, empty cache", figure("first_result"), "ms"))
    print(line("a calculation once ready, in page (median of 5)", figure("warm"), "ms", digits=1, goal="≤ 10 ms"))
    print(line("second calculator page by instant navigation → ready", figure("second_page"), "ms"))
    print(line("second calculator page: runtime bytes downloaded", figure("second_runtime_bytes"), "B"))
    print(line("guide page without a calculator: runtime bytes", figure("guide_runtime_bytes"), "B", goal="0 B"))
    print(line("guide page without a calculator: total bytes", figure("guide_bytes"), "KB", scale=1000))
    print(line("first calculator page: bytes sent (gzip)", figure("page_bytes"), "MB", scale=1_000_000, digits=2))
    print(
        line(
            "first calculator page: same files as brotli copies",
            figure("page_brotli_bytes"),
            "MB",
            scale=1_000_000,
            digits=2,
            goal="≤ 4.5 MB",
        )
    )
    print(line("calculator page, repeat visit: bytes sent", figure("repeat_bytes"), "KB", scale=1000))
    slack = [first - transfer for first, transfer in zip(figure("slow_first"), figure("slow_transfer"), strict=True)]
    print(line("slow phone: navigation → ready, first visit", figure("slow_first"), "ms"))
    print(line("slow phone: time the first visit's bytes take at 1.6 Mbit/s", figure("slow_transfer"), "ms"))
    print(line("slow phone: first visit beyond its transfer time", slack, "ms", goal="≤ 1500 ms"))
    print(line("slow phone: navigation → ready, repeat visit", figure("slow_repeat"), "ms", goal="≤ 2000 ms"))


if __name__ == "__main__":
    main()
