"""The guide in two languages, one site (issue #26): every English page has its Spanish twin at /es/ and
back, each page links to its twin, says its language, and no English sentence is served as Spanish.
Read from the built site; the browser tests use the pages the same way."""

import json
import re
from pathlib import Path
from urllib.parse import urljoin

from guide_pages import article_text, guide_pages

from calculators import parameters
from calculators.words import LANGUAGES

ENGLISH, SPANISH = LANGUAGES
SWITCH = re.compile(r'<p class="language-switch"><a href="([^"]+)" hreflang="(\w+)" lang="(\w+)">([^<]+)</a></p>')


def html_lang(page: Path) -> str:
    return re.search(r'<html lang="(\w+)"', page.read_text(encoding="utf-8"))[1]


def address(site: Path, page: Path) -> str:
    """The page's address in the site, as a browser resolves its links: "/about/", "/es/about/"."""
    folder = page.parent.relative_to(site).as_posix()
    return "/" if folder == "." else f"/{folder}/"


def test_every_page_has_its_twin_in_the_other_language(site):
    english, spanish = guide_pages(site, ENGLISH), guide_pages(site, SPANISH)
    assert len(english) >= 20
    assert set(english) == set(spanish)


def test_each_page_says_its_language_and_links_to_its_twin(site):
    pages = {language: guide_pages(site, language) for language in (ENGLISH, SPANISH)}
    for language, other in ((ENGLISH, SPANISH), (SPANISH, ENGLISH)):
        for path, page in pages[language].items():
            assert html_lang(page) == language, page
            switches = SWITCH.findall(page.read_text(encoding="utf-8"))
            assert len(switches) == 1, page
            href, hreflang, lang, _name = switches[0]
            assert hreflang == lang == other
            twin = pages[other][path]
            assert urljoin(address(site, page), href) == address(site, twin), page
            assert html_lang(twin) == other


def test_the_sitemaps_name_each_pages_twin(site, base_url):
    for sitemap in (site / "sitemap.xml", site / SPANISH / "sitemap.xml"):
        entries = re.findall(r"<url>(.*?)</url>", sitemap.read_text(encoding="utf-8"), re.S)
        assert len(entries) >= 20
        for entry in entries:
            alternates = dict(re.findall(r'hreflang="(\w+)" href="([^"]+)"', entry))
            path = alternates[ENGLISH].removeprefix(base_url)
            assert alternates == {ENGLISH: base_url + path, SPANISH: f"{base_url}{SPANISH}/{path}"}
            assert re.search(r"<loc>(.*?)</loc>", entry)[1] in alternates.values()


def sentences(text: str) -> set[str]:
    """Sentences of five words or more: shorter ones ("Form 9465.", a phone number) may rightly be the same."""
    return {
        sentence.strip()
        for sentence in re.split(r"(?<=[.!?])\s+|\n", text)
        if len(re.findall(r"[A-Za-z]{2,}", sentence)) >= 5
    }


def test_no_english_sentence_is_on_a_spanish_page(site):
    english = set().union(
        *(sentences(article_text(page.read_text(encoding="utf-8"))) for page in guide_pages(site).values())
    )
    for path, page in guide_pages(site, SPANISH).items():
        text = article_text(page.read_text(encoding="utf-8"))
        # English form titles are allowed when marked "(en inglés)"; they are never whole sentences.
        assert sorted(sentences(text) & english) == [], path


def test_the_service_worker_keeps_spanish_pages_only_for_a_reader_of_them(site):
    text = (site / "sw-manifest.js").read_text(encoding="utf-8")
    manifest = json.loads(text[text.index("{") : text.rindex("}") + 1])
    spanish = manifest["languages"][f"{SPANISH}/"]
    assert not any(path.startswith(f"{SPANISH}/") for path in manifest["precache"])
    assert {f"{SPANISH}/", f"{SPANISH}/checklist/"} <= set(spanish)
    assert any(path.endswith(f"lunr.{SPANISH}.min.js") for path in spanish)  # Spanish search, offline too


def test_a_spanish_page_links_the_publishers_spanish_page_where_it_has_one(site):
    """Every link to a source with a Spanish page (sources.toml `es`) goes to that page, in the page's
    text and its list of sources; an English link left is marked "(en inglés)" in the list. The sources
    page cites the English page a figure was checked against, and the Spanish page after it."""
    translated = {
        source.url: source.in_language(SPANISH).url
        for source in parameters.sources().values()
        if source.in_language(SPANISH) is not source
    }
    assert len(translated) >= 8
    spanish_links = 0
    for page in guide_pages(site, SPANISH).values():
        text = page.read_text(encoding="utf-8")
        for cited, rest in re.findall(r'<td><a href="(https://[^"]+)" hreflang="en"(.*?)</td>', text, re.S):
            assert cited not in translated or f'<a href="{translated[cited]}" hreflang="es">' in rest, page
        text = re.sub(r'<td><a href="https://.*?</td>', "", text, flags=re.S)
        links = re.findall(r'<a href="(https://[^"#]+)"', text)
        english_left = sorted({link for link in links if link in translated})
        assert not english_left, f"{page}: {[translated[link] for link in english_left]}"
        spanish_links += sum(link in translated.values() for link in links)
        listed = re.search(r'<aside class="page-provenance".*?</aside>', text, re.S)[0]
        for language, after in re.findall(r'hreflang="(\w+)" lang="\w+">[^<]*</a>([^<]*)', listed):
            assert (after == " (en inglés)") == (language == ENGLISH), page
    assert spanish_links >= 20
