"""Snapshots of the Mapping view on the demo session, at 80×24 and 160×48 (and while rating)."""

from __future__ import annotations

from tests.app_harness import LARGE, SMALL, demo_app, settle


async def _open_mapping(pilot) -> None:
    pilot.app.screen.show_phase("mapping")
    await pilot.pause(0.5)


async def _rating(pilot) -> None:
    view = pilot.app.screen.show_phase("mapping")
    await pilot.pause(0.5)
    view.table.focus()
    await pilot.press("r", "9", "5", "enter")
    await settle(pilot)  # the status reads "saved", not "saving…"


def test_mapping_small(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=_open_mapping)


def test_mapping_large(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=LARGE, run_before=_open_mapping)


def test_mapping_rating_small(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=_rating)
