"""A session open in one window is not opened in a second one (they would refuse each
other's saves); once the first window leaves it, it opens."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from screens.home import HomeScreen
from screens.workshop import WorkshopScreen
from session_store import EditingClaim, SessionFile
from tests.app_harness import TODAY, app_on, until
from workshop.app import PartnerWorkshopApp
from workshop.method.defaults import new_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock: POSIX only")


async def test_a_session_open_elsewhere_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "session.toml"
    SessionFile.create(path, new_session("Offsite"))
    elsewhere = EditingClaim.take(path)  # another window has it
    try:
        app = PartnerWorkshopApp(session_path=path, today=TODAY, sessions_dir=tmp_path)
        async with app.run_test(size=(100, 36), notifications=True) as pilot:
            await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
            messages = " ".join(str(n.message) for n in app._notifications)
            assert "open in another Partner Workshop window" in messages
            assert app.session is None
    finally:
        elsewhere.release()


async def test_going_home_lets_another_window_open_the_session(tmp_path: Path) -> None:
    app = app_on(new_session("Offsite"), tmp_path)
    path = tmp_path / "session.toml"
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        with pytest.raises(Exception, match="another Partner Workshop window"):
            EditingClaim.take(path)  # held while the workshop is open
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        EditingClaim.take(path).release()  # free once the window left it
        await pilot.press("enter")  # and this window can take it back: the list's only session
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the workshop")
        with pytest.raises(Exception, match="another Partner Workshop window"):
            EditingClaim.take(path)
    EditingClaim.take(path).release()  # the app released it when it ended
