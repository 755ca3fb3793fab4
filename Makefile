# Two commands: `make run` and `make test`. Both set themselves up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint check bench nl clean lock

# Re-install whenever the dependencies change: exactly the hash-pinned lock, then Tandem editable (.ci/install,
# which CI and the Dockerfile run too). It stops first when pyproject.toml and the locks disagree: `make lock`.
$(STAMP): pyproject.toml requirements.lock requirements-dev.lock .ci/install
	@PYTHON=$(PYTHON) .ci/install $(VENV) dev
	@touch $(STAMP)

setup: $(STAMP)

run: setup
	@$(BIN)/tandem db upgrade
	@$(BIN)/tandem console $(ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/hadolint Dockerfile

test: lint
	$(BIN)/pytest $(PYTEST_ARGS)

nl: setup
	$(PYTHON) ../shared/nl-corpus/check.py

# Refresh requirements.lock and requirements-dev.lock from pyproject.toml (asks PyPI; one command).
lock:
	@.ci/lock

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
