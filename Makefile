# The two commands that matter: `make run` and `make test`. Everything else is a step they use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/rehab_site
PORT ?= 8000
HTML_CHECKER := node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: run test install migrate seed serve worker lint format system-packages clean bench lighthouse bench-packages

run: install migrate seed ## set up, migrate, load demo content and serve http://127.0.0.1:$(PORT)/
	@DEBUG=true SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} $(BIN)/python manage.py db_worker --queue-name '*' --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	echo "Serving the demo site at http://127.0.0.1:$(PORT)/ (admin at /admin/); Ctrl-C stops it."; \
	DEBUG=true $(BIN)/python manage.py demo_sign_ins; \
	DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The suite runs twice: on PostgreSQL (production's database), then on SQLite (`make run`'s)
# without the tests marked postgresql_only. Each run is spread over TEST_WORKERS processes
# (pytest-xdist), each with its own test database, Redis database and folders.
TEST_WORKERS ?= 2
TEST_SQLITE_URL := sqlite:///$(CURDIR)/var/test.sqlite3
# What both runs share, built by the first (the demo snapshot, static files, the wheel).
TEST_BUILT_ONCE := $(CURDIR)/var/test-built-once
PYTEST := TEST_BUILT_ONCE=$(TEST_BUILT_ONCE) \
	SECRET_KEY=$${SECRET_KEY:-insecure-key-for-the-test-suite-only} \
	FIELD_ENCRYPTION_KEYS=$${FIELD_ENCRYPTION_KEYS:-dGVzdC1zdWl0ZS1vbmx5LWtleS1ub3QtYS1zZWNyZXQ=} \
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal --durations=10

test: install system-packages $(HTML_CHECKER) lint ## set up and run the whole suite on both databases, browser tests included
	rm -rf $(TEST_BUILT_ONCE)
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(PYTEST)
	DATABASE_URL=$(TEST_SQLITE_URL) $(PYTEST)

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
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

serve: install ## the production server: gunicorn with gunicorn.conf.py (set the environment first, see README)
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/gunicorn -c gunicorn.conf.py rehab_site.wsgi

worker: install ## the task worker that sends inquiry notifications
	$(BIN)/python manage.py db_worker --queue-name '*' --no-reload

# Browser tests drive Debian's Chromium (Playwright's own browser download does not work
# here), the deployment test runs Debian's nginx in front of gunicorn, and the HTML checker
# (npm's vnu-jar) runs on Java.
SYSTEM_PACKAGES := $(if $(wildcard $(CHROMIUM)),,chromium) $(if $(wildcard /usr/sbin/nginx),,nginx) \
	$(if $(shell command -v java),,default-jre-headless) $(if $(shell command -v npm),,npm)
system-packages:
	@if [ -n "$(strip $(SYSTEM_PACKAGES))" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian packages for the test suite: $(SYSTEM_PACKAGES)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
		else \
			echo "Missing for the test suite: $(SYSTEM_PACKAGES). Install them with: sudo apt-get install $(SYSTEM_PACKAGES)" >&2; \
			exit 1; \
		fi; \
	fi

# The load benchmark (bench/run.py): wrk against the production server on loopback ports,
# on the PostgreSQL database BENCH_DATABASE_URL and the Redis cache BENCH_CACHE_URL.
# BENCH_SIZES sets the article counts (default 1000,100000). Writes bench/results.md.
bench: install system-packages bench-packages
	$(BIN)/python bench/run.py

# Lighthouse (npm, pinned in package-lock.json, into ./node_modules) with Debian's Chromium,
# mobile mode, on home, an article, a program page and the admissions form. Writes
# bench/lighthouse.md with the scores and the compressed CSS and JavaScript bytes.
lighthouse: install system-packages node_modules/lighthouse/package.json
	CHROME_PATH=$(CHROMIUM) $(BIN)/python bench/lighthouse.py

node_modules/lighthouse/package.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The Nu HTML Checker for the suite (tests/website/test_html_validity.py): package.json's
# dependencies only, without Lighthouse. Its install script would fetch a Java runtime;
# Debian's is used instead.
$(HTML_CHECKER): package.json package-lock.json
	npm ci --omit=dev --ignore-scripts --no-audit --no-fund
	touch $@

bench-packages:
	@if ! command -v wrk >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's wrk for the benchmark"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else \
			echo "Missing for the benchmark: wrk. Install it with: sudo apt-get install wrk" >&2; \
			exit 1; \
		fi; \
	fi

clean:
	rm -rf $(VENV) var/ media/ staticfiles/
