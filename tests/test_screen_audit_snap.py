"""Snapshot of the audit trail (F10) on the demo session, at 80x24: newest first, the entry's detail."""

from __future__ import annotations

from tests.app_harness import SMALL, demo_app


def test_audit_small(snap_compare, tmp_path):
    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, press=["f10"])
