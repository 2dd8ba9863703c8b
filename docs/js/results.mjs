// Turn a calculator's JSON result into page elements. Everything is built from
// text nodes: nothing the reader typed or the calculator returned is parsed as HTML.

// "1234.50" → "$1,234.50". Money stays a string: no floating point on this side.
export function dollars(text) {
  const negative = text.startsWith("-");
  const [whole, cents] = text.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}$${grouped}.${cents}`;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

// A two-column table: what each figure is, and the figure.
function workingTable(caption, rows) {
  const body = rows.map(([label, value, total]) =>
    element("tr", total ? { class: "calc-total" } : {}, element("th", { scope: "row" }, label), element("td", {}, value)),
  );
  return element("table", { class: "calc-working" }, element("caption", {}, caption), element("tbody", {}, ...body));
}

const RENDERERS = {
  past_due: (result) => [
    element("p", { class: "calc-answer" }, result.summary),
    workingTable("How this was worked out", [
      ["Missed payments", dollars(result.cure_parts.missed_installments)],
      ["New tax balance", dollars(result.cure_parts.new_balance_due)],
      ["Amount to pay", dollars(result.amount_to_cure), true],
    ]),
  ],
};

export function renderResult(name, result) {
  const render = RENDERERS[name] ?? ((r) => [element("p", { class: "calc-answer" }, r.summary)]);
  return render(result);
}
