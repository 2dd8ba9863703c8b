"""An outage or a Wi-Fi login page after a first visit (issue #25, resilience 4 and 6): the service
worker serves the guide it keeps, as it does offline; offline, a page it does not have gets the
guide's own "not found" page, not the browser's error."""

import pytest
from calculator_pages import in_language
from playwright.sync_api import expect
from service_worker import visit_until_offline_ready
from site_server import READY_TIMEOUT, HostHandler, serve

from calculators.words import words

pytestmark = pytest.mark.makes_snapshots  # as readers' browsers do (browser/conftest.py)

LOGIN_PAGE = b"<!doctype html><title>Free Wi-Fi</title><h1>Log in to use the Wi-Fi</h1>"


class Troubled(HostHandler):
    """The host as it is, until `trouble` says otherwise: "outage" answers 503 to everything, "login"
    answers every address with a Wi-Fi login page."""

    trouble = None

    def send_head(self):
        if Troubled.trouble == "outage":
            self.send_error(503)
            return None
        if Troubled.trouble == "login":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(LOGIN_PAGE)))
            self.end_headers()
            self.wfile.write(LOGIN_PAGE)
            return None
        return super().send_head()


@pytest.fixture
def troubled_host(site):
    server, base_url = serve(site.parent, Troubled)
    yield base_url
    Troubled.trouble = None
    server.shutdown()


@pytest.mark.parametrize("trouble", ["outage", "login"])
def test_after_one_visit_an_outage_or_a_login_page_gets_the_kept_guide(page, troubled_host, trouble):
    visit_until_offline_ready(page, troubled_host + "catch-up-amount/")
    Troubled.trouble = trouble

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Catch-up amount and what you would owe")
    calculator = page.locator('[data-calculator="past_due"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)
    page.goto(troubled_host + "why-you-got-it/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Why you got a CP523")


@pytest.mark.parametrize("language", ["en", "es"])
def test_offline_a_page_the_guide_does_not_have_gets_its_not_found_page(page, context, troubled_host, language):
    # In the language of the address: a Spanish reader's missing page says so in Spanish (issue #26).
    part = in_language("", language)
    visit_until_offline_ready(page, troubled_host + part)
    context.set_offline(True)
    response = page.goto(f"{troubled_host}{part}a-page-removed-in-a-later-build/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(words(language)("site.not_found.title"))
    expect(page.locator("html")).to_have_attribute("lang", language)
