# Two commands on a fresh clone: `make run` and `make test`. Only python3 and make are needed:
# the first run makes .venv with a pinned uv in it, then installs every dependency from uv.lock
# (uv itself is a locked dev dependency, so an exact sync keeps it).
PYTHON ?= python3
UV_VERSION := 0.13.9
VENV := .venv
UV := $(VENV)/bin/uv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# uv installs into .venv, with this machine's python3, and never downloads an interpreter.
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never

.PHONY: run test demo lint typecheck format bench bench-scale holidays lock upgrade clean

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet uv==$(UV_VERSION)

# --frozen: install exactly what uv.lock pins (with hashes); never re-resolve.
$(STAMP): uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --extra dev --python $(PYTHON) --quiet
	touch $(STAMP)

run: $(STAMP)
	$(PY) bot.py $(ARGS)

demo: $(STAMP)
	$(PY) bot.py demo

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

test: lint typecheck
	$(PY) -m pytest

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(STAMP)
	$(PY) bench/latency.py

# Speed at any size (issue 13): 10 k and 1 M log entries against a bare Bolt app; not run by CI.
bench-scale: $(STAMP)
	$(PY) bench/scale.py $(ARGS)

# Sweden's holidays as data (samverkan/holidays_se.py), after `holidays` changed in the lock.
holidays: $(STAMP)
	$(PY) tools/holidays_table.py

# Re-resolve uv.lock within pyproject.toml's ranges, keeping today's pins where they still fit.
lock: | $(UV)
	$(UV) lock --python $(PYTHON)

# Move every pin to the newest release pyproject.toml allows; then `make test` (README: Upgrading).
upgrade: | $(UV)
	$(UV) lock --upgrade --python $(PYTHON)

clean:
	rm -rf $(VENV) samverkan.db samverkan.db-wal samverkan.db-shm
