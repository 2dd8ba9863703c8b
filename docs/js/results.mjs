// Turn a calculator's JSON result into page elements. Everything is built from
// text nodes: nothing the reader typed or the calculator returned is parsed as HTML.
// Money arrives as strings ("1234.50") and is only reformatted, never computed on.

// "1234.50" → "$1,234.50".
export function dollars(text) {
  const negative = text.startsWith("-");
  const [whole, cents] = text.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}$${grouped}.${cents}`;
}

// "2026-11-28" → "11/28/2026", the way the notice's readers write dates.
export function usDate(iso) {
  const [year, month, day] = iso.split("-");
  return `${Number(month)}/${Number(day)}/${year}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// "2026-12" → "December 2026".
export function monthName(yearMonth) {
  const [year, month] = yearMonth.split("-");
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

// A table of label → figure rows; the last row may be a total.
function figuresTable(caption, rows, { totalLast = false } = {}) {
  const body = rows.map(([label, value], index) =>
    element(
      "tr",
      totalLast && index === rows.length - 1 ? { class: "calc-total" } : {},
      element("th", { scope: "row" }, label),
      element("td", {}, value),
    ),
  );
  return element("table", { class: "calc-working" }, element("caption", {}, caption), element("tbody", {}, ...body));
}

// A table of figures. Very large amounts on a very narrow screen scroll inside their own
// region (focusable, so a keyboard can scroll it) instead of pushing the page sideways.
function dataTable(caption, headings, rows, className = "calc-data") {
  const table = element(
    "table",
    { class: className },
    element("caption", {}, caption),
    element("thead", {}, element("tr", {}, ...headings.map((text) => element("th", { scope: "col" }, text)))),
    element(
      "tbody",
      {},
      ...rows.map(([first, ...rest]) => element("tr", {}, element("th", { scope: "row" }, first), ...rest.map((cell) => element("td", {}, cell)))),
    ),
  );
  return element("div", { class: "calc-table-wrap", role: "region", "aria-label": caption, tabindex: "0" }, table);
}

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
}

// Line chart of the two paths. Heights come from Python in thousandths of the top line,
// so this only places points; the table below it carries the same figures in words.
function pathsChart(chart) {
  const width = 640;
  const height = 300;
  const left = 90;
  const right = 16;
  const top = 16;
  const bottom = 40;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const x = (index) => left + (index * plotWidth) / Math.max(chart.points.length - 1, 1);
  const y = (thousandths) => top + plotHeight - (thousandths * plotHeight) / 1000;
  const line = (key) => chart.points.map((point, index) => `${index ? "L" : "M"}${x(index)},${y(point[key])}`).join(" ");

  const grid = chart.ticks.map((tick, index) => {
    const level = y((index * 1000) / (chart.ticks.length - 1));
    return svg(
      "g",
      { class: "chart-grid" },
      svg("line", { x1: left, x2: width - right, y1: level, y2: level }),
      svg("text", { x: left - 8, y: level + 4, "text-anchor": "end" }, dollars(tick).replace(/\.00$/, "")),
    );
  });
  const first = chart.points[0].month;
  const last = chart.points[chart.points.length - 1].month;
  return element(
    "figure",
    { class: "calc-chart" },
    svg(
      "svg",
      { viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", focusable: "false" },
      ...grid,
      svg("path", { class: "chart-ended", d: line("if_ended") }),
      svg("path", { class: "chart-kept", d: line("if_kept") }),
      svg("text", { x: left, y: height - 12 }, monthName(first)),
      svg("text", { x: width - right, y: height - 12, "text-anchor": "end" }, monthName(last)),
    ),
    element(
      "figcaption",
      {},
      element("span", { class: "legend legend-ended" }, "If your plan ends"),
      " ",
      element("span", { class: "legend legend-kept" }, "If you keep your plan"),
      element("span", { class: "visually-hidden" }, ". The table below gives the same figures."),
    ),
  );
}

function notesList(notes) {
  return element("ul", { class: "calc-notes" }, ...notes.map((note) => element("li", {}, note)));
}

function pastDue(result) {
  const parts = [
    element("p", { class: "calc-answer" }, result.summary),
    figuresTable(
      "What it takes to catch up",
      [
        ["Missed payments", dollars(result.cure_parts.missed_installments)],
        ["New tax balance", dollars(result.cure_parts.new_balance_due)],
        ["Amount to pay", dollars(result.amount_to_cure)],
      ],
      { totalLast: true },
    ),
  ];
  if (result.payoff) {
    const payoff = result.payoff;
    parts.push(
      payoffTable(`If your plan ends: what you would owe on ${usDate(payoff.as_of)}`, payoff),
      // The reader was not sure whether a notice of intent to levy came before the plan: both figures.
      ...(result.payoff_after_levy_notice
        ? [payoffTable(`If you got a notice of intent to levy before your plan: what you would owe on ${usDate(payoff.as_of)}`, result.payoff_after_levy_notice)]
        : []),
      element("h3", {}, "Month by month: if your plan ends, or if you keep it"),
      pathsChart(result.chart),
      dataTable(
        "Balance at each month after the notice",
        ["Month", "If your plan ends", "If you keep your plan"],
        result.projection.map((row) => [monthName(row.month), dollars(row.if_ended), dollars(row.if_kept)]),
      ),
      element("h3", {}, "Interest rates used"),
      dataTable(
        "IRS interest rates for each quarter of the estimate",
        ["Quarter", "Rate a year", "Days", "Source"],
        result.rates_used.map((rate) => [
          rate.quarter,
          `${rate.rate_percent}%${rate.assumed ? " (assumed: not yet published)" : ""}`,
          String(rate.days),
          element("a", { href: rate.source }, rate.grade === "primary" ? "IRS" : `IRS (our figure: ${rate.grade})`),
        ]),
      ),
    );
  }
  parts.push(element("h3", {}, "Good to know"), notesList(result.notes));
  return parts;
}

function payoffTable(caption, payoff) {
  return figuresTable(
    caption,
    [
      ["Tax", dollars(payoff.tax)],
      ["Penalty", dollars(payoff.penalty)],
      ["Interest", dollars(payoff.interest)],
      ["Total", dollars(payoff.total)],
    ],
    { totalLast: true },
  );
}

function fees(result) {
  const parts = [
    element("p", { class: "calc-answer" }, result.summary),
    element("h3", {}, "Why"),
    element("p", {}, result.why),
    element("h3", {}, "What to do next"),
    notesList(result.next_steps),
  ];
  if (result.notes.length) parts.push(element("h3", {}, "Good to know"), notesList(result.notes));
  return parts;
}

const STATUS_WORDS = { in_place: "In place", to_do: "To do", urgent: "Do this first" };

// The checklist: each habit with a box to tick, its status and its next step; the reader's
// payment dates; buttons to print it and to download calendar reminders.
function checklist(result, { ticked, onTick }) {
  const items = result.items.map((item) => {
    const id = `checklist-${item.id}`;
    const box = element("input", { type: "checkbox", id, class: "checklist-box" });
    box.checked = item.status === "in_place" || ticked[item.id] === "done";
    box.addEventListener("change", () => onTick(item.id, box.checked));
    return element(
      "li",
      { class: "checklist-item", "data-status": item.status },
      box,
      element(
        "label",
        { for: id },
        element("span", { class: "checklist-mark", "aria-hidden": "true" }),
        element("span", { class: "checklist-title" }, item.title),
        " ",
        element("span", { class: "checklist-status" }, `(${STATUS_WORDS[item.status]})`),
      ),
      element("p", { class: "checklist-action" }, item.action),
    );
  });
  const parts = [
    element("p", { class: "calc-answer" }, result.summary),
    element("ul", { class: "checklist" }, ...items),
    dataTable(
      "Your payment dates",
      ["Date", "Amount"],
      result.payment_dates.map((date) => [usDate(date), dollars(result.monthly_payment)]),
      "calc-data checklist-dates",
    ),
  ];
  if (result.estimated_payments) {
    parts.push(
      dataTable(
        result.estimated_payments.caption,
        ["Due date", "Amount"],
        result.estimated_payments.quarterly.map((quarter) => [usDate(quarter.due_date), dollars(quarter.amount)]),
      ),
    );
  }
  parts.push(
    element(
      "p",
      { class: "checklist-contacts" },
      `IRS phone line for individuals: ${result.contacts.phone}. Pay or see your plan online: ${result.contacts.web}. `,
      "The phone number printed on your notice is the best one to call about it.",
    ),
    checklistActions(result),
  );
  return parts;
}

function checklistActions(result) {
  const print = element("button", { type: "button", class: "md-button md-button--primary" }, "Print this checklist");
  print.addEventListener("click", () => window.print());
  const calendar = element("button", { type: "button", class: "md-button" }, "Add reminders to my calendar");
  calendar.addEventListener("click", () => {
    // The file is made in the browser from the calculator's answer: nothing is uploaded.
    const url = URL.createObjectURL(new Blob([result.ics], { type: "text/calendar" }));
    const link = element("a", { href: url, download: "payment-plan-reminders.ics" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return element("p", { class: "checklist-buttons" }, print, " ", calendar);
}

const RENDERERS = { past_due: pastDue, fees, checklist };

export function renderResult(name, result, context = { ticked: {}, onTick: () => {} }) {
  const render = RENDERERS[name] ?? ((r) => [element("p", { class: "calc-answer" }, r.summary)]);
  return render(result, context);
}
