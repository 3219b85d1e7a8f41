# The two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: install demo test ui benchmarks clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install  ## run the pipeline over the shipped sample landing zone
	mkdir -p "$(DAGSTER_HOME)"
	$(VENV)/bin/property-pipeline run --landing samples/landing
	$(VENV)/bin/property-pipeline export --out "$(DAGSTER_HOME)/export.jsonl"
	@echo
	@echo "Runs, assets and checks are in the Dagster instance at $(DAGSTER_HOME)."
	@echo "Open the web UI on them:  make ui   (then http://127.0.0.1:3000)"

test: install  ## install everything the tests need, then run them all
	$(PY) -m pytest

ui: install  ## the Dagster web UI and daemon on the local instance
	mkdir -p "$(DAGSTER_HOME)"
	$(VENV)/bin/dagster dev -w workspace.yaml

benchmarks: install
	$(PY) benchmarks/compact_text.py
	$(PY) benchmarks/rule_accuracy.py

clean:
	rm -rf $(VENV) .dagster_home .property_pipeline .pytest_cache
