"""Small things that once went wrong (issue 25, upkeep): a date written with a C library's own flag,
and figure data citing notes that are not in the repository, hooks importing each other by accident."""

import ast
import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SOURCES = ["calculators", "hooks", "overrides", "docs", "tests"]


def files(*suffixes):
    for folder in SOURCES:
        for path in (PROJECT / folder).rglob("*"):
            if path.suffix in suffixes and "__pycache__" not in path.parts:
                yield path


def test_no_date_is_formatted_with_a_flag_only_glibc_knows():
    # strftime's "%-" flags (no leading zero) are glibc's own: elsewhere they fail or print the "-". The
    # catalogs word dates (calculators/words.py).
    glibc_only = re.compile(r"(?<!\{)%-[a-zA-Z]")  # not Jinja's whitespace control, `{%-`
    for path in files(".py", ".html", ".toml", ".mjs", ".js"):
        assert not glibc_only.search(path.read_text(encoding="utf-8")), path


def test_the_data_cites_nothing_outside_the_repository():
    outside = re.compile(r"/work/|shared/reference|\.\./")
    for path in (PROJECT / "calculators").rglob("*.toml"):
        assert not outside.search(path.read_text(encoding="utf-8")), path


def test_hooks_import_each_other_from_their_package():
    # MkDocs puts a hook's own folder on sys.path only while that hook loads: a bare `import site_words`
    # worked by that accident, and made a second copy of the module besides.
    hook_names = {path.stem for path in (PROJECT / "hooks").glob("*.py")} - {"__init__"}
    for path in (PROJECT / "hooks").glob("*.py"):
        for module in ast_imports(path):
            assert module.split(".")[0] not in hook_names, f"{path.name} imports {module}: write hooks.{module}"


def ast_imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module
