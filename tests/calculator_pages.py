"""Where each calculator lives in the built site, from the registry: tests never list calculators; and
every page of the built site, from the build itself."""

from pathlib import Path

from calculators.registry import CALCULATORS


def path_of(name: str) -> str:
    """The calculator's page as a path under the site: "fee-check.md" → "fee-check/"."""
    return CALCULATORS[name].page.removesuffix(".md") + "/"


PAGES = {name: path_of(name) for name in CALCULATORS}


def first_text_field(name: str) -> str:
    """The CSS selector of the first question a reader types into (not a radio button)."""
    field = next(field for field in CALCULATORS[name].fields if field.kind not in ("choice", "yes_no"))
    return f"#{name}-{field.name}"


def page_paths(site: Path) -> list[str]:
    """Every page of the built site as a path under it: "" for the home page, "fee-check/", …"""
    return sorted(
        str(path.relative_to(site).parent).replace(".", "") + ("/" if path.parent != site else "")
        for path in site.rglob("index.html")
    )
