# Two commands on a fresh machine: `make run` and `make test`.
# Both install the exact versions in requirements.lock (a constraints file).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
LOCK := requirements.lock
AUDIT_VENV := .venv-audit

.PHONY: run test fuzz bench bench-scale scale scale-stop check lint lock audit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(LOCK) -e .
	touch $@

$(STAMP_TEST): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(LOCK) -e ".[test]"
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/streamlit run app.py

test: $(STAMP_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m wizard check
	$(BIN)/python -m pytest

# The property tests with fresh random examples (`make test` repeats the same ones): run it
# after changing the rules; pin anything it finds with @example so `make test` keeps it.
fuzz: $(STAMP_TEST)
	PARTWAYS_HYPOTHESIS=explore $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/test_properties.py tests/test_answers.py tests/test_dates.py

bench: $(STAMP_TEST)
	$(BIN)/python -m bench

# The load figures beyond one process (bench/RESULTS.md, "Beyond one process"): 200 users on
# one process, 300 on three replicas behind nginx, memory per idle session, a replica killed
# mid-run. Each beside the bare app under the same load; about 15 minutes in all.
bench-scale: $(STAMP_TEST)
	$(BIN)/python -m bench.scale_bench

# N replicas (default 3) behind Debian's nginx on one port, as deploy/compose.yaml runs them;
# in the foreground: Ctrl-C, or `make scale-stop` from another shell, stops every process.
REPLICAS ?= 3
PORT ?= 8500
scale: $(STAMP_RUN)
	$(BIN)/python -m deploy.scale run --replicas $(REPLICAS) --port $(PORT)

scale-stop: $(STAMP_RUN)
	$(BIN)/python -m deploy.scale stop

check: $(STAMP_RUN)
	$(BIN)/python -m wizard check

lint: $(STAMP_TEST)
	$(BIN)/ruff check .

# After changing dependencies in pyproject.toml: resolve afresh and pin the result.
lock:
	rm -rf $(VENV).lock-tmp
	$(PYTHON) -m venv $(VENV).lock-tmp
	$(VENV).lock-tmp/bin/pip install --quiet -e ".[test]"
	{ echo '# Exact versions of everything `pip install -e ".[test]"` resolves (Python 3.11).'; \
	  echo '# The Makefile installs with -c requirements.lock. Regenerate with: make lock'; \
	  $(VENV).lock-tmp/bin/pip freeze --exclude-editable; } > $(LOCK)
	rm -rf $(VENV).lock-tmp

# Known vulnerabilities in the pinned versions; says plainly when it could not check.
audit:
	@test -x $(AUDIT_VENV)/bin/pip-audit || { $(PYTHON) -m venv $(AUDIT_VENV) && \
	  $(AUDIT_VENV)/bin/pip install --quiet pip-audit; }
	@$(AUDIT_VENV)/bin/python scripts/audit.py $(AUDIT_VENV)/bin/pip-audit

clean:
	rm -rf $(VENV) $(AUDIT_VENV) .pytest_cache .hypothesis build *.egg-info
