"""`make check` selects tests by marker (-m "not site and not pyodide"), so every test that runs Pyodide or
needs the built site must carry its marker, whatever its name (issue 25: one named otherwise ran Pyodide
in `make check`)."""

NEEDS = {"pyodide": "pyodide_answers", "site": "site_server"}  # the fixture each of them starts from


def test_make_check_selects_by_what_a_test_uses_not_by_its_name(request):
    for item in request.session.items:
        for marker, fixture in NEEDS.items():
            if fixture in getattr(item, "fixturenames", ()):
                assert item.get_closest_marker(marker), f"{item.nodeid} needs {fixture} but is not marked {marker}"
