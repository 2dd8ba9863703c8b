"""Every marker a page can hold, in one syntax, `[[kind:argument]]`, handled here.

- `[[figure:notice.days_to_respond]]` (or `file.name.key` for one entry of a table) becomes the
  figure in force on the build date, written for people ("30 days", "0.25% a month"), with a
  caveat when its source is not primary. Replaced in the Markdown, and in rendered forms.
- `[[tel:contacts.phone_individuals]]` becomes that phone number as a link to tap (tel:), which
  never breaks across lines.
- `[[calculator:past_due]]` becomes the calculator's form, made by the templates in
  `overrides/calculators/` from the calculator's own field definitions.
- `[[calculator-table:fees]]` becomes the calculator's reference table (its figures in force
  on the build date).
- `[[call]]` becomes the way to act: a full-width button to call the IRS, its hours, the TTY and
  other-language lines, in the same words as the first block of every answer (`next_steps.act`).
- `[[reinstatement-fee]]` becomes the one sentence for what reinstating a plan may cost
  (`user_fees.reinstatement_fee`), the same on every page and in every answer. Inline.
- `[[sources]]` becomes the list of every figure with its dated values, grades and sources.

Blocks are put in after Markdown has run (on_page_content), so no Markdown extension touches
the forms' markup. An unknown kind or name stops the build. Every word comes from the catalog of
the site's language (hooks/site_words.py); after the build, this hook writes the page scripts' words.
"""

import html
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.exceptions import PluginError

from calculators import next_steps, parameters
from calculators.fields import choice_label
from calculators.user_fees import reinstatement_fee
from calculators.web import UnknownCalculator, calculator
from calculators.words import words
from hooks.build_day import build_day
from hooks.pyodide_runtime import build_id
from hooks.site_words import long_date, short_date, site_words, write_strings

MARKER = re.compile(r"\[\[([a-z-]+)(?::([\w.]+))?\]\]")
# A block marker on a line of its own comes out of Markdown wrapped in a paragraph.
BLOCK = re.compile(r"(?:<p>)?\[\[([a-z-]+)(?::([\w.]+))?\]\](?:</p>)?")

# A figure not taken from an official source says so, once per page, in a footnote.
GRADE_CAVEATS = {"primary": None, "secondary": "site.caveats.secondary", "unverified": "site.caveats.unverified"}

_templates = None
_build = None  # this build's id, carried by each form (see hooks/pyodide_runtime.py)
_words = words()  # the catalog of the site's language, set from mkdocs.yml


def on_config(config):
    global _templates, _build, _words
    project = Path(config.config_file_path).parent
    _build = build_id(project)
    _words = site_words(config)
    folder = project / "overrides" / "calculators"
    _templates = Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def figure_text(dotted: str, where: str) -> str:
    """The figure in force today, for people, without its caveat (for forms' labels and hints,
    where a footnote cannot go; the page's own text carries the footnote)."""
    return figure_parts(dotted, where)[0]


def figure_parts(dotted: str, where: str) -> tuple[str, str]:
    """(the figure in force today, for people; the caveat a reader needs, or ""). `where` names the
    page or form for error messages."""
    file, name, *key = dotted.split(".")
    try:
        parameter = parameters.load(file)[name]
        today = build_day()
        value = parameter.at(today)
        amount = value.value
        for part in key:  # a table's entry, at any depth: fees.reinstate.online, …pay_to_monthly.weekly.times
            amount = amount[part]
    except (KeyError, FileNotFoundError, parameters.BeforeFirstValue):
        raise PluginError(f"{where}: no figure called {dotted!r} in calculators/parameters/") from None
    if isinstance(amount, dict):
        raise PluginError(f"{where}: {dotted!r} is a table; name one entry, e.g. {dotted}.{next(iter(amount))}")
    text = _words.figure(amount, parameter.unit)
    if parameter.is_beyond_known(today):
        return text, _words("site.caveats.latest")
    caveat = GRADE_CAVEATS[value.grade]
    return text, _words(caveat) if caveat else ""


def _calculator(name: str):
    try:
        return calculator(name)
    except UnknownCalculator as error:
        raise PluginError(str(error)) from None


def render_form(name: str) -> str:
    declared = _calculator(name)
    phone = parameters.get("contacts.phone_individuals").at(build_day()).value
    form = _templates.get_template("form.html").render(
        name=name,
        calculator=declared,
        groups=declared.groups,
        irs_phone=phone,
        remember=declared.remember_answers,
        build=_build,
        words=_words,
        choice_label=choice_label,
    )
    # Labels and hints may quote figures too: the value in force on the build date, like the page.
    return MARKER.sub(lambda match: html.escape(figure_text(match[2], f"the {name} form")), form)


def render_table(name: str) -> str:
    table = _calculator(name).reference_table(build_day(), _words)
    return _templates.get_template("table.html").render(table=table)


def render_sources() -> str:
    files = [(name, parameters.load(name)) for name in parameters.files_with_parameters()]
    return _templates.get_template("sources.html").render(
        files=files,
        describe=_words.figure,
        leaves=parameters.leaves,
        breakdown_label=lambda label: ", ".join(_words(f"site.sources.labels.{part}") for part in label.split()),
        words=_words,
        long_date=lambda day: long_date(day, _words),
        short_date=lambda day: short_date(day, _words),
    )


def render_call(_argument) -> str:
    return _templates.get_template("call.html").render(act=next_steps.act(build_day(), _words))


BLOCKS = {
    "call": render_call,
    "calculator": render_form,
    "calculator-table": render_table,
    "sources": lambda _argument: render_sources(),
}


def tel_link(dotted: str, where: str) -> str:
    number = figure_text(dotted, where)
    return f'<a class="tel" href="tel:+1{number.replace("-", "")}">{html.escape(number)}</a>'


def fee_sentence(_argument, _where: str) -> str:
    return reinstatement_fee(build_day(), _words)


INLINE = {"figure": figure_text, "tel": tel_link, "reinstatement-fee": fee_sentence}


FIGURE_MARKER = re.compile(r"\[\[(?:figure:|tel:|reinstatement-fee\]\])")


def on_page_markdown(markdown, page, **kwargs):
    quotes_figures = bool(FIGURE_MARKER.search(markdown))
    notes = {}  # footnote label → text: one marked footnote per figure, however often the page quotes it

    def inline(match):
        if match[1] == "figure":
            text, caveat = figure_parts(match[2], page.file.src_uri)
            if not caveat:
                return text
            figure_id = ".".join(match[2].split(".")[:2])
            label = "figure-" + figure_id.replace(".", "-").replace("_", "-")
            notes[label] = _words("site.caveats.footnote", caveat=caveat, figure_id=figure_id)
            return f"{text}[^{label}]"
        return INLINE[match[1]](match[2], page.file.src_uri) if match[1] in INLINE else match[0]

    markdown = MARKER.sub(inline, markdown)
    page.meta["quotes_figures"] = quotes_figures  # main.html says as of when the figures were checked
    return markdown + "".join(f"\n\n[^{label}]: {text}" for label, text in notes.items())


def on_page_content(content, page, **kwargs):
    def block(match):
        if match[1] not in BLOCKS:
            raise PluginError(
                f"{page.file.src_uri}: no marker called [[{match[1]}]]; known: {', '.join([*INLINE, *BLOCKS])}"
            )
        return BLOCKS[match[1]](match[2])

    return BLOCK.sub(block, content)


def on_post_build(config, **kwargs):
    # Before hooks/offline.py lists the site's files, so the service worker keeps these too.
    if not config.extra.get("shared_root"):  # a language's part of the site: the whole site's build writes them
        write_strings(Path(config.site_dir))
