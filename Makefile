# The two first commands on a fresh machine: `make run` and `make test`.
# `make test PY=python3.13` runs on that Python: `.venv` is rebuilt when the Python changes.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
RUNSTAMP := $(VENV)/.installed-run
BENCHSTAMP := $(VENV)/.installed-bench
# which Python `.venv` is made of: its path and version (a stamp file per interpreter)
TAGOF   = -c 'import sys, hashlib; print(hashlib.sha1((sys.base_prefix + sys.version).encode()).hexdigest()[:12])'
PYTAG   := $(shell $(PY) $(TAGOF) 2>/dev/null || echo missing)
PYSTAMP := $(VENV)/.python-$(PYTAG)
# Strict editable installs link files one by one: any new source file needs a re-install.
SOURCES := pyproject.toml $(shell find tinnhiem rules engine tui samples -type f \
             \( -name '*.py' -o -name '*.lark' -o -name '*.tcss' -o -name '*.tn' -o -name 'schema.json' -o -path 'samples/data/*' \) 2>/dev/null)
# pip and setuptools speak to developers; `make run` is for users
QUIET   := PYTHONWARNINGS=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
INSTALL := $(QUIET) $(BIN)/python -m pip install -q --config-settings editable_mode=strict

.PHONY: run test check lint types bench fuzz fmt clean

$(PYSTAMP):
	@test "$(PYTAG)" != missing || { echo "make: no Python at PY=$(PY)" >&2; exit 2; }
	@if [ -d $(VENV) ] && [ "$$($(BIN)/python $(TAGOF) 2>/dev/null)" != "$(PYTAG)" ]; then \
	    echo "$(PY) is not the Python of $(VENV): rebuilding it"; rm -rf $(VENV); fi
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(QUIET) $(BIN)/python -m pip install -q --upgrade pip
	rm -f $(VENV)/.python-* $(STAMP) $(RUNSTAMP) $(BENCHSTAMP)
	touch $@

# what running needs (no test or lint tools)
$(RUNSTAMP): $(PYSTAMP) $(SOURCES)
	$(INSTALL) -e .
	touch $@

# and the tools of the tests, lint and types
$(STAMP): $(PYSTAMP) $(SOURCES)
	$(INSTALL) -e '.[dev]'
	touch $(RUNSTAMP) $@

run: $(RUNSTAMP)
	$(BIN)/tinnhiem-tui

# Two test processes per core: a Pilot test waits for the app to be idle (20 ms at least, many
# times per test), and the second process uses the core meanwhile (measured on 2 cores, a quiet
# machine: 232 s with one process per core, 171 s with two)
JOBS    ?= $(shell echo $$(( 2 * $$(nproc 2>/dev/null || echo 1) )))

test: $(STAMP)
	$(BIN)/python -m pytest -n $(JOBS) -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)
	cd $(VENV) && bin/mypy --config-file ../pyproject.toml --cache-dir ../.mypy_cache -p tinnhiem

check: lint types test

# and DuckDB, which one benchmark compares with (not needed by tinnhiem or its tests)
$(BENCHSTAMP): $(STAMP)
	$(INSTALL) -e '.[dev,bench]'
	touch $@

bench: $(BENCHSTAMP)
	$(BIN)/python benchmarks/run.py

# Thousands of mutated rule and data files: a summary of exit codes, tracebacks, hangs, memory.
FUZZ_CASES ?= 3000
FUZZ_SEED  ?= 1
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz.py --cases $(FUZZ_CASES) --seed $(FUZZ_SEED)

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build *.egg-info
