// What the theme leaves a keyboard, touch or screen reader user without (issue 25).
// - Its menu drawer (below 1220 px) and its search results are off the screen or out of sight while
//   closed: closed, they are `inert`, so they take no Tab stop. Escape closes the drawer.
// - The menu button is a label in the theme, which Tab skips, so below 1220 px (a phone, a laptop at
//   200% zoom) a keyboard could never open the menu. It becomes a real button (the label stays for
//   readers without scripts): it opens the drawer with the focus on its first link, says whether the
//   drawer is open, and takes the focus back when it closes.
// - The search box opens whenever it takes the focus: the theme does so only some of the time, and on a
//   phone the closed box is off the screen.
// - Glossary tips (abbreviations, on pages and in answers) open on hover, focus or touch, stay while the
//   pointer is over them, and close with Escape.
// - Clearing the checklist's answers is said to screen readers.
// Everything is bound once, on the document; Material's instant page changes swap the page, menu
// included, and `document$` tells us to set the new one right.

import strings from "./strings.mjs";

// Material's own breakpoint: below it the menu is a drawer.
const DRAWER_SCREEN = matchMedia("(max-width: 76.234375em)");
const toggle = (name) => document.getElementById(`__${name}`);

const MENU_BUTTON = "button.md-header__button[data-drawer]";

function keepClosedPartsInert() {
  const [menuOpen, searchOpen] = [toggle("drawer")?.checked, toggle("search")?.checked];
  const drawer = document.querySelector(".md-sidebar--primary");
  const closing = DRAWER_SCREEN.matches && !menuOpen;
  // Closed with the focus inside (Escape, a tap beside it): the focus goes back to the menu button.
  if (closing && drawer?.contains(document.activeElement)) document.querySelector(MENU_BUTTON)?.focus();
  drawer?.toggleAttribute("inert", closing);
  document.querySelector(".md-search__output")?.toggleAttribute("inert", !searchOpen);
  document.querySelector(MENU_BUTTON)?.setAttribute("aria-expanded", String(Boolean(menuOpen)));
}

function menuButton() {
  const label = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!label) return;
  const button = Object.assign(document.createElement("button"), { type: "button", className: label.className });
  button.dataset.drawer = "";
  button.setAttribute("aria-label", strings.menu.open);
  button.setAttribute("aria-expanded", "false");
  button.append(...label.childNodes);
  label.replaceWith(button);
}

// The menu button pressed (Enter, Space, a tap): the drawer opens with the focus on its first link, or
// closes. (The click's change event has made the drawer reachable before the focus moves.)
function pressMenuButton() {
  toggle("drawer").click();
  if (toggle("drawer").checked) document.querySelector(".md-sidebar--primary a[href]")?.focus();
}

// --- glossary tips ---------------------------------------------------------------------------------

let tip = null;
let tipFor = null;
const TERM = "abbr[data-tip], abbr[title]";

function tipElement() {
  if (!tip) {
    tip = Object.assign(document.createElement("div"), { className: "tip", id: "glossary-tip", hidden: true });
    tip.setAttribute("role", "tooltip");
    document.body.append(tip);
  }
  return tip;
}

function showTip(term) {
  if (term.title) {
    // Answers' terms carry a title for readers without scripts; here the tip shows instead of the browser's.
    term.dataset.tip = term.title;
    term.removeAttribute("title");
  }
  const shown = tipElement();
  if (tipFor && tipFor !== term) tipFor.removeAttribute("aria-describedby");
  tipFor = term;
  shown.textContent = term.dataset.tip;
  shown.hidden = false;
  term.setAttribute("aria-describedby", shown.id);
  const box = term.getBoundingClientRect();
  const room = document.documentElement.clientWidth;
  shown.style.top = `${box.bottom + scrollY + 6}px`;
  shown.style.left = `${scrollX + Math.max(8, Math.min(box.left, room - shown.offsetWidth - 8))}px`;
}

function hideTip() {
  if (!tipFor) return;
  tip.hidden = true;
  tipFor.removeAttribute("aria-describedby");
  tipFor = null;
}

// --- said to screen readers -------------------------------------------------------------------------

// "Clear my answers": calculators.mjs writes what happened in the status line beside the button; the live
// region next to it says it once (the status line itself changes with every key typed, so it is not live).
function sayCleared(button) {
  const area = button.closest(".calc-remember");
  const said = area?.querySelector(".calc-remember-said");
  if (!said) return;
  said.textContent = "";
  requestAnimationFrame(() => {
    said.textContent = area.querySelector(".calc-remember-status").textContent;
  });
}

// --- bound once -------------------------------------------------------------------------------------

document.addEventListener("change", (event) => {
  if (event.target.matches?.("#__drawer, #__search")) keepClosedPartsInert();
});
document.addEventListener("click", (event) => {
  if (event.target.closest?.(MENU_BUTTON)) pressMenuButton();
  const term = event.target.closest?.(TERM);
  if (term) showTip(term);
  else if (!event.target.closest?.(".tip")) hideTip();
  if (event.target.closest?.(".calc-forget")) sayCleared(event.target.closest(".calc-forget"));
});
document.addEventListener(
  "keydown",
  (event) => {
    if (event.key === "Escape" && tipFor) {
      hideTip();
      event.stopPropagation(); // only the tip closes
      return;
    }
    if (event.key === "Escape" && toggle("drawer")?.checked && DRAWER_SCREEN.matches) {
      toggle("drawer").click();
    }
  },
  true,
);
document.addEventListener("focusin", (event) => {
  const term = event.target.closest?.(TERM);
  if (term) showTip(term);
  if (event.target.matches?.(".md-search__input") && !toggle("search").checked) toggle("search").click();
});
document.addEventListener("focusout", (event) => {
  if (event.target === tipFor && !tip.matches(":hover")) hideTip();
});
document.addEventListener("pointerover", (event) => {
  const term = event.target.closest?.(TERM);
  if (term && event.pointerType === "mouse") showTip(term);
});
document.addEventListener("pointerout", (event) => {
  // The pointer may move from the term onto its tip and back (WCAG 1.4.13): the tip stays.
  const leaving = event.target.closest?.(`${TERM}, .tip`);
  const into = event.relatedTarget?.closest?.(`${TERM}, .tip`);
  if (leaving && !into && event.pointerType === "mouse" && document.activeElement !== tipFor) hideTip();
});
DRAWER_SCREEN.addEventListener("change", keepClosedPartsInert);

function onEachPage() {
  menuButton();
  keepClosedPartsInert();
  hideTip();
}

if (window.document$) window.document$.subscribe(onEachPage);
else onEachPage();
