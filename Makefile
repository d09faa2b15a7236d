# The two commands that matter: `make run` and `make test`. Everything else is a step they use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/rehab_site
PORT ?= 8000

.PHONY: run test install migrate seed serve-dev lint format browser clean

run: install migrate seed ## set up, migrate, load demo content and serve http://127.0.0.1:$(PORT)/
	@echo "Serving the demo site at http://127.0.0.1:$(PORT)/ (admin at /admin/); Ctrl-C stops it."
	@DEBUG=true $(BIN)/python manage.py db_worker --queue-name '*' --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install browser lint ## set up and run the whole suite, browser tests included
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} \
	SECRET_KEY=$${SECRET_KEY:-insecure-key-for-the-test-suite-only} \
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest

install: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

migrate: install
	DEBUG=true $(BIN)/python manage.py migrate --no-input

seed: install
	DEBUG=true $(BIN)/python manage.py seed_demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Browser tests drive Debian's Chromium; Playwright's own browser download does not work here.
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's chromium for the browser tests..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Chromium is missing at $(CHROMIUM): install Debian's 'chromium' package (sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium." >&2; \
			exit 1; \
		fi; \
	fi

clean:
	rm -rf $(VENV) var/ media/ staticfiles/
