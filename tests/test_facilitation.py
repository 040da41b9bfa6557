"""Facilitation in the room: undo/redo, the parking lot, presenter mode, the timebox clock."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, Select, TextArea

from screens.fields import FieldEditor
from screens.parking_lot import ParkingLotScreen, QuickNoteDialog
from screens.workshop import WorkshopScreen
from tests.app_harness import app_on, saved, settle
from workshop.method import agenda
from workshop.method.defaults import new_session
from workshop.method.models import Phase


async def type_into(pilot, app, name: str, text: str) -> None:
    app.screen.query_one(f"#field-{name}", FieldEditor).query_one(Input).focus()
    await pilot.pause()
    await pilot.press("ctrl+a", "ctrl+k", *text)


async def test_undo_and_redo_step_through_bursts_of_edits_and_say_what_changed(tmp_path: Path):
    app = app_on(new_session("Offsite"), tmp_path)
    told: list[str] = []  # every toast as it is posted: a 4 s toast may be gone by the time a
    notify = app.notify  # loaded machine has put the restored screen up (make test-under-load)
    app.notify = lambda message, *args, **kwargs: told.append(str(message)) or notify(message, *args, **kwargs)  # type: ignore[method-assign]
    async with app.run_test(size=(110, 36), notifications=True) as pilot:
        await pilot.pause()
        await type_into(pilot, app, "company_name", "Acme")
        await settle(pilot)  # autosaved: one burst, one undo step
        await type_into(pilot, app, "product_category", "RegTech")
        await settle(pilot)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.intake.product_category == ""
        assert app.session.intake.company_name == "Acme"
        assert any("Undone: Product category changed" in message for message in told)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.intake.company_name == ""
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.session.intake.company_name == "Acme"
        # The screen shows the restored session, and the file has it too.
        assert isinstance(app.screen, WorkshopScreen)
        assert app.screen.query_one("#field-company_name", FieldEditor).query_one(Input).value == "Acme"
        on_disk = saved(app)
        assert on_disk.intake.company_name == "Acme"
        assert on_disk.intake.product_category == ""
        assert [c.what for c in on_disk.history][-2:] == [
            "Undone: Company name changed",
            "Redone: Company name changed",
        ]


async def test_a_note_parked_from_anywhere_lands_in_the_parking_lot(tmp_path: Path):
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await type_into(pilot, app, "company_name", "x")  # focus in a field: F2 still works
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, QuickNoteDialog)
        assert app.screen.query_one("#note-phase", Select).value == Phase.INTAKE
        app.post_message(events.Paste("Ask Legal about [bold]MDF[/] | caps"))  # pasted into the note
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [(n.text, n.phase) for n in app.session.parking_lot] == [
            ("Ask Legal about [bold]MDF[/] | caps", Phase.INTAKE)
        ]
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ParkingLotScreen)
        await pilot.press("space")
        await pilot.pause()
        assert app.session.parking_lot[0].resolved
        await pilot.press("escape")
        assert saved(app).parking_lot[0].resolved


async def test_an_empty_note_is_not_parked(tmp_path: Path):
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuickNoteDialog)
        assert app.screen.query_one(TextArea).text == ""
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.parking_lot == []


async def test_presenter_mode_hides_the_stepper_and_footer_and_comes_back(tmp_path: Path):
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        stepper = app.screen.query_one("#sidebar")
        assert stepper.display
        await pilot.press("f5")
        await pilot.pause()
        assert not stepper.display
        await pilot.press("f5")
        await pilot.pause()
        assert stepper.display


async def test_the_clock_counts_the_current_phase_and_shows_time_left(tmp_path: Path):
    session = new_session("Offsite")
    agenda.timebox(session, Phase.INTAKE).planned_minutes = 30
    app = app_on(session, tmp_path)
    app.timer_running = True
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        app._tick()
        app._tick()
        assert agenda.timebox(app.session, Phase.INTAKE).spent_seconds >= 2
        assert "phase 29:5" in app.sub_title and "left" in app.sub_title
        await pilot.press("f6")
        spent = agenda.timebox(app.session, Phase.INTAKE).spent_seconds
        app._tick()
        assert agenda.timebox(app.session, Phase.INTAKE).spent_seconds == spent
        assert "paused" in app.sub_title


async def test_the_clock_runs_on_while_the_room_works_in_a_dialog(tmp_path: Path):
    """Edit dialogs, the decision form, the parking lot are where the room works: the phase's
    time goes on (it stood still whenever anything covered the workshop screen)."""
    app = app_on(new_session("Offsite"), tmp_path)
    app.timer_running = True
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert not isinstance(app.screen, WorkshopScreen)
        spent = agenda.timebox(app.session, Phase.INTAKE).spent_seconds
        app._tick()
        app._tick()
        assert agenda.timebox(app.session, Phase.INTAKE).spent_seconds >= spent + 2


async def test_f7_opens_the_charts_from_any_phase(tmp_path: Path):
    from screens.charts import ChartsScreen
    from tests.app_harness import demo_app

    app = demo_app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, ChartsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)


async def test_the_agenda_opens_ready_to_type_the_current_phases_minutes(tmp_path: Path):
    from screens.agenda import AgendaScreen
    from tests.app_harness import calm, type_ahead

    session = new_session("Offsite")
    session.position.phase = Phase.MAPPING
    app = app_on(session, tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        app.action_edit_agenda()
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.focused is app.screen.query_one("#agenda-mapping #input")  # nothing was focused
        type_ahead(app, "ctrl+a", "ctrl+k", *"45", "enter", "ctrl+a", "ctrl+k", *"50")  # home, cut: then type
        await calm(pilot)
        assert (agenda.timebox(app.session, Phase.MAPPING).planned_minutes,
                agenda.timebox(app.session, Phase.TIERS).planned_minutes) == (45, 50)
