"""Figures in pages come from calculators/parameters/, never typed by hand.

- Every guide page names, in its front matter, a `description`, the date it was last
  `reviewed` and the official `sources` it relies on (ids from sources.toml); the theme
  lists them at the end of the page. A page without them stops the build.

- `[[figure:notice.days_to_respond]]` in a page's Markdown becomes the value in force on
  the build date, written for people ("30 days", "0.25% a month").
The sources page itself is rendered by calculator_forms.py, with the other templates.
"""

import datetime as dt
import re

from mkdocs.exceptions import PluginError

from calculators import parameters

FIGURE = re.compile(r"\[\[figure:([\w.]+)\]\]")

# A figure not taken from an official source says so wherever a page quotes it.
GRADE_CAVEATS = {
    "primary": "",
    "secondary": " (from a secondary source: confirm it with the IRS)",
    "unverified": " (not yet confirmed: check it with the IRS)",
}


def figure_text(dotted: str, page) -> str:
    """`file.name`, or `file.name.key` for one entry of a table (such as a fee by channel)."""
    file, name, *key = dotted.split(".")
    try:
        parameter = parameters.load(file)[name]
        today = dt.date.today()
        value = parameter.at(today)
        amount = value.value[key[0]] if key else value.value
    except (KeyError, FileNotFoundError, parameters.BeforeFirstValue):
        raise PluginError(f"{page.file.src_uri}: no figure called {dotted!r} in calculators/parameters/") from None
    if isinstance(amount, dict):
        raise PluginError(
            f"{page.file.src_uri}: {dotted!r} is a table; name one entry, e.g. {dotted}.{next(iter(amount))}"
        )
    text = parameters.describe(amount, parameter.unit)
    if parameter.is_beyond_known(today):
        return f"{text} (the latest we know of; a newer figure may apply, so check with the IRS)"
    return text + GRADE_CAVEATS[value.grade]


PAGES_WITHOUT_PROVENANCE = {"404.md"}


def check_front_matter(page) -> None:
    if page.file.src_uri in PAGES_WITHOUT_PROVENANCE:
        return
    missing = [key for key in ("description", "reviewed", "sources") if not page.meta.get(key)]
    if missing:
        raise PluginError(f"{page.file.src_uri}: front matter needs {', '.join(missing)}")
    unknown = [source for source in page.meta["sources"] if source not in parameters.sources()]
    if unknown:
        raise PluginError(
            f"{page.file.src_uri}: unknown sources {unknown}; add them to calculators/parameters/sources.toml"
        )


def on_page_markdown(markdown, page, **kwargs):
    check_front_matter(page)
    return FIGURE.sub(lambda match: figure_text(match[1], page), markdown)


def long_date(value) -> str:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{day:%B} {day.day}, {day.year}"


def on_env(env, config, files):
    env.globals["source_for"] = lambda source_id: parameters.sources()[source_id]
    env.filters["long_date"] = long_date
    return env
