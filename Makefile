# Every target sets up .venv itself: on a fresh clone `make serve` and
# `make test` are the only two commands needed. Packages come from the lock in
# requirements/ (see its README), never from the ranges in pyproject.toml.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
LOCK_RUNTIME := requirements/runtime.txt
LOCK_TEST := requirements/test.txt
UV_VERSION := 0.13.9
# Material's end-of-life notice, printed on every build: see "The notice about
# Material's end of life" in the README for why this repository silences it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build guide test lint typecheck pytest browser wheel-test bench fuzz lock test-latest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# --require-hashes: every file installed is the one the lock was made with.
# --no-deps: the lock is complete; nothing outside it comes in.
define install_locked
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(1)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
endef

$(VENV)/.runtime: $(LOCK_RUNTIME) pyproject.toml | $(BIN)/python
	$(call install_locked,$(LOCK_RUNTIME))
	touch $@

$(VENV)/.test: $(LOCK_TEST) pyproject.toml | $(BIN)/python
	$(call install_locked,$(LOCK_TEST))
	touch $(VENV)/.runtime $@

serve: $(VENV)/.runtime  ## serve the example notebook at http://127.0.0.1:8000
	$(BIN)/interview-kb serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.runtime  ## build the notebook site into site/
	$(BIN)/mkdocs build --strict

guide: $(VENV)/.runtime  ## build the published guide into site-public/
	$(BIN)/mkdocs build --strict --config-file mkdocs.public.yml

browser:  ## make sure Chromium is there for the browser tests
	@scripts/ensure-chromium

lint: $(VENV)/.test
	$(BIN)/ruff check plugins tests benchmarks scripts
	$(BIN)/ruff format --check plugins tests benchmarks scripts
	$(BIN)/lint-imports

typecheck: $(VENV)/.test
	$(BIN)/mypy

pytest: $(VENV)/.test browser
	$(BIN)/pytest

wheel-test: $(VENV)/.test  ## build the wheel, install it in a new venv, init a notebook, build it strict
	$(BIN)/python scripts/check_wheel.py --lock $(LOCK_RUNTIME)

test: lint typecheck pytest wheel-test  ## ruff, mypy, every test (browser tests included) and the wheel

bench: $(VENV)/.test  ## the benchmark: our build against plain MkDocs
	$(BIN)/python benchmarks/bench.py

fuzz: $(VENV)/.test  ## the property tests of the reader and of note bodies on fresh random examples (FUZZ=N per property)
	INTERVIEW_KB_FUZZ=$(or $(FUZZ),5000) $(BIN)/pytest -q -p no:cacheprovider tests/reader/test_robust_reader.py tests/reader/test_body_limits.py

# Refresh the lock from pyproject.toml's ranges: the newest releases that fit,
# for every platform and Python 3.11 or newer. The test lock is made first and
# the runtime lock is held to it, so both give a package the same version.
lock: | $(BIN)/python  ## rewrite requirements/*.txt from pyproject.toml (then run make test)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	    --extra test pyproject.toml requirements/tools.in -o $(LOCK_TEST)
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	    --constraint $(LOCK_TEST) pyproject.toml requirements/tools.in -o $(LOCK_RUNTIME)
	cp $(LOCK_RUNTIME) plugins/interview_kb/data/group-requirements.txt  # init --group writes it

# The suite against the newest releases the registry serves today, in a venv of
# its own: it shows a dependency's change on the day it appears, before the lock
# is refreshed. Not part of `make test` or CI.
LATEST := .venv-latest
test-latest:  ## every check against the newest releases, in .venv-latest (not in CI)
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip setuptools
	$(LATEST)/bin/python -m pip install --quiet --upgrade -e '.[test]'
	$(LATEST)/bin/python scripts/lock_drift.py $(LOCK_TEST)
	touch $(LATEST)/.runtime $(LATEST)/.test
	$(MAKE) --no-print-directory lint typecheck pytest wheel-test VENV=$(LATEST)

clean:
	rm -rf site site-public .pytest_cache .mypy_cache .ruff_cache
