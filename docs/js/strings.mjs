// The page scripts' words, in the site's language: js/strings-<language>.mjs, which the build writes from
// calculators/catalogs/<language>/page.toml (hooks/site_words.py), and it names the site's language
// below. A static import, so the browser fetches it alongside the other modules, not one round trip later.
// No script here holds words of its own.
import * as catalog from "./strings-en.mjs";

export default catalog.page;

// The glossary's tips (term → meaning), the same the pages show.
export const tips = catalog.tips;

// An entry with its {placeholders} filled in; a plural entry ({one, other}) is chosen by `count`.
export function fill(entry, values = {}) {
  const text = typeof entry === "string" ? entry : catalog.format.plural_one.includes(values.count) ? entry.one : entry.other;
  return text.replace(/\{\{|\}\}|\{(\w+)\}/g, (match, name) => (name ? String(values[name]) : match[0]));
}

// A day written the language's way (format.toml's date): 11/28/2026.
export const date = (year, month, day) => fill(catalog.format.date, { year, month, day });
