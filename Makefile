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

test: compiled
	$(BIN)/python -m pytest -n auto --dist worksteal

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

bench: $(STAMP)
	$(BIN)/python -m benchmarks

soak: $(STAMP)
	$(BIN)/python -m pytest -m soak tests/soak

clean:
	rm -rf $(VENV) build *.egg-info
