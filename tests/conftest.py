"""Shared fixtures (keep this small)."""

from __future__ import annotations

from pathlib import Path

import pytest

import workshop
from session_store import load_session
from workshop.models import Session

BUNDLED_DEMO = Path(workshop.__file__).parent / "demo" / "demo.toml"


@pytest.fixture(autouse=True)
def private_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the person's own data or cache folders (the parse cache, sessions).

    Tests that want a data folder of their own use ``tmp_home``; the rest share one per run.
    """
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("PARTNER_WORKSHOP_HOME", str(base / "workshop-home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))


@pytest.fixture
def tmp_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder: ``PARTNER_WORKSHOP_HOME`` points at it for the test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PARTNER_WORKSHOP_HOME", str(home))
    return home


@pytest.fixture
def demo_session() -> Session:
    """The bundled demo session, freshly loaded (safe to modify)."""
    return load_session(BUNDLED_DEMO)
