"""Pilot tests of TeamScoringScreen: keys in, then the session in memory and on disk."""

from __future__ import annotations

from textual.widgets import Static

from screens.team_scoring import RatingCell, TeamScoringScreen
from tests.app_harness import LARGE, SMALL, app_on, calm, demo_app, saved, type_ahead
from workshop.method.models import Participant, Partner, Session

HOSTILE = "[b]Eve[/b] [/] [@click=app.quit]x"


def fresh_session() -> Session:
    session = Session(title="Team scoring test")
    session.participants = [Participant(name="Ann"), Participant(name="Bob"), Participant(name=HOSTILE)]
    session.mapping.partners.append(Partner(name="Acme [red]Corp[/]"))
    return session


async def open_team(app, pilot, index: int = 0) -> TeamScoringScreen:
    await pilot.pause()
    partner = app.session.mapping.partners[index]
    await app.push_screen(TeamScoringScreen(partner))
    await pilot.pause()
    assert isinstance(app.screen, TeamScoringScreen)
    return app.screen


async def type_cells(pilot, *values: str) -> None:
    for value in values:
        if value:
            await pilot.press(*value)
        await pilot.press("enter")
    await pilot.pause()


async def settle(app) -> None:
    """Write pending edits before the app exits.

    An autosave whose worker has been scheduled but not started when the app exits is
    cancelled, and ``saved`` (which only flushes what is still pending) then reads a stale
    file; so let any write in flight finish, then flush the rest here.
    """
    await app.workers.wait_for_complete()
    assert app.flush_save()


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_enter_moves_across_then_down_and_everything_is_saved(tmp_path):
    app = app_on(fresh_session(), tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_team(app, pilot)
        await type_cells(pilot, "90", "80", "70", "60", "50")  # Ann, then on to Bob
        focused = app.focused
        assert isinstance(focused, RatingCell) and (focused.row, focused.column) == (1, 0)
        await type_cells(pilot, "30", "20", "10", "20", "30")
        partner = app.session.mapping.partners[0]
        assert [e.participant for e in partner.team_ratings] == ["Ann", "Bob"]
        assert partner.ratings.icp_overlap == 60.0  # mean of 90 and 30
        assert partner.ratings.revenue_potential == 40.0
        assert text_of(screen, "#team-score-0").strip() == "75.0"
        assert "ROOM DISAGREES — discuss" in text_of(screen, "#team-verdict")
        assert screen.query_one("#team-verdict").has_class("-disputed")
        await settle(app)
    on_disk = saved(app).mapping.partners[0]
    assert on_disk.team_ratings == partner.team_ratings
    assert on_disk.ratings == partner.ratings


async def test_scores_typed_faster_than_the_screen_updates_land_in_their_own_cells(tmp_path):
    """"90⏎80⏎70⏎" typed quickly: keys arrive before the screen has stored a cell and moved on."""
    app = app_on(fresh_session(), tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_team(app, pilot)
        type_ahead(app, *"95", "backspace", "0", "enter", *"80", "enter", *"70", "tab", *"60", "enter", *"50", "enter",
                   *"30", "enter")  # with a correction: "95⌫0" stored 950, Backspace came last
        await calm(pilot)
        assert text_of(screen, "#team-error") == ""
        await settle(app)
        entry = saved(app).mapping.partners[0].team_ratings[0]
        assert entry.participant == "Ann"
        assert entry.ratings.model_dump() == {
            "icp_overlap": 90, "market_influence": 80, "practice_alignment": 70,
            "partnership_appetite": 60, "revenue_potential": 50,
        }
        assert saved(app).mapping.partners[0].team_ratings[1].ratings.icp_overlap == 30  # Bob's first


async def test_bad_number_refused_with_message_and_cell_keeps_focus(tmp_path):
    app = app_on(fresh_session(), tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_team(app, pilot)
        await type_cells(pilot, "101")
        assert "between 0 and 100" in text_of(screen, "#team-error")
        assert "Ann, ICP client overlap" in text_of(screen, "#team-error")
        focused = app.focused
        assert isinstance(focused, RatingCell) and (focused.row, focused.column) == (0, 0)
        await type_cells(pilot, "abc")
        assert "not a number: 'abc'" in text_of(screen, "#team-error")
        await type_cells(pilot, "55")
        assert not screen.query_one("#team-error").has_class("-shown")
        assert app.focused.column == 1
        await settle(app)
    assert saved(app).mapping.partners[0].team_ratings[0].ratings.icp_overlap == 55.0


async def test_tab_stores_shift_tab_goes_back_and_empty_clears(tmp_path):
    app = app_on(fresh_session(), tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await open_team(app, pilot)
        await pilot.press("4", "0", "tab")
        await pilot.press("shift+tab")
        assert app.focused.column == 0
        await pilot.press("backspace", "enter")  # select-on-focus: backspace empties the cell
        await pilot.pause()
        assert app.session.mapping.partners[0].team_ratings == []
        await settle(app)
    assert saved(app).mapping.partners[0].team_ratings == []


async def test_escape_stores_the_typed_value_and_closes(tmp_path):
    app = app_on(fresh_session(), tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await open_team(app, pilot)
        await pilot.press("7", "7", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, TeamScoringScreen)
        await settle(app)
    assert saved(app).mapping.partners[0].team_ratings[0].ratings.icp_overlap == 77.0


async def test_escape_with_a_bad_number_stays_open_and_says_why(tmp_path):
    app = app_on(fresh_session(), tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_team(app, pilot)
        await pilot.press("x", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert "not a number" in text_of(screen, "#team-error")


async def test_hostile_names_are_shown_literally(tmp_path):
    app = app_on(fresh_session(), tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_team(app, pilot)
        assert str(screen.query_one("#team-title").render()) == "Team scores — Acme [red]Corp[/]"
        assert HOSTILE in str(screen.query_one("#team-row-2 Label").render())
        for row in ("90", "10"):
            await type_cells(pilot, row, row, row, row, row)
        await type_cells(pilot, "50", "50", "50", "50", "50")
        assert app.is_running
        assert f"90.0 (Ann)" in text_of(screen, "#team-verdict")


async def test_no_participants_says_how_to_add_them(tmp_path):
    session = fresh_session()
    session.participants = []
    app = app_on(session, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_team(app, pilot)
        assert "Intake" in text_of(screen, "#team-empty")
        assert not screen.query(RatingCell)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TeamScoringScreen)


async def test_demo_partner_shows_existing_ratings_and_a_renamed_rater(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=LARGE) as pilot:
        app.session.participants = [p for p in app.session.participants if p.name != "Sarah Whitfield"]
        screen = await open_team(app, pilot)
        names = [str(label.render()) for label in screen.query(".team-name")]
        assert "Sarah Whitfield (not in Intake)" in names  # her ratings still count in the mean
        assert text_of(screen, "#team-verdict").startswith("The room agrees")


def test_team_scoring_small_snapshot(snap_compare, tmp_path):
    async def open_it(pilot):
        await open_team(pilot.app, pilot)
        await type_cells(pilot, "40", "30")
        await settle(pilot.app)  # the header says "saved", not "saving…"

    assert snap_compare(demo_app(tmp_path), terminal_size=SMALL, run_before=open_it)


def test_team_scoring_large_snapshot(snap_compare, tmp_path):
    async def open_it(pilot):
        await open_team(pilot.app, pilot)
        await type_cells(pilot, "20", "20", "20", "20", "20", "101")
        await settle(pilot.app)

    assert snap_compare(demo_app(tmp_path), terminal_size=(120, 36), run_before=open_it)
