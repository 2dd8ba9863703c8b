"""Reading the built guide: each page's main text, for the content tests and the reading-grade check."""

import re
from html.parser import HTMLParser
from pathlib import Path

from calculators.words import LANGUAGES

# Parts of a page that are not running prose: forms, tables, pictures, code, the page footer.
SKIPPED_TAGS = {
    "form",
    "table",
    "svg",
    "script",
    "style",
    "code",
    "pre",
    "nav",
    "aside",
    "figure",
    "noscript",
    "button",
}


class ArticleText(HTMLParser):
    """Collects the text of <article> (Material's page body), sentence-friendly, without skipped parts."""

    def __init__(self):
        super().__init__()
        self.depth_article = 0
        self.skipping = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth_article += 1
        elif self.depth_article and tag in SKIPPED_TAGS:
            self.skipping += 1
        elif self.depth_article and tag in {"p", "li", "h1", "h2", "h3", "dd", "dt", "td", "th"}:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth_article -= 1
        elif self.depth_article and tag in SKIPPED_TAGS:
            self.skipping -= 1
        elif self.depth_article and tag in {"p", "li", "h1", "h2", "h3", "dd", "dt"}:
            self.parts.append(".\n")  # headings and list items read as sentences of their own

    def handle_data(self, data):
        if self.depth_article and not self.skipping:
            self.parts.append(data)


def article_text(html: str) -> str:
    parser = ArticleText()
    parser.feed(html)
    text = "".join(parser.parts)
    text = re.sub(r"\.(\s*\.)+", ".", text)  # a list item that already ended with a full stop
    text = re.sub(r"[:;]\s*\.\n", ".\n", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def guide_pages(site: Path, language: str = LANGUAGES[0]) -> dict[str, Path]:
    """Every page of the built site in `language` except the 404 page, by its path in that language's part
    ("." for its home page, "fee-check", …): English at the site's root, another language at /<language>/."""
    part = site if language == LANGUAGES[0] else site / language
    return {
        str(path.relative_to(part).parent): path
        for path in sorted(part.rglob("index.html"))
        if "404" not in str(path) and path.relative_to(part).parts[0] not in LANGUAGES
    }
