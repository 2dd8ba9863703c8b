"""Figures in pages come from calculators/parameters/, never typed by hand.

- `[[figure:notice.days_to_respond]]` in a page's Markdown becomes the value in force on
  the build date, written for people ("30 days", "0.25% a month").
- `<!-- sources -->` becomes the list of every figure with its dated values, grades and sources.
"""

import datetime as dt
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.exceptions import PluginError

from calculators import parameters

FIGURE = re.compile(r"\[\[figure:([\w.]+)\]\]")
SOURCES = "<!-- sources -->"

# A figure not taken from an official source says so wherever a page quotes it.
GRADE_CAVEATS = {
    "primary": "",
    "secondary": " (from a secondary source: confirm it with the IRS)",
    "unverified": " (not yet confirmed: check it with the IRS)",
}

_templates = None


def on_config(config):
    global _templates
    folder = Path(config.config_file_path).parent / "overrides" / "calculators"
    _templates = Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined)


def figure_text(dotted: str, page) -> str:
    try:
        parameter = parameters.get(dotted)
    except (KeyError, ValueError, FileNotFoundError):
        raise PluginError(f"{page.file.src_uri}: no figure called {dotted!r} in calculators/parameters/") from None
    today = dt.date.today()
    value = parameter.at(today)
    text = parameters.describe(value.value, parameter.unit)
    if parameter.is_beyond_known(today):
        return f"{text} (the latest we know of; a newer figure may apply, so check with the IRS)"
    return text + GRADE_CAVEATS[value.grade]


def on_page_markdown(markdown, page, **kwargs):
    return FIGURE.sub(lambda match: figure_text(match[1], page), markdown)


def on_page_content(html, page, **kwargs):
    if SOURCES not in html:
        return html
    files = [(name, parameters.load(name)) for name in parameters.files_with_parameters()]
    table = _templates.get_template("sources.html").render(
        files=files, sources=parameters.sources(), describe=parameters.describe
    )
    return html.replace(SOURCES, table)
