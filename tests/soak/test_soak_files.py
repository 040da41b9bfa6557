"""The hostile-file properties of tests/test_reliability_files.py with 400 examples each."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import test_reliability_files as files

pytestmark = pytest.mark.soak
ROOT = Path(__file__).resolve().parents[2]


def test_fuzz_the_loader_with_many_examples() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_reliability_files.py"],
        cwd=ROOT,
        env={**os.environ, "PW_FUZZ_EXAMPLES": "400"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_a_long_dotted_key_is_refused(tmp_path: Path) -> None:
    """A 100 kB header of 50,000 dotted parts is refused, however long tomllib takes
    (about 25 s on the benchmark machine: tomllib is quadratic in the number of parts; see
    docs/reliability.md, known limits)."""
    start = time.perf_counter()
    assert files.check_refused(tmp_path, files.GOOD + b"[" + b"a." * 50_000 + b"b]\n")
    print(f"refused in {time.perf_counter() - start:.1f} s")
