"""Snapshots of the screens the shell owns: home (sessions listed) and intake, at 80x24 and 160x48."""

from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest

from session_store import SessionFile, load_session
from tests.app_harness import BUNDLED_DEMO, LARGE, SMALL, TODAY, calm, demo_app
from workshop.app import PartnerWorkshopApp
from workshop.method.defaults import new_session


def _home_app(folder) -> PartnerWorkshopApp:
    demo = load_session(BUNDLED_DEMO)
    demo.updated = datetime(2026, 11, 24, 16, 30, tzinfo=timezone.utc)
    SessionFile.create(folder / "ledgerlight.toml", demo)
    fresh = new_session("Q1 partner offsite [draft] | # 1")
    fresh.updated = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
    SessionFile.create(folder / "q1.toml", fresh)
    app = PartnerWorkshopApp(today=TODAY, sessions_dir=folder)
    app.clock = lambda: 0.0
    return app


async def _open_intake(pilot) -> None:
    pilot.app.screen.show_phase("intake")
    await calm(pilot)


@pytest.fixture
def utc(monkeypatch):
    """Home shows times in the local zone: make it the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_home_small(snap_compare, tmp_path, utc):
    assert snap_compare(_home_app(tmp_path), terminal_size=SMALL)


def test_home_large(snap_compare, tmp_path, utc):
    assert snap_compare(_home_app(tmp_path), terminal_size=LARGE)


def test_intake_small(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=_open_intake)


def test_intake_large(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=LARGE, run_before=_open_intake)
