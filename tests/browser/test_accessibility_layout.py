"""Every page reflows at 320 px, and keeps all its text there under WCAG's text spacing too (1.4.10, 1.4.12); the
smaller items of issue 25 (accessibility point 6): the blank checklist fits 320 px; any box that scrolls
sideways can be focused and has a name; the chart uses its width, its labels 12 px or more on a phone;
"Your dates" once in the menu and no id twice; no menu title drawn over a link; footnote back-links
named; radio circles round and full size; the print and calendar buttons apart."""

import pytest
from accessibility_checks import DESKTOP, PHONE, TABLET, forget_answers, reader, report
from calculator_pages import page_paths
from playwright.sync_api import expect
from test_act_first import FIRST_ANSWERS, ask

NARROWEST = {"width": 320, "height": 640}
# WCAG 1.4.12's values: line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p, li, dd { margin-bottom: 2em !important; }"""

# What does not fit: elements past the right edge (unless inside a box that scrolls on its own), the page
# scrolling sideways, and text cut off by a box too small for it.
DOES_NOT_FIT = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const name = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
  const scrollsSideways = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1;
  const inScroller = (el) => { for (let up = el.parentElement; up; up = up.parentElement) if (scrollsSideways(up)) return true; return false; };
  for (const el of document.querySelectorAll(".md-main *")) {
    if (!el.getClientRects().length || el.closest(".visually-hidden")) continue;
    if (el.getBoundingClientRect().right > width + 1 && !inScroller(el)) found.push(`${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
    const style = getComputedStyle(el);
    const cuts = (axis) => ["hidden", "clip"].includes(style[`overflow${axis}`]);
    const text = [...el.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
    if (text && ((cuts("X") && el.scrollWidth > el.clientWidth + 1) || (cuts("Y") && el.scrollHeight > el.clientHeight + 1)))
      found.push(`${name(el)} cuts its text "${el.textContent.trim().slice(0, 30)}"`);
  }
  if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
  return found.slice(0, 8);
}"""

# Boxes that scroll sideways: each must take the keyboard (to scroll it) and say what it holds.
UNREACHABLE_SCROLLERS = """() => [...document.querySelectorAll(".md-main *")]
  .filter((el) => el.getClientRects().length && ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
  .filter((el) => el.tabIndex < 0 || !(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.querySelector("figcaption, caption")))
  .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${el.scrollWidth} px in ${el.clientWidth})`)"""

# On every page: ids once, "Your dates" once in the menu, footnote back-links named, radio circles round.
PAGE_FAULTS = """() => {
  const found = [];
  const ids = {};
  for (const el of document.querySelectorAll("[id]")) ids[el.id] = (ids[el.id] ?? 0) + 1;
  found.push(...Object.entries(ids).filter(([, count]) => count > 1).map(([id, count]) => `id ${id} ${count} times`));
  const dates = [...document.querySelectorAll(".md-nav--primary a.md-nav__link")].filter((a) => a.textContent.trim() === "Your dates");
  if (dates.length !== 1) found.push(`"Your dates" ${dates.length} times in the menu`);
  for (const back of document.querySelectorAll("a.footnote-backref"))
    if (!/[a-z]/i.test(back.getAttribute("aria-label") ?? back.textContent)) found.push(`footnote back-link named "${back.textContent}"`);
  for (const radio of document.querySelectorAll(".calc-radio input")) {
    const box = radio.getBoundingClientRect();
    if (box.width && (Math.abs(box.width - box.height) > 0.5 || box.width < 18))
      found.push(`radio ${radio.id} ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def tab(browser, base_url):
    with reader(browser, base_url) as page:
        yield page


def test_every_page_reflows_at_320_px_and_keeps_its_text_with_wcag_text_spacing(tab, base_url, site, capsys):
    tab.set_viewport_size(NARROWEST)
    found = []
    for path in page_paths(site):
        tab.goto(base_url + path)
        tab.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        found += [f"/{path}: {fault}" for fault in tab.evaluate(PAGE_FAULTS)]
        for spacing in ("", " with text spacing"):
            if spacing:
                tab.add_style_tag(content=TEXT_SPACING)
            found += [f"/{path}{spacing}: {problem}" for problem in tab.evaluate(DOES_NOT_FIT)]
            found += [
                f"/{path}{spacing}: cannot be reached to scroll: {box}" for box in tab.evaluate(UNREACHABLE_SCROLLERS)
            ]
    tab.set_viewport_size(PHONE)
    with capsys.disabled():
        print(f"\n320 px: {len(found)} problems")
    assert not found, report(found)


def test_the_blank_checklist_fits_320_px(tab, base_url):
    tab.set_viewport_size(NARROWEST)
    tab.goto(base_url + "checklist/")
    table = tab.locator(".checklist-blank table")
    right = table.evaluate("(table) => table.getBoundingClientRect().right")
    tab.set_viewport_size(PHONE)
    assert right <= NARROWEST["width"], f"the blank checklist is {right:.0f} px wide"


# Menu links a title is drawn over, wholly or in part: on a page far down the menu (the sources page),
# whose menu is scrolled to it, and with WCAG's text spacing.
UNDER_A_TITLE = """() => {
  const shown = (el) => el.getClientRects().length && el.checkVisibility({visibilityProperty: true});
  const titles = [...document.querySelectorAll(".md-sidebar .md-nav__title")].filter(shown);
  return [...document.querySelectorAll(".md-sidebar .md-nav__link")].filter(shown).filter((link) => {
    const box = link.getBoundingClientRect();
    return titles.some((title) => {
      const over = title.getBoundingClientRect();
      const sameScroll = title.closest(".md-sidebar__scrollwrap") === link.closest(".md-sidebar__scrollwrap");
      return sameScroll && !title.contains(link) && box.top < over.bottom - 1 && box.bottom > over.top + 1
        && box.left < over.right && box.right > over.left
        && document.elementFromPoint(box.left + 4, Math.max(box.top, over.top) + 1)?.closest(".md-nav__title") === title;
    });
  }).map((link) => link.textContent.trim());
}"""


@pytest.mark.parametrize("size", [PHONE, TABLET, DESKTOP], ids=["375px", "1024px", "1280px"])
def test_no_menu_title_covers_a_link(tab, base_url, size):
    tab.set_viewport_size(size)
    covered = {}
    for spacing in (False, True):
        tab.goto(base_url + "sources/")
        if spacing:
            tab.add_style_tag(content=TEXT_SPACING)
        if size["width"] < 1220:
            tab.evaluate("document.getElementById('__drawer').click()")
            tab.wait_for_timeout(400)
        covered["with text spacing" if spacing else "as it is"] = tab.evaluate(UNDER_A_TITLE)
    tab.set_viewport_size(PHONE)
    assert not any(covered.values()), f"links under a title: {covered}"


CHART = """() => {
  const svg = document.querySelector(".calc-chart svg");
  const body = svg.closest(".calc-result-body"), style = getComputedStyle(body);
  const room = {width: body.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)};
  const texts = [...svg.querySelectorAll("text")];
  const sizes = texts.map((text) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a);
  const [first, last] = texts.slice(-2).map((text) => text.getBoundingClientRect());  // the dates under the plot
  return {width: svg.getBoundingClientRect().width, room: room.width, smallest: Math.min(...sizes), gap: last.left - first.right};
}"""


def test_the_chart_uses_the_phone_s_width_with_labels_of_12_px_or_more(tab, base_url):
    tab.set_viewport_size(PHONE)
    forget_answers(tab)
    calculator = ask(tab, base_url, "past_due", FIRST_ANSWERS["past_due"])
    calculator.locator("summary", has_text="What would you owe if your plan ends?").click()
    tab.locator("#past_due-tax_owed").fill("5000")
    calculator.get_by_role("button", name="Work out what I would owe").click()
    expect(calculator.locator(".calc-chart")).to_be_visible()
    chart = tab.evaluate(CHART)
    assert chart["smallest"] >= 12, f"labels of {chart['smallest']:.1f} px"
    assert chart["width"] >= 0.9 * chart["room"], f"{chart['width']:.0f} px wide in {chart['room']:.0f} px"
    assert chart["gap"] > 0, f"the first and last dates overlap by {-chart['gap']:.0f} px"


def test_the_print_and_calendar_buttons_do_not_touch(tab, base_url):
    tab.set_viewport_size(PHONE)
    forget_answers(tab)
    calculator = ask(tab, base_url, "checklist", FIRST_ANSWERS["checklist"])
    apart = {}
    for size in (PHONE, NARROWEST):
        tab.set_viewport_size(size)
        one = calculator.get_by_role("button", name="Print this checklist").bounding_box()
        two = calculator.get_by_role("button", name="Add reminders to my calendar").bounding_box()
        apart[size["width"]] = max(two["x"] - (one["x"] + one["width"]), two["y"] - (one["y"] + one["height"]))
    tab.set_viewport_size(PHONE)
    assert min(apart.values()) >= 8, f"px between the buttons, by screen width: {apart}"
