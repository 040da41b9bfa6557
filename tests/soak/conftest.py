"""Soak tests: long reliability runs, only with ``make soak`` (``pytest -m soak tests/soak``).

The ``soak`` marker is registered here (pyproject.toml is not ours to edit), and soak items
are skipped unless the ``-m`` expression given mentions ``soak``, so plain ``make test`` never
spends minutes on them.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "soak: long reliability run; only with -m soak (make soak)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "soak" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="soak test: run with `make soak`")
    for item in items:
        if item.get_closest_marker("soak") is not None:
            item.add_marker(skip)
