"""Pilot tests of the Mapping view: keys in, session and file out."""

from __future__ import annotations

from datetime import date


from screens.dialogs import ConfirmDialog, EditDialog
from screens.mapping import MappingView
from screens.mapping_landscape import LandscapeTree
from screens.mapping_table import PartnerTable
from screens.record_table import RecordTable
from tests.app_harness import TODAY, app_on, calm, paste, saved, table_rows, type_ahead, until
from workshop.method.findings import Target
from workshop.method.models import (
    Competitor,
    LandscapeTier,
    LockStatus,
    Partner,
    PartnerType,
    Phase,
    Ratings,
    Session,
)

HOSTILE = ["[bold]X[/]", "a [/] b", "[@click=app.quit]x[/]", "a | b", "# x", "🤝 emoji"]


def rated(*values: float) -> Ratings:
    keys = ["icp_overlap", "market_influence", "practice_alignment", "partnership_appetite", "revenue_potential"]
    return Ratings(**dict(zip(keys, values)))


def mapping_session() -> Session:
    session = Session(title="Mapping test")
    session.position.phase = Phase.MAPPING  # saved during Market mapping: the App opens on it
    session.intake.company_name = "Acme"
    session.mapping.partners = [
        Partner(name="Deloitte", type=PartnerType.BIG4, landscape_tier=LandscapeTier.A, practice="Risk",
                ratings=rated(90, 95, 85, 80, 90)),
        Partner(name="Boutique One", type=PartnerType.BOUTIQUE, landscape_tier=LandscapeTier.B,
                ratings=rated(40, 40, 40, 40, 40)),
        Partner(name="Accenture", type=PartnerType.GSI, landscape_tier=LandscapeTier.A,
                lock_status=LockStatus.LOCKED, locked_to="RivalCo", ratings=rated(60, 60, 60, 60, 60)),
        Partner(name="Newbie", type=PartnerType.ISV, landscape_tier=LandscapeTier.C),
    ]
    session.mapping.competitors = [
        Competitor(name="RivalCo", key_partners=["Accenture", "KPMG"], model="Co-sell"),
        Competitor(name="OtherCo", key_partners=["KPMG"]),
    ]
    return session


async def open_mapping(pilot) -> MappingView:
    view = pilot.app.screen.show_phase("mapping")
    await calm(pilot)
    view.table.focus()
    await pilot.pause()
    return view


def column(table, key: str) -> list[str]:
    return [str(c) for c in table.get_column(key)]


async def test_table_shows_engine_score_and_band_in_words(tmp_path):
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        assert column(table, "name") == ["Deloitte", "Boutique One", "Accenture", "Newbie"]
        assert column(table, "score") == ["88.8", "40.0", "60.0", "unscored"]
        assert column(table, "band") == ["Priority", "Opportunistic", "Secondary", "—"]
        assert column(table, "lock")[2] == "Locked to RivalCo"
        assert "Deloitte: score 88.8 (exactly 88.75) — Priority recruitment target. Recruit first." in str(
            view.query_one("#partner-detail").render()
        )
        eco = str(view.query_one("#ecosystem").render())
        assert "Deloitte (available, score 88.8, priority recruitment target): recruit first." in eco
        assert "Accenture is locked to RivalCo" in eco
        assert "KPMG: RivalCo, OtherCo" in eco  # shared by several competitors
        tree = view.query_one(LandscapeTree)
        labels = [str(node.label) for node in tree.root.children]
        assert labels[0].startswith("Tier A: Strategic Partners (Platinum target) (2 partners)")


async def test_a_partner_just_under_the_line_is_secondary_and_shown_so(tmp_path):
    """Issue 18, point 1: 75/74/75/75/77 is 74.95 — Secondary, never shown as 75.0; the exact
    score is in the detail when the figure shown is rounded."""
    session = mapping_session()
    session.mapping.partners[:] = [
        Partner(name="Edge", ratings=Ratings(icp_overlap=75, market_influence=74, practice_alignment=75,
                                             partnership_appetite=75, revenue_potential=77)),
        Partner(name="Closer", ratings=Ratings(icp_overlap=75, market_influence=75, practice_alignment=75,
                                               partnership_appetite=74.9, revenue_potential=75)),
    ]
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        assert column(table, "score") == ["74.95", "74.99"]
        assert column(table, "band") == ["Secondary", "Secondary"]
        detail = lambda: str(view.query_one("#partner-detail").render())  # noqa: E731
        assert "Edge: score 74.95 — Secondary target." in detail()
        table.move_cursor(row=1)
        await until(pilot, lambda: "Closer" in detail(), "the detail of the second partner")
        assert "Closer: score 74.99 (exactly 74.985) — Secondary target." in detail()


async def test_quick_rating_one_keystroke_moves_on(tmp_path):
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        await pilot.press("end")  # the last partner: Newbie, unscored
        table.move_cursor(row=3)
        await pilot.press("r")
        await pilot.pause()
        assert view.rating_bar.active and table.cursor_type == "cell"
        await pilot.press(*"80", "enter", *"70", "tab", *"101", "enter")  # 101 refused
        await pilot.pause()
        assert "Not stored: “101” — a rating must be between 0 and 100." in view.rating_bar.error
        assert app.session.mapping.partners[3].ratings.practice_alignment is None
        await pilot.press(*"abc", "enter")
        await pilot.pause()
        assert "not a number" in view.rating_bar.error
        await pilot.press(*"60", "enter", *"50", "enter")
        await pilot.pause()
        assert column(table, "score")[3] == "unscored"  # one rating still missing
        await pilot.press(*"90", "enter")
        await pilot.pause()
        # 80×.3 + 70×.25 + 60×.2 + 50×.15 + 90×.1 = 70.0 — live, from the engine
        assert column(table, "score")[3] == "70.0" and column(table, "band")[3] == "Secondary"
        assert not view.rating_bar.active  # it was the last partner: rating ends
        partner = saved(app).mapping.partners[3]
        assert partner.ratings == rated(80, 70, 60, 50, 90)


async def test_ratings_typed_faster_than_the_screen_updates_are_all_stored(tmp_path):
    """A facilitator typing "80⏎70⏎…" quickly: keys arrive before the view has stored the last
    rating and moved on. Each number must land in its own rating, none lost or run together."""
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        view.table.move_cursor(row=3)  # Newbie, unrated
        await pilot.press("r")
        await pilot.pause()
        # with corrections: Backspace is applied where it was typed ("95⌫0" stored 950)
        type_ahead(app, *"85", "backspace", "0", "enter", *"70", "enter", *"60", "enter", *"50", "tab",
                   *"99", "backspace", "backspace", *"90", "enter")
        await calm(pilot)
        assert view.rating_bar.error == ""
        assert saved(app).mapping.partners[3].ratings == rated(80, 70, 60, 50, 90)


async def test_rating_moves_to_next_partner_and_keeps_empty(tmp_path):
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        await pilot.press("r", "enter", "enter", "enter", "enter")  # keep Deloitte's first four
        await pilot.press(*"10", "enter")  # its revenue potential, then on to Boutique One
        await pilot.pause()
        assert app.session.mapping.partners[0].ratings == rated(90, 95, 85, 80, 10)
        assert column(table, "score")[0] == "80.8"
        assert view._rating == (1, 0) and table.cursor_coordinate.row == 1
        await pilot.press(*"99", "down")  # ↓ stores and goes to the same rating of the next partner
        await pilot.pause()
        assert app.session.mapping.partners[1].ratings.icp_overlap == 99
        assert view._rating == (2, 0)
        await pilot.press("escape")
        await pilot.pause()
        assert not view.rating_bar.active and table.cursor_type == "row" and app.focused is table
        assert saved(app).mapping.partners[1].ratings.icp_overlap == 99


async def test_a_new_partners_name_is_typed_over_the_placeholder(tmp_path):
    """The placeholder "New partner" is selected: typing replaces it (it read "New partnerAcme")."""
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_mapping(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, EditDialog)
        await pilot.press(*"Acme", "escape")
        await calm(pilot)
        assert saved(app).mapping.partners[-1].name == "Acme"


async def test_add_edit_delete_partner_with_hostile_text(tmp_path):
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditDialog) and dialog.dialog_title == "New partner"
        name = dialog.query_one("#field-name #input")
        name.select_all()
        await pilot.press("backspace", "backspace")  # erased, then one more on the empty field
        await pilot.pause()
        assert dialog.errors["name"]  # a partner needs a name: refused next to the field
        await paste(pilot, "[@click=app.quit]x[/]")
        dialog.query_one("#field-practice #input").focus()
        await paste(pilot, "a [/] b")
        dialog.query_one("#field-notes #input").focus()
        await pilot.press(*"# x | y")  # typed key by key
        await pilot.press("escape")
        await calm(pilot)
        assert app.is_running
        assert column(table, "name")[-1] == "[@click=app.quit]x[/]"
        assert table.cursor_row == 4
        await calm(pilot)
        tree_labels = [str(leaf.label) for node in view.query_one(LandscapeTree).root.children
                       for group in node.children for leaf in group.children]
        assert "[@click=app.quit]x[/] — a [/] b" in tree_labels
        on_disk = saved(app).mapping.partners[-1]
        assert (on_disk.name, on_disk.practice, on_disk.notes) == ("[@click=app.quit]x[/]", "a [/] b", "# x | y")

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert len(app.session.mapping.partners) == 5
        await pilot.press("d", "y")
        await calm(pilot)
        assert [p.name for p in saved(app).mapping.partners] == ["Deloitte", "Boutique One", "Accenture", "Newbie"]
        assert table.row_count == 4


async def test_edit_dialog_changes_only_that_row(tmp_path):
    session = mapping_session()
    session.mapping.partners[1].notes = "n" * 5000
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        await pilot.press("down", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditDialog)
        assert [s.name for s in dialog.specs] == [
            "name", "type", "landscape_tier", "practice", "notes", "lock_status", "locked_to", "stage",
        ]
        assert dialog.query_one("#field-notes #input").text == "n" * 5000
        dialog.query_one("#field-locked_to #input").focus()
        await pilot.press(*"a | b")
        await pilot.press("escape")
        await calm(pilot)
        assert app.session.mapping.partners[1].locked_to == "a | b"
        assert saved(app).mapping.partners[1].notes == "n" * 5000


async def test_sort_and_filter(tmp_path):
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        await pilot.press("s")
        await pilot.pause()
        assert column(table, "name") == ["Deloitte", "Accenture", "Boutique One", "Newbie"]
        assert "by score" in str(view.query_one("#table-status").render())
        await pilot.press("s")
        await pilot.pause()
        assert column(table, "name") == ["Deloitte", "Boutique One", "Accenture", "Newbie"]
        await pilot.press("f")  # band: Priority
        await pilot.pause()
        assert column(table, "name") == ["Deloitte"]
        assert "1 of 4 partners" in str(view.query_one("#table-status").render())
        await pilot.press("f", "f")  # Secondary, then Opportunistic
        assert column(table, "name") == ["Boutique One"]
        await pilot.press("f")
        assert column(table, "name") == ["Newbie"]  # unscored
        await pilot.press("f")
        assert table.row_count == 4 and not table.filter.active
        view.query_one("#filter-type").value = PartnerType.GSI
        await pilot.pause()
        assert column(table, "name") == ["Accenture"]
        view.query_one("#filter-type").clear()
        view.query_one("#filter-tier").value = LandscapeTier.A
        await pilot.pause()
        assert column(table, "name") == ["Deloitte", "Accenture"]


async def test_competitors_refresh_date_and_notes(tmp_path):
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        competitors = view.query_one("#competitors", RecordTable)
        competitors.focus()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditDialog)
        assert app.focused.value == "New competitor"
        app.focused.select_all()
        await paste(pilot, "[bold]X[/]")  # pasted over the whole default name
        dialog.query_one("#field-key_partners #input").focus()
        await paste(pilot, "Deloitte\nKPMG")  # two lines
        await pilot.press("escape")
        await calm(pilot)
        assert table_rows(competitors)[-1][:2] == ["[bold]X[/]", "Deloitte, KPMG"]
        eco = str(view.query_one("#ecosystem").render())
        assert "KPMG: RivalCo, OtherCo, [bold]X[/]" in eco
        assert "Deloitte is listed by [bold]X[/] but marked available" in eco

        await pilot.press("t")
        await calm(pilot)
        assert view.query_one("#field-competitor_map_refreshed #input").value == TODAY.isoformat()
        field = view.query_one("#field-competitor_map_refreshed")
        field.query_one("#input").focus()
        await pilot.press("end", "backspace", "x")
        await pilot.pause()
        assert "not a date" in field.error
        await pilot.press("backspace", "4")
        view.query_one("#field-gap_notes #input").focus()
        await paste(pilot, "[@click=app.quit]x[/]")
        await calm(pilot)
        on_disk = saved(app)
        assert on_disk.mapping.competitor_map_refreshed == date(2026, 11, 24)
        assert on_disk.mapping.competitors[-1].key_partners == ["Deloitte", "KPMG"]
        assert on_disk.mapping.gap_notes == "[@click=app.quit]x[/]"


async def test_focus_target_and_commands(tmp_path):
    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        await pilot.press("f")  # filter to Priority: Accenture is hidden
        accenture = next(p for p in app.session.mapping.partners if p.name == "Accenture")
        view.focus_target(Target(Phase.MAPPING, "Partner landscape", records=(accenture.id,)))
        await pilot.pause()
        assert view.table.selected.name == "Accenture" and app.focused is view.table
        view.focus_target(Target(Phase.MAPPING, "Partner landscape", "ratings"))
        await pilot.pause()
        assert view.table.selected.name == "Newbie"
        assert view.current_row() == 3
        view.focus_target(Target(Phase.MAPPING, "Competitor ecosystem", "competitor_map_refreshed"))
        await pilot.pause()
        assert app.focused is view.query_one("#field-competitor_map_refreshed #input")
        view.focus_target(Target(Phase.MAPPING, "Partner landscape", "landscape", label="tier A"))  # co-sell, none in tier A
        await pilot.pause()
        assert app.focused is view.query_one("#landscape")
        view.focus_row(1)
        assert view.current_row() == 1
        titles = [c.title for c in view.screen_commands()]
        for wanted in ("Add partner", "Rate selected partner", "Sort partners", "Filter partners by band",
                       "Add competitor", "Stamp competitor-map refresh"):
            assert wanted in titles


BIG = 120


async def test_a_big_map_is_never_rebuilt_while_rating(tmp_path):
    # 120 partners — three screens of rows — keep the test quick (saving and the health report grow
    # with the map); what is checked — no rebuild per keystroke — does not depend on the size.
    session = Session(title="Big map")
    session.mapping.partners = [
        Partner(name=f"Partner {i:05d}", landscape_tier=LandscapeTier.C, ratings=rated(50, 50, 50, 50, 50))
        for i in range(BIG)
    ]
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        assert table.row_count == BIG > 2 * table.size.height  # far more rows than one screen shows
        rebuilds = 0
        original = PartnerTable.rebuild

        def counting(self, **kwargs):
            nonlocal rebuilds
            rebuilds += 1
            original(self, **kwargs)

        PartnerTable.rebuild = counting
        try:
            await pilot.press("r")
            for value in ("90", "80", "70", "60", "50"):
                await pilot.press(*value, "enter")
            await calm(pilot)  # the debounced refresh of the whole view (0.15 s) runs too
            await pilot.press("escape", "a")  # adding appends one row
            await pilot.pause()
            await pilot.press("escape", "d", "y")  # deleting removes one row
            await calm(pilot)
        finally:
            PartnerTable.rebuild = original
        assert rebuilds == 0  # rows updated in place, appended, removed: never rebuilt
        assert table.row_count == BIG and len(app.session.mapping.partners) == BIG
        assert column(table, "score")[0] == "75.0"
        assert app.session.mapping.partners[0].ratings == rated(90, 80, 70, 60, 50)


async def test_sorting_a_big_map_shows_the_engine_order_and_scores(tmp_path):
    # The table builds its rows in one batch and draws cells only when shown: every row must
    # still hold the engine's score and band, in the engine's order, and edits touch one row.
    session = Session(title="Big map")
    session.mapping.partners = [
        Partner(name=f"P{i:04d}", landscape_tier=LandscapeTier.C, ratings=rated(*[(i * 7) % 101] * 5))
        for i in range(1_500)
    ] + [Partner(name="Unrated", landscape_tier=LandscapeTier.C)]
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        table = view.table
        assert table.row_count == 1_501
        assert column(table, "name") == [p.name for p in session.mapping.partners]
        await pilot.press("s")
        await pilot.pause()
        from workshop.method.scoring import format_score, ranked_partners

        ranked = ranked_partners(session.mapping.partners)
        assert column(table, "name") == [s.partner.name for s in ranked]
        assert column(table, "score") == [format_score(s.score) for s in ranked]
        assert column(table, "score")[-1] == format_score(None) and column(table, "band")[-1] == "—"
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.cursor_row == 1_500 and view.table.selected.name == "Unrated"


async def test_the_team_changes_the_weights_and_every_score_follows(tmp_path):
    """Issue 18: weights per session, applied when the five add up to 100 %, shown beside the
    scores with a warning, autosaved; "Method's weights" puts 30/25/20/15/10 back."""
    from screens.mapping_weights import WeightsDialog

    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        weights_line = lambda: str(view.query_one("#weights-line").render())  # noqa: E731
        assert "Weights: the method's 30/25/20/15/10" in weights_line()
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WeightsDialog), "the weights dialog")
        dialog = app.screen
        status = lambda: str(dialog.query_one("#weights-status").render())  # noqa: E731
        await pilot.press("end", "backspace", "backspace", "4", "0")
        await until(pilot, lambda: "110 %" in status(), "the sum shown")
        assert "10 % too many" in status() and app.session.mapping.weights.is_method  # not applied
        await pilot.press("tab", "end", "backspace", "backspace", "1", "5")
        await until(pilot, lambda: not app.session.mapping.weights.is_method, "the weights applied")
        assert app.session.mapping.weights.percents() == (40.0, 15.0, 20.0, 15.0, 10.0)
        assert "applied" in status()
        await pilot.press("escape")
        await until(pilot, lambda: "set by the team: 40/15/20/15/10" in weights_line(), "the warning")
        assert "differ from the method's 30/25/20/15/10" in weights_line()
        table = view.table
        assert str(table.columns[next(k for k in table.columns if k.value == "icp_overlap")].label) == "ICP 40%"
        assert column(table, "score")[0] == "88.3"  # 36 + 14.25 + 17 + 12 + 9 = 88.25
        assert saved(app).mapping.weights.percents() == (40.0, 15.0, 20.0, 15.0, 10.0)

        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WeightsDialog), "the weights dialog again")
        await pilot.click("#method")
        await until(pilot, lambda: app.session.mapping.weights.is_method, "the method's weights back")
        await pilot.press("escape")
        await until(pilot, lambda: "the method's 30/25/20/15/10" in weights_line(), "the method's line")
        assert column(table, "score")[0] == "88.8"
        assert saved(app).mapping.weights.is_method


async def test_the_detail_panel_explains_the_selected_partners_score(tmp_path):
    """Issue 15 §1: contributions, distance to the band lines and the single rating change that
    crosses one, for the partner under the cursor; hostile names stay literal."""
    session = mapping_session()
    session.mapping.partners[1].name = "[bold]Boutique[/] | # One"
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        detail = lambda: str(view.query_one("#partner-detail").render())  # noqa: E731
        text = detail()
        assert "  ICP client overlap    90 × 30 % = 27" in text
        assert "  Market influence      95 × 25 % = 23.75" in text
        assert "  Score                 88.75" in text
        assert "Band lines: in the top band; 13.75 points above its own line (75); losing more makes it Secondary." in text
        assert "Down: ICP client overlap 90 → 44.1 would make it Secondary (74.98)." in text
        view.table.move_cursor(row=1)
        await until(pilot, lambda: "[bold]Boutique[/] | # One: score 40.0" in detail(), "the second partner, literally")
        assert "Up: ICP client overlap 40 → 73.4 would make it Secondary (50.0)." in detail()
        view.table.move_cursor(row=3)
        await until(pilot, lambda: "Newbie: unscored" in detail(), "the unscored partner")
        assert "Band lines" not in detail()


async def test_weight_sensitivity_is_shown_and_says_robust_plainly(tmp_path):
    """Issue 15 §1: each weight ±20 %, the others rescaled; band changes and top-ten rank flips in
    a table; "Robust" when nothing moves."""
    session = mapping_session()
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        verdict = lambda: str(view.query_one("#sensitivity-verdict").render())  # noqa: E731
        await until(pilot, lambda: verdict() != "", "the verdict")
        assert verdict().startswith("Robust: varying any weight by ±20 % changes no partner's band")
        from rich.table import Table

        table = view.query_one("#sensitivity").content
        assert isinstance(table, Table) and table.row_count == 10
        assert [str(c) for c in table.columns[0].cells][:2] == ["ICP client overlap +20 %", "ICP client overlap −20 %"]
        # 74.75, strong on market influence: at influence +20 % (30 %, the others x 70/75) it is 75.1
        app.session.mapping.partners.append(Partner(name="[red]Edge[/]", ratings=rated(70, 80, 75, 75, 75)))
        view.refresh_now()
        await until(pilot, lambda: verdict().startswith("Not robust"), "the new verdict")
        assert "change band under some variation: [red]Edge[/]" in verdict()
        table = view.query_one("#sensitivity").content
        assert str(list(table.columns[2].cells)[2]) == "[red]Edge[/]: Secondary → Priority (74.8 → 75.1)"


async def test_gates_are_added_judged_and_hold_a_priority_partner(tmp_path):
    """Issue 15 §1: must-pass gates, editable, shown beside the score (⊘ in the band column, the
    detail), never folded into it; autosaved; hostile text literal."""
    from textual.widgets import Select

    from screens.mapping_gates import GatesDialog
    from screens.mapping_rows import row_cells  # noqa: F401 - the table's rows module, for its columns

    app = app_on(mapping_session(), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_mapping(pilot)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, GatesDialog), "the gates dialog")
        await paste(pilot, "[bold]Not locked[/] | # to a competitor")
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.session.mapping.gates) and bool(app.screen.query(".gate-verdict")),
                    "the gate added")
        gate = app.session.mapping.gates[0]
        assert gate.condition == "[bold]Not locked[/] | # to a competitor"
        status = lambda: str(app.screen.query_one("#gates-status").render())  # noqa: E731
        await until(pilot, lambda: "not judged yet" in status(), "held until judged")
        app.screen.query_one(".gate-verdict", Select).value = "fail"
        await until(pilot, lambda: bool(app.session.mapping.partners[0].gate_checks), "the verdict stored")
        assert app.session.mapping.partners[0].gate_checks[0].passes is False
        assert "fails “[bold]Not locked[/] | # to a competitor”" in status()
        await pilot.press("escape")
        await until(pilot, lambda: column(view.table, "band")[0] == "Priority ⊘", "the mark beside the band")
        assert column(view.table, "score")[0] == "88.8"  # the score is unchanged
        detail = str(view.query_one("#partner-detail").render())
        assert "Gates: ✗ [bold]Not locked[/] | # to a competitor  (c: judge)" in detail
        assert "⊘ Held out of Priority whatever it scores" in detail
        on_disk = saved(app)
        assert on_disk.mapping.gates[0].condition == gate.condition
        assert on_disk.mapping.partners[0].gate_checks[0].passes is False
