"""Start-up and per-edit work of the shell: what is built before the first screen, and how
often the stepper and hidden phase views recompute while someone types (no timings here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from screens.home import HomeScreen
from screens.phase_view import PhaseView
from screens.workshop import WorkshopScreen
from session_store import SessionFile
from tests.app_harness import TODAY, app_on, calm, demo_app, phase_shown, until
from workshop.app import PartnerWorkshopApp
from workshop.method.defaults import new_session

ROOT = Path(__file__).resolve().parent.parent

NOT_AT_START_UP = (
    "screens.home",
    "screens.export_preview",
    "screens.charts",
    "workshop.export.markdown",
    "jinja2",
    "plotext",
    "textual_plotext",
    "textual_serve",
)
"""Modules the first screen of `partner-workshop demo` does not need."""


def test_opening_the_demo_imports_only_what_the_first_screen_needs(tmp_path: Path):
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['startup_app']\n"
        "try:\n"
        "    runpy.run_module('benchmarks.startup_app', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = dict(os.environ, PARTNER_WORKSHOP_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(done.stdout.split())
    assert "screens.workshop" in loaded and "screens.governance" in loaded  # the probe did paint
    assert sorted(name for name in NOT_AT_START_UP if name in loaded) == []


async def test_a_session_opened_directly_builds_no_home_screen_until_asked(tmp_path: Path):
    SessionFile.create(tmp_path / "other.toml", new_session("Other offsite"))
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert not any(isinstance(screen, HomeScreen) for screen in app.screen_stack)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#sessions").row_count == 2
        assert len(app.screen_stack) == 2  # the workshop was replaced, not kept underneath


async def test_a_session_that_cannot_be_opened_leaves_the_home_screen_behind_the_message(tmp_path: Path):
    broken = tmp_path / "broken.toml"
    broken.write_text("this is = = not toml", encoding="utf-8")
    app = PartnerWorkshopApp(session_path=broken, today=TODAY, sessions_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.session is None
        assert any(isinstance(screen, HomeScreen) for screen in app.screen_stack)


async def test_the_stepper_catches_up_while_typing_goes_on(tmp_path: Path):
    """Edits coming faster than the refresh delay must not postpone the stepper for ever
    (each edit restarting the wait), nor recompute it once per edit."""
    app = demo_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await calm(pilot)  # the first screen's own refreshes are done
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        calls = []
        original = screen._stepper_options
        screen._stepper_options = lambda: calls.append(1) or original()  # type: ignore[method-assign]
        app.editor.set_field(app.session.intake, "company_name", "Ledgerlight 1", label="Company name")
        pending = screen._stepper_timer
        assert pending is not None
        for n in range(2, 6):  # more keys while the refresh is pending
            app.editor.set_field(app.session.intake, "company_name", f"Ledgerlight {n}", label="Company name")
            assert screen._stepper_timer is pending  # the refresh is not pushed back
        await until(pilot, lambda: screen._stepper_timer is None, "the stepper's refresh")
        await calm(pilot)  # and nothing else is still to come
        assert calls == [1]  # five edits, one recomputation
        assert screen._stepper_timer is None
        app.editor.set_field(app.session.intake, "company_name", "Ledgerlight 6", label="Company name")
        assert screen._stepper_timer is not None  # the next edit schedules the next refresh


async def test_a_hidden_phase_view_recomputes_only_when_shown_again(tmp_path: Path):
    app = demo_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        screen.show_phase("intake")
        await phase_shown(pilot, "intake")  # mounted, filled and on screen (not merely asked for)
        screen.show_phase("thesis")
        await phase_shown(pilot, "thesis")
        intake = screen.query_one("#view-intake", PhaseView)
        assert not intake.display
        await calm(pilot)  # whatever the switches scheduled has run before counting starts
        refreshed = []
        original = intake.refresh_view
        intake.refresh_view = lambda: refreshed.append(1) or original()  # type: ignore[method-assign]
        for n in range(3):
            app.editor.set_field(app.session.intake, "company_name", f"edit {n}", label="Company name")
            await pilot.pause()
        assert intake._stale and intake._refresh_timer is None  # hidden: nothing scheduled for it
        await calm(pilot)  # every refresh the edits did schedule (the thesis view's, the stepper's) has run
        assert refreshed == []  # hidden: typing in Thesis cost it nothing
        screen.show_phase("intake")
        assert refreshed == [1]  # shown again: brought up to date at once
        await calm(pilot)
        assert refreshed == [1]  # and only once
