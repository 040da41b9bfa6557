"""Snapshots of the Tiers view on the demo session, at 80x24 and 160x48."""

from __future__ import annotations

from pathlib import Path

from session_store import load_session
from tests.app_harness import BUNDLED_DEMO, LARGE, SMALL, app_on
from workshop.method.models import Phase


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


def test_tiers_hostile_five_tier_ladder_large(snap_compare, tmp_path: Path) -> None:
    """A five-tier ladder with an Elite tier at $5M+ and tier names that look like markup."""
    from workshop.method.tier_ladder import add_tier

    session = load_session(BUNDLED_DEMO)
    session.position.phase, session.position.row = Phase.TIERS, 2
    elite = add_tier(session.tiers, "Elite")
    elite.pipeline_min, elite.certified_individuals = 5_000_000, 10
    session.tiers.tier("platinum").pipeline_max = 5_000_000
    session.tiers.tier("platinum").name = "[bold]X[/]"
    session.tiers.tier("gold").name = "a | b"
    session.tiers.tier("silver").name = "🚀 Silver"

    async def show_the_ladder(pilot) -> None:
        await pilot.pause()  # the opening focus on the program table, and its scroll, first
        view = pilot.app.screen.query_one("#view-tiers")
        view.query_one("#tiers").focus()
        view.scroll_home(animate=False)
        await pilot.pause()

    assert snap_compare(app_on(session, tmp_path), terminal_size=LARGE, run_before=show_the_ladder)
