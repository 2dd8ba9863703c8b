"""Browser tests watch every page: no request may leave the site's origin, and no console error may appear."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from site_server import NO_SNAPSHOTS, READY_TIMEOUT, TEST_DAY, TEST_START_LIMIT


class PageWatch:
    def __init__(self, page, base_url):
        self.origin = urlsplit(base_url)[:2]
        self.requests = []
        self.errors = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def foreign_requests(self):
        return [
            url for url in self.requests if urlsplit(url)[:2] != self.origin and not url.startswith(("data:", "blob:"))
        ]

    def count(self, suffix):
        return sum(1 for url in self.requests if urlsplit(url).path.endswith(suffix))


@pytest.fixture
def page(page):
    """Every page's "today" is the test build's day, at noon: answers do not change with the day the
    tests run. Only `Date` is fixed; timers keep running."""
    page.clock.set_fixed_time(dt.datetime.combine(TEST_DAY, dt.time(12)))
    return page


# A calculator page makes its Python snapshot in idle time (docs/js/runtime.mjs): a second start of the
# runtime, about one CPU-second on this machine, in every page that stays open. The test files about what
# a device keeps and fetches (the service worker, storage, deploys, policies) are marked `makes_snapshots`
# and let it happen, as readers' browsers do; in the others it is turned off: it is not theirs to test,
# and on two cores it slowed every one of them.
@pytest.fixture
def context(context, request):
    if not request.node.get_closest_marker("makes_snapshots"):
        context.add_init_script(NO_SNAPSHOTS)
    context.add_init_script(TEST_START_LIMIT)
    # `make test` runs two test files at once on two cores: a page's load waits as long as a start may.
    context.set_default_navigation_timeout(READY_TIMEOUT)
    return context


@pytest.fixture
def no_snapshot_maker(page):
    """For a test of a `makes_snapshots` file that counts workers or downloads: this page makes no Python
    snapshot (a second worker that downloads the runtime from the browser's cache)."""
    page.add_init_script(NO_SNAPSHOTS)


@pytest.fixture
def watch(page, base_url):
    watcher = PageWatch(page, base_url)
    yield watcher
    assert watcher.foreign_requests() == [], "requests left the site's origin"
    assert watcher.errors == [], "the console showed errors"


@pytest.fixture
def open_calculator(page, base_url):
    """Go to a calculator page and wait until its calculator is ready; returns the calculator."""

    def open_page(path):
        # Not "load": the calculator's own ready state is the wait that matters (a subresource slow under a
        # loaded host's relay once held "load" past the limit: the wrangler case, 2026-12-03).
        page.goto(base_url + path, wait_until="domcontentloaded")
        calculator = page.locator("[data-calculator]").first
        expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
        return calculator

    return open_page


@pytest.fixture
def unfold(page):
    """Open every folded next step of the forms (the questions after the first answer's button)."""
    return lambda: page.evaluate("document.querySelectorAll('details.calc-later').forEach((d) => { d.open = true; })")
