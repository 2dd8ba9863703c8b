"""What the build puts in the site: the pinned runtime, and the standard library and the calculators
compiled ahead of time, under names that carry their digests."""

import hashlib
import json
import re
import zipfile
from pathlib import Path

from site_server import build_info

from hooks.pyodide_runtime import RUNTIME_FILES, kept_stdlib_files, pinned_version

PROJECT = Path(__file__).resolve().parent.parent


def compiled(name: str) -> str:
    return name[:-3] + ".pyc" if name.endswith(".py") else name


def test_the_runtime_is_the_pinned_version_in_a_folder_named_by_it_and_nothing_else(site):
    installed = PROJECT / "node_modules" / "pyodide"
    version = pinned_version(PROJECT)
    assert json.loads((installed / "package.json").read_text())["version"] == version
    # Named by its version: a host may cache these files for a year, and a new Pyodide gets new addresses.
    assert build_info(site)["runtime"] == f"pyodide/{version}/"
    assert [path.name for path in (site / "pyodide").iterdir()] == [version]
    runtime = site / "pyodide" / version
    served = {path.name for path in runtime.iterdir() if path.suffix not in (".gz", ".br")}
    stdlib = build_info(site)["stdlib"].removeprefix(f"pyodide/{version}/")
    assert served == set(RUNTIME_FILES) | {stdlib}
    for name in RUNTIME_FILES:
        assert (runtime / name).read_bytes() == (installed / name).read_bytes(), name


def test_the_standard_library_is_the_kept_files_compiled_and_named_by_digest(site):
    name = build_info(site)["stdlib"]
    data = (site / name).read_bytes()
    assert name == f"pyodide/{pinned_version(PROJECT)}/python_stdlib-{hashlib.sha256(data).hexdigest()[:16]}.zip"
    served = zipfile.ZipFile(site / name)
    assert set(served.namelist()) == {compiled(kept) for kept in kept_stdlib_files()}
    magic = {served.read(each)[:4] for each in served.namelist() if each.endswith(".pyc")}
    assert len(magic) == 1, "every file compiled by the same Python"
    assert not any(each.endswith(".py") for each in served.namelist())


def test_the_calculators_are_the_wheel_compiled_with_their_data_and_named_by_digest(site, tmp_path):
    from flit_core.wheel import make_wheel_in

    name = build_info(site)["calculators"]
    data = (site / name).read_bytes()
    assert name == f"py/calculators-{hashlib.sha256(data).hexdigest()[:16]}.zip"
    served = set(zipfile.ZipFile(site / name).namelist())
    assert "calculators/web.pyc" in served and "calculators/parameters/fees.toml" in served
    wheel = make_wheel_in(PROJECT / "pyproject.toml", tmp_path).file
    package = [each for each in zipfile.ZipFile(wheel).namelist() if each.startswith("calculators/")]
    assert served == {compiled(each) for each in package}
    assert build_info(site)["lock"]["info"]["python"].startswith("3.14.")


def test_the_calculator_page_has_the_form_made_from_the_field_definitions(site):
    from markupsafe import escape  # the escaping Jinja applies

    from calculators.past_due import CALCULATOR
    from calculators.words import words

    html = (site / "catch-up-amount" / "index.html").read_text()
    assert "[[calculator:" not in html
    for field in CALCULATOR.fields:
        label = re.escape(escape(words("en")(CALCULATOR.key(field) + ".label")))
        if field.kind in ("choice", "yes_no"):
            assert re.search(rf'data-field="{field.name}"[^>]*>\s*<legend class="calc-label">{label}', html)
            for value in field.choices:
                assert f'id="past_due-{field.name}-{value}"' in html
        else:
            assert re.search(rf'<label class="calc-label" for="past_due-{field.name}">{label}', html)
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

    import pytest
    from mkdocs.exceptions import PluginError

    from hooks import markers

    page = SimpleNamespace(file=SimpleNamespace(src_uri="example.md"))
    with pytest.raises(PluginError, match="no marker called"):
        markers.on_page_content("<p>[[calculater:fees]]</p>", page)
    with pytest.raises(PluginError, match="no figure called"):
        markers.on_page_markdown("[[figure:notice.no_such_figure]]", page)


def test_the_404_page_carries_the_policy_too(site):
    # The theme renders 404.html as a template, not a page (issue 15, point 4).
    html = (site / "404.html").read_text()
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy and "default-src 'self'" in policy[1] and "'unsafe-inline'" not in policy[1]


def test_every_link_an_answer_makes_into_the_sources_page_lands_on_an_anchor(site):
    # Answers link "the sources page" at the figures they used; the anchor must exist, or the reader
    # lands at the top of a long table. Found by scanning the calculators' code for such links.
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    code = "\n".join(path.read_text(encoding="utf-8") for path in (PROJECT / "calculators").rglob("*.py"))
    anchors = set(re.findall(r'"\.\./sources/#([^"]+)"', code))
    assert anchors, "no answer links the sources page: the scan is wrong"
    assert [anchor for anchor in anchors if f'id="{anchor}"' not in sources] == []
