"""Phase 2.2: partner attractiveness — the weighted score, its band and the ranking.

Score = 30% ICP overlap + 25% market influence + 20% practice alignment
+ 15% partnership appetite + 10% revenue potential, each rating 0-100.

The score is *exact*: a :class:`~fractions.Fraction` computed from the ratings as typed (integer
arithmetic on thousandths, the precision of every rating typed and every team mean; exact
rational arithmetic for anything finer).  The band is decided on that exact score, as the method
says ("Score ≥ 75", "< 50"): 74.95 is Secondary, 49.95 Opportunistic.

A score is *shown* to one decimal, rounded half-up — except where that would show a figure on the
other side of a band line (74.95 would read "75.0"): then it gets as many decimals as it takes to
stay on its own side ("74.95", "74.995", "49.9999").  So a figure on screen never contradicts its
band.  A partner with any rating missing is *unscored*: no score, no band, ranked last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from enum import Enum
from fractions import Fraction
from functools import lru_cache

from workshop.method.models import RATING_FIELDS, Partner, Ratings, ScoringWeights

PRIORITY_MIN = 75.0
"""Score >= 75: Priority recruitment target."""
SECONDARY_MIN = 50.0
"""Score 50-74: Secondary target; below 50: Opportunistic only."""

_PRIORITY = Fraction(75)
_SECONDARY = Fraction(50)

Score = Fraction
"""An exact attractiveness score, 0-100."""


class Band(Enum):
    PRIORITY = "priority"
    SECONDARY = "secondary"
    OPPORTUNISTIC = "opportunistic"

    @property
    def label(self) -> str:
        return _BAND_LABELS[self][0]

    @property
    def short(self) -> str:
        """``"Priority"``, ``"Secondary"``, ``"Opportunistic"``."""
        return self.value.capitalize()

    @property
    def advice(self) -> str:
        """The method's instruction for the band."""
        return _BAND_LABELS[self][1]


_BAND_LABELS = {
    Band.PRIORITY: ("Priority recruitment target", "Recruit first."),
    Band.SECONDARY: (
        "Secondary target",
        "Recruit after the Priority tier is active.",
    ),
    Band.OPPORTUNISTIC: ("Opportunistic only", "Do not invest unless inbound."),
}

BAND_MINIMUM: dict[Band, Fraction] = {Band.PRIORITY: _PRIORITY, Band.SECONDARY: _SECONDARY, Band.OPPORTUNISTIC: Fraction(0)}
"""The lowest score of each band (exact)."""

METHOD_PERCENTS: dict[str, int] = {field: round(weight * 100) for field, (_label, weight) in RATING_FIELDS.items()}
"""The method's weights in percent: 30, 25, 20, 15, 10."""

_SCALE = 1000
"""Ratings with at most three decimals (every rating typed, every team mean) are exact integers
once multiplied by this."""
_LIMIT = 1_000_000.0
"""Above this (never a rating or a weight) the exact rational fallback is used."""
_DENOMINATOR = _SCALE * _SCALE * 100  # rating thousandths × weight thousandths of a percent
DENOMINATOR = _DENOMINATOR
"""A score of ``n`` units is ``n / DENOMINATOR`` points (see :func:`integer_parts`)."""


def _scaled(value: float, scale: int) -> int | None:
    """``value × scale`` as an exact integer when ``value`` *is* that decimal (as ``repr`` shows
    it), else None.

    ``m / scale == value`` means the decimal ``m / scale`` rounds to ``value``; below
    :data:`_LIMIT` two decimals that far apart never round to the same float, so ``repr(value)``
    (the shortest decimal that rounds to it) is that decimal.
    """
    if not 0 <= value <= _LIMIT:  # also False for NaN
        return None
    m = round(value * scale)
    return m if m / scale == value else None


def as_fraction(value: float | Fraction) -> Fraction:
    """A number as the decimal it shows (``74.95`` is 7495/100, not the float's binary value)."""
    return value if isinstance(value, Fraction) else Fraction(repr(float(value)))


@dataclass(frozen=True, slots=True)
class Weighting:
    """The five weights in percent (exact), in the method's order, ready to score with."""

    percents: tuple[Fraction, ...]
    scaled: tuple[tuple[str, int | Fraction], ...]
    """Each weight in thousandths of a percent: an integer when it has at most three decimals."""

    @property
    def is_method(self) -> bool:
        return self.percents == _METHOD.percents

    @property
    def text(self) -> str:
        """``"30/25/20/15/10"``."""
        return "/".join(percent_text(p) for p in self.percents)

    def of(self, field: str) -> Fraction:
        return self.percents[FIELDS.index(field)]

    def describe(self) -> str:
        """``"ICP client overlap 30 %, Market influence 25 %, …"``."""
        return ", ".join(f"{label} {percent_text(p)} %" for (label, _w), p in zip(RATING_FIELDS.values(), self.percents))

    def sentence(self) -> str:
        """What the scores are weighted with, for every place that shows them."""
        if self.is_method:
            return f"Weights: the method's {self.text}."
        return (f"Weights set by the team: {self.text} — they differ from the method's {_METHOD.text}; "
                "scores and bands are not the method's.")


FIELDS: tuple[str, ...] = tuple(RATING_FIELDS)


def percent_text(value: Fraction | float, places: int = 6) -> str:
    """A weight as written: ``"30"``, ``"27.5"``, ``"22.857143"`` (six decimals at most, half-up)."""
    return _percent_text(type(value), value, places)


@lru_cache(maxsize=1024)
def _percent_text(_kind: type, value: Fraction | float, places: int) -> str:
    # a session has five weights, written thousands of times in a big export: remembered, keyed
    # by type too (30.0 and Fraction(30) are equal keys; their texts agree, but only by reasoning)
    exact = as_fraction(value)
    return f"{_decimal(exact, places, ROUND_HALF_UP):.{places}f}".rstrip("0").rstrip(".")


def _weighting(percents: tuple[Fraction, ...]) -> Weighting:
    scaled: list[tuple[str, int | Fraction]] = []
    for field, percent in zip(FIELDS, percents):
        exact = percent * _SCALE
        scaled.append((field, int(exact) if exact.denominator == 1 else exact))
    return Weighting(percents, tuple(scaled))


@lru_cache(maxsize=256)
def _weighting_of_floats(values: tuple[float, ...]) -> Weighting:
    return _weighting(tuple(as_fraction(v) for v in values))


def weighting(weights: ScoringWeights | Weighting | Iterable[Fraction | float] | None = None) -> Weighting:
    """The weights to score with: a session's :class:`ScoringWeights`, five percents in the
    method's order, or None for the method's."""
    if weights is None:
        return _METHOD
    if isinstance(weights, Weighting):
        return weights
    if isinstance(weights, ScoringWeights):
        return _weighting_of_floats(weights.percents())
    values = tuple(weights)
    if len(values) != len(FIELDS):
        raise ValueError(f"five weights are needed, got {len(values)}")
    if all(isinstance(v, float) for v in values):
        return _weighting_of_floats(values)  # type: ignore[arg-type]
    return _weighting(tuple(as_fraction(v) for v in values))


def exact_score(ratings: Ratings, weights: ScoringWeights | Weighting | None = None) -> Fraction | None:
    """The exact weighted score, or None when any rating is missing.

    Integer arithmetic on the ratings as typed (thousandths); a rating with more decimals, or a
    weight that is not a decimal of three places, takes exact rational arithmetic.  Both give
    the same number.
    """
    total: int | Fraction = 0
    for field, weight in (_METHOD if weights is None else weighting(weights)).scaled:
        value = getattr(ratings, field)
        if value is None:
            return None
        scaled = _scaled(value, _SCALE)
        total += (scaled if scaled is not None else as_fraction(value) * _SCALE) * weight
    if type(total) is int:
        return Fraction(total, _DENOMINATOR)
    return Fraction(total) / _DENOMINATOR


def integer_parts(ratings: Ratings, weights: Weighting) -> tuple[int, tuple[int, ...]] | None:
    """The exact score and each criterion's contribution as integers in units of
    :data:`DENOMINATOR` — when every rating has at most three decimals and every weight is a whole
    thousandth of a percent (the common case); None otherwise (use the exact rationals)."""
    parts = []
    for field, weight in weights.scaled:
        value = getattr(ratings, field)
        if value is None or type(weight) is not int:
            return None
        scaled = _scaled(value, _SCALE)
        if scaled is None:
            return None
        parts.append(scaled * weight)
    return sum(parts), tuple(parts)


def attractiveness(ratings: Ratings, weights: ScoringWeights | Weighting | None = None) -> Fraction | None:
    """The exact score (see :func:`exact_score`); None when a rating is missing."""
    return exact_score(ratings, weights)


_METHOD = _weighting(tuple(Fraction(p) for p in METHOD_PERCENTS.values()))


def band_for(score: Fraction | float | None) -> Band | None:
    """The band of the exact score; None when unscored.  A float is read as the decimal it shows."""
    if score is None:
        return None
    exact = score if type(score) is Fraction else as_fraction(score)
    return _band_of(exact.numerator, exact.denominator)


def _band_of(numerator: int, denominator: int) -> Band:
    """The band of the exact score ``numerator / denominator`` (denominator > 0), compared in
    integers: the same verdict as comparing the Fraction with 75 and 50, without building one."""
    if numerator >= 75 * denominator:
        return Band.PRIORITY
    return Band.SECONDARY if numerator >= 50 * denominator else Band.OPPORTUNISTIC


_MAX_PLACES = 12
"""Decimals shown at most near a band line; beyond that the figure is cut toward its band."""


def _decimal(value: Fraction, places: int, rounding: str) -> Decimal:
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def _half_up(exact: Fraction, places: int) -> int:
    """``exact`` (≥ 0) × 10**places, rounded half-up to an integer."""
    scale = 10**places
    return (2 * exact.numerator * scale + exact.denominator) // (2 * exact.denominator)


def _places_text(units: int, places: int) -> str:
    whole, rest = divmod(units, 10**places)
    return f"{whole}.{rest:0{places}d}" if places else str(whole)


def format_score(score: Fraction | float | None) -> str:
    """The score as shown: one decimal half-up, or more where one decimal would cross a band line.

    ``"74.9"``, ``"75.0"``, ``"74.95"`` (Secondary: never "75.0"), ``"unscored"``.
    """
    if score is None:
        return "unscored"
    exact = score if type(score) is Fraction else as_fraction(score)
    key = (exact.numerator, exact.denominator)
    text = _SHOWN.get(key)
    if text is None:
        if len(_SHOWN) >= _TEXTS_KEPT:
            _SHOWN.clear()
        text = _SHOWN[key] = _format_score(exact)
    return text


_SHOWN: dict[tuple[int, int], str] = {}
""":func:`format_score` by (numerator, denominator): one score is shown in several places."""


def _format_score(exact: Fraction) -> str:
    numerator, denominator = exact.numerator, exact.denominator
    if numerator < 0:  # never a score; shown plainly
        return "-" + _format_score(-exact)
    # In integers (what _reference_format_score does with Fractions, ≈ 5× faster): the figure
    # ``units / scale`` is rounded half-up, and its band compared as _band_of does.
    band = _band_of(numerator, denominator)
    twice = 2 * numerator
    for places in range(1, _MAX_PLACES + 1):
        scale = _POWERS[places]
        units = (twice * scale + denominator) // (2 * denominator)
        if _band_of(units, scale) is band:
            return _places_text(units, places)
    return f"{_decimal(exact, _MAX_PLACES, ROUND_FLOOR):.{_MAX_PLACES}f}…"


_POWERS = tuple(10**places for places in range(_MAX_PLACES + 1))


def _reference_format_score(score: Fraction | float | None) -> str:
    """:func:`format_score` in Fractions, as first written: the reference its tests compare with."""
    if score is None:
        return "unscored"
    exact = as_fraction(score)
    if exact < 0:
        return "-" + _reference_format_score(-exact)
    band = band_for(exact)
    for places in range(1, _MAX_PLACES + 1):
        units = _half_up(exact, places)
        if band_for(Fraction(units, 10**places)) is band:
            return _places_text(units, places)
    return f"{_decimal(exact, _MAX_PLACES, ROUND_FLOOR):.{_MAX_PLACES}f}…"


def exact_text(score: Fraction | float | None) -> str:
    """The exact score in full (``"74.985"``, ``"75"``), or ``"33.333333…"`` when it does not end."""
    if score is None:
        return "unscored"
    exact = score if type(score) is Fraction else as_fraction(score)
    key = (exact.numerator, exact.denominator)
    text = _EXACT_TEXTS.get(key)
    if text is None:
        if len(_EXACT_TEXTS) >= _TEXTS_KEPT:
            _EXACT_TEXTS.clear()
        text = _EXACT_TEXTS[key] = _exact_text(exact)
    return text


_TEXTS_KEPT = 20_000
_EXACT_TEXTS: dict[tuple[int, int], str] = {}
""":func:`exact_text` by (numerator, denominator): a big export writes the same ratings, weights
and contributions thousands of times (the text depends on the number alone)."""


def _exact_text(exact: Fraction) -> str:
    if exact.numerator < 0:
        return "-" + _exact_text(-exact)
    denominator = exact.denominator
    twos = (denominator & -denominator).bit_length() - 1  # the factors 2 of the denominator
    denominator >>= twos
    fives = 0
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    places = max(twos, fives)
    if denominator == 1 and places <= 8:
        return _places_text(exact.numerator * 10**places // exact.denominator, places)
    return f"{_decimal(exact, 6, ROUND_FLOOR):.6f}…"


def missing_ratings(ratings: Ratings) -> list[str]:
    """Labels of the ratings not given yet, in the method's order."""
    return [label for field, (label, _w) in RATING_FIELDS.items() if getattr(ratings, field) is None]


@dataclass(frozen=True, slots=True)
class ScoredPartner:
    partner: Partner
    score: Fraction | None
    band: Band | None
    rank: int | None
    """1 for the best; equal scores share a rank (1, 2, 2, 4); None when unscored."""
    missing: tuple[str, ...] = ()
    """Ratings still to give, when unscored."""

    @property
    def score_text(self) -> str:
        return format_score(self.score)

    @property
    def band_label(self) -> str:
        if self.band is None:
            return "Unscored — needs " + ", ".join(self.missing).lower()
        return self.band.label


def ranked_partners(
    partners: Iterable[Partner], weights: ScoringWeights | Weighting | None = None
) -> list[ScoredPartner]:
    """Partners best first.

    Order: exact score (highest first); equal scores by name (case-insensitive), then by their
    position in the map — so the order never depends on sorting accidents.  Equal scores share
    a rank.  Unscored partners come last, by name, with no rank.
    """
    rows = []
    weights = weighting(weights)
    for position, partner in enumerate(partners):
        score = exact_score(partner.ratings, weights)
        rows.append((score, position, partner))
    # a sort key of plain numbers: the exact scores share one denominator in the common case
    # (comparing Fractions is what made ranking a big map slow)
    if all(s is None or _DENOMINATOR % s.denominator == 0 for s, _p, _q in rows):
        def number(score: Fraction) -> int | Fraction:
            return score.numerator * (_DENOMINATOR // score.denominator)
    else:
        def number(score: Fraction) -> int | Fraction:
            return score
    rows.sort(
        key=lambda row: (
            row[0] is None,
            -number(row[0]) if row[0] is not None else 0,
            row[2].name.casefold(),
            row[1],
        )
    )
    result: list[ScoredPartner] = []
    previous: Fraction | None = None
    rank = 0
    for place, (score, _position, partner) in enumerate(rows, start=1):
        if score is None:
            result.append(
                ScoredPartner(partner, None, None, None, tuple(missing_ratings(partner.ratings)))
            )
            continue
        if score != previous:
            rank = place
            previous = score
        result.append(ScoredPartner(partner, score, band_for(score), rank))
    return result


def method_weights() -> ScoringWeights:
    """The method's 30/25/20/15/10, as a session stores them."""
    return ScoringWeights()


def weights_total(values: Iterable[float]) -> Fraction:
    """The sum of weights as written (33.3 + 33.3 + 33.4 is exactly 100)."""
    return sum((as_fraction(v) for v in values), Fraction(0))


def weights_check(values: dict[str, float | None]) -> tuple[ScoringWeights | None, str]:
    """Five weights as typed (None: not given): the weights to apply, or None and why not."""
    missing = [RATING_FIELDS[f][0] for f in FIELDS if values.get(f) is None]
    if missing:
        return None, f"Not applied: give a weight for {', '.join(missing).lower()}."
    total = weights_total(v for v in values.values() if v is not None)
    if total != 100:
        gap = 100 - total
        more = f"{percent_text(gap)} % still to place" if gap > 0 else f"{percent_text(-gap)} % too many"
        return None, (f"Not applied: the weights add up to {percent_text(total)} % ({more}); "
                      "the scores keep the last weights that added up to 100 %.")
    weights = ScoringWeights(**values)
    if weights.is_method:
        return weights, "Adds up to 100 % — the method's weights."
    return weights, f"Adds up to 100 % — applied. {weighting(weights).sentence()}"
