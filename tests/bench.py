"""`make bench`: what readers get from the calculators, in headless Chromium on loopback.

Each sample is a reader's first, second and third visit to a calculator page, in a persistent
browser profile of its own, with the service worker as shipped: the first visit starts from an
empty profile and pays for installing it; the browser is closed and started again on the same
profile before each later visit, as a reader comes back another day.

In the same run, sample by sample (taking turns at going first, so machine noise hits both), the
same visits to a bare page that starts stock Pyodide from node_modules and imports `decimal`
(`bench-stock/`, beside the site, served by the same server). Every figure that page has too is
printed as a ratio to it: a ratio is what a noisy machine can compare from run to run.

- ready: the page's own `calculator-ready` mark (runtime.mjs), from the start of navigation. A
  first visit stays until the page has stored the snapshot (its `snapshot-stored` mark) that later
  visits start from, as a reader reading the answer would.
- a calculation: from the click (the click event's time) to the first frame painted after the
  answer is in the page (its `calculator-answered` mark, then a frame, then a task after it).
- bytes: response bodies as the server sends them. It serves the build's `.gz` copies to browsers
  that accept gzip, as a compressing host would; Chromium asks for brotli only over HTTPS, so the
  brotli figure adds up the build's `.br` copies of the same responses. The critical path is what
  the page and its worker were sent until ready; the service worker's own downloads (its script,
  its manifest, its precache, asked for with `cache: "reload"`) and whatever comes after ready are
  counted apart.
- slow phone: 1.6 Mbit/s and 150 ms round trips, made by the server (SlowLink), the CPU four times
  slower. Chromium slows only the page's main thread: it refuses to slow a worker ("Operation is
  only supported for pages, not workers"), so Pyodide's start runs at full speed and these figures
  flatter us. A first visit is bound by its transfer (about 30 s), so only every third sample makes
  one, and only on our page: no ratio.

Medians and ranges over BENCH_RUNS samples (7 unless set). Asserts nothing.
"""

import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from site_server import CHROMIUM, CHROMIUM_FLAGS, PROJECT, SUB_PATH, HostHandler, build_and_serve  # noqa: E402

sys.path.insert(0, str(PROJECT))
from hooks.offline import write_compressed_copies  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
SLOW_EVERY = 3  # samples: the slow phone's first visit alone takes about 40 s
CALCULATOR_PAGE = "catch-up-amount/"
GUIDE_PAGE = "why-you-got-it/"
STOCK = "bench-stock"  # at the server's root: outside the site's service worker scope and _headers
STOCK_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
TIMEOUT = 300_000  # ms: the slow phone's first visit and its precache take a while

# Run in every page before its own scripts. It only watches: the click's time, a mark after the
# first frame painted once the page marks an answer, and the service worker's messages.
WATCH = """{
  addEventListener("click", (event) => performance.mark("bench-click", { startTime: event.timeStamp }), true);
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === "calculator-answered")
      requestAnimationFrame(() => {
        const after = new MessageChannel();
        after.port1.onmessage = () => mark("bench-painted");
        after.port2.postMessage(null);
      });
    return entry;
  };
  window.benchServiceWorker = [];
  navigator.serviceWorker?.addEventListener("message", ({ data }) => window.benchServiceWorker.push(data?.type));
}"""

STOCK_PAGE = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Stock Pyodide</title><link rel="icon" href="data:,">
<script type="module" src="page.mjs"></script>
<input id="n" value="2" aria-label="n"> <button id="ask" type="button">Ask</button> <output id="answer"></output>
</html>
"""
STOCK_PAGE_SCRIPT = """const worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => {
  if (data === "ready") return performance.mark("calculator-ready");
  document.querySelector("#answer").textContent = data;
  performance.mark("calculator-answered");
};
document.querySelector("#ask").addEventListener("click", () => worker.postMessage(document.querySelector("#n").value));
"""
STOCK_WORKER = """import { loadPyodide } from "./pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: new URL("pyodide/", import.meta.url).href });
pyodide.runPython("import decimal");
const times = pyodide.runPython("lambda n: str(decimal.Decimal('250.00') * int(n))");
onmessage = ({ data }) => postMessage(times(data));
postMessage("ready");
"""


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


@dataclass
class Sent:
    path: str
    size: int  # bytes of the body as sent
    brotli: int  # bytes of the build's .br copy of the same file
    done: float  # time.time() when the body was sent
    by_service_worker: bool  # the service worker's script, manifest or precache


class CountingHandler(HostHandler):
    """Serves `name.gz` in place of `name` when the browser accepts gzip, and counts body bytes.
    The stock page's runtime gets the same cache rule as the site's own runtime folder."""

    sent: list[Sent] = []
    sending = 0  # bodies being sent now
    lock = threading.Lock()

    def send_head(self):
        self.gzipped = False
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if accepts_gzip and Path(self.plain_file() + ".gz").is_file():
            self.gzipped = True
        return super().send_head()

    def plain_file(self) -> str:
        """The file a request asks for; a page by its folder address ("checklist/") is its index.html."""
        real = super().translate_path(self.path)
        index = os.path.join(real, "index.html")
        return index if urlsplit(self.path).path.endswith("/") and os.path.isfile(index) else real

    def translate_path(self, path):
        real = self.plain_file() if path == self.path else super().translate_path(path)
        return real + ".gz" if getattr(self, "gzipped", False) and not real.endswith(".gz") else real

    def guess_type(self, path):
        return super().guess_type(path.removesuffix(".gz") if getattr(self, "gzipped", False) else path)

    def end_headers(self):
        if getattr(self, "gzipped", False):
            self.send_header("Content-Encoding", "gzip")
        if self.path.startswith(f"/{STOCK}/"):
            immutable = self.path.startswith(f"/{STOCK}/pyodide/")
            self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        super().end_headers()

    def copyfile(self, source, outputfile):
        with CountingHandler.lock:
            CountingHandler.sending += 1
        start = source.tell()
        try:
            if SlowLink.on:
                SlowLink.send(source, outputfile)
            else:
                super().copyfile(source, outputfile)
        finally:
            plain = Path(self.plain_file())
            brotli = plain.with_name(plain.name + ".br")
            by_service_worker = self.path.endswith(("/sw.js", "/sw-manifest.js")) or (
                self.headers.get("Pragma") == "no-cache"  # sw.js precaches with cache: "reload"
            )
            with CountingHandler.lock:
                CountingHandler.sending -= 1
                CountingHandler.sent.append(
                    Sent(
                        self.path,
                        source.tell() - start,
                        (brotli if brotli.is_file() else plain).stat().st_size,
                        time.time(),
                        by_service_worker,
                    )
                )


def wait_until_quiet(seconds=0.5):
    """Until no body has been sent, or is being sent, for `seconds`."""
    while True:
        with CountingHandler.lock:
            last = CountingHandler.sent[-1].done if CountingHandler.sent else 0
            idle = CountingHandler.sending == 0 and time.time() - last >= seconds
        if idle:
            return
        time.sleep(0.05)


def write_stock_page(root: Path) -> None:
    folder = root / STOCK
    (folder / "pyodide").mkdir(parents=True)
    for name in STOCK_FILES:
        shutil.copy2(PROJECT / "node_modules" / "pyodide" / name, folder / "pyodide" / name)
    (folder / "index.html").write_text(STOCK_PAGE)
    (folder / "page.mjs").write_text(STOCK_PAGE_SCRIPT)
    (folder / "worker.mjs").write_text(STOCK_WORKER)
    write_compressed_copies(folder)  # as the build does for its own files


def open_browser(playwright, profile: Path, slow=False):
    context = playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        args=CHROMIUM_FLAGS,
        bypass_csp=True,  # the bench's polling evaluates strings, which the pages' policy forbids
    )
    context.add_init_script(WATCH)
    page = context.pages[0] if context.pages else context.new_page()
    if slow:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return context, page


def wait_for_mark(page, name):
    page.wait_for_function(f"performance.getEntriesByName('{name}').length", polling=20, timeout=TIMEOUT)
    return page.evaluate(f"performance.getEntriesByName('{name}')[0].startTime")


def go_and_wait_ready(page, url) -> tuple[float, float]:
    """(navigation → ready in ms, the time of ready as time.time())."""
    page.goto(url, wait_until="commit", timeout=TIMEOUT)
    ready = wait_for_mark(page, "calculator-ready")
    return ready, (page.evaluate("performance.timeOrigin") + ready) / 1000


def calculation(page, ask) -> float:
    """Click → the answer painted, in ms."""
    page.evaluate("performance.clearMarks('bench-click'); performance.clearMarks('bench-painted')")
    ask()
    painted = wait_for_mark(page, "bench-painted")
    return painted - page.evaluate("performance.getEntriesByName('bench-click')[0].startTime")


def ask_ours(page, missed):
    page.fill("#past_due-notice_date", "11/20/2026")
    page.fill("#past_due-monthly_payment", "250")
    page.fill("#past_due-missed_payments", str(missed))
    page.click("button.calc-submit >> nth=0")


def ask_stock(page, n):
    page.fill("#n", str(n))
    page.click("#ask")


def visits(playwright, url: str, ours: bool, slow=False) -> dict:
    """A reader's visits to `url` in one new profile: the first from empty, then (the browser closed
    and started again each time) the second and third; the slow phone makes only the first two."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        return visits_in(playwright, Path(profile), url, ours, slow)


def visits_in(playwright, profile: Path, url: str, ours: bool, slow: bool) -> dict:
    result = {}
    context, page = open_browser(playwright, profile, slow)
    mark = len(CountingHandler.sent)
    result["first"], ready_at = go_and_wait_ready(page, url)
    if ours:  # the service worker as shipped: installed, then asked to keep the calculators' files
        page.wait_for_function("window.benchServiceWorker.includes('calculators-cached')", timeout=TIMEOUT)
    wait_until_quiet()
    first = CountingHandler.sent[mark:]
    critical = [sent for sent in first if sent.done <= ready_at and not sent.by_service_worker]
    result["critical"] = sum(sent.size for sent in critical)
    result["critical_brotli"] = sum(sent.brotli for sent in critical)
    result["later"] = sum(sent.size for sent in first) - result["critical"]
    result["service_worker_before_ready"] = sum(
        sent.size for sent in first if sent.done <= ready_at and sent.by_service_worker
    )
    if not slow:
        ask = ask_ours if ours else ask_stock
        result["first_calculation"] = calculation(page, lambda: ask(page, 2))
        result["calculation"] = statistics.median(calculation(page, lambda n=n: ask(page, n)) for n in range(3, 8))
    if ours:  # a reader stays a while: long enough for the snapshot their next visit starts from
        wait_for_mark(page, "snapshot-stored")
    if ours and not slow:
        # A second calculator page, reached by instant navigation: no new runtime, no new start.
        page.evaluate("performance.mark('navigate')")
        page.get_by_role("link", name="Fee check").first.click()
        page.wait_for_selector("[data-calculator=fees][data-state=ready]", timeout=TIMEOUT)
        result["instant"] = page.evaluate("performance.now() - performance.getEntriesByName('navigate')[0].startTime")
    context.close()
    for visit in ("second",) if slow else ("second", "third"):
        context, page = open_browser(playwright, profile, slow)
        mark = len(CountingHandler.sent)
        result[visit], _ = go_and_wait_ready(page, url)
        if ours:
            from_snapshot = page.evaluate("performance.getEntriesByName('calculator-ready')[0].detail.fromSnapshot")
            result[f"{visit}_from_snapshot"] = 100 if from_snapshot else 0
        wait_until_quiet()  # what the page does after ready stays part of this visit
        result[f"{visit}_bytes"] = sum(sent.size for sent in CountingHandler.sent[mark:])
        context.close()
    return result


def guide_page(playwright, base_url: str) -> dict:
    """A first visit to a guide page without a calculator, service worker as shipped: no runtime."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context, page = open_browser(playwright, Path(profile))
        mark = len(CountingHandler.sent)
        page.goto(base_url + GUIDE_PAGE)
        page.wait_for_function("window.benchServiceWorker.includes('offline-ready')", timeout=TIMEOUT)
        wait_until_quiet()
        context.close()
    sent = CountingHandler.sent[mark:]
    return {
        "guide_bytes": sum(s.size for s in sent),
        "guide_runtime_bytes": sum(s.size for s in sent if "/pyodide/" in s.path or "/py/" in s.path),
    }


def sample(playwright, base_url: str, stock_url: str, number: int) -> tuple[dict, dict]:
    """One sample: our page and the stock page, taking turns at going first; then, in the first
    sample, the guide page and, every third sample, the slow phone."""
    ours, stock = {}, {}
    for variant in ("ours", "stock") if number % 2 == 0 else ("stock", "ours"):
        if variant == "ours":
            ours.update(visits(playwright, base_url + CALCULATOR_PAGE, ours=True))
        else:
            stock.update(visits(playwright, stock_url, ours=False))
    if number == 0:  # byte counts only: the same every time
        ours.update(guide_page(playwright, base_url))
    if number % SLOW_EVERY:
        return ours, stock
    SlowLink.on = True
    try:
        slow = visits(playwright, base_url + CALCULATOR_PAGE, ours=True, slow=True)
    finally:
        SlowLink.on = False
    ours["slow_first"], ours["slow_second"] = slow["first"], slow["second"]
    ours["slow_transfer"] = slow["critical"] / SlowLink.bytes_per_second * 1000
    ours["slow_beyond_transfer"] = ours["slow_first"] - ours["slow_transfer"]
    ours["slow_service_worker_before_ready"] = slow["service_worker_before_ready"]
    return ours, stock


# figure, key, unit, scale, digits, goal (at most), goal as a ratio to stock Pyodide (at most)
MS, KB, MB = ("ms", 1, 0), ("KB", 1000, 0), ("MB", 1_000_000, 2)
TABLE = [
    ("first visit: navigation → ready", "first", MS, 1000, 0.45),
    ("second visit: navigation → ready", "second", MS, 400, 0.20),
    ("third visit: navigation → ready", "third", MS, None, None),
    ("second visits started from the snapshot", "second_from_snapshot", ("%", 1, 0), None, None),
    ("first calculation: click → painted", "first_calculation", ("ms", 1, 1), None, None),
    ("a calculation once warm: click → painted", "calculation", ("ms", 1, 1), 10, None),
    ("first visit: critical path (gzip, as sent)", "critical", MB, None, None),
    ("first visit: critical path (brotli copies)", "critical_brotli", MB, 4.5e6, None),
    ("first visit: later (service worker, after ready)", "later", MB, None, None),
    ("  of it service worker's, sent before ready", "service_worker_before_ready", MB, None, None),
    ("second visit: bytes sent", "second_bytes", KB, None, None),
    ("third visit: bytes sent", "third_bytes", KB, None, None),
    ("second calculator page, instant navigation → ready", "instant", MS, None, None),
    ("guide page, first visit: runtime bytes", "guide_runtime_bytes", ("B", 1, 0), 0, None),
    ("guide page, first visit: all bytes", "guide_bytes", KB, None, None),
    ("slow phone, first visit: navigation → ready", "slow_first", MS, None, None),
    ("slow phone: critical path's transfer time", "slow_transfer", MS, None, None),
    ("slow phone, first visit: beyond transfer", "slow_beyond_transfer", MS, 1500, None),
    ("  service worker's bytes sent before ready", "slow_service_worker_before_ready", MB, None, None),
    ("slow phone, second visit: navigation → ready", "slow_second", MS, 1000, None),
]


def report(runs: list[tuple[dict, dict]]) -> str:
    def number(value, scale, digits):
        return f"{value / scale:.{digits}f}"

    lines = [
        f"{len(runs)} samples (fewer where a figure says so in brackets), headless Chromium, loopback;"
        " gzip as a compressing host sends it; medians and ranges",
        f"ratio: to a bare page starting stock Pyodide and importing decimal, sample by sample, in this run"
        f" (its first visit: median {statistics.median(stock['first'] for _, stock in runs):.0f} ms)",
        "",
        f"{'figure':<52} {'median':>12} {'range':>19} {'goal':>10} {'ratio':>6} {'goal':>7}  met?",
    ]
    for label, key, (unit, scale, digits), goal, ratio_goal in TABLE:
        values = [ours[key] for ours, _ in runs if key in ours]
        median = statistics.median(values)
        has_ratio = all(stock.get(key) for _, stock in runs)
        ratio = statistics.median(ours[key] / stock[key] for ours, stock in runs) if has_ratio else None
        if len(values) < len(runs):
            label += f" ({len(values)})"
        verdicts = ([median <= goal] if goal is not None else []) + (
            [ratio <= ratio_goal] if ratio_goal is not None else []
        )
        lines.append(
            f"{label:<52} {number(median, scale, digits):>9} {unit:<2}"
            f" {number(min(values), scale, digits) + '–' + number(max(values), scale, digits):>19}"
            f" {'≤ ' + number(goal, scale, digits) if goal is not None else '':>10}"
            f" {f'{ratio:.2f}' if ratio is not None else '—':>6}"
            f" {f'≤ {ratio_goal:.2f}' if ratio_goal is not None else '':>7}"
            f"  {('met' if all(verdicts) else 'MISSED') if verdicts else ''}"
        )
    return "\n".join(lines)


def main():
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        server, base_url = build_and_serve(root, CountingHandler, compressed_copies=True)
        write_stock_page(root)
        stock_url = base_url.removesuffix(f"{SUB_PATH}/") + f"{STOCK}/"
        with sync_playwright() as playwright:
            runs = [sample(playwright, base_url, stock_url, number) for number in range(RUNS)]
        server.shutdown()
    print(report(runs))
    print(f"\n(the build and the bench took {time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
