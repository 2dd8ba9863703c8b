"""Waiting on the service worker: until the guide works offline, with the calculators' files kept."""

import time

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


# A new build's worker takes over once the last one has stopped. Chromium asks the last one to stop once,
# when the new one has installed; a request from the page or its workers that reaches it while it stops
# starts it again, and the ask is forgotten: it then runs on with nothing in flight (measured 2026-12-03).
# A reader's browser stops a worker left idle for 30 s; the tests' never does, as Playwright's DevTools is
# attached to every service worker. Leaving the page, as closing a tab would, makes Chromium ask again:
# after 5 s of waiting, counted from when the new worker is first seen waiting, and again if need be.
OPEN_PAGE_WAIT_S = 5

WAITING = """async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)"""


def wait_for_only_cache(page, version):
    """Until the service worker of build `version` is the one in charge, its cache the only one.
    (Polled with evaluate: wait_for_function does not wait for a promise.)"""
    deadline, waiting_since = time.monotonic() + READY_TIMEOUT / 1000, None
    while not page.evaluate(ONLY_CACHE, version):
        assert time.monotonic() < deadline, f"build {version}'s service worker never took over: {page.evaluate(STATE)}"
        waiting_since = (waiting_since or time.monotonic()) if page.evaluate(WAITING) else None
        if waiting_since and time.monotonic() > waiting_since + OPEN_PAGE_WAIT_S:
            url, waiting_since = page.url, None
            page.goto("about:blank")
            page.goto(url)
        time.sleep(0.2)
