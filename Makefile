# Every target sets up .venv itself: on a fresh clone `make serve` and
# `make test` are the only two commands needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build guide test lint typecheck pytest browser bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.runtime $@

serve: $(VENV)/.runtime  ## serve the example notebook at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: $(VENV)/.runtime  ## build the notebook site into site/
	$(BIN)/mkdocs build --strict

guide: $(VENV)/.runtime  ## build the published guide into site-public/
	$(BIN)/mkdocs build --strict --config-file mkdocs.public.yml

browser:  ## make sure Chromium is there for the browser tests
	@scripts/ensure-chromium

lint: $(VENV)/.test
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/ruff format --check plugins tests benchmarks

typecheck: $(VENV)/.test
	$(BIN)/mypy

pytest: $(VENV)/.test browser
	$(BIN)/pytest

test: lint typecheck pytest  ## ruff, mypy and every test (browser tests included)

bench: $(VENV)/.test  ## the benchmark: our build against plain MkDocs
	$(BIN)/python benchmarks/bench.py

fuzz: $(VENV)/.test  ## the property tests of the reader and of note bodies on fresh random examples (FUZZ=N per property)
	INTERVIEW_KB_FUZZ=$(or $(FUZZ),5000) $(BIN)/pytest -q -p no:cacheprovider tests/test_robust_reader.py tests/test_body_limits.py

clean:
	rm -rf site site-public .pytest_cache .mypy_cache .ruff_cache
