"""The tier screen edits the session's own ladder (issue 17): add, rename, reorder, remove —
each autosaved, each refused in words when it would break the framework."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from screens.dialogs import ConfirmDialog, EditDialog, PromptDialog
from session_store import load_session
from tests.app_harness import BUNDLED_DEMO, app_on, calm, saved, table_rows, until
from workshop.export.markdown import export_markdown
from workshop.method.models import KeyResult, Objective, Phase, Session

SIZE = (130, 44)
HOSTILE_TIERS = ["[bold]X[/]", "a | b", "🚀 Élite"]


def demo_on_tiers() -> Session:
    session = load_session(BUNDLED_DEMO)
    session.position.phase = Phase.TIERS
    return session


def tier_rows(app) -> list[list[str]]:
    return table_rows(app.screen.query_one("#tiers", DataTable))


def rendered(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def answer(pilot, text: str) -> None:
    """Type ``text`` over the prompt's value and accept it."""
    assert isinstance(pilot.app.screen, PromptDialog)
    pilot.app.screen.query_one("#prompt", Input).value = ""
    await pilot.press(*text, "enter")
    await pilot.pause()


async def test_add_a_tier_on_top_and_edit_it(tmp_path: Path) -> None:
    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#tiers").focus()
        await pilot.press("a")
        await answer(pilot, "platinum")  # taken (case ignored): refused, asked again
        await until(pilot, lambda: isinstance(app.screen, PromptDialog), "the prompt again")
        await answer(pilot, "Elite")
        assert isinstance(app.screen, EditDialog)
        low = app.screen.query_one("#field-pipeline_min #input", Input)
        low.value = ""
        await pilot.press(*"5M")
        await pilot.pause()
        await pilot.press("escape")
        await calm(pilot)
        assert [row[0] for row in tier_rows(app)] == ["Elite", "Platinum", "Gold", "Silver", "Registered"]
        assert tier_rows(app)[0][1] == "$5M+"
        on_disk = saved(app)
        assert [t.id for t in on_disk.tiers.tiers][0] == "elite"
        assert on_disk.tiers.tier("elite").pipeline_min == 5_000_000


async def test_rename_carries_through_the_saved_file_and_the_export(tmp_path: Path) -> None:
    session = demo_on_tiers()
    session.objectives.append(Objective(text="Grow the Gold bench", key_results=[
        KeyResult(text="Sign 3 Gold partners"),
    ]))
    app = app_on(session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#tiers").focus()
        await pilot.press("down", "n")  # Gold
        await answer(pilot, "Premier")
        await calm(pilot)
        assert tier_rows(app)[1][0] == "Premier"
        on_disk = saved(app)
        assert on_disk.tiers.tier("gold").name == "Premier"
        assert on_disk.objectives[-1].text == "Grow the Premier bench"
        assert on_disk.objectives[-1].key_results[0].text == "Sign 3 Premier partners"
        northbridge = next(p for p in on_disk.mapping.partners if p.name == "Northbridge Risk Advisory")
        assert northbridge.program_tier == "gold"  # the id: nothing else had to change
        program = table_rows(app.screen.query_one("#program", DataTable))
        assert any(row[0] == "Northbridge Risk Advisory\nPremier" for row in program)
        markdown = export_markdown(load_session(tmp_path / "session.toml"), today=date(2026, 11, 25))
        assert "| Premier | $500,000–$2,000,000 |" in markdown
        assert "| Northbridge Risk Advisory | Premier | Platinum |" in markdown
        assert "Gold" not in markdown.split("## Phase 3", 1)[1].split("## Phase 4", 1)[0]


async def test_a_tier_partners_hold_cannot_be_removed_and_names_them(tmp_path: Path) -> None:
    app = app_on(demo_on_tiers(), tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.screen.query_one("#tiers").focus()
        await pilot.press("down", "d")  # Gold: Northbridge holds it
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        messages = [n.message for n in app._notifications]
        assert any("Northbridge Risk Advisory" in str(m) and "cannot be removed" in str(m) for m in messages)
        assert len(saved(app).tiers.tiers) == 4


async def test_reorder_and_remove_a_free_tier(tmp_path: Path) -> None:
    session = demo_on_tiers()
    session.mapping.partners = [p for p in session.mapping.partners if p.program_tier != "silver"]
    app = app_on(session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#tiers").focus()
        await pilot.press("down", "down", "ctrl+up")  # Silver above Gold: the ladder no longer climbs
        await calm(pilot)
        assert [row[0] for row in tier_rows(app)] == ["Platinum", "Silver", "Gold", "Registered"]
        assert "'Gold' demands more annual pipeline" in rendered(app, "#ladder-problems")
        assert [t.id for t in saved(app).tiers.tiers] == ["platinum", "silver", "gold", "registered"]
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await calm(pilot)
        assert [row[0] for row in tier_rows(app)] == ["Platinum", "Gold", "Registered"]
        assert [t.id for t in saved(app).tiers.tiers] == ["platinum", "gold", "registered"]
        assert not app.screen.query_one("#ladder-problems").has_class("-shown") or "mix" in rendered(
            app, "#ladder-problems"
        )


async def test_hostile_tier_names_are_shown_and_exported_literally(tmp_path: Path) -> None:
    session = demo_on_tiers()
    for tier, name in zip(session.tiers.tiers, HOSTILE_TIERS):
        tier.name = name
    app = app_on(session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [row[0] for row in tier_rows(app)][:3] == HOSTILE_TIERS
        assert rendered(app, "#tier-benefits").startswith("[bold]X[/] benefits")
        program = table_rows(app.screen.query_one("#program", DataTable))
        assert any(row[0] == "Deloitte\n[bold]X[/]" for row in program)
        assert any(row[0] == "Northbridge Risk Advisory\na | b" for row in program)
        assert "[bold]X[/]" in rendered(app, "#rules")
        assert app.is_running
    markdown = export_markdown(session, today=date(2026, 11, 25))
    assert "| \\[bold]X[/] |" in markdown  # escaped just enough to stay literal
    assert "| a \\| b |" in markdown
    assert "| 🚀 Élite |" in markdown
