"""The score is exact, its band is decided on it, and the figure shown never contradicts the band.

The reference is plain rational arithmetic on the decimals the ratings show (``Fraction(repr)``),
written out here; the module's integer path must give the very same number.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workshop.method.models import RATING_FIELDS, Ratings
from workshop.method.scoring import Band, attractiveness, band_for, format_score

FIELDS = list(RATING_FIELDS)
WEIGHTS = {field: Fraction(repr(weight)) for field, (_label, weight) in RATING_FIELDS.items()}


def reference(ratings: Ratings) -> Fraction | None:
    values = [getattr(ratings, field) for field in FIELDS]
    if any(v is None for v in values):
        return None
    return sum((Fraction(repr(v)) * WEIGHTS[f] for f, v in zip(FIELDS, values)), Fraction(0))


def reference_band(score: Fraction) -> Band:
    if score >= 75:
        return Band.PRIORITY
    return Band.SECONDARY if score >= 50 else Band.OPPORTUNISTIC


def check(ratings: Ratings) -> None:
    score = attractiveness(ratings)
    assert score == reference(ratings), ratings
    if score is None:
        return
    assert band_for(score) is reference_band(score)
    shown = format_score(score)
    assert reference_band(Fraction(shown.rstrip("…"))) is band_for(score), (score, shown)


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
    for _total, combination in sorted(reached.items()):
        check(Ratings(**dict(zip(FIELDS, map(float, combination)))))


def test_every_rating_in_tenths_on_each_criterion() -> None:
    """Team means have one decimal: each criterion over 0.0..100.0 in tenths, the others fixed."""
    for field in FIELDS:
        for others in (0.0, 74.9, 100.0):
            for tenths in range(0, 1001):
                check(Ratings(**({f: others for f in FIELDS} | {field: tenths / 10})))


def test_shown_score_is_one_decimal_half_up_away_from_the_lines() -> None:
    for hundredths in range(0, 10_001):
        score = Fraction(hundredths, 100)
        half_up = Decimal(hundredths) / 100
        one = half_up.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if reference_band(Fraction(one)) is reference_band(score):
            assert format_score(score) == f"{one:.1f}"
        else:  # 74.95..74.99 and 49.95..49.99: two decimals, exactly the score
            assert format_score(score) == f"{half_up:.2f}"


rating = st.one_of(
    st.integers(0, 100).map(float),
    st.integers(0, 1000).map(lambda t: t / 10),
    st.integers(0, 100_000).map(lambda t: t / 1000),
    st.floats(0, 100, allow_nan=False),
    st.none(),
)


@settings(max_examples=1500, deadline=None)
@given(st.tuples(rating, rating, rating, rating, rating))
@example((75.0, 74.0, 75.0, 75.0, 77.0))  # issue 18: 74.95, Secondary
@example((74.95, 74.95, 74.95, 74.95, 74.95))
@example((33.333333333333336, 66.66666666666667, 0.1, 0.2, 0.30000000000000004))
@example((100.0, 100.0, 100.0, 100.0, 100.0))
@example((1e-05, 0.0, 0.0, 0.0, 0.0))
@example((74.99999999999999, 75.0, 75.0, 75.0, 75.0))
def test_random_ratings_score_exactly(values: tuple[float | None, ...]) -> None:
    check(Ratings(**dict(zip(FIELDS, values))))


@settings(max_examples=1500, deadline=None)
@given(st.fractions(min_value=0, max_value=100, max_denominator=10**9))
@example(Fraction("74.95"))
@example(Fraction("49.95"))
@example(Fraction(75) - Fraction(1, 10**15))
@example(Fraction(50) - Fraction(1, 10**13))
def test_any_score_is_shown_on_its_side_of_the_line(score: Fraction) -> None:
    shown = format_score(score)
    assert reference_band(Fraction(shown.rstrip("…"))) is band_for(score) is reference_band(score)
    # never further from the score than the rounding it uses
    assert abs(Fraction(shown.rstrip("…")) - score) <= Fraction(1, 20)
