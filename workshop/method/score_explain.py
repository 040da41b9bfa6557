"""Scores anyone can question (issue 15 §1): what each criterion contributes, how far the score is
from the band lines, and which single rating change would carry it across one.

Everything is exact (the score's :class:`~fractions.Fraction`); the ratings a move proposes are
rounded to one decimal *toward the crossing* (up when the rating must rise, down when it must
fall), so the proposed rating really does cross the line.  Pure: no Textual.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from workshop.method.models import RATING_FIELDS, Partner, ScoringWeights
from workshop.method.scoring import (
    BAND_MINIMUM,
    DENOMINATOR,
    Band,
    Weighting,
    as_fraction,
    band_for,
    exact_score,
    exact_text,
    format_score,
    integer_parts,
    percent_text,
    weighting,
)

def points(value: Fraction) -> str:
    """``"1 point"``, ``"13.75 points"``."""
    return f"{exact_text(value)} point" + ("" if value == 1 else "s")


_ORDER = (Band.OPPORTUNISTIC, Band.SECONDARY, Band.PRIORITY)
_TENTH = Fraction(1, 10)


@dataclass(frozen=True, slots=True)
class Contribution:
    field: str
    label: str
    rating: Fraction
    weight: Fraction
    """In percent."""
    points: Fraction
    """rating × weight: what this criterion adds to the score."""

    @property
    def text(self) -> str:
        """``"90 × 30 % = 27"``."""
        return f"{exact_text(self.rating)} × {percent_text(self.weight)} % = {exact_text(self.points)}"


@dataclass(frozen=True, slots=True)
class Move:
    """One rating changed alone, enough to carry the score across a band line."""

    field: str
    label: str
    rating: Fraction
    to: Fraction
    score: Fraction
    """The score with that one rating changed."""
    band: Band

    @property
    def sentence(self) -> str:
        return (f"{self.label} {exact_text(self.rating)} → {exact_text(self.to)} would make it "
                f"{self.band.short} ({format_score(self.score)})")


@dataclass(frozen=True, slots=True)
class Explanation:
    partner: Partner
    score: Fraction
    band: Band
    contributions: tuple[Contribution, ...]
    up: Fraction | None
    """Points to the next band's line; None in the top band."""
    up_band: Band | None
    down: Fraction | None
    """Points above the line of its own band (losing more than this drops it); None in the bottom band."""
    down_band: Band | None
    moves_up: tuple[Move, ...]
    """Per criterion that can do it alone, the change that reaches the next band up (smallest first)."""
    moves_down: tuple[Move, ...]
    """Per criterion that can do it alone, the change that drops it below its line (smallest first)."""

    @property
    def score_exact(self) -> str:
        return exact_text(self.score)

    @property
    def move_up(self) -> Move | None:
        return self.moves_up[0] if self.moves_up else None

    @property
    def move_down(self) -> Move | None:
        return self.moves_down[0] if self.moves_down else None

    @property
    def distance_sentence(self) -> str:
        parts = []
        if self.up is not None and self.up_band is not None:
            parts.append(f"{points(self.up)} below the {self.up_band.short} line "
                         f"({exact_text(BAND_MINIMUM[self.up_band])})")
        else:
            parts.append("in the top band")
        if self.down is not None and self.down_band is not None:
            line = exact_text(BAND_MINIMUM[self.band])
            if self.down == 0:
                parts.append(f"exactly on its own line ({line}): any loss makes it {self.down_band.short}")
            else:
                parts.append(f"{points(self.down)} above its own line ({line}); losing more makes it "
                             f"{self.down_band.short}")
        else:
            parts.append("in the bottom band")
        return "; ".join(parts) + "."

    @property
    def up_sentence(self) -> str:
        if self.up_band is None:
            return "Up: already in the top band."
        move = self.move_up
        if move is None:
            return f"Up: no single rating change reaches {self.up_band.short}."
        return f"Up: {move.sentence}."

    @property
    def down_sentence(self) -> str:
        if self.down_band is None:
            return "Down: already in the bottom band."
        move = self.move_down
        if move is None:
            return f"Down: no single rating change drops it to {self.down_band.short}."
        return f"Down: {move.sentence}."


def _ceil_tenth(value: Fraction) -> Fraction:
    return Fraction(math.ceil(value * 10), 10)


def _floor_tenth(value: Fraction) -> Fraction:
    return Fraction(math.floor(value * 10), 10)


_LINE_UNITS = {band: int(minimum) * DENOMINATOR for band, minimum in BAND_MINIMUM.items()}
_PRIORITY_UNITS, _SECONDARY_UNITS = _LINE_UNITS[Band.PRIORITY], _LINE_UNITS[Band.SECONDARY]


def _line_units(band: Band) -> int:
    return _LINE_UNITS[band]


def _band_of_units(units: int) -> Band:
    if units >= _PRIORITY_UNITS:
        return Band.PRIORITY
    return Band.SECONDARY if units >= _SECONDARY_UNITS else Band.OPPORTUNISTIC


_THOUSANDTHS: dict[int, Fraction] = {}
_TENTHS: dict[int, Fraction] = {}


_POINTS: dict[int, Fraction] = {}
_CONTRIBUTIONS: dict[tuple[int, int, int], Contribution] = {}
"""One (immutable) Contribution per (criterion, rating, weight) in thousandths: a big map
repeats them; the label is the criterion's, ``part`` is ``rating × weight``."""
_KEPT = 20_000


def _fraction(cache: dict[int, Fraction], numerator: int, denominator: int) -> Fraction:
    """``Fraction(numerator, denominator)``, remembered (a Fraction is immutable): a big map
    repeats the same ratings, weights, tenths and contributions thousands of times."""
    value = cache.get(numerator)
    if value is None:
        if len(cache) >= _KEPT:
            cache.clear()
        value = cache[numerator] = Fraction(numerator, denominator)
    return value


def _explain_in_integers(partner: Partner, weights: Weighting, total: int, parts: tuple[int, ...]) -> Explanation:
    """:func:`explain` in integers (units of 1 / DENOMINATOR; ratings and weights in thousandths),
    for the common case: the same numbers, several times faster on a big map."""
    band = _band_of_units(total)
    place = _ORDER.index(band)
    up_band = _ORDER[place + 1] if place + 1 < len(_ORDER) else None
    down_band = _ORDER[place - 1] if place > 0 else None
    up = _line_units(up_band) - total if up_band is not None else None
    down = total - _line_units(band) if down_band is not None else None
    contributions = []
    moves_up: list[tuple[int, int, Move]] = []
    moves_down: list[tuple[int, int, Move]] = []
    for index, ((field, (label, _w)), (_f, weight), part) in enumerate(zip(RATING_FIELDS.items(), weights.scaled, parts)):
        assert type(weight) is int
        rating = part // weight if weight else round(getattr(partner.ratings, field) * 1000)
        key = (index, rating, weight)
        contribution = _CONTRIBUTIONS.get(key)
        if contribution is None:
            if len(_CONTRIBUTIONS) >= _KEPT:
                _CONTRIBUTIONS.clear()
            contribution = _CONTRIBUTIONS[key] = Contribution(
                field, label, _fraction(_THOUSANDTHS, rating, 1000), _fraction(_THOUSANDTHS, weight, 1000),
                _fraction(_POINTS, part, DENOMINATOR))
        contributions.append(contribution)
        rating_fraction = contribution.rating
        if weight == 0:
            continue
        if up is not None and up_band is not None:
            tenths = -((-(rating * weight + up)) // (100 * weight))  # ceiling
            if tenths <= 1000:
                new = total + (tenths * 100 - rating) * weight
                moves_up.append((tenths * 100 - rating, index, Move(field, label, rating_fraction, _fraction(_TENTHS, tenths, 10),
                                                                    Fraction(new, DENOMINATOR), _band_of_units(new))))
        if down is not None and down_band is not None:
            tenths, rest = divmod(rating * weight - down, 100 * weight)
            if rest == 0:
                tenths -= 1
            if tenths >= 0:
                new = total + (tenths * 100 - rating) * weight
                moves_down.append((rating - tenths * 100, index, Move(field, label, rating_fraction, _fraction(_TENTHS, tenths, 10),
                                                                      Fraction(new, DENOMINATOR), _band_of_units(new))))
    moves_up.sort(key=lambda m: (m[0], m[1]))
    moves_down.sort(key=lambda m: (m[0], m[1]))
    return Explanation(
        partner, Fraction(total, DENOMINATOR), band, tuple(contributions),
        Fraction(up, DENOMINATOR) if up is not None else None, up_band,
        Fraction(down, DENOMINATOR) if down is not None else None, down_band,
        tuple(m for _c, _i, m in moves_up), tuple(m for _c, _i, m in moves_down),
    )


def explain(partner: Partner, weights: ScoringWeights | Weighting | None = None) -> Explanation | None:
    """The breakdown of ``partner``'s score; None when it is unscored."""
    weights = weighting(weights)
    integers = integer_parts(partner.ratings, weights)
    if integers is not None:
        return _explain_in_integers(partner, weights, *integers)
    return _explain_exactly(partner, weights)


def _explain_exactly(partner: Partner, weights: Weighting) -> Explanation | None:
    score = exact_score(partner.ratings, weights)
    if score is None:
        return None
    band = band_for(score)
    assert band is not None
    contributions = []
    for field, (label, _w) in RATING_FIELDS.items():
        rating = as_fraction(getattr(partner.ratings, field))
        weight = weights.of(field)
        contributions.append(Contribution(field, label, rating, weight, rating * weight / 100))
    place = _ORDER.index(band)
    up_band = _ORDER[place + 1] if place + 1 < len(_ORDER) else None
    down_band = _ORDER[place - 1] if place > 0 else None
    up = BAND_MINIMUM[up_band] - score if up_band is not None else None
    down = score - BAND_MINIMUM[band] if down_band is not None else None

    def with_rating(field: str, value: Fraction) -> Fraction:
        return score + (value - as_fraction(getattr(partner.ratings, field))) * weights.of(field) / 100

    moves_up: list[Move] = []
    moves_down: list[Move] = []
    for c in contributions:
        if c.weight == 0:
            continue
        if up is not None and up_band is not None:
            to = _ceil_tenth(c.rating + up * 100 / c.weight)
            if to <= 100:
                new = with_rating(c.field, to)
                moves_up.append(Move(c.field, c.label, c.rating, to, new, band_for(new) or up_band))
        if down is not None and down_band is not None:
            threshold = c.rating - down * 100 / c.weight  # at exactly this rating it stays
            to = _floor_tenth(threshold)
            if to == threshold:
                to -= _TENTH
            if to >= 0:
                new = with_rating(c.field, to)
                moves_down.append(Move(c.field, c.label, c.rating, to, new, band_for(new) or down_band))
    moves_up.sort(key=lambda m: (m.to - m.rating, list(RATING_FIELDS).index(m.field)))
    moves_down.sort(key=lambda m: (m.rating - m.to, list(RATING_FIELDS).index(m.field)))
    return Explanation(partner, score, band, tuple(contributions), up, up_band, down, down_band,
                       tuple(moves_up), tuple(moves_down))
