"""A Content Security Policy on every page: only the site's own files may run or load.

Static hosts differ in how they set headers, so the policy travels inside each page as a
<meta http-equiv> tag. The theme's few inline scripts are allowed by their SHA-256 hashes,
computed here from the very bytes of each built page. Pyodide compiles WebAssembly, which
needs 'wasm-unsafe-eval' (not 'unsafe-eval').
"""

import base64
import hashlib
import re

from mkdocs.exceptions import PluginError

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


_serving = False


def on_startup(command, **kwargs):
    # `mkdocs serve` injects its own live-reload script, which a strict policy would block.
    global _serving
    _serving = command == "serve"


def with_policy(output: str, name: str) -> str:
    if _serving:
        return output
    if CHARSET not in output:
        raise PluginError(f"hooks/security.py: no {CHARSET} in {name} to place the policy after")
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(output))}">'
    return output.replace(CHARSET, CHARSET + "\n    " + tag, 1)


def on_post_page(output, page, **kwargs):
    return with_policy(output, page.file.src_uri)


def on_post_template(output_content, template_name, **kwargs):
    # The theme's own pages, such as 404.html, are templates, not pages: they get the policy here.
    return with_policy(output_content, template_name) if template_name.endswith(".html") else output_content
