"""Where each calculator lives in the built site, from the registry: tests never list calculators; and
every page of the built site, from the build itself."""

from pathlib import Path

from calculators.registry import CALCULATORS
from calculators.words import LANGUAGES


def path_of(name: str) -> str:
    """The calculator's page as a path under the site: "fee-check.md" → "fee-check/"."""
    return CALCULATORS[name].page.removesuffix(".md") + "/"


PAGES = {name: path_of(name) for name in CALCULATORS}


def in_language(path: str, language: str) -> str:
    """A path under the site in `language`: English at the root ("checklist/"), others in their folder
    ("es/checklist/")."""
    return path if language == LANGUAGES[0] else f"{language}/{path}"


def first_text_field(name: str) -> str:
    """The CSS selector of the first question a reader types into (not a radio button)."""
    field = next(field for field in CALCULATORS[name].fields if field.kind not in ("choice", "yes_no"))
    return f"#{name}-{field.name}"


def page_paths(site: Path, language: str = LANGUAGES[0]) -> list[str]:
    """Every page of the built site in `language` as a path under the site: "" for the home page,
    "fee-check/", …; another language's start with its folder: "es/", "es/fee-check/"."""

    def in_language(path: Path) -> bool:
        first = path.relative_to(site).parts[0]
        return first == language if language != LANGUAGES[0] else first not in LANGUAGES

    return sorted(
        str(path.relative_to(site).parent).replace(".", "") + ("/" if path.parent != site else "")
        for path in site.rglob("index.html")
        if in_language(path)
    )
