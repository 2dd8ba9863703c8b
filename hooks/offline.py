"""Offline use: the list of files the service worker keeps, versioned by the build's own bytes,
and gzip and brotli copies of text files for static hosts that serve precompressed files.

`sw-manifest.js` names the build's version (a digest of every file it lists) and the guide's
files. The Python runtime is cached apart, under the pinned Pyodide version, and only once a
calculator page has asked for it: a reader of guide pages never downloads it.
"""

import gzip
import hashlib
import json
import os
from pathlib import Path

import brotli

from calculators.words import LANGUAGES
from hooks.pyodide_runtime import CONTENT_ADDRESSED_FOLDERS, pinned_version

# Not precached: the runtime and the wheel (cached when a calculator first loads them), the
# service worker's own files, and compressed copies.
NOT_LISTED = {"sw.js", "sw-manifest.js", "sitemap.xml.gz", "_headers"}
COMPRESSED = (".gz", ".br")
# Brotli at its best setting takes half a minute on the runtime; results are kept by content digest.
BROTLI_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "brotli"
# Each other language's pages (hooks/languages.py): kept only for a reader who reads them (docs/sw.js).
LANGUAGE_PARTS = tuple(f"{language}/" for language in LANGUAGES[1:])
# Never needed offline: source maps, and the search's helpers for other languages (each language's
# part keeps its own stemmer, below).
NOT_PRECACHED = ("assets/javascripts/lunr/", *(f"{part}assets/javascripts/lunr/" for part in LANGUAGE_PARTS))


def precached(name: str) -> bool:
    if name.endswith(".map") or name.startswith(CONTENT_ADDRESSED_FOLDERS):
        return False
    part = next((part for part in LANGUAGE_PARTS if name.startswith(part)), "")
    # A language's search stems words with lunr.stemmer.support and lunr.<language> (the theme's search worker loads them).
    stemmers = (
        f"{part}assets/javascripts/lunr/min/lunr.stemmer.support.",
        f"{part}assets/javascripts/lunr/min/lunr.{part[:-1]}.",
    )
    return not name.startswith(NOT_PRECACHED) or bool(part and name.startswith(stemmers))


# .zip too: the compiled Python zips are stored, not deflated, so they load fast and compress well.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".wasm", ".txt", ".map", ".zip"}


def site_files(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.suffix not in COMPRESSED and path.relative_to(site).as_posix() not in NOT_LISTED
    )


def write_manifest(site: Path, runtime_version: str) -> str:
    """Write sw-manifest.js for the files now in `site`; returns the build version."""
    files = site_files(site)
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + (site / name).read_bytes())
    version = digest.hexdigest()[:16]
    # Pages are cached by their folder address ("checklist/"), the way readers ask for them. Each file
    # with its SHA-256: the service worker keeps nothing that differs (a deploy copied file by file can
    # serve this build's sw.js beside the last build's pages).
    everything = {
        name.removesuffix("index.html"): hashlib.sha256((site / name).read_bytes()).hexdigest()
        for name in files
        if precached(name)
    }
    precache = {name: digest for name, digest in everything.items() if not name.startswith(LANGUAGE_PARTS)}
    # Kept when a page of that language is open as the worker installs, or asks later ("keep-language").
    languages = {
        part: {name: digest for name, digest in everything.items() if name.startswith(part)} for part in LANGUAGE_PARTS
    }
    # Cached only once a page with a calculator asks: the runtime (kept across builds, per Pyodide
    # version) and this build's wheel.
    runtime = [name for name in files if name.startswith(CONTENT_ADDRESSED_FOLDERS)]
    manifest = {
        "version": version,
        "runtime": runtime_version,
        "precache": precache,
        "languages": languages,
        "calculator_files": runtime,
    }
    (site / "sw-manifest.js").write_text(
        "// Written by hooks/offline.py at build time.\nself.BUILD = " + json.dumps(manifest, indent=1) + ";\n"
    )
    return version


def brotli_bytes(data: bytes) -> bytes:
    cached = BROTLI_CACHE / f"{hashlib.sha256(data).hexdigest()}.br"
    if not cached.exists():
        BROTLI_CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(brotli.compress(data, quality=11))
    return cached.read_bytes()


def write_compressed_copies(site: Path) -> None:
    """`name.gz` and `name.br` beside each text file (gzip mtime fixed, so builds are reproducible)."""
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in COMPRESSIBLE:
            data = path.read_bytes()
            with open(path.with_name(path.name + ".gz"), "wb") as target:
                with gzip.GzipFile(filename="", mode="wb", fileobj=target, compresslevel=9, mtime=0) as packed:
                    packed.write(data)
            path.with_name(path.name + ".br").write_bytes(brotli_bytes(data))


def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    write_manifest(site, pinned_version(Path(config.config_file_path).parent))
    # Test builds skip the compressed copies, which only the benchmark reads (GUIDE_NO_COMPRESSED_COPIES=1,
    # set by tests/site_server.py).
    if os.environ.get("GUIDE_NO_COMPRESSED_COPIES") != "1":
        write_compressed_copies(site)
