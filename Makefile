# Two commands set everything up on a fresh machine:
#   make serve   build the shipped manual strictly, then serve it at http://127.0.0.1:8000
#   make test    run the whole test suite
# Both create the virtual environment in .venv and install the pinned dependencies first.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The Nu Html Checker for the tests and Lighthouse for the tests and the benchmark, from package.json (npm ci
# again only when it or its lock file changes)
NODE_STAMP := node_modules/.installed

.PHONY: serve build test accessibility-record clean benchmark

# Material and mkdocs-redirects print notices about the engine's future on every build; editors reading
# a build's messages need only their own. HANDBOOK.md says what the team does about the engine.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

build: $(STAMP)
	$(PY) -m mkdocs build --strict

serve: build
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# --ignore-scripts: the checker's package would otherwise download a Java runtime of its own; Debian's runs it.
$(NODE_STAMP): package.json package-lock.json
	bash scripts/install-html-checker.sh
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

test: $(STAMP) $(NODE_STAMP)
	bash scripts/install-browser.sh
	bash scripts/install-html-checker.sh
	$(PY) -m pytest -n auto

# Checks every page in every view in the browser and writes the findings and today's date to
# docs/data/accessibility-tests.yml, which the accessibility statement reads; `make test` never writes
# it. Run it on purpose, then commit the file.
accessibility-record: $(STAMP)
	bash scripts/install-browser.sh
	MANUAL_ACCESSIBILITY_RECORD=docs/data/accessibility-tests.yml $(PY) -m pytest tests/test_accessibility.py

# The build against plain MkDocs + Material on 500 and 2,000 synthetic documents, and live preview at 500
# (several minutes on two cores; the figures go to /tmp/manual-benchmark/results.md): see scripts/benchmark.py.
benchmark: $(STAMP) $(NODE_STAMP)
	bash scripts/install-browser.sh
	$(PY) scripts/benchmark.py --sizes 500,2000

clean:
	rm -rf site $(VENV) node_modules
