# Pelita: `make run` serves the demo on SQLite; `make test` runs the whole suite.
HOST ?= 127.0.0.1
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
export HOST PORT

.PHONY: run test lint format lock messages worker check clean

$(PY):
	@python=$$(scripts/find-python.sh) && echo "Memakai $$python" && "$$python" -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip

# Stamps record which lock was installed, so a changed lock reinstalls and an unchanged one is skipped.
$(VENV)/.runtime: requirements/runtime.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/runtime.lock
	@touch $@

# The demo lock is the runtime one plus faker; the dev lock holds both and the test tools.
$(VENV)/.demo: requirements/demo.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/demo.lock
	@touch $@ $(VENV)/.runtime

$(VENV)/.dev: requirements/dev.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/dev.lock
	@touch $@ $(VENV)/.runtime $(VENV)/.demo

run: $(VENV)/.demo
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	@echo "Pelita berjalan di http://$(HOST):$(PORT)/  (hentikan dengan Ctrl+C)"
	$(PY) manage.py runserver --noreload "$(HOST):$(PORT)"

test: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	scripts/test.sh

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Regenerate the hashed lock files from pyproject.toml.
lock: $(VENV)/.dev
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements/runtime.lock pyproject.toml
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --extra demo -o requirements/demo.lock pyproject.toml
	$(VENV)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --extra demo --extra dev -o requirements/dev.lock pyproject.toml

# Extract and compile translations (msgfmt from gettext). Compiled .mo files are committed.
messages: $(VENV)/.runtime
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=var --ignore=regulations \
		--ignore=bench --ignore=tests --ignore='*/tests/*' --ignore=conftest.py
	$(PY) manage.py compilemessages -l en --ignore=.venv

# Runs background tasks (imports, reminders) from the database queue.
worker: $(VENV)/.runtime
	$(PY) manage.py db_worker

clean:
	rm -rf $(VENV) var test-artifacts
