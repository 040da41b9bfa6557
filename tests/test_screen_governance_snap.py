"""Snapshots of the governance screen on the demo session, at 80x24 and 160x48."""

from __future__ import annotations

from tests.app_harness import LARGE, SMALL, demo_app


def test_governance_small(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, press=["7"])


def test_governance_large(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=LARGE, press=["7"])
