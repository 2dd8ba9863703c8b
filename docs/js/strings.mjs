// The page scripts' words, in the page's language (its <html lang>): js/strings-<language>.mjs, which the
// build writes from calculators/catalogs/<language>/page.toml (hooks/site_words.py). Static imports, so the
// browser fetches them alongside the other modules, not one round trip later; both languages' pages share
// these scripts. No script here holds words of its own.
import * as english from "./strings-en.mjs";
import * as spanish from "./strings-es.mjs";

const catalog = document.documentElement.lang === "es" ? spanish : english;

export default catalog.page;

// The glossary's tips (term → meaning), the same the pages show.
export const tips = catalog.tips;

// An entry with its {placeholders} filled in; a plural entry ({one, other}) is chosen by `count`.
export function fill(entry, values = {}) {
  const text = typeof entry === "string" ? entry : catalog.format.plural_one.includes(values.count) ? entry.one : entry.other;
  return text.replace(/\{\{|\}\}|\{(\w+)\}/g, (match, name) => (name ? String(values[name]) : match[0]));
}

// A day written the language's way (format.toml's date): 11/28/2026, 28 de noviembre de 2026.
export const date = (year, month, day) =>
  fill(catalog.format.date, { year, month, day, month_name: catalog.format.month_names[Number(month) - 1] });
