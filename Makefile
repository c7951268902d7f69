# Bunkar — the Bhadohi weavers' cooperative storefront.
# `make run` and `make test` are the whole quick start; `make help` lists the rest.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app wsgi
PORT   ?= 5000
# PostgreSQL run of the suite: TEST_DATABASE_URL wins; otherwise the local server if it answers.
PG_URL ?= postgresql://postgres@127.0.0.1:5432/test

.DEFAULT_GOAL := help
.PHONY: help install run serve test test-sqlite test-postgres lint fmt \
        translate-extract translate-update translate-compile seed bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed translate-compile ## create the venv and install everything

translate-compile: $(VENV)/.installed ## compile translations/*.po to .mo
	$(BIN)/pybabel -q compile -d translations

translate-extract: $(VENV)/.installed ## extract messages into translations/messages.pot
	$(BIN)/pybabel -q extract --ignore-dirs=".* __pycache__ .venv instance" -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot --no-location --sort-output --project=Bunkar --copyright-holder="Bunkar contributors" .

translate-update: translate-extract ## merge new messages into the Hindi catalog (no fuzzy guesses)
	$(BIN)/pybabel -q update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete --no-wrap

seed: install ## migrate the database and load demo data if it is empty
	$(FLASK) db upgrade
	$(FLASK) seed-demo --if-empty

run: seed ## install, migrate, load demo data and serve on http://127.0.0.1:$(PORT)
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

test: install ## the whole suite: SQLite, then PostgreSQL when available
	@echo "== SQLite run"
	env -u TEST_DATABASE_URL $(BIN)/pytest -q -p no:cacheprovider
	@url="$${TEST_DATABASE_URL:-}"; \
	if [ -z "$$url" ] && command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then url="$(PG_URL)"; fi; \
	if [ -n "$$url" ]; then \
	  echo "== PostgreSQL run ($$url)"; TEST_DATABASE_URL="$$url" $(BIN)/pytest -q -p no:cacheprovider; \
	else echo "== PostgreSQL not available: skipped the second run (set TEST_DATABASE_URL)"; fi

lint: $(VENV)/.installed ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(VENV)/.installed ## ruff format and autofix
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install ## run the benchmarks (prints figures)
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/feeds.py

clean: ## remove the venv, caches and the local database
	rm -rf $(VENV) instance .pytest_cache .ruff_cache *.egg-info
