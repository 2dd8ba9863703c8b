"""Waiting on the service worker: until the guide works offline, with the calculators' files kept."""

import time
import warnings

from playwright.sync_api import expect
from site_server import READY_TIMEOUT

from calculators.words import words

KEEP_CALCULATOR_FILES = """() => new Promise((resolve) => {
  navigator.serviceWorker.addEventListener("message", (event) => event.data?.type === "calculators-cached" && resolve(true));
  navigator.serviceWorker.controller.postMessage({ type: "cache-calculators" });
})"""


def keep_calculator_files(page):
    assert page.evaluate(KEEP_CALCULATOR_FILES)


def visit_until_offline_ready(page, url):
    page.goto(url)
    said = words(page.evaluate("document.documentElement.lang"))  # the page's own language
    expect(page.locator(".offline-status")).to_have_text(said("page.offline.ready"), timeout=READY_TIMEOUT)
    keep_calculator_files(page)


ONLY_CACHE = """async (version) => {
  const sites = (await caches.keys()).filter((name) => name.startsWith("cp523-site-"));
  const registration = await navigator.serviceWorker.getRegistration();
  return sites.length === 1 && sites[0] === `cp523-site-${version}` && Boolean(registration?.active) &&
    !registration.installing && !registration.waiting && Boolean(navigator.serviceWorker.controller);
}"""


STATE = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return { caches: await caches.keys(), active: Boolean(registration?.active), installing: Boolean(registration?.installing),
    waiting: Boolean(registration?.waiting), controlled: Boolean(navigator.serviceWorker.controller) };
}"""


# A new build's worker takes over once the last one is idle. Chromium keeps a service worker awake
# while a page it served still reads a response from it, so a page that stays open can hold the last
# build's worker for up to five minutes (its bound). Seen once in CI (2026-12-02), and in most full runs
# since the tests' browser got faster (2026-12-03), cause not yet found: once the new worker has waited
# this long, installed, the reader leaves the page and comes back, as closing a tab would, and a warning
# in pytest's summary says so. (Counted from when it was first seen waiting: it takes over at once when
# nothing holds it.)
OPEN_PAGE_WAIT_S = 5

WAITING = """async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)"""


def wait_for_only_cache(page, version):
    """Until the service worker of build `version` is the one in charge, its cache the only one.
    (Polled with evaluate: wait_for_function does not wait for a promise.)"""
    deadline, left, waiting_since = time.monotonic() + READY_TIMEOUT / 1000, False, None
    while not page.evaluate(ONLY_CACHE, version):
        assert time.monotonic() < deadline, f"build {version}'s service worker never took over: {page.evaluate(STATE)}"
        waiting_since = (waiting_since or time.monotonic()) if page.evaluate(WAITING) else None
        if not left and waiting_since and time.monotonic() > waiting_since + OPEN_PAGE_WAIT_S:
            warnings.warn(
                f"build {version}'s service worker waited {OPEN_PAGE_WAIT_S} s behind an open page: left it",
                stacklevel=2,
            )
            url, left = page.url, True
            page.goto("about:blank")
            page.goto(url)
        time.sleep(0.2)
