# The two commands a user needs: `make run` (set up, then run the pipeline on seeds/)
# and `make test` (set up, then run the test suite). Setup installs from requirements.lock.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# uv itself, pinned; `python3 -m uv` works even where pip put the uv script off the PATH.
UV_VERSION := 0.13.9
UV = $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
export UV_PYTHON_DOWNLOADS := never

export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: setup run test lock check bench

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || \
		python3 -m pip install --quiet "uv==$(UV_VERSION)" || \
		python3 -m pip install --quiet --user "uv==$(UV_VERSION)"
	$(UV) venv --quiet --allow-existing --python 3.11 $(VENV)
	$(UV) pip sync --quiet --python $(PY) --require-hashes requirements.lock
	$(UV) pip install --quiet --python $(PY) --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	$(VENV)/bin/dyad run

test: setup
	$(VENV)/bin/python -m pytest

check: setup
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy

bench: setup
	$(PY) -m bench.coder && $(PY) -m bench.load && $(PY) -m bench.incremental && $(PY) -m bench.scale

# Regenerate the hashed lock after changing dependencies in pyproject.toml.
lock:
	$(UV) pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--no-header -o requirements.lock
