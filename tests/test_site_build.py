"""What the build puts in the site: the pinned runtime files only, and a pure wheel of the calculators."""

import json
import re
import zipfile
from pathlib import Path

from pyodide_runtime import RUNTIME_FILES, STDLIB, kept_stdlib_files, pinned_version

PROJECT = Path(__file__).resolve().parent.parent
RUNTIME = set(RUNTIME_FILES)


def test_exactly_the_five_runtime_files_are_served(site):
    served = {path.name for path in (site / "pyodide").iterdir() if path.suffix not in (".gz", ".br")}
    assert served == RUNTIME


def test_the_runtime_is_the_pinned_version_copied_unchanged_but_for_a_smaller_standard_library(site):
    installed = PROJECT / "node_modules" / "pyodide"
    assert json.loads((installed / "package.json").read_text())["version"] == pinned_version(PROJECT)
    for name in RUNTIME - {STDLIB}:
        assert (site / "pyodide" / name).read_bytes() == (installed / name).read_bytes(), name
    full = zipfile.ZipFile(installed / STDLIB)
    served = zipfile.ZipFile(site / "pyodide" / STDLIB)
    keep = kept_stdlib_files()
    assert set(served.namelist()) == keep
    for name in served.namelist():
        assert served.read(name) == full.read(name), name


def test_the_calculators_wheel_is_pure_python_and_named_in_build_info(site):
    wheels = list((site / "py").glob("*.whl"))
    assert [wheel.name for wheel in wheels] == ["calculators-0.1.0-py3-none-any.whl"]
    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "calculators/web.py" in names
    assert not any(name.startswith(("tests/", "docs/")) or name.endswith(".pyc") for name in names)
    info = (site / "js" / "build-info.mjs").read_text()
    assert '"wheel": "py/calculators-0.1.0-py3-none-any.whl"' in info


def test_the_calculator_page_has_the_form_made_from_the_field_definitions(site):
    from markupsafe import escape  # the escaping Jinja applies

    from calculators import past_due

    html = (site / "catch-up-amount" / "index.html").read_text()
    assert "[[calculator:" not in html
    for field in past_due.FIELDS:
        if field.kind in ("choice", "yes_no"):
            assert re.search(
                rf'data-field="{field.name}"[^>]*>\s*<legend class="calc-label">{re.escape(escape(field.label))}', html
            )
            for value, _ in field.choices:
                assert f'id="past_due-{field.name}-{value}"' in html
        else:
            assert re.search(
                rf'<label class="calc-label" for="past_due-{field.name}">{re.escape(escape(field.label))}', html
            )
            assert f'id="past_due-{field.name}"' in html
    assert 'aria-describedby="past_due-monthly_payment-hint"' in html


def test_no_page_names_another_origin_in_a_script_style_or_font(site):
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert not re.search(r'<script[^>]+src="(https?:)?//', html), page
        assert not re.search(r'<link(?![^>]*rel="canonical")[^>]+href="(https?:)?//', html), page
        assert "fonts.googleapis" not in html, page


def test_no_page_keeps_a_marker(site):
    # [[figure:…]], [[calculator:…]], [[calculator-table:…]] and [[sources]] are all replaced at build time,
    # in forms' labels and hints too.
    for page in site.rglob("*.html"):
        assert "[[" not in page.read_text(), page


def test_an_unknown_marker_stops_the_build():
    from types import SimpleNamespace

    import markers
    import pytest
    from mkdocs.exceptions import PluginError

    page = SimpleNamespace(file=SimpleNamespace(src_uri="example.md"))
    with pytest.raises(PluginError, match="no marker called"):
        markers.on_page_content("<p>[[calculater:fees]]</p>", page)
    with pytest.raises(PluginError, match="no figure called"):
        markers.on_page_markdown("[[figure:notice.no_such_figure]]", page)
