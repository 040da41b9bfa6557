"""Snapshots of the Tiers view on the demo session, at 80x24 and 160x48."""

from __future__ import annotations

from pathlib import Path

from session_store import load_session
from tests.app_harness import BUNDLED_DEMO, LARGE, SMALL, app_on
from workshop.models import Phase


def tiers_app(folder: Path):
    session = load_session(BUNDLED_DEMO)
    session.position.phase, session.position.row = Phase.TIERS, 2  # Northbridge: a contradiction
    return app_on(session, folder)


def test_tiers_small(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(tiers_app(tmp_path), terminal_size=SMALL)


def test_tiers_large(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(tiers_app(tmp_path), terminal_size=LARGE)


def test_tiers_apply_confirmation_small(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(tiers_app(tmp_path), terminal_size=SMALL, press=["p"])
