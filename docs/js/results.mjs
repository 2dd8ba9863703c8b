// Lay out an answer document from Python (calculators/answer.py). Every text and figure arrives
// worded and formatted: this file knows no calculator and formats nothing. Everything is built
// from text nodes, so nothing the reader typed or the calculator returned is parsed as HTML.
import strings, { tips } from "./strings.mjs";

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

// The glossary's terms, longest first, as whole words: the first time each appears in an answer it
// carries its meaning as a tip, as on the pages (Material's abbreviations).
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const TERMS = Object.keys(tips).sort((a, b) => b.length - a.length);
const TERM = TERMS.length ? new RegExp(`\\b(${TERMS.map(escapeRegExp).join("|")})\\b`) : null;

function withTips(text, seen) {
  const parts = [];
  let rest = text;
  for (let found = TERM && rest.match(TERM); found; found = rest.match(TERM)) {
    const term = found[1];
    const before = rest.slice(0, found.index + (seen.has(term) ? term.length : 0));
    if (seen.has(term)) {
      parts.push(before);
    } else {
      seen.add(term);
      parts.push(before, element("abbr", { title: tips[term], tabindex: "0" }, term)); // access.mjs shows the tip
    }
    rest = rest.slice(found.index + term.length);
  }
  parts.push(rest);
  return parts;
}

// A link; a phone number (tel:) never breaks across lines.
const link = (value) => element("a", value.href.startsWith("tel:") ? { href: value.href, class: "tel" } : { href: value.href }, value.text);
const cell = (value) => (typeof value === "string" ? value : link(value));

function steps(block, context) {
  return element(
    "ul",
    { class: "calc-steps" },
    ...block.items.map((step) => element("li", {}, ...withTips(step.text, context.seen), ...(step.link ? [" ", link(step.link)] : []))),
  );
}

function figures(block) {
  const rows = block.rows.map(([label, value], index) =>
    element(
      "tr",
      block.total_last && index === block.rows.length - 1 ? { class: "calc-total" } : {},
      element("th", { scope: "row" }, label),
      element("td", {}, value),
    ),
  );
  return element("table", { class: "calc-working" }, element("caption", {}, block.caption), element("tbody", {}, ...rows));
}

// Very large amounts on a very narrow screen scroll inside their own region (focusable, so a
// keyboard can scroll it) instead of pushing the page sideways.
function table(block) {
  const rows = block.rows.map(([first, ...rest]) =>
    element("tr", {}, element("th", { scope: "row" }, cell(first)), ...rest.map((value) => element("td", {}, cell(value)))),
  );
  const data = element(
    "table",
    { class: `calc-data${block.style ? ` ${block.style}` : ""}` },
    element("caption", {}, block.caption),
    element("thead", {}, element("tr", {}, ...block.headings.map((text) => element("th", { scope: "col" }, text)))),
    element("tbody", {}, ...rows),
  );
  const wrap = element("div", { class: "calc-table-wrap", role: "region", "aria-label": block.caption, tabindex: "0" }, data);
  return block.folded ? element("details", { class: "calc-fold" }, element("summary", {}, block.caption), wrap) : wrap;
}

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
}

// Heights come in thousandths of the top line, so this only places points; the table that
// follows the chart carries the same figures in words. The chart is drawn in CSS pixels at the width
// its box has, so its labels keep their size on a phone, and drawn again when that width changes.
function chart(block) {
  const drawing = svg("svg", { "aria-hidden": "true", focusable: "false" });
  const legend = block.lines.flatMap((line) => [element("span", { class: `legend legend-${line.style}` }, line.name), " "]);
  const figure = element(
    "figure",
    { class: "calc-chart" },
    drawing,
    element("figcaption", {}, ...legend.slice(0, -1), element("span", { class: "visually-hidden" }, strings.chart_same_figures)),
  );
  let drawnAt = 0;
  new ResizeObserver(([seen]) => {
    const width = Math.round(seen.contentRect.width);
    if (!width || width === drawnAt) return;
    drawnAt = width;
    draw(drawing, block, width);
  }).observe(figure);
  draw(drawing, block, 640); // until the page lays it out
  return figure;
}

const LETTER = 10; // px: about the width of a label's letter or figure (guide.css sets them at 0.75rem)

function draw(drawing, block, width) {
  const height = Math.round(Math.min(300, Math.max(200, width * 0.55)));
  const left = 12 + LETTER * Math.max(...block.ticks.map((label) => label.length));
  const [right, top, bottom] = [16, 16, 40];
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const count = block.lines[0].heights.length;
  const x = (index) => left + (index * plotWidth) / Math.max(count - 1, 1);
  const y = (thousandths) => top + plotHeight - (thousandths * plotHeight) / 1000;
  const path = (heights) => heights.map((value, index) => `${index ? "L" : "M"}${x(index)},${y(value)}`).join(" ");
  const grid = block.ticks.map((label, index) => {
    const level = y((index * 1000) / (block.ticks.length - 1));
    return svg(
      "g",
      { class: "chart-grid" },
      svg("line", { x1: left, x2: width - right, y1: level, y2: level }),
      svg("text", { x: left - 8, y: level + 4, "text-anchor": "end" }, label),
    );
  });
  // The first date sits under the plot's left edge, or at the chart's own edge when the two dates would run into each other.
  const firstAt = (block.first_label.length + block.last_label.length) * LETTER + 16 > plotWidth ? 0 : left;
  drawing.setAttribute("viewBox", `0 0 ${width} ${height}`);
  drawing.replaceChildren(
    ...grid,
    ...block.lines.map((line) => svg("path", { class: `chart-${line.style}`, d: path(line.heights) })),
    svg("text", { x: firstAt, y: height - 12 }, block.first_label),
    svg("text", { x: width - right, y: height - 12, "text-anchor": "end" }, block.last_label),
  );
}

// Each habit with a box to tick, its status and its next step. A habit already in place starts ticked;
// a habit the reader ticks says "Done", so a ticked box never sits beside "To do", on screen or on paper.
function checklist(block, { ticked, onTick }) {
  const items = block.items.map((item) => {
    const id = `checklist-${item.id}`;
    const box = element("input", { type: "checkbox", id, class: "checklist-box" });
    box.checked = item.status === "in_place" || ticked[item.id] === "done";
    const status = element("span", { class: "checklist-status" });
    const row = element(
      "li",
      { class: "checklist-item" },
      box,
      element(
        "label",
        { for: id },
        element("span", { class: "checklist-mark", "aria-hidden": "true" }),
        element("span", { class: "checklist-title" }, item.title),
        " ",
        status,
      ),
      element("p", { class: "checklist-action" }, item.action),
    );
    const show = () => {
      const done = box.checked && item.status !== "in_place";
      row.dataset.status = done ? "done" : item.status;
      status.textContent = `(${done ? block.done_text : item.status_text})`;
    };
    box.addEventListener("change", () => {
      show();
      onTick(item.id, box.checked);
    });
    show();
    return row;
  });
  return element("ul", { class: "checklist" }, ...items);
}

function actions(block) {
  const print = element("button", { type: "button", class: "md-button md-button--primary" }, block.print_label);
  print.addEventListener("click", () => window.print());
  if (!block.calendar_text) return element("p", { class: "checklist-buttons" }, print);
  const calendar = element("button", { type: "button", class: "md-button" }, block.calendar_label);
  calendar.addEventListener("click", () => {
    // The file is made in the browser from the calculator's answer: nothing is uploaded.
    const url = URL.createObjectURL(new Blob([block.calendar_text], { type: "text/calendar" }));
    const link = element("a", { href: url, download: block.calendar_file });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return element("p", { class: "checklist-buttons" }, print, " ", calendar);
}

// The way to act, first: a full-width button to call, the hours, the other lines, and the online route.
function act(block) {
  const parts = [];
  if (block.online)
    parts.push(
      element(
        "p",
        { class: "calc-act-online" },
        block.online_text,
        " ",
        element("a", { href: block.online.href, class: "md-button" }, block.online.text),
      ),
    );
  parts.push(
    element("a", { href: block.call.href, class: "md-button md-button--primary calc-call" }, block.call.text),
    element("p", { class: "calc-act-hours" }, block.hours),
    element("p", { class: "calc-act-lines" }, block.other_lines_text, ...block.other_lines.flatMap((line) => [" ", link(line)])),
  );
  return element("div", { class: "calc-act" }, ...parts);
}

// A box to write in on paper (notes during a call); on screen, only where else the notes can go.
const writeIn = (block) =>
  element(
    "div",
    { class: "calc-write-in" },
    element("p", { class: "calc-write-in-label" }, block.label),
    element("p", { class: "no-print" }, block.hint),
    element("div", { class: "calc-write-in-box", "aria-hidden": "true" }),
  );

const BLOCKS = {
  act,
  write_in: writeIn,
  heading: (block) => element("h3", {}, block.text),
  paragraph: (block, context) => element("p", block.screen_only ? { class: "no-print" } : {}, ...withTips(block.text, context.seen)),
  notes: (block, context) =>
    element("ul", { class: "calc-notes" }, ...block.items.map((text) => element("li", {}, ...withTips(text, context.seen)))),
  steps,
  figures,
  table,
  chart,
  checklist,
  actions,
};

// `context`: the ticks a remembered checklist keeps, and what to do when one changes.
export function renderAnswer(answer, context = { ticked: {}, onTick: () => {} }) {
  const inAnswer = { ...context, seen: new Set() }; // a term's tip once per answer
  return [element("p", { class: "calc-answer" }, answer.headline), ...answer.blocks.map((block) => BLOCKS[block.kind](block, inAnswer))];
}
