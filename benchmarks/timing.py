"""Median-of-repeats timing, and running a benchmark script in a fresh interpreter."""

from __future__ import annotations

import cProfile
import gc
import pstats
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def median_ms(run: Callable[[], object], repeats: int, setup: Callable[[], object] | None = None) -> float:
    """Median wall time of ``run()`` in milliseconds over ``repeats`` runs (GC collected between)."""
    times = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        gc.collect()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def python_calls(run: Callable[[], object], setup: Callable[[], object] | None = None) -> int:
    """How many function calls ``run()`` makes (Python and built-in, as cProfile counts them):
    the work it does, free of the timing noise of a shared machine and of memory-cache effects."""
    if setup is not None:
        setup()
    profile = cProfile.Profile()
    profile.runcall(run)
    return pstats.Stats(profile).total_calls


def spawn_ms(module: str, *args: str, env: dict[str, str] | None = None, timeout: float = 120) -> float:
    """Wall time in ms of ``python -m module args`` from spawn to exit (it must exit 0)."""
    full_env = {**os.environ, **(env or {})}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{module} exited {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}")
    return elapsed


def spawn_json(module: str, *args: str, env: dict[str, str] | None = None, timeout: float = 600) -> dict:
    """Run ``python -m module args`` and parse the JSON object it prints last on stdout."""
    full_env = {**os.environ, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        cwd=Path(__file__).resolve().parent.parent,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} exited {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}")
    return json.loads(done.stdout.decode().strip().splitlines()[-1])
