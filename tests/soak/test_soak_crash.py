"""200 SIGKILLs of a process saving in a loop (see tests/test_reliability_crash.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_reliability_crash import run_kills

pytestmark = pytest.mark.soak


def test_two_hundred_kills_never_lose_a_completed_save(tmp_path: Path) -> None:
    run_kills(tmp_path, kills=200, seed=200)
