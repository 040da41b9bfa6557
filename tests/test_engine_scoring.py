"""Phase 2.2: weights, bands at their edges, unscored partners, ranking."""

from __future__ import annotations


from fractions import Fraction

import pytest

from workshop.method.models import RATING_FIELDS, Partner, Ratings
from workshop.method.scoring import (
    Band,
    attractiveness,
    band_for,
    exact_text,
    format_score,
    missing_ratings,
    ranked_partners,
)

FIELDS = list(RATING_FIELDS)


def ratings(**values: float) -> Ratings:
    return Ratings(**values)


def all_(value: float) -> Ratings:
    return Ratings(**{field: value for field in FIELDS})


def test_the_methods_weights() -> None:
    assert [w for _label, w in RATING_FIELDS.values()] == [0.30, 0.25, 0.20, 0.15, 0.10]
    for field, (_label, weight) in RATING_FIELDS.items():
        only = {f: 0.0 for f in FIELDS} | {field: 100.0}
        assert attractiveness(Ratings(**only)) == pytest.approx(weight * 100)


def test_weighted_sum() -> None:
    score = attractiveness(
        ratings(
            icp_overlap=90,
            market_influence=80,
            practice_alignment=70,
            partnership_appetite=60,
            revenue_potential=50,
        )
    )
    assert score == 75.0  # 27 + 20 + 14 + 9 + 5


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (75.0, Band.PRIORITY),
        (74.95, Band.SECONDARY),  # the method: "Score >= 75"; 74.95 is not (issue 18, point 1)
        (74.99999, Band.SECONDARY),
        (74.94, Band.SECONDARY),
        (50.0, Band.SECONDARY),
        (49.99, Band.OPPORTUNISTIC),  # "< 50"
        (49.95, Band.OPPORTUNISTIC),
        (0.0, Band.OPPORTUNISTIC),
        (100.0, Band.PRIORITY),
    ],
)
def test_band_edges_on_the_exact_score(score: float, band: Band) -> None:
    assert band_for(score) is band
    assert band_for(Fraction(repr(score))) is band


def test_the_issue_ratings_75_74_75_75_77_are_secondary() -> None:
    """0.30*75 + 0.25*74 + 0.20*75 + 0.15*75 + 0.10*77 = 74.95: just under the line."""
    r = ratings(icp_overlap=75, market_influence=74, practice_alignment=75, partnership_appetite=75, revenue_potential=77)
    assert attractiveness(r) == Fraction("74.95")
    assert band_for(attractiveness(r)) is Band.SECONDARY
    assert format_score(attractiveness(r)) == "74.95"
    ranked = ranked_partners([Partner(name="Edge", ratings=r)])
    assert ranked[0].band is Band.SECONDARY and ranked[0].score_text == "74.95"


def test_shown_score_never_contradicts_its_band() -> None:
    assert format_score(74.95) == "74.95"  # Secondary: never "75.0"
    assert format_score(74.995) == "74.995"
    assert format_score(74.9999) == "74.9999"
    assert format_score(49.99) == "49.99"  # Opportunistic: never "50.0"
    assert format_score(49.95) == "49.95"
    assert format_score(74.94) == "74.9"  # one decimal wherever it stays in the band
    assert format_score(75.04) == "75.0"
    assert format_score(75.05) == "75.1"  # half-up away from a line
    assert format_score(62.25) == "62.3"
    assert format_score(None) == "unscored"
    assert format_score(Fraction(149, 2)) == "74.5"


def test_exact_text() -> None:
    assert exact_text(Fraction("74.95")) == "74.95"
    assert exact_text(Fraction(75)) == "75"
    assert exact_text(Fraction(100, 3)) == "33.333333…"
    assert exact_text(None) == "unscored"


def test_score_is_exact() -> None:
    # 0.30*74.9 + 0.25*75 + 0.20*75 + 0.15*75 + 0.10*75 = 74.97: Secondary, shown 74.97
    r = all_(75.0).model_copy(update={"icp_overlap": 74.9})
    assert attractiveness(r) == Fraction("74.97")
    assert band_for(attractiveness(r)) is Band.SECONDARY
    assert format_score(attractiveness(r)) == "74.97"
    # 0.10 * 74.5 + 0.90 * 75 = 74.95
    r = all_(75.0).model_copy(update={"revenue_potential": 74.5})
    assert attractiveness(r) == Fraction("74.95")


def test_band_labels_are_the_methods() -> None:
    assert Band.PRIORITY.label == "Priority recruitment target"
    assert Band.SECONDARY.label == "Secondary target"
    assert Band.OPPORTUNISTIC.label == "Opportunistic only"
    assert "inbound" in Band.OPPORTUNISTIC.advice


def test_missing_rating_is_unscored_never_zero() -> None:
    r = all_(80.0).model_copy(update={"market_influence": None})
    assert attractiveness(r) is None
    assert band_for(None) is None
    assert missing_ratings(r) == ["Market influence"]
    assert attractiveness(all_(0.0)) == 0.0


def test_ranking_order_ties_and_unscored_last() -> None:
    partners = [
        Partner(name="zeta", ratings=all_(60)),
        Partner(name="Unrated"),
        Partner(name="Alpha", ratings=all_(80)),
        Partner(name="beta", ratings=all_(60)),
        Partner(name="Gamma", ratings=all_(40)),
    ]
    ranked = ranked_partners(partners)
    assert [s.partner.name for s in ranked] == ["Alpha", "beta", "zeta", "Gamma", "Unrated"]
    assert [s.rank for s in ranked] == [1, 2, 2, 4, None]
    assert [s.band for s in ranked] == [
        Band.PRIORITY,
        Band.SECONDARY,
        Band.SECONDARY,
        Band.OPPORTUNISTIC,
        None,
    ]
    assert ranked[-1].score_text == "unscored"
    assert "needs" in ranked[-1].band_label


def test_same_name_same_score_keeps_map_order() -> None:
    first = Partner(name="Acme", ratings=all_(70))
    second = Partner(name="acme", ratings=all_(70))
    assert [s.partner for s in ranked_partners([first, second])] == [first, second]
    assert [s.partner for s in ranked_partners([second, first])] == [second, first]


def test_ranking_a_large_map() -> None:
    # Speed is measured by `make bench`; this checks the result on a large map.
    partners = [Partner(name=f"P{i}", ratings=all_(i % 101)) for i in range(10_000)]
    ranked = ranked_partners(partners)
    assert ranked[0].score == 100.0
    assert [s.score for s in ranked] == sorted((s.score for s in ranked), reverse=True)
