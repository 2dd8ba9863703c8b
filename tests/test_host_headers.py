"""The `_headers` file the build writes for static hosts (issue 15, point 4), and what a host that reads it
sends. Each test that asks for `host` runs under the Python imitation the browser tests use
(tests/site_server.py) and under Cloudflare Pages' own local runtime, `wrangler pages dev` (issue 25, point 7):
what is tested is what the host does."""

import http.client
import re
from urllib.parse import urlsplit

from site_server import SUB_PATH, read_headers_file

BASE = f"/{SUB_PATH}/"
YEAR = "public, max-age=31536000, immutable"
WORKER_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'"


def rules(site):
    return read_headers_file((site.parent / "_headers").read_text())


def served_paths(site):
    """Every address a reader's browser can ask for (a page by its folder too). The .gz and .br copies
    are sent under their original's address, by hosts that serve precompressed files."""
    for path in site.rglob("*"):
        if path.is_file() and path.suffix not in (".gz", ".br"):
            relative = path.relative_to(site).as_posix()
            yield BASE + relative
            if relative.endswith("index.html"):
                yield BASE + relative.removesuffix("index.html")


def sent(base_url, path, method="HEAD") -> http.client.HTTPResponse:
    """The host's own answer to `path` (a redirect is not followed), its body read."""
    connection = http.client.HTTPConnection(urlsplit(base_url).netloc, timeout=30)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        response.body = response.read()
        return response
    finally:
        connection.close()


def test_every_file_gets_one_cache_rule(site):
    host_rules = rules(site)
    for path in served_paths(site):
        matching = [values for pattern, values in host_rules if pattern.fullmatch(path)]
        cache_rules = [value for values in matching for name, value in values if name == "Cache-Control"]
        # Hosts join (Cloudflare) or override (Netlify) a header two rules give, so no path may have two.
        assert len(cache_rules) == 1, path


def test_the_headers_file_keeps_within_what_cloudflare_pages_reads(site):
    lines = (site.parent / "_headers").read_text().splitlines()
    paths = [line for line in lines if line.strip() and not line[0].isspace() and not line.startswith("#")]
    # Its parser (in wrangler) keeps the last rule given for a path, reads 100 rules and skips longer lines.
    assert len(paths) == len(set(paths)) and len(paths) <= 100
    assert max(map(len, lines)) <= 2000


def test_the_host_keeps_only_content_addressed_files_long(host, base_url, site):
    for path in served_paths(site):
        content_addressed = path.startswith((f"{BASE}pyodide/", f"{BASE}py/"))
        assert sent(base_url, path).headers["Cache-Control"] == (YEAR if content_addressed else "no-cache"), path


def test_every_response_forbids_framing_sniffing_and_referrers(host, base_url):
    for path in [BASE, f"{BASE}checklist/", f"{BASE}404.html", f"{BASE}js/calculators.mjs", f"{BASE}no-such-page/"]:
        headers = sent(base_url, path).headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Frame-Options"] == "DENY"


def test_the_header_policy_allows_each_pages_inline_scripts_and_nothing_looser(host, base_url, site):
    policy = sent(base_url, BASE).headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    for page in site.rglob("*.html"):
        meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page.read_text())[1]
        for digest in re.findall(r"'sha256-[^']+'", meta):
            assert digest in policy, page


def test_the_workers_get_a_policy_of_their_own(host, base_url):
    for worker in ["js/calculator-worker.mjs", "sw.js"]:
        policies = sent(base_url, BASE + worker).headers["Content-Security-Policy"].split(", ")
        # Cloudflare sends both matching rules' policies; a browser enforces each, so the stricter binds.
        assert WORKER_POLICY in policies


def test_the_host_sends_webassembly_as_such_a_missing_page_as_404_and_never_the_headers_file(host, base_url, site):
    runtime = next((site / "pyodide").iterdir()).name
    assert sent(base_url, f"{BASE}pyodide/{runtime}/pyodide.asm.wasm").headers["Content-Type"] == "application/wasm"
    missing = sent(base_url, f"{BASE}no-such-page/", "GET")
    assert missing.status == 404 and b"<title>" in missing.body  # the site's own 404 page
    assert (site / "404.html").read_bytes() == missing.body
    for path in ["/_headers", f"{BASE}_headers"]:
        assert sent(base_url, path).status == 404, path
