# Idéverket – the two commands a newcomer needs are `make run` and `make test`.
# Everything runs inside .venv, which is created on first use and re-installed only when
# pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
BENCH_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install run test lint format worker messages bench

help:
	@echo "make run       install, migrate, load the demo data and serve on http://127.0.0.1:8000"
	@echo "make test      lint, Django checks, missing migrations, and the whole pytest suite"
	@echo "make lint      ruff check + ruff format --check"
	@echo "make format    ruff format + ruff check --fix"
	@echo "make worker    run the background task worker (e-mail, notifications)"
	@echo "make messages  update the English translation and compile it"
	@echo "make bench     load-test the main pages on 10,000 generated ideas (BENCH_ARGS=...)"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "Idéverket needs Python 3.11 or newer as '$(PYTHON)' (try: make PYTHON=python3.12 ...)." >&2; \
	  exit 1; }
	@$(PYTHON) -m venv $(VENV) || { \
	  rm -rf $(VENV); \
	  echo "Could not create $(VENV). On Debian/Ubuntu: sudo apt-get install python3-venv" >&2; \
	  exit 1; }

# Re-install only when pyproject.toml is newer than the stamp.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	@if ! command -v msgfmt >/dev/null 2>&1; then \
	  echo "msgfmt not found: using the committed .mo files (apt-get install gettext to rebuild)."; \
	elif [ -d ideverket/locale ]; then \
	  $(PY) manage.py compilemessages --ignore=$(VENV) --verbosity=0; \
	fi
	$(PY) manage.py load_demo
	@echo "Idéverket: http://127.0.0.1:8000  (stop with Ctrl-C)"
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -n auto $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

worker: $(STAMP)
	$(PY) manage.py db_worker

messages: $(STAMP)
	@command -v xgettext >/dev/null 2>&1 || { \
	  echo "makemessages needs GNU gettext: sudo apt-get install gettext" >&2; exit 1; }
	$(PY) manage.py makemessages -l en --ignore=$(VENV) --ignore=staticfiles --ignore=tests
	$(PY) manage.py compilemessages --ignore=$(VENV)

# A benchmark script, not a test: generates /tmp/ideverket_bench_<N>.sqlite3 once, serves it with
# gunicorn on 127.0.0.1 and prints a table (see docs/performance.md). gunicorn comes from the
# optional "bench" dependencies, installed here only.
bench: $(STAMP)
	@$(VENV)/bin/gunicorn --version >/dev/null 2>&1 || $(PY) -m pip install --quiet -e ".[dev,bench]"
	$(PY) bench/run.py $(BENCH_ARGS)
