"""Phase 2.2: partner attractiveness — the weighted score, its band and the ranking.

Score = 30% ICP overlap + 25% market influence + 20% practice alignment
+ 15% partnership appetite + 10% revenue potential, each rating 0-100.

The score is computed exactly (decimal arithmetic on the ratings as typed) and rounded
half-up to one decimal, the precision the room sees; the band is decided on that rounded
score, so the number on screen and its band always agree (74.95 shows "75.0" and is
Priority).  A partner with any rating missing is *unscored*: no score, no band, ranked last.
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


def _one_decimal(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def attractiveness(ratings: Ratings) -> float | None:
    """The weighted score rounded half-up to one decimal, or None when any rating is missing."""
    total = Decimal(0)
    for field, weight in _WEIGHTS:
        value = getattr(ratings, field)
        if value is None:
            return None
        total += Decimal(repr(value)) * weight
    return float(total.quantize(_TENTH, rounding=ROUND_HALF_UP))


def band_for(score: float | None) -> Band | None:
    """The band of a score as shown (rounded half-up to one decimal); None when unscored."""
    if score is None:
        return None
    shown = _one_decimal(score)
    if shown >= Decimal(repr(PRIORITY_MIN)):
        return Band.PRIORITY
    if shown >= Decimal(repr(SECONDARY_MIN)):
        return Band.SECONDARY
    return Band.OPPORTUNISTIC


def format_score(score: float | None) -> str:
    """``"75.0"``, or ``"unscored"``."""
    return "unscored" if score is None else f"{_one_decimal(score):.1f}"


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
