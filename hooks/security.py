"""A Content Security Policy on every page: only the site's own files may run or load.

Two copies of it:
- inside each page, a <meta http-equiv> tag, which works on any host, even one that cannot send
  headers (GitHub Pages). The theme's few inline scripts are allowed by their SHA-256 hashes,
  computed here from the very bytes of each built page.
- `_headers`, the file static hosts read for headers (Netlify, Cloudflare Pages and others). A
  header can do what a <meta> tag cannot: forbid framing (`frame-ancestors`), and bind the
  calculator's worker and the service worker, which take their policy from their own response.
  It also sets `nosniff`, no referrer, and the cache rules (see cache_rules).
Pyodide compiles WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
"""

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from calculators.words import LANGUAGES
from hooks.pyodide_runtime import CONTENT_ADDRESSED_FOLDERS

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
DATA_BLOCK = re.compile(r'type="application/(?:ld\+)?json"')
CHARSET = '<meta charset="utf-8">'


def policy(script_hashes: list[str]) -> str:
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *(f"'sha256-{digest}'" for digest in script_hashes)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for attributes, body in INLINE_SCRIPT.findall(html):
        if DATA_BLOCK.search(attributes):
            continue  # data, not code: a policy does not apply to it
        hashes.append(base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode())
    return sorted(set(hashes))


# For the scripts the page starts: the calculator's worker and the service worker. They load the
# site's own scripts and files and compile WebAssembly; nothing else, and no eval.
WORKER_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'"
WORKERS = ("js/calculator-worker.mjs", "sw.js")
HEADERS_FILE = "_headers"

_serving = False
_hashes: set[str] = set()  # every inline script of every page, for the header's policy


def on_startup(command, **kwargs):
    # `mkdocs serve` injects its own live-reload script, which a strict policy would block.
    global _serving
    _serving = command == "serve"


def with_policy(output: str, name: str) -> str:
    if _serving:
        return output
    if CHARSET not in output:
        raise PluginError(f"hooks/security.py: no {CHARSET} in {name} to place the policy after")
    hashes = inline_script_hashes(output)
    _hashes.update(hashes)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    return output.replace(CHARSET, CHARSET + "\n    " + tag, 1)


def on_post_page(output, page, **kwargs):
    return with_policy(output, page.file.src_uri)


def on_post_template(output_content, template_name, **kwargs):
    # The theme's own pages, such as 404.html, are templates, not pages: they get the policy here.
    return with_policy(output_content, template_name) if template_name.endswith(".html") else output_content


def cache_rules(site: Path, base: str) -> list[tuple[str, str]]:
    """(path pattern, Cache-Control) for every file, with no path matched by two rules: hosts join
    or override a header given by two matching rules differently."""
    rules = [(base, "no-cache")]
    for entry in sorted(site.iterdir()):
        if entry.name == HEADERS_FILE or entry.suffix in (".gz", ".br"):
            continue
        pattern = f"{base}{entry.name}/*" if entry.is_dir() else f"{base}{entry.name}"
        # Content-addressed folders may be kept a year; everything else is checked on each use.
        long_lived = entry.is_dir() and f"{entry.name}/" in CONTENT_ADDRESSED_FOLDERS
        rules.append((pattern, "public, max-age=31536000, immutable" if long_lived else "no-cache"))
    return rules


def headers_file(site: Path, base: str) -> str:
    page_policy = policy(sorted(_hashes)) + "; frame-ancestors 'none'"
    rules = {
        f"{base}*": [
            f"Content-Security-Policy: {page_policy}",
            "X-Content-Type-Options: nosniff",
            "Referrer-Policy: no-referrer",
            "X-Frame-Options: DENY",
        ]
    }
    # One rule per path: Cloudflare Pages keeps only the last rule written for a path (the worker's
    # policy was lost beside sw.js's cache rule), where rules for different patterns add up.
    for worker in WORKERS:
        rules.setdefault(f"{base}{worker}", []).append(f"Content-Security-Policy: {WORKER_POLICY}")
    for pattern, cache_control in cache_rules(site, base):
        rules.setdefault(pattern, []).append(f"Cache-Control: {cache_control}")
    lines = [
        "# Written by hooks/security.py at build time: the headers this site needs, in the format",
        "# Netlify and Cloudflare Pages read. The README says what each one is for.",
    ]
    for pattern, headers in rules.items():
        lines += [pattern, *(f"  {header}" for header in headers)]
    return "\n".join(lines) + "\n"


def on_pre_build(config, **kwargs):
    _hashes.clear()


def on_post_build(config, **kwargs):
    if _serving or config.extra.get("shared_root"):  # a language's part: the whole site's build writes it
        return
    site = Path(config.site_dir)
    for language in LANGUAGES[1:]:  # the other languages' pages, built into the site by hooks/languages.py
        for page in (site / language).rglob("*.html"):
            _hashes.update(inline_script_hashes(page.read_text(encoding="utf-8")))
    base = urlsplit(config.site_url or "/").path or "/"
    (site / HEADERS_FILE).write_text(headers_file(site, base))
