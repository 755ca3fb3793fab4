# Two commands: `make run` and `make test`. Both set themselves up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint check bench nl clean lock i18n i18n-extract i18n-update i18n-compile

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

# Translations (docs/i18n.md): the catalog template from the code, the .po files brought up to it, the .mo files
# that ship in the package. After a new or changed message: `make i18n`, translate the new entries, `make i18n-compile`.
LOCALES := core/locale
I18N_OPTIONS := --no-location --sort-output --width 120
i18n: i18n-extract i18n-update i18n-compile

i18n-extract: setup
	$(BIN)/pybabel --quiet extract -F babel.cfg $(I18N_OPTIONS) --project tandem --copyright-holder "Tandem contributors" \
		-o $(LOCALES)/tandem.pot .

i18n-update: setup
	$(BIN)/pybabel --quiet update -D tandem -i $(LOCALES)/tandem.pot -d $(LOCALES) --ignore-obsolete --no-fuzzy-matching \
		--width 120

i18n-compile: setup
	$(BIN)/pybabel compile -D tandem -d $(LOCALES) --statistics

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
