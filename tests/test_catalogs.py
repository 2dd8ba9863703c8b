"""The catalogs are complete (calculators/catalogs/<language>/): every key the code reads exists, every
key a catalog holds is read, and every language has English's keys, with the same placeholders and plural
forms. A new language's catalog is checked the same way, by adding it to `LANGUAGES`.

What is read is collected two ways:
- by running everything that words something, in every language, and noting the keys `Words` looked up:
  every golden case and every bad-input probe (tests/answer_snapshots.py), every golden case again under a
  clock past all our data (what a reader with a newer figure out is told), every form and reference table,
  the sources page, the figures quoted on every page with their footnotes, and the page templates;
- by reading the code for the keys it names as they are: `words("…")` and the like in templates, hooks and
  calculators, `strings.…` in the page scripts (page.toml, through the generated strings file), and the
  format entries `Words` reads itself. A key built at run time is seen only by running it.
A key that no run reached but that the code builds from a code (`f"last_day_to_act.holidays.{code}"`: the
holidays no golden case falls on) passes, with a warning that lists it: its words are in no snapshot yet.
"""

import datetime as dt
import json
import re
import string
import warnings
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import pytest
from answer_snapshots import load_cases, snapshots

from calculators.registry import CALCULATORS
from calculators.web import run
from calculators.words import LANGUAGES, words

PROJECT = Path(__file__).resolve().parent.parent
ENGLISH = LANGUAGES[0]
PAST_THE_DATA = dt.date(2100, 1, 1)  # every figure is then the latest we have, and said to be

KEY = r"[a-z_]+(?:\.[\w-]+)+"  # fees.summary.waived, dates.key_dates.appeal-by.title
CALL = r"(?:\b(?:words|_words|said|Phrase|Problem|FieldError)|\))(?:\.entry)?\(\s*"
# A key named as it is, in a call that looks it up (`.has` only asks, so it does not count).
LOOKED_UP = re.compile(CALL + rf"""["']({KEY})["']""")
# A key built in the call from a code: f"dates.headline.{code}".
BUILT = re.compile(CALL + r"""f["']([a-z_]+\.[\w.{}-]*\{[^"']*)["']""")
# An entry Words or a hook reads directly, without looking it up: `entries["format.money"]`.
READ_DIRECTLY = re.compile(rf"""entries\[\s*["']({KEY})["']\s*\]""")
# Any text that may be a key, such as the values of a table of keys (a hook's GRADE_CAVEATS).
QUOTED = re.compile(rf"""["']({KEY})["']""")
# The page scripts read page.toml as `strings.status.loading` (not `./strings.mjs`).
PAGE_KEY = re.compile(r"(?<![\w./-])strings((?:\.[A-Za-z_]\w*)+)")
PAGE_FORMAT = re.compile(r"\bcatalog\.format\.(\w+)")


def _files(*patterns: str) -> list[Path]:
    return sorted(path for pattern in patterns for path in PROJECT.glob(pattern))


@cache
def built_in_code() -> tuple[re.Pattern, ...]:
    """The keys the code builds from codes, as patterns: f"dates.headline.{code}" matches dates.headline.<a code>."""
    found = {key for path in _files("hooks/*.py", "calculators/**/*.py") for key in BUILT.findall(path.read_text())}
    return tuple(
        re.compile(
            "".join(r"[\w-]*" if part.startswith("{") else re.escape(part) for part in re.split(r"(\{[^}]*\})", key))
        )
        for key in found
    )


@cache
def named_in_code() -> tuple[frozenset[str], frozenset[str]]:
    """(keys the code looks up by their whole name, which must exist; texts that may be keys, counted as used)."""
    looked_up, maybe = set(), set()
    for path in _files("overrides/**/*.html", "hooks/*.py", "calculators/**/*.py"):
        text = path.read_text(encoding="utf-8")
        looked_up |= set(LOOKED_UP.findall(text)) | set(READ_DIRECTLY.findall(text))
        maybe |= set(QUOTED.findall(text))
    for path in _files("docs/js/*.mjs"):
        text = path.read_text(encoding="utf-8")
        found = {key.removesuffix(".length") for key in PAGE_KEY.findall(text) if key != ".mjs"}
        looked_up |= {"page" + key for key in found}
        looked_up |= {f"format.{name}" for name in PAGE_FORMAT.findall(text)}
    return frozenset(looked_up), frozenset(maybe)


def _hooks(language: str):
    """The build's hooks, set up for a site in `language`."""
    from hooks import accessibility, markers, provenance

    config = SimpleNamespace(
        config_file_path=str(PROJECT / "mkdocs.yml"),
        theme={"language": language},
        site_url="/",
        extra={"language_roots": {each: "" if each == ENGLISH else f"{each}/" for each in LANGUAGES}},
    )
    markers.on_config(config)
    accessibility.on_config(config)
    return config, markers, accessibility, provenance


def _render_page_templates(config, provenance) -> None:
    """overrides/main.html and 404.html, on a stand-in for the theme's base.html."""
    from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader

    loader = ChoiceLoader(
        [FileSystemLoader(PROJECT / "overrides"), DictLoader({"base.html": "{% block content %}{% endblock %}"})]
    )
    env = provenance.on_env(Environment(loader=loader), config, None)
    seen = {"site_url": "/", "extra": config.extra, "theme": config.theme}
    for quotes_figures in (True, False):
        meta = {"reviewed": "2026-11-28", "sources": ["irc_6159"], "quotes_figures": quotes_figures}
        env.get_template("main.html").render(page=SimpleNamespace(meta=meta, url="about/"), config=seen, base_url="..")
    env.get_template("404.html").render(page=SimpleNamespace(meta={}, url=""), config=seen, base_url=".")


@cache
def looked_up_when_run(language: str) -> frozenset[str]:
    """Every key `Words` looked up once everything that words something has run in `language` (with
    whatever other tests looked up before: the code read those too)."""
    snapshots(language)
    for case in load_cases():
        run(case.calculator, case.typed_in(language), PAST_THE_DATA, language)
    config, markers, accessibility, provenance = _hooks(language)
    for name, calculator in CALCULATORS.items():
        markers.render_form(name)
        if calculator.reference_table:
            markers.render_table(name)
    markers.render_sources()
    for page in _files("docs/**/*.md"):
        where = SimpleNamespace(file=SimpleNamespace(src_uri=page.name), meta={})
        markers.on_page_markdown(page.read_text(encoding="utf-8"), where)
    accessibility.name_search_dialog(accessibility.SEARCH_DIALOG)
    _render_page_templates(config, provenance)
    return frozenset(words(language).used)


def _placeholders(entry) -> set[str]:
    """The arguments an entry takes (`{earliest.month}` takes `earliest`); a plural's, less `count`."""
    if isinstance(entry, dict):
        return set().union(*map(_placeholders, entry.values())) - {"count"}
    if not isinstance(entry, str):
        return set()
    return {re.split(r"[.\[]", field)[0] for _, field, _, _ in string.Formatter().parse(entry) if field}


@pytest.mark.slow  # runs everything that words something
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_the_code_reads_exists(language):
    catalog = words(language).entries
    looked_up, _ = named_in_code()
    assert sorted(looked_up - set(catalog)) == []
    # Keys built at run time: a missing one raises MissingWords while running.
    assert looked_up_when_run(language) <= set(catalog)


def test_the_strings_file_holds_the_formats_the_page_scripts_read():
    from hooks.site_words import PAGE_FORMATS

    scripts = {name for path in _files("docs/js/*.mjs") for name in PAGE_FORMAT.findall(path.read_text())}
    assert scripts == set(PAGE_FORMATS)


@pytest.mark.slow  # the same run
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_in_a_catalog_is_read(language):
    looked_up, maybe = named_in_code()
    unread = set(words(language).entries) - (looked_up | maybe | looked_up_when_run(language))
    built = {key for key in unread if any(pattern.fullmatch(key) for pattern in built_in_code())}
    assert sorted(unread - built) == []
    if built:
        warnings.warn(
            f"{language}: no golden case or probe words these, built from codes: {sorted(built)}", stacklevel=1
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_englishs_keys_placeholders_and_plural_forms(language):
    english, other = words(ENGLISH).entries, words(language).entries
    assert sorted(set(english) - set(other)) == [], "missing"
    assert sorted(set(other) - set(english)) == [], "not in English"
    for key, entry in english.items():
        translated = other[key]
        assert type(translated) is type(entry), key
        if isinstance(entry, dict):
            assert set(translated) == set(entry), f"{key}: plural forms"
        if isinstance(entry, list) and all(isinstance(item, str) for item in entry):
            assert len(translated) == len(entry), key  # month names
        if key == "format.date":  # a language writes the month as a number or by its name
            assert {"day", "year"} <= _placeholders(translated) <= {"day", "month", "month_name", "year"}
        else:
            assert _placeholders(translated) == _placeholders(entry), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_script_entries_take_plain_names_only(language):
    # The page fills them (js/strings.mjs: fill), which knows `{name}` and nothing of Python's formats.
    for key, entry in words(language).entries.items():
        if not key.startswith("page."):
            continue
        for text in entry.values() if isinstance(entry, dict) else [entry]:
            for _, field, spec, conversion in string.Formatter().parse(text):
                assert field is None or (re.fullmatch(r"\w+", field) and not spec and not conversion), key


def _flat(prefix: str, table: dict) -> dict:
    """A nested table as catalog keys, the way calculators/words.py reads a file (a plural stays whole)."""
    flat = {}
    for name, value in table.items():
        if isinstance(value, dict) and not (set(value) <= {"one", "other"} and "other" in value):
            flat |= _flat(f"{prefix}{name}.", value)
        else:
            flat[prefix + name] = value
    return flat


def test_the_strings_file_holds_page_toml_as_it_is():
    from hooks.site_words import strings_module

    for language in LANGUAGES:
        page = json.loads(re.search(r"export const page = (.*?);\n", strings_module(language), re.S)[1])
        catalog = words(language).entries
        assert _flat("page.", page) == {key: value for key, value in catalog.items() if key.startswith("page.")}


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_no_entry_of_another_language_is_left_in_english(language):
    # Three words or more outside the placeholders: "TTY/TDD {number}" may rightly stay as it is.
    def worded(entry):
        return len(re.findall(r"[A-Za-z]{2,}", re.sub(r"\{[^}]*\}", "", entry))) >= 3

    english, other = words(ENGLISH).entries, words(language).entries
    assert [
        key for key, entry in english.items() if isinstance(entry, str) and worded(entry) and other[key] == entry
    ] == []
