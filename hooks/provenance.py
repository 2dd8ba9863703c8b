"""Every guide page says where it comes from and when it was checked.

A page's front matter names its `description`, the date it was last `reviewed` and the official
`sources` it relies on (ids from calculators/parameters/sources.toml); overrides/main.html lists
them at the end of the page. A page without them, or naming an unknown source, stops the build.
"""

import datetime as dt

from mkdocs.exceptions import PluginError

from calculators import parameters
from hooks.build_day import build_day
from hooks.site_words import long_date, site_words

PAGES_WITHOUT_PROVENANCE = {"404.md"}


def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri in PAGES_WITHOUT_PROVENANCE:
        return markdown
    missing = [key for key in ("description", "reviewed", "sources") if not page.meta.get(key)]
    if missing:
        raise PluginError(f"{page.file.src_uri}: front matter needs {', '.join(missing)}")
    unknown = [source for source in page.meta["sources"] if source not in parameters.sources()]
    if unknown:
        raise PluginError(
            f"{page.file.src_uri}: unknown sources {unknown}; add them to calculators/parameters/sources.toml"
        )
    return markdown


def on_env(env, config, files):
    said = site_words(config)
    env.globals["source_for"] = lambda source_id: parameters.sources()[source_id]
    env.globals["built_on"] = build_day()  # pages quote figures as of this day (hooks/markers.py)
    env.globals["words"] = said  # the site's catalog, for overrides/main.html and 404.html
    # The whole site's address (a language's part is built at <site>/<language>/): sitemap.xml names each
    # page's twin in every language by it.
    env.globals["whole_site_url"] = (config.site_url or "/").removesuffix(
        config.extra["language_roots"].get(said.language, "")
    )
    env.filters["long_date"] = lambda value: long_date(
        value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)), said
    )
    return env
