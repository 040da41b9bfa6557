"""Pilot tests of the Thesis view: keys in, session and file out."""

from __future__ import annotations

from datetime import date

from textual import events

from screens.dialogs import ConfirmDialog, EditDialog
from screens.fields import FieldEditor
from screens.thesis import ThesisView
from screens.thesis_models import SELECTED_MARK, ModelsTable
from screens.thesis_picker import PrioritizedModelsPicker
from screens.thesis_signoff import SignOffDialog
from screens.workshop import WorkshopScreen
from tests.app_harness import app_on, calm, saved, table_rows, type_ahead
from workshop.method.findings import Target, place_of
from workshop.method.defaults import new_session
from workshop.method.models import Participant, Phase, Session
from workshop.method.thesis_statement import render_thesis

HOSTILE = ["[bold]X[/]", "a [/] b", "[@click=app.quit]x[/]", "a | b", "# x", "🤝 emoji"]


def thesis_session(*, complete: bool = False) -> Session:
    session = new_session("Thesis test")
    session.position.phase = Phase.THESIS  # saved during Thesis: the App opens on it
    session.intake.company_name = "Acme"
    session.participants = [Participant(name="Dana Lee", role="CPO"), Participant(name="Sam Ito", role="CFO")]
    if complete:
        st = session.thesis.statement
        st.partner_share_pct = 30
        st.years = 3
        st.partner_types = "Big 4"
        st.icp = "regional banks"
        st.markets = "US"
        st.prioritized_models = ["Co-Sell"]
        st.rationale = "buyers trust advisors"
        st.mechanism = "advisor-led access"
        st.access_partners = "Deloitte"
        st.product_partners = "core-banking ISVs"
        st.adjacent_use_cases = "fraud"
        st.north_star_metric = "partner-sourced ARR"
        session.thesis.models[2].selected = True
    return session


async def open_thesis(pilot) -> ThesisView:
    view = pilot.app.screen.show_phase("thesis")
    await calm(pilot)
    return view


async def type_into(pilot, view, selector: str, text: str, *, replace: bool = False) -> None:
    """Focus a field's input and type ``text`` key by key (after erasing it, with ``replace``)."""
    widget = view.query_one(f"{selector} #input")
    widget.focus()
    await pilot.pause()
    if replace:
        old = widget.value if hasattr(widget, "value") else widget.text
        await pilot.press("end", *["backspace"] * len(old))
    await pilot.press(*text)


async def paste_into(pilot, view, selector: str, text: str, *, replace: bool = False) -> None:
    """Focus a field's input and put ``text`` in as a paste does: one event, not a key per character
    (over the whole old value, with ``replace``)."""
    widget = view.query_one(f"{selector} #input")
    widget.focus()
    await pilot.pause()
    if replace:
        widget.select_all()
    pilot.app.post_message(events.Paste(text))  # as the terminal sends it: the App hands it to the focus
    await pilot.pause()


async def test_select_models_annotate_and_prioritize(tmp_path):
    app = app_on(thesis_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_thesis(pilot)
        table = view.query_one(ModelsTable)
        assert len(table_rows(table)) == 7
        table.focus()
        await pilot.press("down", "down", "space", "down", "space")  # Co-Sell, Implementation
        await calm(pilot)
        rows = table_rows(table)
        assert rows[2][1] == SELECTED_MARK and rows[3][1] == SELECTED_MARK and rows[0][1] == "—"
        await pilot.press("up", "space")  # unselect Co-Sell again, then select it once more
        await pilot.pause()
        assert not app.session.thesis.models[2].selected
        await pilot.press("space", "e")
        await pilot.pause()
        assert isinstance(app.screen, EditDialog)
        app.post_message(events.Paste("joint accounts"))  # pasted into the focused use case
        await pilot.pause()
        await pilot.press("escape")
        await calm(pilot)
        assert "joint accounts" in table_rows(table)[2][6]

        picker = view.query_one(PrioritizedModelsPicker)
        assert picker.display and picker.option_count == 2
        picker.focus()
        await pilot.press("down", "space")  # tick Implementation
        await calm(pilot)
        assert app.session.thesis.statement.prioritized_models == ["Implementation"]
        assert "We will prioritize Implementation models" in str(view.query_one("#thesis-preview").render())

        on_disk = saved(app)
        assert [m.name for m in on_disk.thesis.models if m.selected] == ["Co-Sell", "Implementation"]
        assert on_disk.thesis.models[2].use_case == "joint accounts"
        assert on_disk.thesis.statement.prioritized_models == ["Implementation"]


async def test_fee_range_edited_where_the_model_has_one(tmp_path):
    app = app_on(thesis_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_thesis(pilot)
        table = view.query_one(ModelsTable)
        table.focus()
        await pilot.press("e")  # Referral: 5-15% of ACV
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditDialog)
        assert [spec.name for spec in dialog.specs] == ["use_case", "why", "fee_low_pct", "fee_high_pct"]
        await type_into(pilot, dialog, "#field-fee_low_pct", "20", replace=True)  # above the high end (15)
        await pilot.pause()
        assert "above high" in dialog.errors["fee_low_pct"]
        await pilot.press("backspace", "backspace", "8")
        await pilot.pause()
        assert dialog.errors == {}
        await pilot.press("escape")
        await pilot.press("down", "down", "e")  # Co-Sell has no fee range
        await pilot.pause()
        assert [spec.name for spec in app.screen.specs] == ["use_case", "why"]
        assert saved(app).thesis.models[0].fee_low_pct == 8


async def test_sign_off_refused_with_the_reason_while_fields_are_missing(tmp_path):
    app = app_on(thesis_session(), tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        view = await open_thesis(pilot)
        view.query_one(ModelsTable).focus()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)  # no dialog
        toasts = [str(n.message) for n in app._notifications]
        assert any("cannot be signed off yet" in t and "partner types" in t for t in toasts)
        status = str(view.query_one("#signoff-status").render())
        assert "Sign-off needs:" in status and "north star metric" in status
        missing = str(view.query_one("#thesis-missing").render())
        assert missing.startswith("Still missing:") and "prioritized models" in missing
        assert saved(app).thesis.signoff is None


async def test_sign_off_with_name_and_role_then_withdraw(tmp_path):
    app = app_on(thesis_session(complete=True), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_thesis(pilot)
        assert "Every field of the statement is filled in" in str(view.query_one("#thesis-missing").render())
        view.query_one(ModelsTable).focus()
        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SignOffDialog)
        assert dialog.query_one("#signed-on").value == app.today.isoformat()  # today unless changed
        await pilot.press("enter", "enter", "enter")  # no name: refused with the reason
        await pilot.pause()
        assert isinstance(app.screen, SignOffDialog)
        assert "name of the person signing" in dialog.error
        await pilot.press(*"Dana Lee")
        await pilot.pause()
        assert dialog.query_one("#signer-role").value == "CPO"  # a participant's role is filled in
        name = dialog.query_one("#signer-name")
        name.value = "Sam Ito"
        await pilot.pause()
        assert dialog.query_one("#signer-role").value == "CFO"  # another participant: their role
        name.value = "Someone else"
        await pilot.pause()
        assert dialog.query_one("#signer-role").value == ""  # not Sam's role any more
        name.value = "Dana Lee"
        await pilot.pause()
        day = dialog.query_one("#signed-on")
        day.value = date.fromordinal(app.today.toordinal() + 1).isoformat()
        dialog.action_sign()  # a day after today: refused at entry
        await pilot.pause()
        assert isinstance(app.screen, SignOffDialog) and "is after today" in dialog.error
        assert app.session.thesis.signoff is None
        day.value = app.today.isoformat()
        name.focus()
        await pilot.pause()
        type_ahead(app, "enter", "enter", "enter")  # in one burst: the third Enter signs (it went to the name)
        await calm(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        signoff = saved(app).thesis.signoff
        assert signoff is not None and (signoff.name, signoff.role) == ("Dana Lee", "CPO")
        status = str(view.query_one("#signoff-status").render())
        assert status.startswith("✓ Signed off by Dana Lee (CPO) on ")
        assert not view.query_one("#sign-off").display and view.query_one("#withdraw").display
        # what was signed cannot change under the signature: a stray key typed nothing into it
        locked = [*view.query(FieldEditor), view.query_one(ModelsTable), view.query_one(PrioritizedModelsPicker)]
        assert all(widget.disabled for widget in locked)
        assert not any(widget.focusable for widget in view.query("Input, TextArea"))
        assert "locked: withdraw the sign-off to change it" in status
        assert view.check_action("sign_off", ()) is False  # not offered in the Footer any more

        view.action_withdraw_sign_off()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.session.thesis.signoff is not None
        view.query_one("#withdraw").press()
        await pilot.pause()
        await pilot.press("y")
        await calm(pilot)
        assert saved(app).thesis.signoff is None
        assert "Not signed off yet" in str(view.query_one("#signoff-status").render())
        trail = saved(app).audit  # both moves are in the audit trail, by whoever was editing
        assert [(e.kind.value, e.subject) for e in trail[-2:]] == [("signoff", "Thesis"), ("withdrawal", "Thesis")]
        assert not any(widget.disabled for widget in locked)
        assert view.check_action("sign_off", ()) is True


async def test_statement_fields_live_preview_and_hostile_text(tmp_path):
    session = thesis_session(complete=True)
    long_note = ("Long rationale line. " * 250)[:5000]
    session.thesis.rationale.delivery_gap = long_note
    session.thesis.models[0].use_case = "a [/] b"
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_thesis(pilot)
        assert view.query_one("#field-delivery_gap #input").text == long_note
        assert table_rows(view.query_one(ModelsTable))[0][6].startswith("a [/] b")
        # One field typed key by key (keys reach the field); the rest pasted: the same text, far quicker.
        await type_into(pilot, view, "#field-partner_types", HOSTILE[0], replace=True)
        for field, text in (("icp", HOSTILE[1]), ("markets", HOSTILE[2]), ("access_partners", HOSTILE[3]),
                            ("product_partners", HOSTILE[4]), ("north_star_metric", HOSTILE[5])):
            await paste_into(pilot, view, f"#field-{field}", text, replace=True)
        await paste_into(pilot, view, "#field-market_velocity_gap", "[$accent]x \\")  # a TextArea
        await calm(pilot)
        preview = str(view.query_one("#thesis-preview").render())
        assert preview == render_thesis(app.session).text
        for text in HOSTILE:
            assert text in preview
        assert app.is_running
        on_disk = saved(app)
        assert on_disk.thesis.statement.partner_types == HOSTILE[0]
        assert on_disk.thesis.statement.markets == HOSTILE[2]
        assert on_disk.thesis.statement.north_star_metric == HOSTILE[5]
        assert on_disk.thesis.rationale.market_velocity_gap == "[$accent]x \\"
        assert on_disk.thesis.rationale.delivery_gap == long_note


async def test_bad_numbers_refused_next_to_the_field(tmp_path):
    app = app_on(thesis_session(complete=True), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_thesis(pilot)
        share = view.query_one("#field-partner_share_pct")
        await type_into(pilot, view, "#field-partner_share_pct", "150", replace=True)
        await pilot.pause()
        assert "between 0 and 100" in share.error
        assert app.session.thesis.statement.partner_share_pct == 15  # the last accepted keystroke
        await pilot.press("backspace", *"x")
        await pilot.pause()
        assert "not a number" in share.error
        years = view.query_one("#field-years")
        await type_into(pilot, view, "#field-years", "25", replace=True)
        await pilot.pause()
        assert "20" in years.error
        on_disk = saved(app)
        assert on_disk.thesis.statement.partner_share_pct == 15
        assert on_disk.thesis.statement.years == 2
        await pilot.press("backspace", "backspace", "5")
        await calm(pilot)
        assert years.error == "" and saved(app).thesis.statement.years == 5


async def test_focus_target_and_resume_row(tmp_path):
    app = app_on(thesis_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_thesis(pilot)
        view.focus_target(Target(Phase.THESIS, "Sign-off", "signoff"))
        await pilot.pause()
        assert app.focused is view.query_one("#sign-off")
        view.focus_target(place_of(Phase.THESIS, "partner types"))  # a name render_thesis gives
        await pilot.pause()
        assert app.focused is view.query_one("#field-partner_types #input")
        view.focus_target(place_of(Phase.THESIS, "Credibility gap"))
        await pilot.pause()
        assert app.focused is view.query_one("#field-credibility_gap #input")
        view.focus_row(4)
        await pilot.pause()
        assert view.current_row() == 4
        commands = [c.title for c in view.screen_commands()]
        assert "Sign off thesis" in commands and "Preview thesis statement" in commands
