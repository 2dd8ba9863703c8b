"""Render each calculator's form from its own field definitions.

A page asks for a calculator with one line in its Markdown:

    <!-- calculator: past_due -->

and gets the form the templates in `overrides/calculators/` make from the
fields declared in the calculator's module. `<!-- calculator-table: fees -->`
shows the calculator's reference table (its figures in force on the build date), and
`<!-- sources -->` the list of every figure with its dated values, grades and sources.
"""

import datetime as dt
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.exceptions import PluginError

from calculators import parameters
from calculators.fields import Group
from calculators.web import UnknownCalculator, calculator

MARKER = re.compile(r"<!--\s*calculator:\s*(\w+)\s*-->")
TABLE_MARKER = re.compile(r"<!--\s*calculator-table:\s*(\w+)\s*-->")
SOURCES_MARKER = "<!-- sources -->"

_templates = None


def on_config(config):
    global _templates
    folder = Path(config.config_file_path).parent / "overrides" / "calculators"
    _templates = Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _module(name: str):
    try:
        return calculator(name)
    except UnknownCalculator as error:
        raise PluginError(str(error)) from None


def render_form(name: str) -> str:
    module = _module(name)
    groups = getattr(module, "GROUPS", None) or (Group("", module.FIELDS),)
    phone = parameters.get("contacts.phone_individuals").at(dt.date.today()).value
    return _templates.get_template("form.html").render(name=name, calculator=module, groups=groups, irs_phone=phone)


def render_table(name: str) -> str:
    table = _module(name).reference_table(dt.date.today())
    return _templates.get_template("table.html").render(table=table)


def render_sources() -> str:
    files = [(name, parameters.load(name)) for name in parameters.files_with_parameters()]
    return _templates.get_template("sources.html").render(files=files, describe=parameters.describe)


def on_page_content(html, page, **kwargs):
    html = MARKER.sub(lambda match: render_form(match[1]), html)
    html = TABLE_MARKER.sub(lambda match: render_table(match[1]), html)
    return html.replace(SOURCES_MARKER, render_sources()) if SOURCES_MARKER in html else html
