"""What the accessibility tests measure in Chromium (tests/browser/test_accessibility*.py): axe-core with
every rule, where each Tab stop lands and how its focus ring contrasts, and layout under WCAG's text
spacing. One browser context per test file (`reader`), allowed to add axe-core and a style sheet the
pages' own policy would block."""

import contextlib
import datetime as dt
from urllib.parse import urlsplit

from site_server import NO_SNAPSHOTS, PROJECT, TEST_DAY, TEST_START_LIMIT

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 740}
# Below 1220 px (76.25em) the theme's menu is a drawer; below 960 px its search is a closed overlay too.
TABLET = {"width": 1024, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


class Watch:
    """Console errors, and requests that left the site's origin, while the page was open."""

    def __init__(self, page, base_url):
        self.origin = urlsplit(base_url)[:2]
        self.problems = []
        # (The 404 page's own status is logged as an error: not a problem, it is the page under test.)
        page.on(
            "console",
            lambda message: (
                message.type == "error" and "status of 404" not in message.text and self.problems.append(message.text)
            ),
        )
        page.on("pageerror", lambda error: self.problems.append(str(error)))
        page.on(
            "request",
            lambda request: (
                urlsplit(request.url)[:2] != self.origin
                and not request.url.startswith(("data:", "blob:"))
                and self.problems.append(f"request to {request.url}")
            ),
        )


@contextlib.contextmanager
def reader(browser, base_url, viewport=PHONE):
    """A page in a context of its own for a whole test file, its clock at noon on the test day (as every
    browser test's), making no Python snapshot (browser/conftest.py), holding every page to no console
    error and no request to another origin."""
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    context.clock.set_fixed_time(dt.datetime.combine(TEST_DAY, dt.time(12)))
    context.add_init_script(NO_SNAPSHOTS)
    context.add_init_script(TEST_START_LIMIT)
    page = context.new_page()
    watch = Watch(page, base_url)
    yield page
    context.close()
    assert watch.problems == [], f"console errors or foreign requests: {watch.problems[:5]}"


def forget_answers(page):
    """What the calculators carry between pages (this tab) and keep (the checklist): the next form starts empty."""
    page.evaluate("() => { try { sessionStorage.clear(); localStorage.clear(); } catch {} }")


def report(problems: list[str]) -> str:
    """A failure's message: how many problems, then each on its own line."""
    return f"{len(problems)} problems:\n" + "\n".join(problems)


STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def keep_still(page):
    """Stops the theme's transitions and animations on the page as it is now (until it is left)."""
    if not page.evaluate("() => !!document.getElementById('still')"):
        page.add_style_tag(content=STILL).evaluate("(style) => { style.id = 'still'; }")


def set_scheme(page, scheme: str):
    """The reader's colour scheme: "default" (light) or "slate" (dark), as the toggle sets it, with the
    theme's colour transitions stopped, so what is measured is the colour itself, not one on its way."""
    keep_still(page)
    page.evaluate("(scheme) => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)


# --- axe-core, every rule ------------------------------------------------------------------------

# Every rule but the AAA contrast one: the guide's target is WCAG 2.2 AA.
# axe measures a target partly under the sticky header as too small (2.5.8): from the top of the page, where
# the header covers nothing, so the answer never depends on where a focus move left the page scrolled.
AXE_RUN = """async ([context, only]) => {
  if (!window.axe) return null;
  window.scrollTo({ top: 0, behavior: "instant" });
  const rules = only ?? axe.getRules().map((rule) => rule.ruleId).filter((rule) => rule !== "color-contrast-enhanced");
  const result = await axe.run(context ?? document, {runOnly: {type: "rule", values: rules}, resultTypes: ["violations"]});
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`
    + (v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""));
}"""


def axe_violations(page, context: str | None = None, rules: list[str] | None = None) -> list[str]:
    """What axe-core finds on the page as it is now (in `context`, a selector, else the whole page), with
    every rule it has, experimental and best-practice ones too, or only `rules`."""
    if page.evaluate("() => !window.axe"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN, [context, rules])


# --- colours ------------------------------------------------------------------------------------

COLOURS = """
const parseColour = (text) => {
  const m = /rgba?\\(([^)]+)\\)/.exec(text || "");
  if (!m) return null;
  const [r, g, b, a = 1] = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
  return [r, g, b, a];
};
const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
const luminance = ([r, g, b]) => {
  const [R, G, B] = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
};
const contrast = (one, two) => {
  const [a, b] = [luminance(one), luminance(two)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
};
// The colour painted behind an element: its own background and its ancestors', blended down to the page.
const backgroundOf = (element) => {
  const layers = [];
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    const colour = parseColour(getComputedStyle(node).backgroundColor);
    if (colour && colour[3] > 0) { layers.push(colour); if (colour[3] >= 1) break; }
  }
  let result = parseColour(getComputedStyle(document.body).backgroundColor) || [255, 255, 255, 1];
  if (result[3] < 1) result = over(result, [255, 255, 255]);
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
};
"""


def contrast(page, one: str, two: str) -> float:
    """The contrast ratio of two CSS colours as the browser computes them (`rgb(…)`)."""
    return page.evaluate(
        "([one, two]) => {" + COLOURS + "return contrast(parseColour(one), parseColour(two)); }", [one, two]
    )


# --- where the keyboard is ----------------------------------------------------------------------

# The element that shows the focus: the colour switch is a hidden radio button; its label shows.
# `schemes`: the ring's contrast is measured in each colour scheme, switched for the measure.
FOCUS_STOP = (
    """async ([schemes, settle]) => {"""
    + COLOURS
    + """
  // `settle`: first let what the focus set moving (the search opening, a drawer sliding) come to rest.
  if (settle) await new Promise((done) => setTimeout(done, 600));
  const active = document.activeElement;
  if (!active || active === document.body) return null;
  const shown = active.matches(".md-option") ? active.closest("form").querySelector("label:not([hidden])") : active;
  const box = shown.getBoundingClientRect();
  const width = innerWidth, height = innerHeight;
  const header = document.querySelector(".md-header");
  const headerBottom = header && !header.hidden ? header.getBoundingClientRect().bottom : 0;
  // Fixed or sticky parts of the page (the header, the skip link, the sidebars) sit over the page and
  // are not scrolled under the header; everything else must come to rest below it.
  let pinned = false;
  for (let node = shown; node && node.nodeType === 1; node = node.parentElement) {
    if (["fixed", "sticky"].includes(getComputedStyle(node).position)) { pinned = true; break; }
  }
  const visible = {left: Math.max(box.left, 0), right: Math.min(box.right, width),
                   top: Math.max(box.top, pinned ? 0 : headerBottom), bottom: Math.min(box.bottom, height)};
  const seen = visible.right - visible.left > 0 && visible.bottom - visible.top > 0;
  // What is drawn on top of the part in view, at nine points: the element itself, or something over it
  // (at most of them: an icon inside a search box's edge is not a cover).
  let onTop = null;
  if (seen) {
    const covers = [];
    for (const fx of [0.1, 0.5, 0.9]) for (const fy of [0.2, 0.5, 0.8]) {
      const hit = document.elementFromPoint(visible.left + fx * (visible.right - visible.left), visible.top + fy * (visible.bottom - visible.top));
      const own = hit && (shown.contains(hit) || hit.contains(shown) || (hit.control && hit.control === active));
      if (!own) covers.push(hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join(".")}` : "nothing");
    }
    if (covers.length > 4) onTop = covers[0];
  }
  const ring = () => {
    const style = getComputedStyle(shown);
    const around = backgroundOf(shown.parentElement || shown);
    const inside = backgroundOf(shown);
    const parts = [];
    const outlineWidth = parseFloat(style.outlineWidth);
    if (style.outlineStyle !== "none" && outlineWidth > 0) {
      const colour = parseColour(style.outlineColor);
      const inward = parseFloat(style.outlineOffset) <= -outlineWidth;
      if (colour && colour[3] > 0) parts.push({colour, width: outlineWidth, against: inward ? inside : around});
    }
    for (const shadow of style.boxShadow === "none" ? [] : style.boxShadow.split(/,(?![^(]*\\))/)) {
      const colour = parseColour(shadow);
      const numbers = shadow.replace(/rgba?\\([^)]*\\)/, "").match(/-?[\\d.]+px/g)?.map(parseFloat) ?? [];
      const [x = 0, y = 0, blur = 0, spread = 0] = numbers;
      const width = spread + Math.min(Math.abs(x), Math.abs(y)) - blur / 2;
      if (colour && colour[3] > 0 && width > 0) {
        parts.push({colour, width, against: shadow.includes("inset") ? inside : around});
      }
    }
    // A ring is a part at least 2 px wide; its contrast is that of its best part with what it sits on.
    const wide = parts.filter((part) => part.width >= 2);
    return wide.length ? Math.max(...wide.map((part) => contrast(over(part.colour, part.against), part.against))) : 0;
  };
  // Switching schemes restyles the whole page: a ring is measured once for each kind of element on each
  // background (the style is the same for all of them; the background is what changes).
  const kind = [active.tagName, shown.className, active.type, backgroundOf(shown.parentElement || shown)].join("|");
  window.ringsMeasured ??= new Map();
  if (!window.ringsMeasured.has(kind)) {
    const rings = {};
    const before = document.body.getAttribute("data-md-color-scheme");
    for (const scheme of schemes) {
      document.body.setAttribute("data-md-color-scheme", scheme);
      rings[scheme] = Math.round(ring() * 100) / 100;
    }
    document.body.setAttribute("data-md-color-scheme", before);
    window.ringsMeasured.set(kind, rings);
  }
  const rings = window.ringsMeasured.get(kind);
  active.dataset.walked ??= String(Math.random());
  const name = (shown.getAttribute("aria-label") || shown.textContent || shown.id || shown.tagName).trim().replace(/\\s+/g, " ");
  return {
    what: `${active.tagName.toLowerCase()}${active.id ? "#" + active.id : ""} "${name.slice(0, 40)}"`,
    left: Math.round(box.left), top: Math.round(box.top), right: Math.round(box.right), bottom: Math.round(box.bottom),
    headerBottom: Math.round(headerBottom), room: Math.round(height - headerBottom), pinned, seen, onTop, rings,
    marker: active.dataset.walked,
  };
}"""
)
SCHEMES = ["default", "slate"]


def tab_walk(page, key="Tab", most=150, schemes=SCHEMES, within: str | None = None) -> list[dict]:
    """Press `key` (Tab or Shift+Tab) from where the focus is until it comes back to the first stop it
    reached, or leaves the page (or the element `within`): each stop, where it sits and how its ring
    contrasts. Where each stop comes to rest is what is measured: the theme's transitions (the search
    closing over half a second) are stopped, as a stop measured on its way must be measured again."""
    keep_still(page)
    stops, seen = [], set()
    for _ in range(most):
        page.keyboard.press(key)
        if within and not page.evaluate("(within) => document.activeElement.closest(within) !== null", within):
            if stops:
                break
            continue
        stop = page.evaluate(FOCUS_STOP, [schemes, False])
        if stop and stop_problems(stop):  # measured again once anything the focus set moving has stopped
            stop = page.evaluate(FOCUS_STOP, [schemes, True])
        if stop is None:  # the focus left the page's content
            if stops:
                break
            continue
        if stop["marker"] in seen:
            break
        seen.add(stop["marker"])
        stops.append(stop)
    return stops


def stop_problems(stop: dict, least_contrast: float = 3.0) -> list[str]:
    """What is wrong with one Tab stop: not on the screen, under the header, covered, or a ring that
    does not show (no part 2 px wide with 3:1 against what it sits on) in either colour scheme."""
    problems = []
    fits = stop["bottom"] - stop["top"] <= stop["room"]  # else only part of it can be in view at once
    if not stop["seen"]:
        problems.append(f"off the screen at ({stop['left']}, {stop['top']})–({stop['right']}, {stop['bottom']})")
    elif fits and not stop["pinned"] and stop["top"] < stop["headerBottom"] - 1:
        problems.append(f"top {stop['top']} px under the header (ends at {stop['headerBottom']} px)")
    if stop["onTop"]:
        problems.append(f"covered by {stop['onTop']}")
    for scheme, ring in stop["rings"].items():
        if ring < least_contrast:
            problems.append(f"focus ring {ring}:1 in {scheme}")
    return problems


def walk_report(stops: list[dict]) -> list[str]:
    return [
        f"{index + 1}. {stop['what']}: {'; '.join(problems)}"
        for index, stop in enumerate(stops)
        if (problems := stop_problems(stop))
    ]
