# The two commands a newcomer runs: `make demo` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PYTEST_WORKERS ?= 2

.PHONY: demo test lint install clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(INSTALLED)

demo: $(INSTALLED)
	$(BIN)/salon demo

lint: $(INSTALLED)
	$(BIN)/ruff check src bench

test: $(INSTALLED) lint
	bash scripts/ensure-browser.sh
	$(BIN)/pytest -n $(PYTEST_WORKERS) -p xdist

clean:
	rm -rf $(VENV) var
