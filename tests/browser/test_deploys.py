"""A returning reader after a deploy (issue 15, point 1): build A is visited until it works offline,
then build B, which words one calculator sentence differently, is copied over it. From the first
reload on, every answer is B's; offline afterwards, pages and answers are both B's. Tried under the
three ways hosts commonly send caching headers, the build's own `_headers` both as the Python imitation
applies it and as Cloudflare Pages' own runtime (`wrangler pages dev`) does."""

import functools
import json
import os
import re
import shutil
import threading
import time

import pytest
from playwright.sync_api import expect
from service_worker import keep_calculator_files, visit_until_offline_ready, wait_for_only_cache
from site_server import (
    HOSTS,
    PROJECT,
    READY_TIMEOUT,
    SUB_PATH,
    HostHandler,
    QuietHandler,
    build_info,
    build_site,
    move_headers_file,
    use_host,
)

pytestmark = pytest.mark.makes_snapshots  # as readers' browsers do (browser/conftest.py)

SENTENCE_A = "To keep your payment plan, pay $200.00"  # 2 missed payments of $100.00
SENTENCE_B = "To keep your plan going, pay $200.00"
WORDING = "calculators/catalogs/en/past_due.toml"  # the catalog that holds SENTENCE_A's words
# The same on the Spanish pages (/es/, built by the same build): each language's sentence, A and B.
SPANISH_A = "Para mantener su plan de pagos, pague $200.00"
SPANISH_B = "Para que su plan siga, pague $200.00"
SPANISH_WORDING = "calculators/catalogs/es/past_due.toml"
MONTH = 30 * 24 * 3600


class DeployHost(HostHandler):
    """One server for every set-up, so each build is made once, for its address. The set-ups: the
    HOSTS, which send the build's _headers ("wrangler": every request relayed to Cloudflare's runtime);
    "last-modified" is Python's own server (as nginx and S3 are by default: Last-Modified, no
    Cache-Control); "ten-minutes" lets browsers keep every file for ten minutes, as GitHub Pages does."""

    set_up = "imitation"
    worker_held = threading.Event()  # cleared: the calculator's worker script waits for it
    worker_held.set()

    def send_head(self):
        if self.path.endswith("calculator-worker.mjs"):
            self.worker_held.wait(READY_TIMEOUT / 1000)
        return super().send_head()

    def end_headers(self):
        if self.set_up in HOSTS:
            return super().end_headers()
        if self.set_up == "ten-minutes":
            self.send_header("Cache-Control", "max-age=600")
        QuietHandler.end_headers(self)


@pytest.fixture(scope="module")
def builds(tmp_path_factory, site_server):
    """(address, served folder, build A, build B, server): the same sources but for one sentence. The
    session's server and build (A) are borrowed, so only B is built for this file; the server serves this
    file's folder, as a DeployHost, until the file's last test, and is then given back as it was."""
    base_url, site, server = site_server
    root = tmp_path_factory.mktemp("deploy")
    shutil.copytree(site, root / "a")
    shutil.copy2(site.parent / "_headers", root / "a" / "_headers")  # where a build leaves it
    source_b = root / "source-b"
    shutil.copytree(
        PROJECT, source_b, ignore=shutil.ignore_patterns(".*", "node_modules", "site", "tests", "__pycache__")
    )
    (source_b / "node_modules").symlink_to(PROJECT / "node_modules")
    wording = source_b / WORDING
    wording.write_text(wording.read_text().replace("To keep your payment plan, pay", "To keep your plan going, pay"))
    spanish = source_b / SPANISH_WORDING
    spanish.write_text(
        spanish.read_text().replace("Para mantener su plan de pagos, pague", "Para que su plan siga, pague")
    )
    build_site(root / "b", base_url, compressed_copies=False, project=source_b)
    lent = server.root, server.RequestHandlerClass, server.upstream
    (root / "web").mkdir()
    server.root, server.RequestHandlerClass = root / "web", functools.partial(DeployHost, directory=str(root / "web"))
    yield base_url, root / "web" / SUB_PATH, root / "a", root / "b", server
    server.root, server.RequestHandlerClass, server.upstream = lent


def copy_build(build, served, age=0, same_time_as=None):
    """Copy a build over the served folder (its `_headers` to the host's root), its files dated `age`
    seconds ago (a host sends that as Last-Modified, and a browser may keep such a file for a tenth of its
    age), or exactly as the file `same_time_as` was."""
    then = same_time_as.stat().st_mtime if same_time_as else time.time() - age
    shutil.copytree(build, served, dirs_exist_ok=True)
    move_headers_file(served.parent)
    if age or same_time_as:
        for path in served.rglob("*"):
            os.utime(path, (then, then))


def manifest_version(build):
    return json.loads(re.search(r"self.BUILD = (\{.*\});", (build / "sw-manifest.js").read_text(), re.S)[1])["version"]


def build_id(build):
    return build_info(build)["build"]


def answer(page):
    """The catch-up calculator's answer, on the page in either language (its fields found by their ids)."""
    calculator = page.locator('[data-calculator="past_due"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.fill("#past_due-notice_date", "11/20/2026")  # asked first: the answer names 12/20/2026
    page.fill("#past_due-monthly_payment", "100")
    page.fill("#past_due-missed_payments", "2")
    calculator.locator(".calc-submit").first.click()
    return calculator.locator(".calc-answer")


class Deploy:
    """Build A served and visited until it works offline, with an answer; then B copied over it."""

    def __init__(self, builds, page, wrangler):
        self.base_url, self.served, self.build_a, self.build_b, self.server = builds
        self.page, self.wrangler = page, wrangler

    def visit_a(self, set_up, path="catch-up-amount/", sentence=SENTENCE_A):
        DeployHost.set_up = set_up
        shutil.rmtree(self.served, ignore_errors=True)
        copy_build(self.build_a, self.served, age=MONTH)
        use_host(self.server, set_up, self.wrangler)
        visit_until_offline_ready(self.page, self.base_url + path)
        expect(answer(self.page)).to_contain_text(sentence)
        self.page.reload()  # a second visit, so A's files are in every cache there is
        expect(answer(self.page)).to_contain_text(sentence)

    def copy_b(self):
        copy_build(self.build_b, self.served)


@pytest.fixture
def deploy(builds, page, wrangler):
    deploy = Deploy(builds, page, wrangler)
    yield deploy
    DeployHost.set_up = "imitation"
    DeployHost.worker_held.set()
    use_host(deploy.server, "imitation", wrangler)


def reload_into_b_then_offline(deploy, page, context, sentence_b, language="en"):
    page.reload()
    expect(answer(page)).to_contain_text(sentence_b)

    # Offline afterwards: B's service worker in charge, B's pages and B's answers.
    wait_for_only_cache(page, manifest_version(deploy.build_b))
    keep_calculator_files(page)
    context.set_offline(True)
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("[data-calculator]")).to_have_attribute("data-build", build_id(deploy.build_b))
    expect(answer(page)).to_contain_text(sentence_b)


@pytest.mark.parametrize("set_up", ["last-modified", "ten-minutes", *HOSTS])
def test_from_the_first_reload_after_a_deploy_every_answer_is_the_new_builds(set_up, deploy, page, context):
    deploy.visit_a(set_up)
    deploy.copy_b()
    reload_into_b_then_offline(deploy, page, context, SENTENCE_B)


def test_a_spanish_reader_gets_the_new_builds_answer_from_the_first_reload_and_offline(deploy, page, context):
    # The Spanish pages are the same build's, kept by the same service worker (issue #26).
    deploy.visit_a("imitation", "es/catch-up-amount/", SPANISH_A)
    deploy.copy_b()
    reload_into_b_then_offline(deploy, page, context, SPANISH_B, "es")


# Known problem, open (2026-12-02): run after test_from_the_first_reload…[wrangler] in this module, the
# imitation's case stays "loading" while its reload into B never finishes; run alone (both hosts) or before
# it, it passes. Order-dependent, so not yet known to be the product's: not strict until it is found.
ORDER_DEPENDENT = pytest.mark.xfail(strict=False, reason="fails after the wrangler case of the first test; see comment")


@pytest.mark.parametrize("set_up", [pytest.param(HOSTS[0], marks=ORDER_DEPENDENT), *HOSTS[1:]])
def test_a_tab_left_open_over_a_deploy_reloads_into_the_new_build(set_up, deploy, page):
    deploy.visit_a(set_up)
    page.goto(deploy.base_url)  # the tab keeps A's scripts
    page.evaluate("window.openedBeforeTheDeploy = true")
    deploy.copy_b()
    page.locator("article").get_by_role("link", name="Catch-up amount").click()  # instant navigation: B's page
    expect(page.locator("[data-calculator]")).to_have_attribute("data-build", build_id(deploy.build_b))
    expect(answer(page)).to_contain_text(SENTENCE_B)
    assert page.evaluate("window.openedBeforeTheDeploy") is None, "B's page ran on A's scripts"


@pytest.mark.parametrize("set_up", HOSTS)
def test_a_worker_from_the_new_build_is_never_asked_and_what_was_typed_is_kept(set_up, deploy, page):
    deploy.visit_a(set_up)
    DeployHost.worker_held.clear()  # the deploy lands while A's page waits for its worker
    page.goto(deploy.base_url + "catch-up-amount/")
    page.get_by_label("Notice date").fill("11/20/2026")  # asked first: the answer names 12/20/2026
    page.get_by_label("Monthly payment").fill("100")
    page.get_by_label("Missed payments").fill("2")
    page.get_by_role("button", name="Work it out").click()
    deploy.copy_b()
    DeployHost.worker_held.set()
    # The page reloads once into B, puts the answers back and asks again: B's answer, never A's.
    calculator = page.locator('[data-calculator="past_due"]')
    expect(calculator.locator(".calc-answer")).to_contain_text(SENTENCE_B, timeout=READY_TIMEOUT)
    expect(calculator).to_have_attribute("data-build", build_id(deploy.build_b))
    expect(page.get_by_label("Monthly payment")).to_have_value("100")


@pytest.mark.parametrize("set_up", ["last-modified", "ten-minutes"])
def test_without_a_service_worker_the_first_or_second_reload_after_a_deploy_works(set_up, builds, browser, wrangler):
    """A private window, or site data blocked (#25, resilience 2): no service worker to revalidate the
    page's scripts, which the browser may keep from build A. The reload the page makes itself after
    finding B's form (the second) must bring B's scripts."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    deploy = Deploy(builds, page, wrangler)
    DeployHost.set_up = set_up
    shutil.rmtree(deploy.served, ignore_errors=True)
    copy_build(deploy.build_a, deploy.served, age=MONTH)
    use_host(deploy.server, "imitation", wrangler)
    try:
        page.goto(deploy.base_url + "catch-up-amount/")
        expect(answer(page)).to_contain_text(SENTENCE_A)
        page.reload()
        expect(answer(page)).to_contain_text(SENTENCE_A)
        deploy.copy_b()

        page.reload()
        calculator = page.locator('[data-calculator="past_due"]')
        expect(calculator).to_have_attribute("data-build", build_id(deploy.build_b))
        expect(answer(page)).to_contain_text(SENTENCE_B)
    finally:
        DeployHost.set_up = "imitation"
        context.close()


INSTALLING = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return Boolean(registration?.installing || registration?.waiting);
}"""


@pytest.mark.parametrize("set_up", HOSTS)
def test_a_deploy_copied_file_by_file_never_leaves_the_last_builds_pages_with_the_new_worker(
    set_up, deploy, page, context
):
    """sw.js and its manifest copied before the pages (#25, resilience 1): B's worker checks every file
    it keeps against B's digests, so it does not install over A's pages; once the copy is whole, it does."""
    deploy.visit_a(set_up)
    for name in ("sw.js", "sw-manifest.js"):
        shutil.copy2(deploy.build_b / name, deploy.served / name)

    page.reload()
    expect(answer(page)).to_contain_text(SENTENCE_A)
    deadline = time.monotonic() + READY_TIMEOUT / 1000
    while not page.evaluate(INSTALLING):  # B's worker is found and tries to install...
        assert time.monotonic() < deadline, "B's worker was never found"
        time.sleep(0.1)
    while page.evaluate(INSTALLING):  # ...and gives up
        assert time.monotonic() < deadline, "B's worker neither installed nor gave up"
        time.sleep(0.2)
    wait_for_only_cache(page, manifest_version(deploy.build_a))
    context.set_offline(True)
    page.reload()
    expect(answer(page)).to_contain_text(SENTENCE_A)  # offline: A's pages with A's scripts, still whole

    context.set_offline(False)
    deploy.copy_b()
    page.reload()
    expect(answer(page)).to_contain_text(SENTENCE_B)
    wait_for_only_cache(page, manifest_version(deploy.build_b))
    keep_calculator_files(page)
    context.set_offline(True)
    page.reload()
    expect(answer(page)).to_contain_text(SENTENCE_B)


def test_a_host_that_sends_the_same_last_modified_for_every_deploy_still_moves_readers_on(deploy, page):
    """Every file of B dated as A's was (#25, resilience 3): the host answers "not modified" to the
    browser's every check, sw.js included. The page reads the build on the server past every cache."""
    deploy.visit_a("last-modified")
    copy_build(deploy.build_b, deploy.served, age=MONTH, same_time_as=deploy.served / "index.html")

    page.reload()
    wait_for_only_cache(page, manifest_version(deploy.build_b))
    page.reload()
    expect(answer(page)).to_contain_text(SENTENCE_B)
