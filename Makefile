# Two commands for a newcomer: `make run` and `make test`. Each bootstraps .venv by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "bodymap needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Byte-compile first: an installed wheel is compiled at install time, and an environment with
# PYTHONDONTWRITEBYTECODE would otherwise recompile every module at each start (~45 ms).
run: $(STAMP)
	$(BIN)/python -m compileall -q bodymap
	$(BIN)/bodymap

test: $(STAMP)
	$(BIN)/ruff check bodymap tests benchmarks
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m compileall -q bodymap
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache
