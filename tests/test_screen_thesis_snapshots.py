"""Snapshots of the Thesis view on the demo session, at 80×24 and 160×48."""

from __future__ import annotations

from tests.app_harness import LARGE, SMALL, calm, demo_app


async def _open_thesis(pilot) -> None:
    pilot.app.screen.show_phase("thesis")
    await calm(pilot)


def test_thesis_small(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=_open_thesis)


def test_thesis_large(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=LARGE, run_before=_open_thesis)
