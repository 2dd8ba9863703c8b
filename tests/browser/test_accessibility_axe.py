"""axe-core with every rule (best-practice and experimental ones too; not `color-contrast-enhanced`, which is
AAA: the guide's target is WCAG 2.2 AA) finds nothing, in the light and the dark scheme: in every state
of every calculator (its questions all open, its errors, its answer with every fold open) on a 375 px
phone and a 1280 px screen, and on the phone in Spanish; on every page on the phone, in English and in Spanish, and on a few on the wide screen, whose menu and
table of contents are the same on every page. Buttons and links keep their contrast when hovered or
focused; so do the sample notice's numbers, which axe does not see (issue 25, accessibility points 2
and 7)."""

import pytest
from accessibility_checks import (
    COLOURS,
    DESKTOP,
    PHONE,
    SCHEMES,
    axe_violations,
    contrast,
    forget_answers,
    reader,
    report,
    set_scheme,
)
from calculator_pages import PAGES, in_language, page_paths
from playwright.sync_api import expect
from site_server import READY_TIMEOUT
from test_act_first import FIRST_ANSWERS, fill

from calculators.registry import CALCULATORS
from calculators.words import LANGUAGES, words

# A later step's answer where it draws more than the first answer does: the chart (its button's catalog key).
LATER_ANSWERS = {
    "past_due": ({"#past_due-tax_owed": "5000"}, "past_due.groups.estimate.button"),
}
# What a reader hovers or focuses, in the page's text (the theme's own controls keep the theme's colours).
CONTROLS = ["a", "button", "summary"]


@pytest.fixture(scope="module")
def tab(browser, base_url):
    with reader(browser, base_url) as page:
        yield page


# One control of each kind is enough: controls with the same tag and classes, under the same ancestors,
# in the same colours on the same background, are styled alike when hovered (the sources page has 141
# links of a few kinds; each forced state costs a round trip).
MARK_ONE_OF_EACH_KIND = (
    """(selector) => {"""
    + COLOURS
    + """
  const kinds = new Set();
  for (const control of document.querySelectorAll(selector)) {
    const path = [];
    for (let node = control; node && node !== document.body; node = node.parentElement) path.push(`${node.tagName}.${node.className}`);
    const style = getComputedStyle(control);
    const kind = [path.join("<"), style.color, style.backgroundColor, backgroundOf(control).join()].join("|");
    if (!kinds.has(kind)) { kinds.add(kind); control.dataset.oneOfItsKind = ""; }
  }
}"""
)
ONE_OF_EACH_KIND = "[data-one-of-its-kind]"


def hovered_and_focused(page, selector):
    """One control of each kind matching `selector` (marked ONE_OF_EACH_KIND) drawn as if hovered and
    focused (DevTools' forced states), until the returned session is detached. (Not `:focus-visible`:
    axe would take the focus ring, drawn round the control, for the background under its text; the Tab
    walks measure the ring.)"""
    page.evaluate(MARK_ONE_OF_EACH_KIND, selector)
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for node in session.send("DOM.querySelectorAll", {"nodeId": root, "selector": ONE_OF_EACH_KIND})["nodeIds"]:
        session.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": ["hover", "focus"]})
    return session


# What the scheme changes: colours. The dark scheme is checked with these rules; the light with all.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def everything(page, where: str, within: str = "") -> list[str]:
    """axe's findings (in `within`, a selector, else the page): every rule in the light scheme, the
    colour rules in the dark one, then the controls' contrast when hovered and focused in both."""
    set_scheme(page, "default")
    found = [f"{where}, light: {problem}" for problem in axe_violations(page, within or None)]
    set_scheme(page, "slate")
    found += [f"{where}, dark: {problem}" for problem in axe_violations(page, within or None, COLOUR_RULES)]
    controls = ", ".join(f"{within or '.md-typeset'} {control}" for control in CONTROLS)
    if page.locator(controls).count():
        session = hovered_and_focused(page, controls)
        try:
            for scheme, said in [("slate", "dark"), ("default", "light")]:
                set_scheme(page, scheme)
                found += [
                    f"{where}, {said}, hovered and focused: {problem}"
                    for problem in axe_violations(page, ONE_OF_EACH_KIND, ["color-contrast"])
                ]
        finally:
            session.detach()
    set_scheme(page, "default")
    return found


# The Spanish forms are the English ones with other words, longer ones: checked on the phone, where
# longer words wrap; the wide screen's layout is the same in both languages.
SIZES = {"en": (PHONE, DESKTOP), "es": (PHONE,)}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_every_state_of_each_calculator_passes_every_axe_rule_in_both_schemes_and_sizes(tab, base_url, name, language):
    found, said = [], words(language)
    tab.set_viewport_size(PHONE)
    forget_answers(tab)
    tab.goto(base_url + in_language(PAGES[name], language))
    calculator = tab.locator(f'[data-calculator="{name}"]')
    expect(calculator).to_have_attribute("data-state", "ready", timeout=READY_TIMEOUT)

    def at_both_sizes(state):
        for size in SIZES[language]:
            tab.set_viewport_size(size)
            found.extend(everything(tab, f"{state} at {size['width']} px", "[data-calculator]"))
        tab.set_viewport_size(PHONE)

    tab.evaluate("document.querySelectorAll('details.calc-later').forEach((d) => { d.open = true; })")
    at_both_sizes("every question showing")
    if any(field.required for field in CALCULATORS[name].fields):
        calculator.get_by_role("button", name=said("form.work_it_out"), exact=True).click()
        expect(calculator.locator(".calc-error-summary")).to_be_visible()
        at_both_sizes("errors")
    fill(tab, FIRST_ANSWERS[name])
    calculator.get_by_role("button", name=said("form.work_it_out"), exact=True).click()
    expect(calculator.locator(".calc-result")).to_be_visible()
    if name in LATER_ANSWERS:
        answers, button = LATER_ANSWERS[name]
        tab.evaluate("document.querySelectorAll('details.calc-later').forEach((d) => { d.open = true; })")
        fill(tab, answers)
        calculator.get_by_role("button", name=said(button)).click()
        expect(calculator.locator(".calc-chart")).to_be_visible()
    tab.evaluate("document.querySelectorAll('details.calc-fold').forEach((d) => { d.open = true; })")
    at_both_sizes("answer")
    assert not found, report(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_passes_every_axe_rule_in_both_schemes(tab, base_url, site, language):
    tab.set_viewport_size(PHONE)
    found = []
    for path in page_paths(site, language):
        tab.goto(base_url + path)
        found += everything(tab, f"/{path} at 375 px")
    assert not found, report(found)


# On a wide screen the menu and the table of contents sit beside the page, the same on every page.
WIDE_PAGES = ["", "why-you-got-it/", "sources/", "no-such-page/"]


def test_the_wide_layout_passes_every_axe_rule_in_both_schemes(tab, base_url):
    tab.set_viewport_size(DESKTOP)
    found = []
    for path in WIDE_PAGES:
        tab.goto(base_url + path)
        found += everything(tab, f"/{path} at 1280 px")
    tab.set_viewport_size(PHONE)
    assert not found, report(found)


CALLOUTS = """() => [...document.querySelectorAll(".callout")].map((callout) => {
  const text = callout.querySelector("text"), circle = callout.querySelector("circle");
  return [text.textContent, getComputedStyle(text).fill, getComputedStyle(circle).fill];
})"""


def test_the_sample_notice_callout_numbers_contrast_in_both_schemes(tab, base_url):
    # Numbers in SVG, which axe does not measure: each number's colour against its circle's.
    tab.goto(base_url + "reading-your-notice/")
    weak = []
    for scheme in SCHEMES:
        set_scheme(tab, scheme)
        for number, text, circle in tab.evaluate(CALLOUTS):
            ratio = contrast(tab, text, circle)
            if ratio < 4.5:
                weak.append(f"{scheme}: callout {number} {ratio:.2f}:1")
    assert not weak, report(weak)
