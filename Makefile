# The two commands a user needs: `make run` (set up, then run the pipeline on seeds/)
# and `make test` (set up, then run the test suite). Setup installs from requirements.lock.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: setup run test lock check bench

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet --user uv
	uv venv --quiet --allow-existing --python 3.11 $(VENV)
	uv pip sync --quiet --python $(PY) --require-hashes requirements.lock
	uv pip install --quiet --python $(PY) --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	$(VENV)/bin/dyad run

test: setup
	$(VENV)/bin/python -m pytest

check: setup
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy

bench: setup
	$(VENV)/bin/python bench/coder.py && $(VENV)/bin/python bench/load.py

# Regenerate the hashed lock after changing dependencies in pyproject.toml.
lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--no-header -o requirements.lock
