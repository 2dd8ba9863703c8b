# Two commands set up a fresh machine: `make serve` and `make test`.
# Each installs what it needs: Python packages into .venv (pinned with hashes by requirements-dev.txt,
# installed by uv), the pinned Pyodide and axe-core from package-lock.json, and Debian's Chromium: its
# headless shell for the tests, the full browser for the benchmark.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve dev check test lint format build bench review lock clean stdlib-list

serve: build
	@echo "Serving the guide at http://127.0.0.1:$(PORT)/ (Ctrl+C stops it)"
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory site $(PORT)

# Live-reloading server for writing pages; `make serve` serves exactly what gets deployed.
dev: $(BIN)/.installed node_modules/.installed
	$(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: $(BIN)/.installed node_modules/.installed
	$(BIN)/python -m mkdocs build --strict

# The fast loop while working: lint, unit tests and the golden cases in CPython, fewer random examples.
# Tests are left out by their markers (pyproject.toml), which tests/conftest.py sets from what they use.
check: lint
	QUICK=1 $(BIN)/python -m pytest -q -m "not site and not pyodide and not slow"

# One pytest worker a core, each taking whole test files (a file's module fixtures, such as a built
# site or a walked page, are made once).
test: lint node_modules/.installed /usr/bin/chromium-headless-shell /usr/bin/pdftotext
	$(BIN)/python -m pytest -n auto --dist loadfile

# Python with ruff; the page scripts, the service worker and the Node scripts with Biome (biome.json).
lint: $(BIN)/.installed node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node_modules/.bin/biome ci --colors=off .

# Formats everything and applies the fixes the linters know to be safe; what remains, `make lint` names.
format: $(BIN)/.installed node_modules/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	node_modules/.bin/biome check --write .

bench: $(BIN)/.installed node_modules/.installed /usr/bin/chromium
	$(BIN)/python tests/bench.py

# pip installs uv (pinned with hashes by requirements-uv.txt), and uv the packages: the same pinned and
# hashed set in about 5 s, where pip takes 25 s of every clean run of `make test`.
UV := $(BIN)/uv pip install --quiet --python $(BIN)/python
$(BIN)/.installed: pyproject.toml requirements-dev.txt requirements-uv.txt
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-uv.txt
	$(UV) --require-hashes -r requirements-dev.txt
	$(UV) --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's packages, each for the file it installs: the tests' headless Chromium, the benchmark's full one.
DEBIAN_PACKAGES := /usr/bin/chromium-headless-shell:chromium-headless-shell /usr/bin/chromium:chromium \
	/usr/bin/pdftotext:poppler-utils
/usr/bin/chromium-headless-shell /usr/bin/chromium /usr/bin/pdftotext:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(patsubst $@:%,%,$(filter $@:%,$(DEBIAN_PACKAGES)))

# The figures that need a person now: past their known dates, or not reviewed for 180 days (exit 1).
review: $(BIN)/.installed
	$(BIN)/python -m calculators.parameters.review

# Re-trace the standard-library files the calculators need in Pyodide (after changing imports).
stdlib-list: $(BIN)/.installed node_modules/.installed
	$(BIN)/python tests/trace_stdlib.py

# Re-pin the Python packages, with hashes, after changing pyproject.toml's dev extras (or uv's version in
# requirements-uv.in) on purpose.
lock: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip-tools
	$(BIN)/pip-compile --quiet --extra dev --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links --output-file requirements-dev.txt pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file requirements-uv.txt requirements-uv.in

clean:
	rm -rf site .pytest_cache .hypothesis
