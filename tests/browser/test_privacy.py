"""Nothing a reader types leaves the page by any path: not with JavaScript off, not before the page
script has bound the form (here, a script that never arrives)."""

import pytest
from calculator_pages import PAGES as CALCULATOR_PAGES
from calculator_pages import first_text_field

pytestmark = pytest.mark.makes_snapshots  # as readers' browsers do (browser/conftest.py)

PAGES = {path: first_text_field(name) for name, path in CALCULATOR_PAGES.items()}
TYPED = "987654"


def try_to_send(page, base_url, path, field):
    sent = []
    page.on("request", lambda request: sent.append(request.url + " " + (request.post_data or "")))
    page.goto(base_url + path)
    fold = page.locator("details", has=page.locator(field))
    if fold.count():  # a calculator whose first questions are all choices: its first box is folded
        fold.locator("summary").click()
    page.locator(field).fill(TYPED)
    page.locator(field).press("Enter")
    page.locator(".calc-submit").first.click()
    page.wait_for_timeout(300)  # long enough for a form submission to start a request
    assert TYPED not in page.url
    assert not [request for request in sent if TYPED in request], sent


@pytest.mark.parametrize("path", list(PAGES))
def test_with_javascript_off_nothing_typed_is_sent(browser, base_url, path):
    context = browser.new_context(java_script_enabled=False)
    try_to_send(context.new_page(), base_url, path, PAGES[path])
    context.close()


@pytest.mark.parametrize("path", list(PAGES))
def test_before_the_page_script_runs_nothing_typed_is_sent(browser, base_url, path):
    context = browser.new_context()
    page = context.new_page()
    page.route("**/js/calculators.mjs", lambda route: route.abort())
    try_to_send(page, base_url, path, PAGES[path])
    context.close()
