"""Accessibility repairs to the theme's and extensions' HTML that no setting reaches.

- The search dialog gets a name (axe: aria-dialog-name).
- Each task-list checkbox is labelled by its step's text (axe: label).
Each repair fails the build if the markup it expects is gone, so a theme update cannot
silently undo it.
"""

import html
import re

from mkdocs.exceptions import PluginError
from site_words import site_words

from calculators.words import words

SEARCH_DIALOG = 'class="md-search" data-md-component="search" role="dialog"'
TASK = re.compile(
    r'(<li class="task-list-item">\s*<input type="checkbox" disabled(?:="disabled")?)(\s*/?>)(.*?)(?=<li|</ul>)', re.S
)
_words = words()  # the catalog of the site's language, set from mkdocs.yml


def on_config(config):
    global _words
    _words = site_words(config)


def on_page_content(content, page, **kwargs):
    def label(match):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", match[3])).split())
        return f'{match[1]} aria-label="{html.escape(text)}"{match[2]}{match[3]}'

    return TASK.sub(label, content)


def name_search_dialog(output: str) -> str:
    if SEARCH_DIALOG not in output:
        raise PluginError("hooks/accessibility.py: the theme's search dialog markup changed; update the repair")
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG + f' aria-label="{html.escape(_words("site.search.label"))}"', 1)


def on_post_page(output, page, **kwargs):
    return name_search_dialog(output)


def on_post_template(output_content, template_name, **kwargs):
    # The theme's own pages, such as 404.html, are templates, not pages.
    return name_search_dialog(output_content) if template_name == "404.html" else output_content
