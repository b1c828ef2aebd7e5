# SEW Desktop -- `make run` opens the app, `make test` runs every check. Both set up .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint unit demo bench screenshots translations clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "SEW Desktop needs Python >= 3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/sew-desktop

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

unit: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

test: lint unit

demo: $(STAMP)
	$(BIN)/sew-desktop demo demo.sqlite --force

bench: $(STAMP)
	$(BIN)/python tests/benchmarks/bench_report.py
	$(BIN)/python tests/benchmarks/bench_coverage.py
	$(BIN)/python tests/benchmarks/bench_timeline.py
	$(BIN)/python tests/benchmarks/bench_import.py
	$(BIN)/python tests/benchmarks/bench_export.py
	$(BIN)/python tests/benchmarks/bench_gui.py
	$(BIN)/python tests/benchmarks/bench_safety.py
	$(BIN)/python tests/benchmarks/bench_map.py
	$(BIN)/python tests/benchmarks/bench_merge.py
	$(BIN)/python tests/benchmarks/bench_lists.py
	$(BIN)/python tests/benchmarks/bench_hostile.py
	$(BIN)/python tests/benchmarks/bench_team.py

screenshots: $(STAMP)
	$(BIN)/python tests/ui/screenshots.py screenshots

translations: $(STAMP)
	$(BIN)/python -m sew_desktop.ui.i18n_tool update

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
