"""The dispute verdict the mapping table shows (⚑), remembered per set of participants' ratings."""

from __future__ import annotations

from workshop.method.models import Partner, ParticipantRatings, Ratings
from workshop.method.team_scoring import disagreement, is_disputed


def test_is_disputed_is_the_disagreement_verdict_and_follows_each_change():
    """The remembered verdict is keyed on the participants' ratings, so an edit is never missed."""
    partner = Partner(name="P", team_ratings=[
        ParticipantRatings(participant="Ann", ratings=Ratings(icp_overlap=80, market_influence=80)),
        ParticipantRatings(participant="Ben", ratings=Ratings(icp_overlap=79, market_influence=80)),
    ])
    assert is_disputed(partner) is disagreement(partner).disputed is False
    partner.team_ratings[1].ratings.icp_overlap = 20.0
    assert is_disputed(partner) is disagreement(partner).disputed is True
    assert is_disputed(partner, threshold=70.0) is disagreement(partner, 70.0).disputed is False
    partner.team_ratings[1].ratings.icp_overlap = 79.0
    assert is_disputed(partner) is False
    assert is_disputed(Partner(name="Nobody rated")) is False
