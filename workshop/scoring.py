"""Phase 2.2: partner attractiveness — the weighted score, its band and the ranking.

Score = 30% ICP overlap + 25% market influence + 20% practice alignment
+ 15% partnership appetite + 10% revenue potential, each rating 0-100.

The score is computed exactly (integer arithmetic on the ratings as typed; decimal arithmetic
for a rating with more than three decimals) and rounded half-up to one decimal, the precision
the room sees; the band is decided on that rounded score, so the number on screen and its
band always agree (74.95 shows "75.0" and is Priority).  A partner with any rating missing is
*unscored*: no score, no band, ranked last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from workshop.models import RATING_FIELDS, Partner, Ratings

PRIORITY_MIN = 75.0
"""Score >= 75: Priority recruitment target."""
SECONDARY_MIN = 50.0
"""Score 50-74: Secondary target; below 50: Opportunistic only."""

_WEIGHTS: tuple[tuple[str, Decimal], ...] = tuple(
    (field, Decimal(str(weight))) for field, (_label, weight) in RATING_FIELDS.items()
)
_TENTH = Decimal("0.1")


class Band(Enum):
    PRIORITY = "priority"
    SECONDARY = "secondary"
    OPPORTUNISTIC = "opportunistic"

    @property
    def label(self) -> str:
        return _BAND_LABELS[self][0]

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


_SCALE = 1000
"""Ratings with at most three decimals (every rating typed, every team mean) are exact integers
once multiplied by this; the weights are whole percents."""
_PERCENTS: tuple[tuple[str, int], ...] = tuple(
    (field, int(weight * 100)) for field, weight in _WEIGHTS
)
assert all(Decimal(p) / 100 == w for (_f, p), (_g, w) in zip(_PERCENTS, _WEIGHTS))
_HALF_TENTH = _SCALE * 100 // 10 // 2  # the weighted sum is in units of 1 / (_SCALE * 100)
_LIMIT = 1_000_000.0
"""Above this (never a rating or a score) the exact decimal fallback is used."""


_PRIORITY_TENTHS = round(PRIORITY_MIN * 10)
_SECONDARY_TENTHS = round(SECONDARY_MIN * 10)


def _scaled(value: float, scale: int) -> int | None:
    """``value × scale`` as an exact integer when ``value`` *is* that decimal (as ``repr`` shows
    it), else None.

    ``m / scale == value`` means the decimal ``m / scale`` rounds to ``value``; below
    :data:`_LIMIT` two decimals that far apart never round to the same float, so ``repr(value)``
    (the shortest decimal that rounds to it) is that decimal: the same number the
    ``Decimal(repr(value))`` fallback works with.
    """
    if not 0 <= value <= _LIMIT:  # also False for NaN
        return None
    m = round(value * scale)
    return m if m / scale == value else None


def _one_decimal(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def _attractiveness_decimal(ratings: Ratings) -> float | None:
    total = Decimal(0)
    for field, weight in _WEIGHTS:
        value = getattr(ratings, field)
        if value is None:
            return None
        total += Decimal(repr(value)) * weight
    return float(total.quantize(_TENTH, rounding=ROUND_HALF_UP))


def attractiveness(ratings: Ratings) -> float | None:
    """The weighted score rounded half-up to one decimal, or None when any rating is missing.

    Exact integer arithmetic on the ratings as typed (thousandths); a rating with more decimals
    than that takes the decimal-arithmetic path.  Both give the same result (tested over every
    rating combination's weighted sum and on random values).
    """
    total = 0
    for field, percent in _PERCENTS:
        value = getattr(ratings, field)
        if value is None:
            return None
        scaled = _scaled(value, _SCALE)
        if scaled is None:
            return _attractiveness_decimal(ratings)
        total += scaled * percent
    return ((total + _HALF_TENTH) // (2 * _HALF_TENTH)) / 10


def _shown_tenths(score: float) -> int | None:
    """The score as shown (half-up to one decimal), in tenths, when it has one decimal already."""
    return _scaled(score, 10)


def band_for(score: float | None) -> Band | None:
    """The band of a score as shown (rounded half-up to one decimal); None when unscored."""
    if score is None:
        return None
    tenths = _shown_tenths(score)
    if tenths is not None:
        if tenths >= _PRIORITY_TENTHS:
            return Band.PRIORITY
        return Band.SECONDARY if tenths >= _SECONDARY_TENTHS else Band.OPPORTUNISTIC
    shown = _one_decimal(score)
    if shown >= Decimal(repr(PRIORITY_MIN)):
        return Band.PRIORITY
    if shown >= Decimal(repr(SECONDARY_MIN)):
        return Band.SECONDARY
    return Band.OPPORTUNISTIC


def format_score(score: float | None) -> str:
    """``"75.0"``, or ``"unscored"``."""
    if score is None:
        return "unscored"
    tenths = _shown_tenths(score)
    if tenths is not None:
        return f"{tenths // 10}.{tenths % 10}"
    return f"{_one_decimal(score):.1f}"


def missing_ratings(ratings: Ratings) -> list[str]:
    """Labels of the ratings not given yet, in the method's order."""
    return [label for field, (label, _w) in RATING_FIELDS.items() if getattr(ratings, field) is None]


@dataclass(frozen=True, slots=True)
class ScoredPartner:
    partner: Partner
    score: float | None
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


def ranked_partners(partners: Iterable[Partner]) -> list[ScoredPartner]:
    """Partners best first.

    Order: score (highest first); equal scores by name (case-insensitive), then by their
    position in the map — so the order never depends on sorting accidents.  Equal scores share
    a rank.  Unscored partners come last, by name, with no rank.
    """
    rows = []
    for position, partner in enumerate(partners):
        score = attractiveness(partner.ratings)
        rows.append((score, position, partner))
    rows.sort(
        key=lambda row: (
            row[0] is None,
            -(row[0] or 0.0),
            row[2].name.casefold(),
            row[1],
        )
    )
    result: list[ScoredPartner] = []
    previous: float | None = None
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
