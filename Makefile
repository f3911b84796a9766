# careerpath — `make run` serves the site on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test test-postgres bench soak lint format install clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	DJANGO_DEBUG=true $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=true $(BIN)/python manage.py createcachetable
	DJANGO_DEBUG=true $(BIN)/python manage.py load_catalog
	DJANGO_DEBUG=true $(BIN)/python manage.py ensure_demo_editor
	DJANGO_DEBUG=true $(BIN)/python manage.py seed_demo --clients 40
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Browser tests drive Debian's chromium (Playwright's own browser download cannot work here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && \
		(apt-get install -y chromium >/dev/null 2>&1 || \
		 (apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1)) || \
		echo "chromium not installed: browser tests will be skipped"; }

test: lint chromium
	DJANGO_DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

# The same suite against PostgreSQL (DATABASE_URL, default: the local server).
test-postgres: $(STAMP)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/careerpath} $(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/advising.py
	$(BIN)/python bench/recompute.py $(RECOMPUTE_ARGS)

# Load, a PostgreSQL restart, a killed web worker and a Celery worker killed mid-recompute
# (private throwaway cluster, a throwaway queue on the local RabbitMQ); pass/fail.
soak: $(STAMP)
	$(BIN)/python bench/soak.py $(SOAK_ARGS)

# Style and security checks; `make test` runs them first. Bandit reads [tool.bandit] in
# pyproject.toml (tests and bench are not scanned: they run only on a developer's machine).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -c pyproject.toml -r careerpath eligibility advising

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis staticfiles db.sqlite3
