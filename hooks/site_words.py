"""The words the build writes outside the calculators' answers, from the same catalogs
(calculators/catalogs/<language>/: `site.toml` for the hooks and templates, `page.toml` for the page
scripts, `figures.toml` for what each figure is). Not a hook itself: the hooks import it.

- `site_words(config)`: the catalog of the site's language (`theme.language` in mkdocs.yml).
- `long_date`, `short_date`: a day written out, the language's way.
- `strings_module(language, tips)`: the text of `js/strings-<language>.mjs`, the page scripts' words,
  written for every language by `write_strings` (docs/js/strings.mjs picks the page's).
- `glossary_tips(language)`: that language's glossary tips (docs/includes/abbreviations.md, or
  docs/<language>/includes/), which answers show too, so a word reads the same on a page and in an answer.
- `docs_folder(language)`: where a language's pages are: docs/ for English, docs/<language>/ for the others.
"""

import datetime as dt
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from calculators.words import LANGUAGES, Words, words

# What the page scripts need from format.toml besides page.toml: dates, and which counts take a plural's `one`.
PAGE_FORMATS = ("date", "month_names", "plural_one")


def site_words(config) -> Words:
    language = config.theme["language"]
    if language not in LANGUAGES:
        raise PluginError(f"mkdocs.yml: theme language {language!r} has no catalog; we have {', '.join(LANGUAGES)}")
    return words(language)


def long_date(day: dt.date, said: Words) -> str:
    """November 28, 2026."""
    month = said.entries["format.month_names"][day.month - 1]
    return said("site.dates.long", month_name=month, day=str(day.day), year=str(day.year))


def short_date(day: dt.date, said: Words) -> str:
    """Nov 28, 2026."""
    month = said.entry("site.dates.month_abbreviations")[day.month - 1]
    return said("site.dates.short", month_abbreviation=month, day=str(day.day), year=str(day.year))


def _nested(said: Words, prefix: str) -> dict:
    """The entries under `prefix`, as the catalog file's tables (a plural stays a {one, other} table)."""
    tree: dict = {}
    for key, value in said.entries.items():
        if key.startswith(prefix):
            *tables, name = key.removeprefix(prefix).split(".")
            branch = tree
            for table in tables:
                branch = branch.setdefault(table, {})
            branch[name] = value
    return tree


def docs_folder(language: str) -> Path:
    docs = Path(__file__).resolve().parent.parent / "docs"
    return docs if language == LANGUAGES[0] else docs / language


def glossary_tips(language: str) -> dict[str, str]:
    """Term → its meaning, from the `*[term]: meaning` lines the pages' tooltips come from."""
    path = docs_folder(language) / "includes" / "abbreviations.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(re.fullmatch(r"\*\[(.+?)\]:\s*(.+)", line).groups() for line in lines if line.startswith("*["))


def strings_module(language: str, tips: dict[str, str] | None = None) -> str:
    """js/strings-<language>.mjs: page.toml as `page`, the formats the scripts need as `format`, and the
    glossary tips as `tips`. Read from the entries, not looked up, so the catalog test counts a page
    entry as used only when a script reads it."""
    said = words(language)
    page = _nested(said, "page.")
    page_format = {name: said.entries[f"format.{name}"] for name in PAGE_FORMATS}
    return (
        f"// Written by hooks/site_words.py at build time from calculators/catalogs/{language}/page.toml.\n"
        f"export const page = {json.dumps(page, ensure_ascii=False, indent=1)};\n"
        f"export const format = {json.dumps(page_format, ensure_ascii=False)};\n"
        f"export const tips = {json.dumps(tips or {}, ensure_ascii=False, indent=1)};\n"
    )


def write_strings(site: Path) -> None:
    """js/strings-<language>.mjs for every language with a catalog, each with its own glossary tips."""
    for language in LANGUAGES:
        text = strings_module(language, glossary_tips(language))
        (site / "js" / f"strings-{language}.mjs").write_text(text, encoding="utf-8")
