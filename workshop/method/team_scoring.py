"""The team's own scores (issue 6): each participant rates a partner, the team rating is the mean.

Each participant gives their own five ratings (``Partner.team_ratings``).  The team rating of a
criterion is the mean of the participants' ratings that are set, rounded half-up to one
decimal (the precision the room sees).  :func:`apply_team_mean` writes it to
``Partner.ratings``, so the partner's score everywhere (mapping, health, export) is the team's;
a criterion nobody has rated keeps the rating it had.

The room *disagrees* about a partner when the spread of the participants' attractiveness scores
(highest − lowest, over participants who gave all five ratings) is above
:data:`DISAGREEMENT_THRESHOLD`.  See docs/method.md, "The team's own scores".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from workshop.method.models import RATING_FIELDS, Partner, ParticipantRatings, Ratings, ScoringWeights, Session
from workshop.method.scoring import Band, Weighting, attractiveness, band_for, format_score, missing_ratings, weighting

DISAGREEMENT_THRESHOLD = 20.0
"""Score points: a spread above this (not equal to it) means the room disagrees."""

_TENTH = Decimal("0.1")


def _exact(value: float | Fraction) -> Decimal:
    if isinstance(value, Fraction):  # an exact score
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(repr(value))


def _points(value: Decimal) -> float:
    return float(value.quantize(_TENTH, rounding=ROUND_HALF_UP))


def _spread(values: Iterable[float | Fraction]) -> float | None:
    """Highest − lowest, exactly (95.3 − 75.3 is 20.0, not 20.000000000000004); None when empty.

    Floats order exactly as the decimals they show (``repr``), so the two ends are found on the
    floats and only they are converted.  The same holds for every comparison below: ratings,
    scores and spreads are compared as floats, and decimal arithmetic is kept for sums and
    differences.
    """
    given = list(values)
    return _points(_exact(max(given)) - _exact(min(given))) if given else None


@dataclass(frozen=True, slots=True)
class ParticipantScore:
    participant: str
    ratings: Ratings
    score: Fraction | None
    """The engine's exact attractiveness of this participant's ratings; None until all five are given."""
    missing: tuple[str, ...]
    """Labels of the ratings this participant has not given yet."""

    @property
    def score_text(self) -> str:
        return format_score(self.score)


@dataclass(frozen=True, slots=True)
class TeamView:
    """What the room's individual ratings of one partner say."""

    partner: Partner
    mean: Ratings
    """Per-criterion mean of the ratings set; None where nobody rated."""
    ratings: Ratings
    """What :func:`apply_team_mean` writes: the mean, or the partner's rating where nobody rated."""
    kept: tuple[str, ...]
    """Labels of the criteria nobody rated (the partner's own rating is kept there)."""
    team_score: float | None
    band: Band | None
    scores: tuple[ParticipantScore, ...]
    spread: float | None
    """Highest − lowest participant score; None with fewer than two complete scores."""
    criterion_spread: dict[str, float | None]
    """Per rating field: highest − lowest of the ratings set; None when nobody rated it."""
    disputed: bool
    sentence: str

    @property
    def rated(self) -> bool:
        """Whether any participant has rated anything."""
        return any(getattr(self.mean, field) is not None for field in RATING_FIELDS)


def _participant_entries(partner: Partner) -> list[ParticipantRatings]:
    return [entry for entry in partner.team_ratings if any(
        getattr(entry.ratings, field) is not None for field in RATING_FIELDS)]


def mean_ratings(partner: Partner) -> Ratings:
    """Per criterion, the mean of the participants' ratings that are set (one decimal, half-up)."""
    values: dict[str, float | None] = {}
    for field in RATING_FIELDS:
        given = [_exact(v) for e in partner.team_ratings if (v := getattr(e.ratings, field)) is not None]
        values[field] = _points(sum(given, Decimal(0)) / len(given)) if given else None
    return Ratings.model_construct(**values)  # means of valid ratings: nothing to validate


def disagreement(
    partner: Partner, threshold: float = DISAGREEMENT_THRESHOLD, weights: ScoringWeights | Weighting | None = None
) -> TeamView:
    """The team's mean ratings and score, each participant's score, the spread and a sentence
    (scores with the session's ``weights``; the method's by default)."""
    weights = weighting(weights)
    mean = mean_ratings(partner)
    combined = {
        field: getattr(mean, field) if getattr(mean, field) is not None else getattr(partner.ratings, field)
        for field in RATING_FIELDS
    }
    kept = tuple(
        label for field, (label, _w) in RATING_FIELDS.items()
        if getattr(mean, field) is None and any(getattr(mean, f) is not None for f in RATING_FIELDS)
    )
    ratings = Ratings.model_construct(**combined)  # valid ratings and their means
    team_score = attractiveness(ratings, weights)
    scores = tuple(
        ParticipantScore(e.participant, e.ratings, attractiveness(e.ratings, weights), tuple(missing_ratings(e.ratings)))
        for e in _participant_entries(partner)
    )
    complete = [s for s in scores if s.score is not None]
    spread = _spread(s.score for s in complete) if len(complete) >= 2 else None  # type: ignore[misc]
    criterion_spread = {
        field: _spread(v for e in partner.team_ratings if (v := getattr(e.ratings, field)) is not None)
        for field in RATING_FIELDS
    }
    widest = _widest(criterion_spread)
    # The room disagrees when the scores are far apart, or when one criterion is: two people
    # 55 points apart on ICP overlap is a discussion even if their totals happen to agree.
    disputed = (spread is not None and spread > threshold) or (
        widest is not None and (criterion_spread[widest] or 0.0) > threshold
    )
    return TeamView(
        partner=partner,
        mean=mean,
        ratings=ratings,
        kept=kept,
        team_score=team_score,
        band=band_for(team_score),
        scores=scores,
        spread=spread,
        criterion_spread=criterion_spread,
        disputed=disputed,
        sentence=_sentence(complete, spread, criterion_spread, disputed, threshold, bool(scores)),
    )


def _sentence(
    complete: list[ParticipantScore],
    spread: float | None,
    criterion_spread: dict[str, float | None],
    disputed: bool,
    threshold: float,
    anyone: bool,
) -> str:
    limit = f"{threshold:g}"
    if not anyone:
        return "No participant has rated this partner yet."
    widest_field = _widest(criterion_spread)
    if disputed and widest_field is not None:
        apart = (f"furthest apart on {RATING_FIELDS[widest_field][0]} "
                 f"({criterion_spread[widest_field]:g} points)")
        if spread is not None and spread > threshold:
            low, high = _lowest_and_highest(complete)
            return (f"ROOM DISAGREES — discuss: scores range from {low.score_text} ({low.participant}) "
                    f"to {high.score_text} ({high.participant}), a spread of {spread:.1f} points, "
                    f"above {limit}; {apart}.")
        return f"ROOM DISAGREES — discuss: {apart}, above {limit}, even where the scores are close."
    if spread is None:
        if complete:
            only = complete[0]
            return (f"Only {only.participant} has given all five ratings ({only.score_text}): "
                    "the spread needs two complete scores.")
        return "No participant has given all five ratings yet: the spread needs two complete scores."
    low, high = _lowest_and_highest(complete)
    return (f"The room agrees: scores range from {low.score_text} to {high.score_text}, "
            f"a spread of {spread:.1f} points, and no rating is more than {limit} points apart.")


def _widest(criterion_spread: dict[str, float | None]) -> str | None:
    """The rating field the participants are furthest apart on (the first of equals)."""
    return max(
        (f for f in RATING_FIELDS if criterion_spread[f] is not None),
        key=lambda f: criterion_spread[f] or 0.0,
        default=None,
    )


def _lowest_and_highest(complete: list[ParticipantScore]) -> tuple[ParticipantScore, ParticipantScore]:
    return (min(complete, key=lambda s: s.score or 0.0), max(complete, key=lambda s: s.score or 0.0))


def apply_team_mean(partner: Partner) -> bool:
    """Set ``partner.ratings`` to the team rating; False (and no change) when nobody has rated."""
    view = disagreement(partner)
    if not view.rated:
        return False
    if view.ratings != partner.ratings:
        partner.ratings = view.ratings
    return True


def set_participant_rating(partner: Partner, participant: str, criterion: str, value: float | None) -> None:
    """Record one participant's rating of one criterion (None clears it).

    Raises ``ValueError`` for an unknown criterion and pydantic's ``ValidationError`` (a
    ``ValueError``) for a value outside 0-100; the partner is unchanged then.  A participant
    whose five ratings are all cleared is removed from ``team_ratings``.
    """
    if criterion not in RATING_FIELDS:
        raise ValueError(f"unknown rating {criterion!r}")
    entry = next((e for e in partner.team_ratings if e.participant == participant), None)
    if entry is None:
        if value is None:
            return
        candidate = Ratings(**{criterion: value})  # validates before anything is added
        partner.team_ratings.append(ParticipantRatings(participant=participant, ratings=candidate))
        return
    setattr(entry.ratings, criterion, value)
    if all(getattr(entry.ratings, field) is None for field in RATING_FIELDS):
        partner.team_ratings.remove(entry)


def participant_names(session: Session, partner: Partner) -> list[str]:
    """Who rates ``partner``: the session's participants (named, once each), then anyone else who
    rated it (a participant since renamed or removed still counts in the mean, so is shown)."""
    names: list[str] = []
    for person in session.participants:
        if person.name.strip() and person.name not in names:
            names.append(person.name)
    for entry in partner.team_ratings:
        if entry.participant not in names:
            names.append(entry.participant)
    return names


TeamKey = tuple[tuple[str, tuple[float | None, ...]], ...]


def team_key(partner: Partner) -> TeamKey:
    """The participants' ratings of ``partner`` as plain values: everything a dispute depends on."""
    return tuple(
        (e.participant, (r.icp_overlap, r.market_influence, r.practice_alignment,
                         r.partnership_appetite, r.revenue_potential))
        for e in partner.team_ratings
        for r in (e.ratings,)
    )


_DISPUTED: dict[tuple[TeamKey, float, tuple[Fraction, ...]], bool] = {}
_DISPUTED_LIMIT = 100_000


def is_disputed(
    partner: Partner, threshold: float = DISAGREEMENT_THRESHOLD, weights: ScoringWeights | Weighting | None = None
) -> bool:
    """``disagreement(partner, threshold).disputed``, remembered per set of participants' ratings.

    A dispute depends only on the participants' own ratings (not on ``partner.ratings``), so
    a big map's table and its re-checks after every edit compute each one once.
    """
    if not partner.team_ratings:
        return False
    weights = weighting(weights)
    key = (team_key(partner), threshold, weights.percents)
    known = _DISPUTED.get(key)
    if known is None:
        if len(_DISPUTED) >= _DISPUTED_LIMIT:
            _DISPUTED.clear()
        known = _DISPUTED[key] = disagreement(partner, threshold, weights).disputed
    return known


def disputed_partners(session: Session, threshold: float = DISAGREEMENT_THRESHOLD) -> list[TeamView]:
    """Partners the room disagrees about, in map order (for the mapping screen to highlight)."""
    views = (disagreement(p, threshold, session.mapping.weights) for p in session.mapping.partners if p.team_ratings)
    return [view for view in views if view.disputed]
