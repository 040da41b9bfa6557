"""Weight sensitivity (issue 15 §1): each weight ±20 % relative, the others rescaled to 100 %."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.method.models import RATING_FIELDS, Partner, Ratings, ScoringWeights
from workshop.method.scoring import band_for, exact_score
from workshop.method.sensitivity import scenarios, sensitivity

FIELDS = list(RATING_FIELDS)


def partner(name: str, *values: float) -> Partner:
    return Partner(name=name, ratings=Ratings(**dict(zip(FIELDS, values))))


def test_the_ten_variations_of_the_methods_weights() -> None:
    made, skipped = scenarios()
    assert skipped == [] and len(made) == 10
    first = made[0]
    assert first.name == "ICP client overlap +20 %"
    assert first.weights.percents[0] == 36
    # the others keep their proportions: 25 x 64/70
    assert first.weights.percents[1] == Fraction(25 * 64, 70)
    assert first.weights_text == "36/22.9/18.3/13.7/9.1"
    for scenario in made:
        assert sum(scenario.weights.percents) == 100


def test_zero_and_whole_weights_are_skipped_and_said() -> None:
    weights = ScoringWeights(icp_overlap=100, market_influence=0, practice_alignment=0,
                             partnership_appetite=0, revenue_potential=0)
    made, skipped = scenarios(weights)
    assert made == []
    assert skipped[0] == "ICP client overlap carries all the weight: nothing to rescale"
    assert "Market influence has no weight to vary" in skipped
    result = sensitivity([partner("A", 80, 0, 0, 0, 0)], weights)
    assert result.sentence.startswith("No weight can be varied: ")
    weights = ScoringWeights(icp_overlap=90, market_influence=10, practice_alignment=0,
                             partnership_appetite=0, revenue_potential=0)
    made, skipped = scenarios(weights)
    assert "ICP client overlap +20 % would exceed 100 %" in skipped
    assert [s.name for s in made] == ["ICP client overlap −20 %", "Market influence +20 %", "Market influence −20 %"]


def test_a_partner_near_the_line_changes_band_and_the_top_flips() -> None:
    # 74.75, strong on influence: influence at 30 % (the others x 70/75) gives 75.1
    edge = partner("Edge", 70, 80, 75, 75, 75)
    steady = partner("Steady", 75, 75, 75, 75, 75)  # 75 under every weighting
    result = sensitivity([edge, steady])
    assert not result.robust and result.partners_changing_band == ("Edge",)
    by_name = {r.scenario.name: r for r in result.results}
    change = by_name["Market influence +20 %"].band_changes[0]
    assert change.text == "Edge: Secondary → Priority (74.8 → 75.1)"
    flip = by_name["Market influence +20 %"].rank_flips[0]
    assert flip.text == "Edge passes Steady (75.1 vs 75.0)"
    assert by_name["Practice alignment +20 %"].band_text == "none"
    assert result.sentence.startswith("Not robust: 1 partner(s) change band under some variation: Edge; 2 rank flip(s)")


def test_robust_is_said_plainly() -> None:
    result = sensitivity([partner("A", 90, 90, 90, 90, 90), partner("B", 40, 40, 40, 40, 40)])
    assert result.robust
    assert result.sentence == ("Robust: varying any weight by ±20 % changes no partner's band and no order "
                               "among the top 2.")
    assert sensitivity([Partner(name="Unrated")]).sentence == "No partner has a score yet: nothing to test."


rating = st.integers(0, 100).map(float)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(rating, rating, rating, rating, rating), min_size=1, max_size=12))
def test_the_shortcut_scores_as_the_varied_weights_do(rows: list[tuple[float, ...]]) -> None:
    partners = [partner(f"P{i}", *values) for i, values in enumerate(rows)]
    result = sensitivity(partners)
    for r in result.results:
        changed = {c.partner.name: c for c in r.band_changes}
        for p in partners:
            before, after = exact_score(p.ratings), exact_score(p.ratings, r.scenario.weights)
            assert after is not None and before is not None
            moved = band_for(after) is not band_for(before)
            assert moved == (p.name in changed)
            if moved:
                assert changed[p.name].score_after == after
