"""Snapshots of the Decisions view and its guided form on the demo session, at 80x24 and 160x48."""

from __future__ import annotations

from pathlib import Path

from session_store import load_session
from tests.app_harness import BUNDLED_DEMO, LARGE, SMALL, app_on, settle
from workshop.method.models import Phase


def decisions_app(folder: Path):
    session = load_session(BUNDLED_DEMO)
    session.position.phase, session.position.row = Phase.DECISIONS, 0
    return app_on(session, folder)


def test_decisions_small(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(decisions_app(tmp_path), terminal_size=SMALL)


def test_decisions_large(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(decisions_app(tmp_path), terminal_size=LARGE)


def test_decision_form_small(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(decisions_app(tmp_path), terminal_size=SMALL, press=["down", "e", "right", "right"])


async def _answer_three(pilot) -> None:
    await pilot.press("a", *"Claims data", "enter", "n", "n", "y")
    await settle(pilot)  # the status reads "saved", not "saving…"


def test_decision_form_large(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(decisions_app(tmp_path), terminal_size=LARGE, run_before=_answer_three)
