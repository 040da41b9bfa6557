# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-browser bench soak clean compiled

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11+ is needed (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	@touch $(STAMP)

# Our own modules are an editable install, so pip never byte-compiles them; with
# PYTHONDONTWRITEBYTECODE set (as on these machines) every start would compile them again
# (~60 ms of start-up). compileall writes the .pyc files anyway and skips fresh ones.
# (`python -m benchmarks` compiles them itself before timing start-up.)
compiled: $(STAMP)
	@$(BIN)/python -m compileall -q workshop screens session_store benchmarks tests >/dev/null

run: compiled
	$(BIN)/partner-workshop demo

# Two test workers per CPU: an App test spends a good part of its time waiting for the app's own
# timers (a view's refresh, the autosave), and a second worker per CPU runs meanwhile (the suite:
# 248 s with one worker per CPU on the idle 2-core machine, 182 s with two; docs/performance.md).
# PYTHONDONTWRITEBYTECODE is emptied for the run so pytest keeps its rewritten test modules
# instead of every worker rewriting all of them at every run.
TEST_WORKERS ?= $(shell $(PYTHON) -c 'import os; n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(); print(min(16, 2 * (n or 1)))')
PYTEST := PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

test: compiled
	$(PYTEST)

# The room's phone page in a real browser: Debian's chromium (Playwright's own browser download
# does not work here), driven by the pinned Playwright of the `browser` extra.
BROWSER_STAMP := $(VENV)/.browser-installed

$(BROWSER_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,browser]'
	@touch $(BROWSER_STAMP)

/usr/bin/chromium:
	@command -v apt-get >/dev/null 2>&1 || { echo "Chromium is needed at /usr/bin/chromium"; exit 1; }
	apt-get update -qq || true
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

test-browser: compiled $(BROWSER_STAMP) /usr/bin/chromium
	$(BIN)/python -m pytest -p no:xdist -m browser tests/browser

# The suite on a busy machine: two CPU-bound processes run beside it for its whole length (as
# CI's neighbours or a laptop's other work would), started and stopped here — killed however
# the suite ends (failure, Ctrl-C). Every test must still pass: none may depend on how fast the
# machine is. Prints the wall time. (`make test-under-load TESTS=tests/test_x.py` runs some tests only.)
test-under-load: compiled
	@$(BIN)/python -c 'while True: pass' & hog1=$$!; \
	$(BIN)/python -c 'while True: pass' & hog2=$$!; \
	trap 'kill $$hog1 $$hog2 2>/dev/null' EXIT INT TERM HUP; \
	echo "two CPU-bound processes beside the suite: $$hog1 $$hog2"; \
	start=$$(date +%s); \
	$(PYTEST) $(TESTS); status=$$?; \
	echo "the suite under load took $$(( $$(date +%s) - start )) s (exit $$status)"; \
	exit $$status

bench: $(STAMP)
	$(BIN)/python -m benchmarks

soak: $(STAMP)
	$(BIN)/python -m pytest -m soak tests/soak

clean:
	rm -rf $(VENV) build *.egg-info
