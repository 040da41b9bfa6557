"""The integer-arithmetic scoring gives exactly what the decimal arithmetic it replaced gave.

The reference is the previous implementation (``Decimal`` on ``repr`` of each rating, half-up
to one decimal), which the module keeps as its fallback; the band and the text as shown are
written out here as they were.
"""

from __future__ import annotations

import itertools
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workshop.models import RATING_FIELDS, Ratings
from workshop.scoring import Band, _attractiveness_decimal, attractiveness, band_for, format_score

FIELDS = list(RATING_FIELDS)
_TENTH = Decimal("0.1")


old_attractiveness = _attractiveness_decimal
"""The previous implementation, unchanged: kept as the fallback for ratings with more decimals."""


def old_shown(score: float) -> Decimal:
    return Decimal(repr(score)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def old_band(score: float | None) -> Band | None:
    if score is None:
        return None
    shown = old_shown(score)
    if shown >= Decimal("75.0"):
        return Band.PRIORITY
    if shown >= Decimal("50.0"):
        return Band.SECONDARY
    return Band.OPPORTUNISTIC


def old_format(score: float | None) -> str:
    return "unscored" if score is None else f"{old_shown(score):.1f}"


def same(ratings: Ratings) -> None:
    new, old = attractiveness(ratings), old_attractiveness(ratings)
    assert new == old and repr(new) == repr(old), ratings
    assert band_for(new) is old_band(old)
    assert format_score(new) == old_format(old)


def test_every_weighted_sum_of_whole_ratings() -> None:
    """Whole ratings give weighted sums 30a+25b+20c+15d+10e (hundredths of a point), and the
    score depends only on that sum: every sum some combination of 0..100 ratings reaches is
    checked, with one such combination (found by building the sums criterion by criterion)."""
    percents = [round(weight * 100) for _label, weight in RATING_FIELDS.values()]
    reached: dict[int, tuple[int, ...]] = {0: ()}
    for percent in percents:
        following: dict[int, tuple[int, ...]] = {}
        for total, combination in reached.items():
            for value in range(101):
                following.setdefault(total + percent * value, (*combination, value))
        reached = following
    assert len(reached) == 1999 and max(reached) == 10_000
    for total, combination in sorted(reached.items()):
        same(Ratings(**dict(zip(FIELDS, map(float, combination)))))


def test_every_rating_in_tenths_on_each_criterion() -> None:
    """Team means have one decimal: each criterion over 0.0..100.0 in tenths, the others fixed."""
    for field in FIELDS:
        for others in (0.0, 33.3, 74.9, 100.0):
            for tenths in range(0, 1001):
                same(Ratings(**({f: others for f in FIELDS} | {field: tenths / 10})))


def test_every_shown_score_band_and_text() -> None:
    for tenths in range(0, 1001):
        score = tenths / 10
        assert band_for(score) is old_band(score)
        assert format_score(score) == old_format(score)


rating = st.one_of(
    st.integers(0, 100).map(float),
    st.integers(0, 1000).map(lambda t: t / 10),
    st.integers(0, 100_000).map(lambda t: t / 1000),
    st.floats(0, 100, allow_nan=False),
    st.none(),
)


@settings(max_examples=3000, deadline=None)
@given(st.tuples(rating, rating, rating, rating, rating))
@example((74.95, 74.95, 74.95, 74.95, 74.95))
@example((33.333333333333336, 66.66666666666667, 0.1, 0.2, 0.30000000000000004))
@example((100.0, 100.0, 100.0, 100.0, 100.0))
@example((1e-05, 0.0, 0.0, 0.0, 0.0))
def test_random_ratings_score_as_before(values: tuple[float | None, ...]) -> None:
    same(Ratings(**dict(zip(FIELDS, values))))


@settings(max_examples=3000, deadline=None)
@given(st.floats(0, 1000, allow_nan=False))
@example(74.95)
@example(74.94999999999999)
@example(49.95)
@example(49.949999999999996)
def test_any_score_bands_and_shows_as_before(score: float) -> None:
    assert band_for(score) is old_band(score)
    assert format_score(score) == old_format(score)
