"""The integer fast paths of score formatting and banding give what the Fraction code gave.

`format_score`, `band_for` and `exact_text` compare and round in integers and remember their
texts (a big export calls them tens of thousands of times); `score_explain` shares the Fractions
of ratings, weights and tenths.  These properties compare them with the exact reference on
random ratings and weights, including scores a hair either side of the band lines.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.method import score_explain

from workshop.method import scoring
from workshop.method.models import Partner, Ratings
from workshop.method.scoring import Band, band_for, exact_score, exact_text, format_score, weighting


def reference_band(score: Fraction) -> Band:
    if score >= 75:
        return Band.PRIORITY
    return Band.SECONDARY if score >= 50 else Band.OPPORTUNISTIC


def reference_exact_text(exact: Fraction) -> str:
    if exact < 0:
        return "-" + reference_exact_text(-exact)
    denominator, twos, fives = exact.denominator, 0, 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    places = max(twos, fives)
    if denominator == 1 and places <= 8:
        units = exact.numerator * 10**places // exact.denominator
        whole, rest = divmod(units, 10**places)
        return f"{whole}.{rest:0{places}d}" if places else str(whole)
    return f"{scoring._decimal(exact, 6, ROUND_FLOOR):.6f}…"


ratings = st.one_of(
    st.integers(0, 100).map(float),
    st.integers(0, 100_000).map(lambda n: n / 1000),  # team means: three decimals
    st.floats(0, 100, allow_nan=False),  # anything a float can be
)
percents = st.lists(st.integers(0, 100_000), min_size=5, max_size=5).filter(lambda w: sum(w) > 0)
near_lines = st.builds(
    lambda line, offset, denominator: Fraction(line) + Fraction(offset, denominator),
    st.sampled_from([0, 50, 75, 100]),
    st.integers(-1000, 1000),
    st.sampled_from([1, 3, 7, 10, 100, 1000, 10**6, 10**9, 10**12, 10**13, DENOM := scoring.DENOMINATOR, 3 * DENOM]),
)


@settings(max_examples=400, deadline=None)
@given(score=near_lines)
def test_format_band_and_exact_text_near_the_lines(score: Fraction) -> None:
    scoring._SHOWN.clear()
    scoring._EXACT_TEXTS.clear()
    assert format_score(score) == scoring._reference_format_score(score)
    assert format_score(score) == format_score(score)  # remembered: the same text again
    assert exact_text(score) == reference_exact_text(score)
    assert exact_text(score) == exact_text(score)
    if score >= 0:
        assert band_for(score) is reference_band(score)


@settings(max_examples=300, deadline=None)
@given(values=st.lists(ratings, min_size=5, max_size=5), raw=percents)
def test_scores_of_random_ratings_and_weights(values: list[float], raw: list[int]) -> None:
    total = sum(raw)
    weights = weighting([Fraction(w * 100, total) for w in raw])
    partner = Partner(name="P", ratings=Ratings(**dict(zip(scoring.FIELDS, values))))
    score = exact_score(partner.ratings, weights)
    assert score is not None
    assert format_score(score) == scoring._reference_format_score(score)
    assert format_score(float(score)) == scoring._reference_format_score(float(score))
    assert band_for(score) is reference_band(score)
    assert exact_text(score) == reference_exact_text(score)
    explained = score_explain.explain(partner, weights)
    exactly = score_explain._explain_exactly(partner, weights)
    assert explained == exactly  # the integer path (shared Fractions) equals the exact path
    for contribution in explained.contributions:
        assert contribution.text == (f"{reference_exact_text(contribution.rating)} × "
                                     f"{scoring.percent_text(contribution.weight)} % = "
                                     f"{reference_exact_text(contribution.points)}")


def test_percent_text_is_remembered_per_type() -> None:
    assert scoring.percent_text(30.0) == scoring.percent_text(Fraction(30)) == "30"
    assert scoring.percent_text(Fraction(160, 7)) == "22.857143"
    assert scoring.percent_text(Fraction(160, 7), places=2) == "22.86"
    assert scoring.percent_text(27.5) == "27.5"
