"""Accessibility repairs to the theme's and extensions' HTML that no setting reaches.

- The search dialog gets a name (axe: aria-dialog-name).
- Each task-list checkbox is labelled by its step's text (axe: label).
- Footnote back-links are named ("↩" says nothing).
- Glossary tips (Markdown abbreviations) carry their meaning in `data-tip`, shown by docs/js/access.mjs
  on hover, focus or touch, and closed with Escape; the first mention of each term on a page takes the
  keyboard. (With a `title`, the theme would show its own tip, by mouse only.)
- The sample notice, which scrolls sideways on a phone, takes the keyboard.
Each repair fails the build if the markup it expects is gone, so a theme update cannot
silently undo it.
"""

import html
import re

from mkdocs.exceptions import PluginError

from calculators.words import words
from hooks.site_words import site_words

SEARCH_DIALOG = 'class="md-search" data-md-component="search" role="dialog"'
TASK = re.compile(
    r'(<li class="task-list-item">\s*<input type="checkbox" disabled(?:="disabled")?)(\s*/?>)(.*?)(?=<li|</ul>)', re.S
)
BACK_LINK = re.compile(r'<a class="footnote-backref" href="[^"]*#fnref(\d*):[^"]*" title="[^"]*?(\d+)[^"]*"')
ABBREVIATION = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')
SAMPLE_NOTICE = '<figure class="sample-notice"'
_words = words()  # the catalog of the site's language, set from mkdocs.yml


def on_config(config):
    global _words
    _words = site_words(config)


def label_tasks(content: str) -> str:
    def label(match):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", match[3])).split())
        return f'{match[1]} aria-label="{html.escape(text)}"{match[2]}{match[3]}'

    return TASK.sub(label, content)


def name_back_links(content: str, page) -> str:
    def name(match):
        place, number = match[1], match[2]  # "fnref2:" is the note's second place in the text
        if place in ("", "1"):
            said = _words("site.footnotes.back", number=number)
        else:
            said = _words("site.footnotes.back_again", number=number, place=place)
        return f'{match[0]} aria-label="{html.escape(said)}"'

    named = BACK_LINK.sub(name, content)
    if named.count('class="footnote-backref"') != named.count('class="footnote-backref" href'):
        raise PluginError(f"hooks/accessibility.py: footnote markup changed on {page.file.src_uri}; update the repair")
    return named


def tips_for_keyboard(content: str) -> str:
    seen = set()

    def tip(match):
        meaning, term = match[1], match[2]
        keyboard = "" if term in seen else ' tabindex="0"'
        seen.add(term)
        return f'<abbr data-tip="{meaning}"{keyboard}>{term}</abbr>'

    return ABBREVIATION.sub(tip, content)


def on_page_content(content, page, **kwargs):
    content = tips_for_keyboard(name_back_links(label_tasks(content), page))
    if "<abbr title=" in content:
        raise PluginError(f"hooks/accessibility.py: abbreviation markup changed on {page.file.src_uri}")
    return content.replace(SAMPLE_NOTICE, SAMPLE_NOTICE + ' tabindex="0"')


def name_search_dialog(output: str) -> str:
    if SEARCH_DIALOG not in output:
        raise PluginError("hooks/accessibility.py: the theme's search dialog markup changed; update the repair")
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG + f' aria-label="{html.escape(_words("site.search.label"))}"', 1)


def on_post_page(output, page, **kwargs):
    return name_search_dialog(output)


def on_post_template(output_content, template_name, **kwargs):
    # The theme's own pages, such as 404.html, are templates, not pages.
    return name_search_dialog(output_content) if template_name == "404.html" else output_content
