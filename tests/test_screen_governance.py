"""Pilot tests of the Governance view: the RACI grid and the executive relationship map."""

from __future__ import annotations


from screens.governance import GovernanceView
from tests.app_harness import app_on, calm, paste, saved, table_rows
from workshop.method.findings import Target
from workshop.method.models import ExecSponsor, Partner, Phase, Raci, RaciCode, RaciRow, Session

R, A, C, I, N = RaciCode.R, RaciCode.A, RaciCode.C, RaciCode.I, RaciCode.NONE


def gov_session() -> Session:
    session = Session(title="Governance test")
    session.position.phase = Phase.GOVERNANCE  # saved during Governance: the App opens on it
    session.mapping.partners = [Partner(name="Deloitte"), Partner(name="Accenture")]
    session.governance.raci = Raci(
        roles=["CPO", "VP Alliance", "Legal"],
        rows=[
            RaciRow(decision="New partnership approval", cells=[A, R, C]),
            RaciRow(decision="Tier promotion", cells=[N, N, N]),
            RaciRow(decision="MDF allocation", cells=[A, A, R]),
        ],
    )
    session.governance.exec_map = [ExecSponsor(partner="Deloitte", partner_executive="VP Alliance")]
    return session


async def open_governance(pilot) -> GovernanceView:
    view = pilot.app.screen.show_phase("governance")
    await calm(pilot)
    view.grid.focus()
    await pilot.pause()
    return view


async def test_grid_shows_codes_and_row_problems(tmp_path):
    app = app_on(gov_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_governance(pilot)
        rows = table_rows(view.grid)
        assert rows[0] == ["New partnership approval", "ok", "A", "R", "C"]
        assert rows[1][1] == "no A, no R"
        assert rows[2][1] == "2 As"
        flags = str(view.query_one("#raci-flags").render())
        assert "“Tier promotion” has no Accountable (A)" in flags
        assert "R = Responsible" in str(view.query_one("#raci-legend").render())


async def test_space_cycles_and_letters_set(tmp_path):
    app = app_on(gov_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_governance(pilot)
        await pilot.press("down")  # Tier promotion, CPO column (the cursor starts on the first role)
        assert view.grid.cursor_coordinate == (1, 2)
        cells = app.session.governance.raci.rows[1].cells
        seen = []
        for _ in range(5):
            await pilot.press("space")
            seen.append(cells[0])
        assert seen == [R, A, C, I, N]
        await pilot.press("a", "right", "r", "right", "i")
        assert cells == [A, R, I]
        await pilot.press("x")
        assert cells == [A, R, N]
        await calm(pilot)
        assert table_rows(view.grid)[1] == ["Tier promotion", "ok", "A", "R", "·"]
        assert saved(app).governance.raci.rows[1].cells == [A, R, N]


async def test_add_rename_delete_role_keeps_cells_aligned(tmp_path):
    app = app_on(gov_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_governance(pilot)
        await pilot.press("N")
        await pilot.pause()
        await paste(pilot, "Finance [b]")
        await pilot.press("enter")
        await pilot.pause()
        raci = app.session.governance.raci
        assert raci.roles == ["CPO", "VP Alliance", "Legal", "Finance [b]"]
        assert all(len(row.cells) == 4 for row in raci.rows)
        assert view.grid.cursor_column == 5
        await pilot.press("c")
        assert raci.rows[0].cells == [A, R, C, C]
        # rename the VP Alliance column
        await pilot.press("left", "left", "E")
        await pilot.pause()
        await pilot.press("ctrl+u", *"GTM", "enter")
        await pilot.pause()
        assert raci.roles[1] == "GTM"
        # delete the CPO column, after confirming
        await pilot.press("left", "D")
        await pilot.pause()
        await pilot.press("y")
        await calm(pilot)
        assert raci.roles == ["GTM", "Legal", "Finance [b]"]
        assert raci.rows[0].cells == [R, C, C]
        assert raci.rows[2].cells == [A, R, N]
        assert [str(c.label) for c in view.grid.columns.values()][2:5] == ["GTM", "Legal", "Finance [b]"]
        disk = saved(app).governance.raci
        assert disk.roles == ["GTM", "Legal", "Finance [b]"]
        assert [row.cells for row in disk.rows] == [[R, C, C], [N, N, N], [A, R, N]]


async def test_add_rename_delete_decision(tmp_path):
    app = app_on(gov_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_governance(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"a [/] b", "enter")
        await pilot.pause()
        raci = app.session.governance.raci
        assert raci.rows[-1].decision == "a [/] b" and raci.rows[-1].cells == [N, N, N]
        assert table_rows(view.grid)[-1][0] == "a [/] b"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await paste(pilot, "[@click=app.quit]x[/]")
        await pilot.press("enter")
        await calm(pilot)
        assert raci.rows[-1].decision == "[@click=app.quit]x[/]"
        await pilot.press("ctrl+up")
        assert raci.rows[2].decision == "[@click=app.quit]x[/]"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await calm(pilot)
        assert [r.decision for r in saved(app).governance.raci.rows] == [
            "New partnership approval", "Tier promotion", "MDF allocation",
        ]
        assert app.is_running


async def test_exec_map_add_with_partner_completion(tmp_path):
    app = app_on(gov_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_governance(pilot)
        view.sponsors.focus()
        await pilot.press("a")
        await calm(pilot)
        hint = str(app.screen.query_one("#field-partner .field-hint").render())
        assert "Deloitte, Accenture" in hint
        await pilot.press(*"acc", "right")  # accept the completion
        for text in ("Managing Director", "CPO + CEO", "# x | 🤝"):  # the completion above was typed
            await pilot.press("tab")
            await paste(pilot, text)
        await pilot.press("escape")
        await calm(pilot)
        sponsor = app.session.governance.exec_map[-1]
        assert (sponsor.partner, sponsor.partner_executive, sponsor.our_counterpart, sponsor.cadence) == (
            "Accenture", "Managing Director", "CPO + CEO", "# x | 🤝",
        )
        row = [str(c) for c in view.sponsors.get_row_at(1)]
        assert row == ["Accenture", "Managing Director", "CPO + CEO", "# x | 🤝"]
        assert saved(app).governance.exec_map[1].cadence == "# x | 🤝"


async def test_focus_target_row(tmp_path):
    app = app_on(gov_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_governance(pilot)
        view.focus_target(Target(Phase.GOVERNANCE, "RACI", index=(2,), label="MDF allocation"))
        await pilot.pause()
        assert view.grid.cursor_row == 2 and app.focused is view.grid
        assert view.current_row() == 2
        view.focus_target(Target(Phase.GOVERNANCE, "Executive relationship map", "exec_map"))
        await pilot.pause()
        assert app.focused is view.sponsors
