"""Waiting on the service worker: until the guide works offline, with the calculators' files kept."""

import time

from playwright.sync_api import expect
from site_server import READY_TIMEOUT

KEEP_CALCULATOR_FILES = """() => new Promise((resolve) => {
  navigator.serviceWorker.addEventListener("message", (event) => event.data?.type === "calculators-cached" && resolve(true));
  navigator.serviceWorker.controller.postMessage({ type: "cache-calculators" });
})"""


def keep_calculator_files(page):
    assert page.evaluate(KEEP_CALCULATOR_FILES)


def visit_until_offline_ready(page, url):
    page.goto(url)
    expect(page.locator(".offline-status")).to_have_text(
        "This guide now works offline on this device.", timeout=READY_TIMEOUT
    )
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


def wait_for_only_cache(page, version):
    """Until the service worker of build `version` is the one in charge, its cache the only one.
    (Polled with evaluate: wait_for_function does not wait for a promise.)"""
    deadline = time.monotonic() + READY_TIMEOUT / 1000
    while not page.evaluate(ONLY_CACHE, version):
        assert time.monotonic() < deadline, f"build {version}'s service worker never took over: {page.evaluate(STATE)}"
        time.sleep(0.2)
