"""The audit trail screen (F10, command palette): newest first, the entry's rule and figures."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from screens.audit import AuditScreen
from session_store import load_session
from tests.app_harness import BUNDLED_DEMO, app_on, calm, saved, table_rows
from workshop.method.audit import record_audit
from workshop.method.models import AuditKind, Phase

HOSTILE = "[bold]X[/] a [/] b [@click=app.quit]x[/]"


async def test_f10_shows_the_trail_newest_first_with_the_figures(tmp_path: Path) -> None:
    session = load_session(BUNDLED_DEMO)
    record_audit(session, AuditKind.OVERRIDE, HOSTILE, HOSTILE, {HOSTILE: HOSTILE}, subject=HOSTILE,
                 summary=HOSTILE, reason=HOSTILE)
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, AuditScreen)
        rows = table_rows(app.screen.query_one(DataTable))
        assert len(rows) == len(session.audit)
        assert rows[0][2] == "Override" and rows[-1][2] == "Sign-off"  # newest first
        detail = str(app.screen.query_one("#audit-detail", Static).render())
        assert f"Reason: {HOSTILE}" in detail and f"{HOSTILE}: {HOSTILE}" in detail  # literal text
        await pilot.press("down")
        await pilot.pause()
        assert "D-005" in str(app.screen.query_one("#audit-detail", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AuditScreen)


async def test_undo_of_a_sign_off_keeps_the_trail_and_says_so(tmp_path: Path) -> None:
    session = load_session(BUNDLED_DEMO)
    session.position.phase = Phase.THESIS
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("ThesisView")
        view.action_withdraw_sign_off()
        await pilot.pause()
        await pilot.press("y")
        await calm(pilot)
        assert saved(app).audit[-1].kind is AuditKind.WITHDRAWAL
        count = len(saved(app).audit)
        await pilot.press("ctrl+z")
        await calm(pilot)
        trail = saved(app).audit
        assert app.session.thesis.signoff is not None  # the withdrawal is undone…
        assert len(trail) == count + 1  # …and the trail kept it, and says so
        assert trail[-1].kind is AuditKind.REVERTED
        assert trail[-1].summary.startswith("Undone: Thesis sign-off by Maya Okafor withdrawn")
