"""Search builds its index when a reader first searches, not on every page load.

The theme names its search worker in each page's configuration (`<script id="__config">`); this
hook names `search-later.js` instead (`overrides/assets/javascripts/workers/`), which stands in for
the theme's worker, named in its address, until the first search. Data, not code: the page's
Content Security Policy hashes none of it.
"""

import re

from mkdocs.exceptions import PluginError

THEMES_WORKER = re.compile(r'("search": "[^"]*?)(search\.[0-9a-f]+\.min\.js)"')


def search_later(output: str) -> str:
    output, replaced = THEMES_WORKER.subn(r'\1search-later.js?worker=\2"', output)
    if replaced != 1:
        raise PluginError(
            "hooks/search_later.py: the theme's search worker is not named once in the page's configuration"
        )
    return output


def on_post_page(output, page, **kwargs):
    return search_later(output)


def on_post_template(output_content, template_name, **kwargs):
    # The theme's own pages, such as 404.html, are templates, not pages.
    return search_later(output_content) if template_name == "404.html" else output_content
