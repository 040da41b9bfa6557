"""The App as a facilitator drives it: fields autosave, bad values are refused next to the
field, records are added and deleted, quitting loses nothing, conflicts are reported."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input

from screens.dialogs import ConfirmDialog, EditDialog
from screens.fields import FieldEditor
from screens.home import HomeScreen
from screens.workshop import WorkshopScreen
from session_store import SessionFile, backup_path, load_session
from tests.app_harness import TODAY, app_on, calm, paste, saved, type_ahead, until
from workshop.app import PartnerWorkshopApp
from workshop.method.defaults import new_session
from workshop.method.models import Phase

HOSTILE = "[bold]X[/] a [/] b [@click=app.quit]q[/] | # x 🚀"
TYPED, PASTED = HOSTILE[:10], HOSTILE[10:]
"""Its first markup typed key by key (keys reach the field), the rest pasted: the same text, quicker."""
assert TYPED == "[bold]X[/]" and TYPED + PASTED == HOSTILE


def field(app: PartnerWorkshopApp, name: str) -> FieldEditor:
    return app.screen.query_one(f"#field-{name}", FieldEditor)


async def type_into(pilot, app: PartnerWorkshopApp, name: str, text: str) -> None:
    editor = field(app, name)
    editor.query_one(Input).focus()
    await pilot.pause()
    await pilot.press("ctrl+a", "ctrl+k", *text)


async def test_typing_in_a_field_is_saved_to_disk_without_asking(tmp_path: Path):
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await type_into(pilot, app, "company_name", TYPED)
        await paste(pilot, PASTED)
        path = tmp_path / "session.toml"  # the autosave (debounced 0.3 s) writes it, unasked
        await until(pilot, lambda: load_session(path).intake.company_name == HOSTILE, "the autosave")
        on_disk = load_session(path)
        assert on_disk.intake.company_name == HOSTILE
        assert field(app, "company_name").query_one(Input).value == HOSTILE


async def test_a_bad_amount_is_refused_next_to_the_field_and_the_last_good_value_kept(tmp_path: Path):
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await type_into(pilot, app, "current_arr", "18M")
        await pilot.pause()
        assert app.session.intake.current_arr == 18_000_000
        await type_into(pilot, app, "target_arr", "12x")
        await pilot.pause()
        assert "not an amount" in field(app, "target_arr").error
        assert app.session.intake.target_arr is None
        await type_into(pilot, app, "target_arr", "10M")
        await pilot.pause()
        assert "must be above current ARR" in field(app, "target_arr").error
        assert app.session.intake.target_arr is None
        await pilot.press("backspace", "backspace", "backspace", "4", "5", "M")
        await pilot.pause()
        assert field(app, "target_arr").error == ""
        assert saved(app).intake.target_arr == 45_000_000


async def test_add_edit_and_delete_a_participant_with_hostile_text(tmp_path: Path):
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#participants", DataTable)
        table.focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EditDialog)
        await pilot.press(*TYPED)  # the placeholder name is selected: typing replaces it
        await paste(pilot, PASTED)
        await pilot.press("tab", *"CFO")
        await pilot.press("escape")
        await pilot.pause()
        assert [(p.name, p.role) for p in app.session.participants] == [(HOSTILE, "CFO")]
        assert str(table.get_cell_at((0, 0))) == HOSTILE
        assert saved(app).participants[0].name == HOSTILE

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert len(app.session.participants) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.session.participants == []
        assert saved(app).participants == []


async def test_quitting_right_after_typing_loses_nothing(tmp_path: Path):
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await type_into(pilot, app, "facilitator", "Dana")
        await pilot.press("ctrl+q")  # before the autosave timer fires
    assert load_session(tmp_path / "session.toml").facilitator == "Dana"


async def test_a_file_changed_on_disk_is_not_overwritten_and_the_work_is_kept(tmp_path: Path):
    app = app_on(new_session("Offsite"), tmp_path)
    path = tmp_path / "session.toml"
    async with app.run_test(size=(100, 36), notifications=True) as pilot:
        other = new_session("Someone else's edit")
        path.write_text(path.read_text().replace('title = "Offsite"', 'title = "Changed elsewhere"'))
        await type_into(pilot, app, "facilitator", "Dana")
        await until(pilot, lambda: "NOT SAVED" in app.sub_title, "the autosave refused")
        assert "Changed elsewhere" in path.read_text()
        assert app.session.facilitator == "Dana"
        assert "NOT SAVED" in app.sub_title
        assert any("Not saved" == (n.title or "") for n in app._notifications)
        del other


async def test_resuming_opens_the_phase_the_team_was_on(tmp_path: Path):
    session = new_session("Offsite")
    session.position.phase = session.position.phase.__class__("intake")
    app = app_on(session, tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert app.screen.current_view is not None
        assert app.screen.current_view.key == "intake"


async def test_home_lists_sessions_and_opens_the_selected_one(tmp_path: Path):
    SessionFile.create(tmp_path / "a.toml", new_session("First offsite"))
    app = PartnerWorkshopApp(today=TODAY, sessions_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 1
        assert str(table.get_cell_at((0, 0))) == "First offsite"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert app.session.title == "First offsite"


async def test_a_corrupt_file_is_refused_untouched_and_its_backup_offered(tmp_path: Path):
    path = tmp_path / "broken.toml"
    file = SessionFile.create(path, new_session("Good"))
    file.save(new_session("Good, second save"))  # leaves a backup of the first
    path.write_bytes(b"title = \n garbage [[[")
    before = path.read_bytes()
    app = PartnerWorkshopApp(session_path=path, today=TODAY, sessions_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "broken.toml" in app.screen.message
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert app.session.title == "Good"
        assert app.session_file.path != path
    assert path.read_bytes() == before
    assert backup_path(path).exists()


async def test_every_phase_opens_by_its_number_key_with_focus_inside(tmp_path: Path):
    from tests.app_harness import demo_app

    app = demo_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for number, key in enumerate(["intake", "thesis", "mapping", "tiers", "decisions", "okrs", "governance", "health"], 1):
            app.screen.query_one("#stepper").focus()
            await pilot.press(str(number))
            await pilot.pause()
            view = app.screen.current_view
            assert view is not None and view.key == key
            assert app.focused is not None and view in app.focused.ancestors_with_self


async def test_later_phases_say_recruitment_is_on_hold_until_the_thesis_is_signed(tmp_path: Path):
    from textual.widgets import Static

    from workshop.method.models import SignOff

    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        banner = app.screen.query_one("#hold-banner", Static)
        app.screen.show_phase("mapping")
        await pilot.pause()
        assert banner.display and "on hold" in str(banner.render())
        app.screen.show_phase("thesis")
        await pilot.pause()
        assert not banner.display  # where it is signed, it would only be noise
        app.session.thesis.signoff = SignOff(name="Maya Okafor")  # as if signed elsewhere (the file)
        app.revision += 1
        app.screen.show_phase("decisions")
        await calm(pilot)
        assert not banner.display


async def test_a_day_over_its_plan_says_over_not_a_minus_sign(tmp_path: Path):
    session = new_session("Offsite")
    for box in session.agenda:
        box.spent_seconds = box.planned_minutes * 60
    session.agenda[0].spent_seconds += 54  # 54 s over the whole day's plan
    app = app_on(session, tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        app._refresh_save_state()
        assert "day 0:54 over" in app.clock_state and "-0:54" not in app.sub_title


async def test_keys_typed_behind_tab_from_the_phase_list_reach_the_field(tmp_path: Path):
    """Found by issue 20's real-terminal test: Tab from the phase list (the focus at start) and
    a title typed in the same burst stored nothing — the letters went to the list, which
    ignores them, before the Tab's binding had moved the focus."""
    session = new_session("Offsite")
    session.position.phase = Phase.INTAKE
    app = app_on(session, tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        await calm(pilot)
        assert app.focused is app.screen.query_one("#stepper")
        type_ahead(app, "tab", *" 2027")
        await calm(pilot)
        assert app.session.title == "Offsite 2027"
        assert saved(app).title == "Offsite 2027"


async def test_keys_typed_faster_than_the_screen_updates_arrive_in_order(tmp_path: Path):
    """Backspace, arrows and Tab are bindings: Textual resolves them only once the key has
    bubbled up through every parent, while letters typed meanwhile are inserted at once. A
    burst of 'Backspace ×3, 12M' then stored '1'; Tab then 'X' typed the X in the old field."""
    session = new_session("Offsite")
    session.intake.current_arr = 18_000_000
    app = app_on(session, tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        arr = field(app, "current_arr").query_one(Input)
        arr.focus()
        await pilot.pause()
        type_ahead(app, "end", *["backspace"] * 12, *"12M")
        await calm(pilot)
        assert arr.value == "12M"
        assert app.session.intake.current_arr == 12_000_000
        name = field(app, "company_name").query_one(Input)
        name.focus()
        await pilot.pause()
        type_ahead(app, "ctrl+a", *"Acme", "left", "left", "backspace", "X", "tab", *"Saas")
        await calm(pilot)
        assert name.value == "AXme"
        following = app.focused
        assert following is not name and following.text.endswith("Saas")  # the next field's TextArea
        assert saved(app).intake.company_name == "AXme"


async def test_a_required_text_left_blank_is_refused_and_the_last_one_kept(tmp_path: Path):
    """Clearing the session title stored "" (a blank header, a blank row on the home screen)."""
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        for blank in ("", "   "):
            await type_into(pilot, app, "title", blank)
            await pilot.pause()
            assert field(app, "title").error == "Session title is required"
            assert app.session.title == "Offsite"
        await type_into(pilot, app, "title", "Q1 offsite")
        await pilot.pause()
        assert field(app, "title").error == ""
        assert saved(app).title == "Q1 offsite" == app.title  # the header follows it


async def test_keys_typed_behind_enter_go_to_the_next_field(tmp_path: Path):
    """Enter moves on in a form; the keys typed right behind it landed in the field being left
    ("Alex⏎CFO⏎" gave the name "AlexCFO" and no role)."""
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#participants", DataTable).focus()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EditDialog)
        type_ahead(app, *"Alex", "enter", *"CFO", "enter")
        await calm(pilot)
        assert [(p.name, p.role) for p in app.session.participants] == [("Alex", "CFO")]


async def test_a_name_typed_right_behind_the_add_key_lands_in_the_new_row(tmp_path: Path):
    """"a" on a table opens the new row's dialog; the letters typed right behind it were dropped."""
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#participants", DataTable).focus()
        await pilot.pause()
        type_ahead(app, "a", *"Jane", "tab", *"CFO", "escape")
        await calm(pilot)
        assert [(p.name, p.role) for p in app.session.participants] == [("Jane", "CFO")]


async def test_f9_returns_to_the_theme_chosen_before_the_high_contrast_one(tmp_path: Path):
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(100, 36)) as pilot:
        app.theme = "textual-light"  # chosen in the command palette
        await pilot.press("f9")
        await until(pilot, lambda: app.theme == "projector", "the high-contrast theme")
        await pilot.press("f9")
        await until(pilot, lambda: app.theme != "projector", "leaving the high-contrast theme")
        assert app.theme == "textual-light"


async def test_a_narrow_terminal_collapses_the_stepper_to_numbers_and_ticks(tmp_path: Path):
    """At 80×24 the stepper took 30 % of the width: below 100 columns it shows the phase
    numbers, ticks and counts only, and comes back whole when the terminal widens."""
    from screens.workshop import PhaseStepper

    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        sidebar = app.screen.query_one("#sidebar")
        stepper = app.screen.query_one(PhaseStepper)
        assert sidebar.outer_size.width == 11 and stepper.outer_size.width == 11
        first = str(stepper.get_option_at_index(0).prompt)
        assert first.startswith("1 ") and "Intake" not in first
        status = str(app.screen.query_one("#session-status").render())
        assert all(len(line) <= 9 for line in status.splitlines()), status
        await pilot.resize_terminal(160, 48)
        await until(pilot, lambda: sidebar.outer_size.width == 24, "the full stepper")
        assert "Intake" in str(stepper.get_option_at_index(0).prompt)
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: sidebar.outer_size.width == 11, "the narrow stepper again")


def test_the_narrow_status_fits_its_nine_cells():
    from screens.workshop import narrow_status

    assert narrow_status("phase 25:00 paused · day 1:00", "saved") == "‖ 25:00\nday 1:00\nsaved"
    assert narrow_status("phase 3:05 over · day 0:30 over", "saved 12 s ago") == "+ 3:05\nday+0:30\nsaved 12s"
    assert narrow_status("phase 10:00 left · day 5:00", "NOT SAVED (ctrl+s)").splitlines()[-1] == "NOT SAVED"
    assert narrow_status("phase 10:00 left · day 5:00", "saved 3 min ago").splitlines() == ["▸ 10:00", "day 5:00", "saved 3m"]
    assert narrow_status("phase 30:00 paused · day 7:00:00", "").splitlines()[1] == "d 7:00:00"
