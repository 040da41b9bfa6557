"""Leaving a session — quitting, going home — never drops changes that could not be saved
without asking; and the reason a save failed can be asked for again (ctrl+s)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from textual.pilot import Pilot

from screens.dialogs import ChoiceDialog
from screens.home import HomeScreen
from screens.workshop import WorkshopScreen
from session_store import SessionError, SessionFile, load_session
from tests.app_harness import app_on, until
from workshop.app import PartnerWorkshopApp
from workshop.method.defaults import new_session


@contextlib.asynccontextmanager
async def unsaved_changes(tmp_path: Path) -> AsyncIterator[tuple[PartnerWorkshopApp, Pilot, Path]]:
    """An app whose session file was replaced by another program, then edited: the save of the
    edit ("Unsaved work") is refused. Yields the app, its pilot and the session's path."""
    app = app_on(new_session("Offsite"), tmp_path)
    path = tmp_path / "session.toml"
    async with app.run_test(size=(100, 36), notifications=True) as pilot:
        await pilot.pause()
        replaced = path.with_name("theirs.toml")
        SessionFile.create(replaced, new_session("Changed elsewhere"))
        replaced.replace(path)
        app.editor.set_field(app.session, "facilitator", "Unsaved work", label="Facilitator")
        assert app.flush_save() is False
        await pilot.pause()
        yield app, pilot, path


async def _press_to_leave(pilot: Pilot, key: str) -> ChoiceDialog:
    await pilot.press(key)
    await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), "the question")
    return pilot.app.screen


def _choose(app: PartnerWorkshopApp, value: object) -> None:
    dialog = app.screen
    assert isinstance(dialog, ChoiceDialog)
    dialog.dismiss(value)


def _messages(app: PartnerWorkshopApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_going_home_with_unsaved_changes_asks_and_stay_keeps_everything(tmp_path: Path) -> None:
    async with unsaved_changes(tmp_path) as (app, pilot, path):
        dialog = await _press_to_leave(pilot, "f8")
        theirs = path.read_bytes()
        assert dialog.dialog_title == "Your last changes are not saved"
        assert "changed" in dialog.message.lower()  # the reason, not just "see the message"
        assert [label for label, _ in dialog.choices] == [
            "Save a copy, then go home", "Stay in this session", "Go home without the unsaved changes",
        ]
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert app.session.facilitator == "Unsaved work"
        assert path.read_bytes() == theirs


async def test_going_home_after_saving_a_copy_keeps_the_work_in_the_copy(tmp_path: Path) -> None:
    async with unsaved_changes(tmp_path) as (app, pilot, path):
        await _press_to_leave(pilot, "f8")
        _choose(app, "copy")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        # home: no session open, and the header no longer speaks of one ("saved 2 s ago")
        assert not app.session_is_open and (app.title, app.sub_title) == ("Partner Workshop", "")
    [copy] = [p for p in tmp_path.glob("*.toml") if p != path]
    assert load_session(copy).facilitator == "Unsaved work"
    assert load_session(path).title == "Changed elsewhere"  # theirs, untouched


async def test_quitting_without_the_unsaved_changes_is_a_choice_not_an_accident(tmp_path: Path) -> None:
    async with unsaved_changes(tmp_path) as (app, pilot, path):
        await _press_to_leave(pilot, "ctrl+q")
        theirs = path.read_bytes()
        assert app.is_running
        _choose(app, "leave")
        await until(pilot, lambda: not app.is_running, "the app to end")
    assert path.read_bytes() == theirs


async def test_asking_twice_shows_one_question(tmp_path: Path) -> None:
    async with unsaved_changes(tmp_path) as (app, pilot, _path):
        await _press_to_leave(pilot, "ctrl+q")
        await pilot.press("ctrl+q")  # quit is bound everywhere, the question included
        await pilot.pause()
        assert sum(isinstance(screen, ChoiceDialog) for screen in app.screen_stack) == 1


async def test_ctrl_s_says_again_why_the_session_is_not_saved(tmp_path: Path) -> None:
    async with unsaved_changes(tmp_path) as (app, pilot, path):
        told = sum("changed" in m.lower() for m in _messages(app))
        assert told == 1
        assert app.sub_title.startswith("NOT SAVED (ctrl+s)")  # first: a narrow header keeps it
        app.clear_notifications()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert sum("changed" in m.lower() for m in _messages(app)) == 1  # said again, once


async def test_leaving_with_everything_saved_asks_nothing(tmp_path: Path) -> None:
    SessionFile.create(tmp_path / "other.toml", new_session("Other"))
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        app.editor.set_field(app.session, "facilitator", "Saved work", label="Facilitator")
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
    assert load_session(tmp_path / "session.toml").facilitator == "Saved work"


async def test_changes_pending_when_the_app_ends_any_other_way_are_written(tmp_path: Path) -> None:
    """Not through quit: Textual ends the app itself when the terminal goes away (its input
    thread fails) or on an error. The autosave had not run yet; the change is on disk anyway."""
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        app.editor.set_field(app.session, "facilitator", "Typed just before the end", label="Facilitator")
        app.exit()  # before the autosave's 0.3 s
    assert load_session(tmp_path / "session.toml").facilitator == "Typed just before the end"


async def test_ended_by_a_signal_while_saving_fails_the_work_goes_to_a_copy_and_is_named(tmp_path: Path) -> None:
    import signal

    async with unsaved_changes(tmp_path) as (app, pilot, path):
        theirs = path.read_bytes()
        app.leave_on_signal(signal.SIGTERM)
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGTERM
    assert path.read_bytes() == theirs
    [copy] = [p for p in tmp_path.glob("*.toml") if p != path]
    assert load_session(copy).facilitator == "Unsaved work"
    assert str(copy) in app.exit_note  # printed on the terminal once the app has ended


async def test_a_copy_goes_to_the_sessions_folder_when_the_files_own_folder_refuses_it(
    tmp_path: Path, monkeypatch
) -> None:
    sessions = tmp_path / "sessions"
    create = SessionFile.create

    def refuse_beside_the_original(path: Path, session):  # noqa: ANN001, ANN202 - as a read-only folder
        if path.parent == tmp_path:
            raise SessionError(f"{path}: cannot create: Permission denied")
        return create(path, session)

    async with unsaved_changes(tmp_path) as (app, pilot, _path):
        app.sessions_dir = sessions
        await _press_to_leave(pilot, "f8")
        monkeypatch.setattr(SessionFile, "create", staticmethod(refuse_beside_the_original))
        _choose(app, "copy")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
    [copy] = list(sessions.glob("*.toml"))
    assert load_session(copy).facilitator == "Unsaved work"


async def test_on_the_home_screen_the_session_keys_are_off(tmp_path: Path) -> None:
    """F2 on the home screen parked a note in the session just left: shown as parked, never saved."""
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        before = (tmp_path / "session.toml").read_bytes()
        footer = {active.binding.action for active in app.screen.active_bindings.values() if active.binding.show}
        assert not footer & PartnerWorkshopApp.SESSION_ACTIONS
        for key in ("f2", "f4", "f7", "f6", "f5", "ctrl+z"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), key
        assert app.session.parking_lot == [] and not app.presenting  # F5 hid the home screen's footer
        assert (tmp_path / "session.toml").read_bytes() == before


async def test_a_key_typed_in_the_same_burst_as_leaving_is_kept(tmp_path: Path) -> None:
    """"Z" then F8 (or ctrl+q) in one burst: the Z was in the field, and never in the file."""
    from textual.widgets import Input

    from tests.app_harness import calm, type_ahead

    for leaving in ("f8", "ctrl+q"):
        app = app_on(new_session("Offsite"), tmp_path, f"{leaving}.toml")
        async with app.run_test(size=(100, 36)) as pilot:
            field = app.screen.query_one("#field-facilitator #input", Input)
            field.focus()
            await pilot.pause()
            type_ahead(app, *"Jane", leaving)
            await until(pilot, lambda: not app.is_running or isinstance(app.screen, HomeScreen), "leaving")
            if leaving == "f8":  # and the home screen's header does not go on naming the session left
                await calm(pilot)
                assert app.title == PartnerWorkshopApp.TITLE
        assert load_session(tmp_path / f"{leaving}.toml").facilitator == "Jane", leaving
