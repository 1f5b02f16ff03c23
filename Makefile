# The two first commands on a fresh machine: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
# Strict editable installs link files one by one: any new source file needs a re-install.
SOURCES := pyproject.toml $(shell find tinnhiem rules engine tui samples -type f \
             \( -name '*.py' -o -name '*.lark' -o -name '*.tcss' -o -name '*.tn' -o -name 'schema.json' -o -path 'samples/data/*' \) 2>/dev/null)

.PHONY: run test check lint types bench fmt clean

$(STAMP): $(SOURCES)
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]' --config-settings editable_mode=strict
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tinnhiem-tui

test: $(STAMP)
	$(BIN)/python -m pytest -n auto -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)
	cd $(VENV) && bin/mypy --config-file ../pyproject.toml --cache-dir ../.mypy_cache -p tinnhiem

check: lint types test

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build *.egg-info
