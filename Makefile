# Two commands matter: `make demo` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: setup demo test lint typecheck test-sqlite test-postgres test-browser browser-deps messages translations bench model clean

setup: $(VENV)/.installed $(VENV)/.compiled

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Ancrage needs Python >= 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

# The analyzer's hot modules as C extensions (mypyc); pure Python when there is no compiler.
$(VENV)/.compiled: $(VENV)/.installed ancrage/analysis/acts.py ancrage/analysis/index.py ancrage/analysis/normalize.py ancrage/analysis/learned_acts.py ancrage/analysis/engine.py
	$(BIN)/python scripts/compile_analyzer.py
	touch $@

demo: setup
	$(BIN)/ancrage demo

test: setup lint typecheck test-sqlite test-postgres test-browser

lint: setup
	$(BIN)/ruff check ancrage tests benchmarks training
	$(BIN)/ruff format --check ancrage tests benchmarks training

typecheck: setup
	$(BIN)/mypy ancrage

test-sqlite: setup
	$(BIN)/pytest -m "not browser" -p no:cacheprovider

# PostgreSQL is mandatory under CI=true; elsewhere a missing server is reported as skipped.
test-postgres: setup
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(PG_URL) $(BIN)/pytest -m "not browser" -p no:cacheprovider; \
	elif [ "$$CI" = "true" ]; then \
		echo "FAIL: PostgreSQL at $(PG_URL) is unreachable and CI=true requires it"; exit 1; \
	else \
		echo "SKIPPED: PostgreSQL tests (no server at $(PG_URL))"; \
	fi

browser-deps:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null); } || true

test-browser: setup browser-deps
	$(BIN)/pytest -m browser -p no:cacheprovider

messages: setup
	cd ancrage && ../$(BIN)/django-admin compilemessages --ignore=.venv

# Extract new strings, fill their French from scripts/fill_translations.py and scripts/fr/*.py, compile.
translations: setup
	cd ancrage && ../$(BIN)/django-admin makemessages -l fr --ignore 'analysis/*' --ignore '.venv/*'
	$(BIN)/python scripts/fill_translations.py
	cd ancrage && ../$(BIN)/django-admin compilemessages --ignore=.venv

# The weight tables the analyzer ships, rebuilt from the team's labelled data (fixed seeds).
model: setup
	$(BIN)/python training/train_triage.py
	$(BIN)/python training/train_acts.py

# The spaCy baseline of the analyzer benchmark needs spaCy and its French model (extra "bench").
$(VENV)/.bench-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,bench]'
	touch $@

# Every benchmark runs even when one misses its target (its exit status says so, make goes on).
bench: setup $(VENV)/.bench-installed
	-$(BIN)/python benchmarks/startup.py
	-$(BIN)/python benchmarks/outbound_throughput.py
	-$(BIN)/python benchmarks/inbound_latency.py
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || true
	-$(BIN)/python benchmarks/webhook_load.py
	-$(BIN)/python benchmarks/analysis_speed.py
	-$(BIN)/python benchmarks/answer_speed.py
	-$(BIN)/python benchmarks/checkin_scheduling.py
	-$(BIN)/python benchmarks/triage_accuracy.py
	-$(BIN)/python benchmarks/triage_speed.py
	-$(BIN)/python benchmarks/inbox_latency.py
	-$(BIN)/python benchmarks/accuracy.py  # needs ../shared/corpora
	-$(BIN)/python benchmarks/own_accuracy.py

clean:
	rm -rf $(VENV) data build *.egg-info ancrage/analysis/*.so
