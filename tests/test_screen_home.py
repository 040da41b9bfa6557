"""The home screen: an unreadable session file says why in words, and a failing demo copy is
reported instead of crashing the App."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from screens.home import HomeScreen
from session_store import SessionFile
from tests.app_harness import SMALL, TODAY, table_rows
from workshop.app import PartnerWorkshopApp
from workshop.method.defaults import new_session


async def test_an_unreadable_file_says_why_under_the_list_without_its_path(tmp_path: Path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    SessionFile.create(folder / "good.toml", new_session("First offsite"))
    (folder / "garbage.toml").write_text("title = \n garbage [[[")
    app = PartnerWorkshopApp(today=TODAY, sessions_dir=folder)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#sessions", DataTable)
        detail = app.screen.query_one("#home-detail", Static)
        rows = table_rows(table)
        bad = next(i for i, row in enumerate(rows) if row[0] == "garbage.toml")
        assert rows[bad][1] == "cannot be read"
        assert str(folder) not in " ".join(rows[bad])  # no clipped path in the table

        table.move_cursor(row=bad)
        await pilot.pause()
        assert detail.display
        shown = str(detail.render())
        assert shown.startswith("garbage.toml cannot be read: line 1, column 9: not valid TOML")
        assert str(folder) not in shown
        assert detail.region.height >= 1 and detail.region.bottom <= app.screen.size.height

        table.move_cursor(row=1 - bad)  # the good session: its file (copies share a title)
        await pilot.pause()
        assert detail.display and not detail.has_class("-problem")
        assert str(detail.render()) == "File: good.toml"


async def test_a_demo_that_cannot_be_copied_is_reported_and_home_stays(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PARTNER_WORKSHOP_HOME", str(tmp_path))
    (tmp_path / "demo").write_text("a file where the demo folder goes")
    folder = tmp_path / "sessions"
    folder.mkdir()
    app = PartnerWorkshopApp(today=TODAY, sessions_dir=folder)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no traceback, no half-open session
        assert app.session is None
        messages = [n.message for n in app._notifications]
        assert any("cannot copy the demo session" in message for message in messages), messages
    assert app.return_code in (0, None)


async def test_a_home_screen_taken_down_before_its_mount_is_handled_does_not_crash(tmp_path: Path):
    """Under load the App can quit right after going home: the home screen's children are gone
    when its Mount is handled. It raised NoMatches('#sessions') and the App ended with an error."""
    app = PartnerWorkshopApp(sessions_dir=tmp_path, today=TODAY)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        emptied = HomeScreen()  # never composed: no '#sessions' table, as after the teardown
        emptied.on_mount()  # nothing to fill, no error
        assert not emptied.query("#sessions")
        assert isinstance(app.screen, HomeScreen)
