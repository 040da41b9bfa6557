"""Scores anyone can question (issue 15 §1): contributions, distances to the band lines, and the
single rating change that crosses one — from the method's numbers."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workshop.method.models import RATING_FIELDS, Partner, Ratings, ScoringWeights
from workshop.method.score_explain import explain
from workshop.method.scoring import Band, band_for, exact_score

FIELDS = list(RATING_FIELDS)


def partner(*values: float) -> Partner:
    return Partner(name="[bold]P[/] | # x", ratings=Ratings(**dict(zip(FIELDS, values))))


def test_the_issue_partner_just_under_the_line() -> None:
    e = explain(partner(75, 74, 75, 75, 77))
    assert e is not None and e.band is Band.SECONDARY and e.score == Fraction("74.95")
    assert [c.text for c in e.contributions] == [
        "75 × 30 % = 22.5", "74 × 25 % = 18.5", "75 × 20 % = 15", "75 × 15 % = 11.25", "77 × 10 % = 7.7"]
    assert e.up == Fraction("0.05") and e.up_band is Band.PRIORITY
    assert e.down == Fraction("24.95") and e.down_band is Band.OPPORTUNISTIC
    assert e.distance_sentence == ("0.05 points below the Priority line (75); 24.95 points above its own "
                                   "line (50); losing more makes it Opportunistic.")
    # +0.2 on ICP (30 %) adds 0.06: 75.01; +0.1 would add only 0.03
    assert e.up_sentence == "Up: ICP client overlap 75 → 75.2 would make it Priority (75.0)."
    assert e.down_sentence == "Down: no single rating change drops it to Opportunistic."


def test_exactly_on_the_line() -> None:
    e = explain(partner(75, 75, 75, 75, 75))
    assert e is not None and e.band is Band.PRIORITY and e.down == 0 and e.up is None
    assert "exactly on its own line (75): any loss makes it Secondary" in e.distance_sentence
    assert e.up_sentence == "Up: already in the top band."
    assert e.move_down is not None and (e.move_down.field, e.move_down.to) == ("icp_overlap", Fraction("74.9"))


def test_the_bottom_band_and_unscored() -> None:
    e = explain(partner(0, 0, 0, 0, 0))
    assert e is not None and e.down_sentence == "Down: already in the bottom band."
    assert e.move_up is None  # 100 on ICP alone gives 30, short of 50
    assert e.up_sentence == "Up: no single rating change reaches Secondary."
    assert explain(Partner(name="Unrated")) is None


def test_team_weights_are_used() -> None:
    weights = ScoringWeights(icp_overlap=40, market_influence=15, practice_alignment=20,
                             partnership_appetite=15, revenue_potential=10)
    e = explain(partner(75, 74, 75, 75, 77), weights)
    assert e is not None and e.band is Band.PRIORITY and e.contributions[0].text == "75 × 40 % = 30"


rating = st.one_of(st.integers(0, 100).map(float), st.integers(0, 1000).map(lambda t: t / 10))


@settings(max_examples=400, deadline=None)
@given(st.tuples(rating, rating, rating, rating, rating))
@example((75.0, 74.0, 75.0, 75.0, 77.0))
@example((50.0, 50.0, 50.0, 50.0, 50.0))
@example((100.0, 100.0, 100.0, 100.0, 100.0))
def test_every_move_crosses_and_is_the_smallest_on_its_grid(values: tuple[float, ...]) -> None:
    p = partner(*values)
    e = explain(p)
    assert e is not None
    assert sum(c.points for c in e.contributions) == e.score
    for move in e.moves_up + e.moves_down:
        changed = p.ratings.model_copy(update={move.field: float(move.to)})
        assert exact_score(changed) == move.score and band_for(move.score) is move.band
        assert 0 <= move.to <= 100
    for move in e.moves_up:
        assert move.band is e.up_band
        closer = p.ratings.model_copy(update={move.field: float(move.to - Fraction(1, 10))})
        assert band_for(exact_score(closer)) is e.band  # a tenth less stays below the line
    for move in e.moves_down:
        assert move.band is e.down_band
        closer = p.ratings.model_copy(update={move.field: float(move.to + Fraction(1, 10))})
        assert band_for(exact_score(closer)) is e.band  # a tenth more stays on its side
    if e.moves_up:
        assert e.move_up == min(e.moves_up, key=lambda m: m.to - m.rating)


@settings(max_examples=400, deadline=None)
@given(st.tuples(rating, rating, rating, rating, rating),
       st.sampled_from([None, ScoringWeights(icp_overlap=40, market_influence=15, practice_alignment=20,
                                             partnership_appetite=15, revenue_potential=10),
                        ScoringWeights(icp_overlap=33.3, market_influence=33.3, practice_alignment=33.4,
                                       partnership_appetite=0, revenue_potential=0)]))
def test_the_integer_path_explains_as_the_exact_one(values: tuple[float, ...], weights: ScoringWeights | None) -> None:
    from workshop.method.score_explain import _explain_exactly
    from workshop.method.scoring import weighting

    p = partner(*values)
    assert explain(p, weights) == _explain_exactly(p, weighting(weights))
