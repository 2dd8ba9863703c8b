"""The site's controls in Chromium: the search dialog's name, the colour toggle and links by keyboard, focus
rings. (Every page and every calculator state under every axe rule, with no console error and no request to
another origin, is tests/browser/test_accessibility_axe.py.)"""

import re

import pytest
from playwright.sync_api import expect
from site_server import PROJECT

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected as an inline script, which the pages' own policy rightly blocks;
    # tests/browser/test_security.py checks the policy itself.
    return {**browser_context_args, "bypass_csp": True}


def serious_violations(page):
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "axe.run().then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' '))})))"
    )
    return [violation for violation in found if violation["impact"] in SERIOUS]


def test_the_search_dialog_has_a_name_and_the_light_dark_toggle_works_by_keyboard(page, base_url, watch):
    page.goto(base_url)
    expect(page.locator(".md-search")).to_have_attribute("aria-label", "Search this guide")
    toggle = page.locator("form[data-md-component=palette] label:visible").first
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", re.compile(f"^{scheme}$"))
    assert serious_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_changing_the_colour_scheme_keeps_the_reader_where_they_were(page, base_url, watch, width):
    # Tapping the toggle hands the focus to its other option, in the sticky header: the page must not
    # jump (it moved 700 px up, answer and all, while the header's items took the page's scroll padding).
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(base_url + "glossary/")
    page.evaluate("window.scrollTo(0, 1500)")
    for _ in range(2):
        scheme = page.evaluate("document.body.dataset.mdColorScheme")
        page.locator("form[data-md-component=palette] label:visible").first.click()
        expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", re.compile(f"^{scheme}$"))
        assert page.evaluate("scrollY") == 1500


def test_hovered_and_focused_links_keep_enough_contrast(page, base_url, watch):
    page.goto(base_url + "why-you-got-it/")
    link = page.locator("article p a").first
    link.hover()
    link.focus()
    assert serious_violations(page) == []


# The colour toggle's focus is on a hidden radio button: its label, just after it, is what shows.
FOCUS_RING = """() => {
  const active = document.activeElement;
  const shown = active.matches(".md-option") ? active.nextElementSibling : active;
  const style = getComputedStyle(shown);
  return { element: shown.outerHTML.slice(0, 80), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
}"""


def tab_to(page, selector, presses=40):
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return page.evaluate(FOCUS_RING)
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("width", [375, 1280])
def test_the_colour_toggle_and_the_search_box_show_where_the_keyboard_is(page, base_url, width):
    # Material draws no ring on its header controls (issue 15, point 6); WCAG 2.4.7 asks for one.
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(base_url)
    search = ".md-search__input"
    for selector in ["form[data-md-component=palette] input", search]:
        page.goto(base_url)
        ring = tab_to(page, selector)
        assert ring["outline"] != "none" and ring["width"] >= 2, ring


def test_the_404_page_has_a_main_landmark_and_no_serious_accessibility_problem(page, base_url):
    page.goto(base_url + "no-such-page/")
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert serious_violations(page) == []
