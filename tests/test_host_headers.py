"""The `_headers` file the build writes for static hosts (issue 15, point 4), read as a host reads it.
The browser tests' server applies the same file (tests/site_server.py), so they all run under it."""

import re
from urllib.request import urlopen

from site_server import SUB_PATH, headers_for, read_headers_file

BASE = f"/{SUB_PATH}/"
YEAR = "public, max-age=31536000, immutable"


def rules(site):
    return read_headers_file((site / "_headers").read_text())


def served_paths(site):
    """Every address a reader's browser can ask for (a page by its folder too). The .gz and .br copies
    are sent under their original's address, by hosts that serve precompressed files."""
    for path in site.rglob("*"):
        if path.is_file() and path.name != "_headers" and path.suffix not in (".gz", ".br"):
            relative = path.relative_to(site).as_posix()
            yield BASE + relative
            if relative.endswith("index.html"):
                yield BASE + relative.removesuffix("index.html")


def test_every_file_gets_one_cache_rule_and_only_content_addressed_files_are_kept_long(site):
    host_rules = rules(site)
    for path in served_paths(site):
        matching = [values for pattern, values in host_rules if pattern.fullmatch(path)]
        cache_rules = [value for values in matching for name, value in values if name == "Cache-Control"]
        # Hosts join (Cloudflare) or override (Netlify) a header two rules give, so no path may have two.
        assert len(cache_rules) == 1, path
        content_addressed = path.startswith((f"{BASE}pyodide/", f"{BASE}py/"))
        assert cache_rules[0] == (YEAR if content_addressed else "no-cache"), path


def test_every_response_forbids_framing_sniffing_and_referrers(site):
    for path in [BASE, f"{BASE}checklist/", f"{BASE}404.html", f"{BASE}js/calculators.mjs"]:
        headers = headers_for(rules(site), path)
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["X-Frame-Options"] == "DENY"


def test_the_header_policy_allows_each_pages_inline_scripts_and_nothing_looser(site):
    policy = headers_for(rules(site), BASE)["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    for page in site.rglob("*.html"):
        meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page.read_text())[1]
        for digest in re.findall(r"'sha256-[^']+'", meta):
            assert digest in policy, page


def test_the_workers_get_a_policy_of_their_own(site):
    for worker in ["js/calculator-worker.mjs", "sw.js"]:
        policies = headers_for(rules(site), BASE + worker)["Content-Security-Policy"].split(", ")
        # Cloudflare sends both matching rules' policies; a browser enforces each, so the stricter binds.
        assert "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'" in policies


def test_the_test_server_sends_the_files_headers_and_never_the_file(base_url, site):
    with urlopen(base_url + "catch-up-amount/") as response:
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["Cache-Control"] == "no-cache"
    runtime = next((site / "pyodide").iterdir()).name
    with urlopen(f"{base_url}pyodide/{runtime}/pyodide.asm.wasm") as response:
        assert response.headers["Cache-Control"] == YEAR
    try:
        urlopen(base_url + "_headers")
        raise AssertionError("the host served its headers file")
    except OSError as error:
        assert error.code == 404
