"""Shared fixtures (keep this small)."""

from __future__ import annotations

from pathlib import Path

import pytest

import workshop
from session_store import load_session
from workshop.models import Session

BUNDLED_DEMO = Path(workshop.__file__).parent / "demo" / "demo.toml"


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
