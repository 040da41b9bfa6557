"""Tiers phase view, driven by keys: tier edits, rules, signing, quarters, applying the engine's action."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style

from textual import events
from textual.widgets import DataTable, Input, Static

from screens.dialogs import ConfirmDialog, EditDialog
from screens.tiers_pick import PickDialog
from screens.tiers_results import QuarterResultDialog
from session_store import load_session
from tests.app_harness import BUNDLED_DEMO, app_on, calm, saved, table_rows, until
from workshop.method.findings import Target
from workshop.method.models import Partner, PartnerStage, Phase, QuarterResult, Session

SIZE = (120, 40)
HOSTILE = ["[bold]X[/]", "a [/] b", "[@click=app.quit]x[/]", "a | b", "# x", "🚀 Ünïcode"]


def demo_on_tiers(row: int = 0) -> Session:
    session = load_session(BUNDLED_DEMO)
    session.position.phase = Phase.TIERS
    session.position.row = row
    return session


def partner(session: Session, name: str) -> Partner:
    return next(p for p in session.mapping.partners if p.name == name)


def rendered(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def table_text(app, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return table_rows(table)


async def paste(pilot, text: str) -> None:
    """Put ``text`` in the focused field as a terminal paste does (the App hands it to the focus)."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def program_row(app, name: str) -> int:
    return [row[0].split("\n")[0] for row in table_text(app, "#program")].index(name)


async def test_apply_promotion_sets_recorded_tier_after_confirmation(tmp_path: Path) -> None:
    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = program_row(app, "Northbridge Risk Advisory")
        assert table_text(app, "#program")[row][:2] == ["Northbridge Risk Advisory\nGold", "▲ PROMOTE → Platinum\nCONTRADICTION"]
        await pilot.press(*["down"] * row)
        assert "CONTRADICTION: Recorded Gold" in rendered(app, "#partner-contradiction")
        await pilot.press("p")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # changed my mind: nothing happens
        assert partner(app.session, "Northbridge Risk Advisory").program_tier == "gold"
        await pilot.press("p", "y")
        await calm(pilot)  # the view's debounced refresh (0.15 s)
        assert partner(app.session, "Northbridge Risk Advisory").program_tier == "platinum"
        assert partner(saved(app), "Northbridge Risk Advisory").program_tier == "platinum"
        assert "promote applied" in app.session.history[-1].what
        move = saved(app).audit[-1]  # and in the audit trail, with the rule's figures
        assert (move.kind.value, move.subject) == ("tier_move", "Northbridge Risk Advisory")
        assert move.summary == "Northbridge Risk Advisory: promote applied (Gold → Platinum)."
        assert move.figures["quarter"] == "2026-Q3" and "Platinum" in move.rule
        row_after = table_text(app, "#program")[program_row(app, "Northbridge Risk Advisory")]
        assert row_after[:2] == ["Northbridge Risk Advisory\nPlatinum", "= HOLD\nok"]


async def test_apply_exit_marks_partner_exited(tmp_path: Path) -> None:
    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = program_row(app, "Fincrest Advisors")
        assert table_text(app, "#program")[row][1] == "✗ EXIT\nCONTRADICTION"
        await pilot.press(*["down"] * row, "p", "y")
        await calm(pilot)  # the view's debounced refresh (0.15 s)
        assert partner(saved(app), "Fincrest Advisors").stage is PartnerStage.EXITED
        assert saved(app).audit[-1].summary == "Fincrest Advisors: exit applied (Registered → exited)."
        assert not any("Fincrest Advisors" in r[0] for r in table_text(app, "#program"))


async def test_hold_has_nothing_to_apply(tmp_path: Path) -> None:
    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("p")  # Deloitte: hold
        assert not isinstance(app.screen, ConfirmDialog)
        assert any("Nothing to change for Deloitte" in str(n.message) for n in app._notifications)


async def test_add_quarter_refuses_bad_and_repeated_quarters(tmp_path: Path) -> None:
    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Deloitte -> its quarterly results
        await pilot.press("a")
        assert isinstance(app.screen, QuarterResultDialog)
        quarter = app.screen.query_one("#field-quarter #input", Input)
        assert quarter.value == "2026-Q4"  # the quarter after the latest one
        deloitte = partner(app.session, "Deloitte")
        added = deloitte.results[-1]
        for bad, message in [("2026-Q5", "not a quarter"), ("26-Q1", "not a quarter"), ("2026-Q3", "recorded twice")]:
            quarter.value = ""
            await paste(pilot, bad)
            assert message in app.screen.errors["quarter"]
            assert added.quarter == "2026-Q4"
        quarter.value = ""
        await paste(pilot, "2027-Q1")
        assert "quarter" not in app.screen.errors
        # an edit like any other: in the history and autosaved, even if nothing else is typed
        assert app.session.history[-1].what == "Deloitte: quarter 2027-Q1 recorded"
        await pilot.press("tab")
        pipeline = app.screen.query_one("#field-pipeline #input", Input)
        pipeline.value = ""
        await pilot.press(*"-5")
        assert "negative" in app.screen.errors["pipeline"]
        pipeline.value = ""
        await pilot.press(*"1.5M")  # typed key by key, as "-5" above
        await pilot.press("tab", "tab", "space", "tab")
        await paste(pilot, "2026-12-01")
        assert app.screen.errors == {}
        await pilot.press("escape")
        await calm(pilot)  # the view's debounced refresh (0.15 s)
        on_disk = partner(saved(app), "Deloitte").results
        result = next(r for r in on_disk if r.quarter == "2027-Q1")
        assert result.pipeline == 1_500_000
        assert result.dedicated_practice is True
        assert str(result.last_pipeline_activity) == "2026-12-01"
        assert table_text(app, "#results")[-1][0] == "2027-Q1"
        assert table_text(app, "#results")[-1][2] == "Registered"  # the engine: no certified individuals


async def test_delete_quarter_asks_first(tmp_path: Path) -> None:
    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "2025-Q2" not in [r.quarter for r in partner(saved(app), "Deloitte").results]


async def test_edit_tier_criteria_and_rules(tmp_path: Path) -> None:
    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#tiers").focus()
        await pilot.press("down", "e")  # Gold
        assert isinstance(app.screen, EditDialog)
        low = app.screen.query_one("#field-pipeline_min #input", Input)
        low.value = ""
        await pilot.press(*"5M")  # above the 2M maximum: refused by the model
        await pilot.pause()
        assert "above the maximum" in app.screen.errors["pipeline_min"]
        low.value = ""
        await pilot.press(*"750k")
        await pilot.pause()
        await pilot.press("escape", "r")
        assert isinstance(app.screen, EditDialog)
        promotion = app.screen.query_one("#field-promotion_quarters #input", Input)
        promotion.value = ""
        await pilot.press("0")
        await pilot.pause()
        assert app.screen.errors["promotion_quarters"]
        promotion.value = ""
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("escape")
        await calm(pilot)  # the view's debounced refresh (0.15 s)
        on_disk = saved(app)
        assert on_disk.tiers.tier("gold").pipeline_min == 750_000
        assert on_disk.tiers.rules.promotion_quarters == 3
        assert "after 3 consecutive quarters" in rendered(app, "#rules")
        assert table_text(app, "#tiers")[1][1] == "$750K–$2M"


async def test_sign_partner_from_the_map(tmp_path: Path) -> None:
    """Signing is one discrete edit: the row is there and selected at once, without waiting for
    the quiet spell that typing gets (the end-to-end test read the table too early now and then)."""
    session = demo_on_tiers()
    session.mapping.partners.append(Partner(name=HOSTILE[0]))
    app = app_on(session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, PickDialog)
        labels = [label for label, _ in app.screen.choices]
        await pilot.press(*["down"] * (len(labels) - 1), "enter")  # the last one: the hostile name
        assert isinstance(app.screen, PickDialog)
        await pilot.press("down", "enter")  # Gold
        await pilot.pause()
        view = app.screen.query_one("#view-tiers")
        assert view._refresh_timer is None  # nothing left to catch up with
        assert table_text(app, "#program")[program_row(app, HOSTILE[0])][0] == f"{HOSTILE[0]}\nGold"
        assert view.selected_partner().name == HOSTILE[0]
        signed = partner(saved(app), HOSTILE[0])
        assert signed.stage is PartnerStage.SIGNED and signed.program_tier == "gold"


async def test_hostile_names_shown_literally(tmp_path: Path) -> None:
    session = demo_on_tiers()
    for index, name in enumerate(HOSTILE):
        session.mapping.partners.insert(
            index,
            Partner(name=name, stage=PartnerStage.SIGNED, program_tier="silver",
                    results=[QuarterResult(quarter="2026-Q3", pipeline=150_000, certified_individuals=1)]),
        )
    session.tiers.tiers[0].benefits.append("[@click=app.quit]free[/] lunch")
    app = app_on(session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [row[0] for row in table_text(app, "#program")][: len(HOSTILE)] == [f"{n}\nSilver" for n in HOSTILE]
        for index, name in enumerate(HOSTILE):
            app.screen.query_one("#view-tiers").focus_row(index)
            await pilot.pause()
            assert rendered(app, "#partner-detail").startswith(name + " — recorded Silver")
            assert rendered(app, "#results-title") == f"Quarterly results — {name}"
        assert "• [@click=app.quit]free[/] lunch" in rendered(app, "#tier-benefits")
        app.screen.query_one("#tier-benefits").scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#tier-benefits")
        assert app.is_running


async def test_health_link_selects_the_named_partner(tmp_path: Path) -> None:
    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#view-tiers")
        fincrest = partner(app.session, "Fincrest Advisors")
        view.focus_target(Target(Phase.TIERS, "Tier movements", records=(fincrest.id,), label=fincrest.name))
        await pilot.pause()
        assert view.query_one("#program", DataTable).has_focus
        assert table_text(app, "#program")[view.current_row()][0].startswith("Fincrest Advisors\n")
        assert "Fincrest Advisors" in rendered(app, "#partner-detail")


async def test_the_quarter_dialog_fits_a_small_terminal_with_its_done_button(tmp_path: Path) -> None:
    """At 80x24 the fields scroll and the Done button stays on screen (it was cut off)."""
    from textual.widgets import Button

    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Deloitte -> its quarterly results
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, QuarterResultDialog)
        done = app.screen.query_one("#done", Button)
        assert done.region.height > 0 and app.screen.region.contains_region(done.region)
        last = app.screen.query_one("#field-last_pipeline_activity #input")
        last.focus()
        await pilot.pause()
        assert app.screen.region.contains_region(last.region)  # scrolled into view


async def test_a_warning_is_recorded_and_a_tier_against_the_rules_needs_its_appeal(tmp_path: Path) -> None:
    from screens.dialogs import PromptDialog

    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*["down"] * program_row(app, "Accenture"), "p")
        assert isinstance(app.screen, ConfirmDialog)  # a warning is issued at the QBR: recorded
        await pilot.press("y")
        await calm(pilot)
        assert saved(app).audit[-1].summary == "Accenture: warning issued at the QBR (Platinum)."
        count = len(saved(app).audit)
        await pilot.press("p")  # once per QBR
        assert not isinstance(app.screen, ConfirmDialog) and len(app.session.audit) == count
        # Northbridge: the rules say Platinum; setting Silver by hand is an override
        app.screen.query_one("#program", DataTable).move_cursor(row=program_row(app, "Northbridge Risk Advisory"))
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        await pilot.press("down", "down", "enter")  # Platinum, Gold, Silver
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("enter")  # no reason: refused, nothing changes
        await calm(pilot)
        assert partner(app.session, "Northbridge Risk Advisory").program_tier == "gold"
        assert not isinstance(app.screen, PromptDialog), app.screen
        assert len(app.session.audit) == count  # and nothing recorded
        await pilot.press("t", "down", "down", "enter")
        await pilot.pause()
        await pilot.press(*"Practice lead left", "enter")
        await calm(pilot)
        assert partner(saved(app), "Northbridge Risk Advisory").program_tier == "silver"
        appeal = saved(app).audit[-1]
        assert (appeal.kind.value, appeal.reason, appeal.subject) == ("override", "Practice lead left", "Northbridge Risk Advisory")


async def test_actions_take_the_themes_colours_and_follow_a_theme_change(tmp_path: Path) -> None:
    """PROMOTE / WARNING / EXIT were plain bold: now the theme's success / warning / error colour
    (with their symbols), redrawn when F9 changes the theme."""
    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#program", DataTable)

        def colour_of(name: str, word: str) -> str:
            text = table.get_row_at(program_row(app, name))[1]
            span = next(s for s in text.spans if word in text.plain[s.start : s.end])
            return str(Style.parse(str(span.style)).color.triplet.hex).upper()

        expected = lambda tone: app.get_css_variables()[f"text-{tone}"].upper()  # noqa: E731
        assert colour_of("Northbridge Risk Advisory", "PROMOTE") == expected("success")
        assert colour_of("Fincrest Advisors", "EXIT") == expected("error")
        before = colour_of("Fincrest Advisors", "EXIT")
        await pilot.press("f9")
        await until(pilot, lambda: colour_of("Fincrest Advisors", "EXIT") != before, "the table redrawn")
        assert colour_of("Fincrest Advisors", "EXIT") == expected("error")


async def test_a_placeholder_the_tier_answers_is_shown_filled_in(tmp_path: Path) -> None:
    """The method's "Top MDF allocation ($[X]/yr)" reads with the tier's own MDF figure on screen,
    as the blueprint and the completeness count have it (issue 21); it showed "$[X]" raw."""
    session = demo_on_tiers()
    platinum = session.tiers.tiers[0]
    assert any("$[X]" in text for text in platinum.benefits) and platinum.mdf_per_year == 150_000
    app = app_on(session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = rendered(app, "#tier-benefits")
        assert "Top MDF allocation ($150,000/yr)" in shown
        assert "$[X]" not in shown
