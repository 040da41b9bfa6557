"""The mapping screen's way into team scoring (g) and its mark for partners the room disputes."""

from __future__ import annotations

from pathlib import Path

from screens.mapping import MappingView
from screens.mapping_table import PartnerTable
from screens.team_scoring import TeamScoringScreen
from tests.app_harness import app_on
from workshop.method.defaults import new_session
from workshop.method.models import Participant, ParticipantRatings, Partner, Phase, Ratings, Session


def rated(value: float) -> Ratings:
    return Ratings(
        icp_overlap=value, market_influence=value, practice_alignment=value,
        partnership_appetite=value, revenue_potential=value,
    )


def on_mapping(partners: list[Partner]) -> Session:
    """A session of two participants (Ann, Ben) and ``partners``, open on the mapping phase."""
    session = new_session("Offsite")
    session.participants = [Participant(name="Ann", role="CEO"), Participant(name="Ben", role="CFO")]
    session.mapping.partners = partners
    session.position.phase = Phase.MAPPING
    return session


async def test_g_opens_team_scores_and_a_disputed_partner_is_marked_in_words(tmp_path: Path):
    app = app_on(on_mapping([
        Partner(name="Calm Co", team_ratings=[
            ParticipantRatings(participant="Ann", ratings=rated(80)),
            ParticipantRatings(participant="Ben", ratings=rated(78)),
        ]),
        Partner(name="Split [bold]Co[/]", team_ratings=[
            ParticipantRatings(participant="Ann", ratings=rated(90)),
            ParticipantRatings(participant="Ben", ratings=rated(40)),
        ]),
    ]), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(PartnerTable)
        table.focus()
        await pilot.pause()
        band_column = 2
        assert "⚑" not in str(table.get_cell_at((0, band_column)))
        assert "⚑" in str(table.get_cell_at((1, band_column)))
        table.move_cursor(row=1)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, TeamScoringScreen)
        assert app.screen.partner.name == "Split [bold]Co[/]"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TeamScoringScreen)


async def test_the_mark_follows_a_team_rating_changed_elsewhere(tmp_path: Path):
    """The row keeps the participants' raw ratings, not the verdict: changing one participant's
    rating outside the table (another screen, a script) is found by the next refresh and the
    ⚑ mark appears or goes."""
    app = app_on(on_mapping([Partner(name="Calm Co", team_ratings=[
        ParticipantRatings(participant="Ann", ratings=rated(80)),
        ParticipantRatings(participant="Ben", ratings=rated(78)),
    ])]), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(MappingView)
        table = view.table
        assert "⚑" not in str(table.get_cell_at((0, 2)))
        ben = app.session.mapping.partners[0].team_ratings[1]
        ben.ratings.icp_overlap = 10.0  # 70 points from Ann on one criterion
        view.refresh_view()
        await pilot.pause()
        assert "⚑" in str(table.get_cell_at((0, 2)))
        ben.ratings.icp_overlap = 78.0
        view.refresh_view()
        await pilot.pause()
        assert "⚑" not in str(table.get_cell_at((0, 2)))
