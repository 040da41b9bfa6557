"""Pilot tests of the OKRs & roadmap view: keys in, session and file out."""

from __future__ import annotations

from datetime import date


from screens.okrs import OkrsView
from screens.okrs_roadmap import RoadmapItemsTable
from tests.app_harness import TODAY, app_on, calm, paste, saved, table_rows
from workshop.method.defaults import new_session
from workshop.method.findings import Target
from workshop.method.models import KeyResult, KRKind, MeasureKind, Objective, Phase, RoadmapItem, Session

HOSTILE = ["[bold]X[/]", "a [/] b", "[@click=app.quit]x[/]", "a | b", "# x", "🤝 emoji ✓"]


def okr_session() -> Session:
    session = Session(title="OKR test")
    session.position.phase = Phase.OKRS  # saved during OKRs and roadmap: the App opens on it
    session.intake.company_name = "Acme"
    session.objectives = [
        Objective(
            text="Build the ecosystem",
            key_results=[
                KeyResult(text="Sign 2 Platinum partners", kind=KRKind.LAGGING, target="2", owner="VP"),
                KeyResult(text="Hold 20 partner meetings", kind=None, target="", owner=""),
            ],
        ),
        Objective(text="Operationalize", key_results=[]),
    ]
    session.roadmap.year = 2027
    session.roadmap.quarters[0].theme = "Foundation"
    session.roadmap.quarters[0].items = [RoadmapItem(text="Finalize thesis"), RoadmapItem(text="Portal")]
    return session


async def open_okrs(pilot) -> OkrsView:
    """Open the phase as the stepper does, and put the focus in its first table."""
    view = pilot.app.screen.show_phase("okrs")
    await calm(pilot)
    view.objectives_table.focus()
    await pilot.pause()
    return view


async def test_flags_shown_in_words(tmp_path):
    app = app_on(okr_session(), tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        view = await open_okrs(pilot)
        rows = table_rows(view.objectives_table)
        assert rows[0][0] == "O1" and "no leading" in rows[0][2]
        assert "no key results" in rows[1][2]
        krs = table_rows(view.kr_table)
        assert krs[0][1] == "LAGGING" and krs[0][2].startswith("reads like a target of platinum")  # no measure
        assert krs[1][1] == "not marked"
        assert "not marked leading or lagging" in krs[1][2] and "no target and no owner" in krs[1][2]
        flags = str(view.query_one("#objective-flags").render())
        assert "KR1.2 has no target and no owner." in flags and "Objective O1 has no leading" in flags
        program = str(view.query_one("#okr-program").render())
        assert program.startswith("✗ FAIL") and "no leading" in program
        review = str(view.query_one("#roadmap-review").render())
        assert review.startswith("✗ FAIL") and "never been reviewed" in review


async def test_add_objective_and_key_result_saved(tmp_path):
    app = app_on(okr_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_okrs(pilot)
        assert app.focused is view.objectives_table
        await pilot.press("a")
        await calm(pilot)
        editor = app.screen.query_one("#input")
        editor.text = ""  # the multiline objective
        await pilot.pause()
        await paste(pilot, "Grow [bold]X[/] | b")
        await pilot.press("escape")
        await calm(pilot)
        assert app.session.objectives[2].text == "Grow [bold]X[/] | b"
        assert view.objectives_table.cursor_row == 2
        # add a key result to the new objective
        await pilot.press("tab")
        assert app.focused is view.kr_table
        await pilot.press("a")
        await calm(pilot)
        app.screen.query_one("#input").text = "Publish 2 whitepapers"
        await pilot.pause()
        await pilot.press("tab")  # the kind Select
        select = app.screen.query_one("#field-kind #input")
        select.value = KRKind.LEADING
        await pilot.pause()
        await pilot.press("tab", *"5")
        await pilot.press("tab", *"Ana", "tab")  # typed key by key
        await paste(pilot, "2027-13-01")
        due = app.screen.query_one("#field-due")
        assert "not a date" in due.error
        await pilot.press("escape")
        await calm(pilot)
        kr = app.session.objectives[2].key_results[0]
        assert (kr.text, kr.kind, kr.target, kr.owner, kr.due) == (
            "Publish 2 whitepapers", KRKind.LEADING, "5", "Ana", None,
        )
        on_disk = saved(app)
        assert on_disk.objectives[2].text == "Grow [bold]X[/] | b"
        assert on_disk.objectives[2].key_results[0].kind is KRKind.LEADING
        rows = table_rows(view.objectives_table)
        assert rows[2][3] == "Grow [bold]X[/] | b"


async def test_key_result_needs_an_objective(tmp_path):
    app = app_on(Session(title="empty"), tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        view = await open_okrs(pilot)
        view.kr_table.focus()
        await pilot.press("a")
        await pilot.pause()
        assert app.session.objectives == []
        assert any("Add an objective first" in str(n.message) for n in app._notifications)


async def test_delete_objective_after_confirmation(tmp_path):
    app = app_on(okr_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_okrs(pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert len(app.session.objectives) == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await calm(pilot)
        assert [o.text for o in saved(app).objectives] == ["Operationalize"]
        assert "O1: Operationalize" in str(view.query_one("#kr-title").render())


async def test_roadmap_tick_move_and_stamp(tmp_path):
    app = app_on(okr_session(), tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        view = await open_okrs(pilot)
        q1 = view.query_one("#items-q1", RoadmapItemsTable)
        q1.focus()
        await pilot.press("space")
        assert app.session.roadmap.quarters[0].items[0].done is True
        assert table_rows(q1)[0][0] == "[x]"
        await pilot.press("greater_than_sign")
        await pilot.pause()
        quarters = app.session.roadmap.quarters
        assert [i.text for i in quarters[0].items] == ["Portal"]
        assert [i.text for i in quarters[1].items] == ["Finalize thesis"]
        assert app.focused is view.query_one("#items-q2")
        await pilot.press("shift+right", "shift+right")
        await pilot.pause()
        assert [i.text for i in quarters[3].items] == ["Finalize thesis"]
        await pilot.press("shift+right")  # already the last quarter: nothing moves
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert [i.text for i in quarters[2].items] == ["Finalize thesis"]
        await pilot.press("t")
        await calm(pilot)  # the view's debounced refresh (0.15 s)
        assert app.session.roadmap.last_reviewed == TODAY
        review = str(view.query_one("#roadmap-review").render())
        assert review.startswith("✓ PASS")
        disk = saved(app)
        assert disk.roadmap.last_reviewed == TODAY
        assert disk.roadmap.quarters[2].items[0].done is True
        assert disk.roadmap.quarters[2].items[0].text == "Finalize thesis"


async def test_roadmap_stacks_when_narrow(tmp_path):
    app = app_on(okr_session(), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_okrs(pilot)
        assert view.query_one("#quarters").has_class("-stacked")
    app = app_on(okr_session(), tmp_path, "wide.toml")
    async with app.run_test(size=(160, 48)) as pilot:
        view = await open_okrs(pilot)
        assert not view.query_one("#quarters").has_class("-stacked")


async def test_hostile_text_literal_and_bad_year_refused(tmp_path):
    session = okr_session()
    session.objectives[0].text = "x" * 5000
    for text in HOSTILE:
        session.objectives.append(Objective(text=text, key_results=[KeyResult(text=text, owner=text)]))
        session.roadmap.quarters[1].items.append(RoadmapItem(text=text))
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_okrs(pilot)
        rows = table_rows(view.objectives_table)
        assert [r[3] for r in rows[2:]] == HOSTILE
        view.focus_row(2 + HOSTILE.index("a [/] b"))
        await pilot.pause()
        assert table_rows(view.kr_table)[0][3] == "a [/] b"
        assert "a [/] b" in str(view.query_one("#kr-title").render())
        items = table_rows(view.query_one("#items-q2"))
        assert [r[1] for r in items] == HOSTILE
        year = view.query_one("#field-year")
        year.query_one("#input").focus()
        await pilot.press("ctrl+a", "backspace", *"20x7")
        await pilot.pause()
        assert "not a whole number" in year.error
        assert app.session.roadmap.year == 2027
        await pilot.press("backspace", "backspace", *"99")
        await pilot.pause()
        assert "1900" in year.error or "2200" in year.error
        assert saved(app).roadmap.year == 2027
        assert app.is_running


async def test_focus_target_from_health(tmp_path):
    app = app_on(okr_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_okrs(pilot)
        view.focus_target(Target(Phase.OKRS, index=(0, 1)))
        await pilot.pause()
        assert view.objectives_table.cursor_row == 0
        assert app.focused is view.kr_table and view.kr_table.cursor_row == 1
        view.focus_target(Target(Phase.OKRS, "Roadmap", "last_reviewed"))
        await pilot.pause()
        assert app.focused is view.query_one("#field-last_reviewed #input")
        view.focus_target(Target(Phase.OKRS, "OKRs", index=(1,)))
        await pilot.pause()
        assert app.focused is view.objectives_table and view.objectives_table.cursor_row == 1
        assert view.current_row() == 1


async def test_the_measure_is_edited_beside_the_text_and_checked_against_the_economics(tmp_path):
    session = okr_session()
    session.tiers = new_session().tiers  # the method's tiers: Platinum from $2M of pipeline
    session.intake.current_arr, session.intake.target_arr, session.intake.target_year = 20_000_000, 50_000_000, 2029
    session.thesis.statement.partner_share_pct, session.thesis.statement.years = 30, 3
    app = app_on(session, tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        view = await open_okrs(pilot)
        await pilot.press("tab")
        assert app.focused is view.kr_table
        await pilot.press("e")
        await calm(pilot)
        app.screen.query_one("#field-measure #input").value = MeasureKind.PLATINUM_PARTNERS
        await pilot.pause()
        app.screen.query_one("#field-measure_value #input").focus()
        await pilot.press(*"2")
        await pilot.press("escape")
        await calm(pilot)
        kr = saved(app).objectives[0].key_results[0]
        assert (kr.text, kr.measure, kr.measure_value) == ("Sign 2 Platinum partners", MeasureKind.PLATINUM_PARTNERS, 2)
        row = table_rows(view.kr_table)[0]
        assert row[4] == "2 Platinum partners"
        assert row[2].startswith("aims at 2 Platinum partners, but the economics need 5")
        assert "KR1.1 aims at 2 Platinum partners" in str(view.query_one("#objective-flags").render())
