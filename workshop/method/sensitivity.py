"""Weight sensitivity (issue 15 §1): does the ranking survive a different reading of the weights?

Each weight in turn is varied by ±20 % of itself (30 % becomes 24 % or 36 %) and the other four are
rescaled in proportion so the five still add up to 100 %.  For each of these (up to ten) weightings
we list the partners whose band changes and the pairs of the top ten (by today's scores) whose
order flips.  When nothing moves the verdict says "robust" plainly.

A weight of 0 has nothing to vary, and a weight that carries everything (100 %) leaves nothing to
rescale: those variations are skipped and said so.  Exact arithmetic throughout; the rescaled
score is ``k × score + (f − k) × contribution`` (``f`` the varied weight's factor, ``k`` the
others'), so each partner is scored once, not once per weighting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from workshop.method.models import RATING_FIELDS, Partner, ScoringWeights
from workshop.method.scoring import (
    BAND_MINIMUM,
    DENOMINATOR,
    Band,
    ScoredPartner,
    Weighting,
    as_fraction,
    band_for,
    format_score,
    integer_parts,
    percent_text,
    ranked_partners,
    weighting,
)

VARIATION = Fraction(1, 5)
"""±20 %, relative to the weight."""
TOP = 10
"""Rank flips are looked for among the top ten."""


@dataclass(frozen=True, slots=True)
class Scenario:
    field: str
    label: str
    factor: Fraction
    """1.2 or 0.8: what the varied weight is multiplied by."""
    weights: Weighting
    """The five weights of this scenario."""

    @property
    def name(self) -> str:
        """``"ICP client overlap +20 %"``."""
        sign = "+" if self.factor > 1 else "−"
        return f"{self.label} {sign}{percent_text(abs(self.factor - 1) * 100)} %"

    @property
    def weights_text(self) -> str:
        """The five weights to one decimal: ``"36/22.9/18.3/13.7/9.1"``."""
        return "/".join(percent_text(p, 1) for p in self.weights.percents)


@dataclass(frozen=True, slots=True)
class BandChange:
    partner: Partner
    before: Band
    after: Band
    score_before: Fraction
    score_after: Fraction

    @property
    def text(self) -> str:
        return (f"{self.partner.name}: {self.before.short} → {self.after.short} "
                f"({format_score(self.score_before)} → {format_score(self.score_after)})")


@dataclass(frozen=True, slots=True)
class RankFlip:
    ahead: Partner
    """Ahead today, behind in the scenario."""
    behind: Partner
    ahead_after: Fraction
    behind_after: Fraction

    @property
    def text(self) -> str:
        return (f"{self.behind.name} passes {self.ahead.name} "
                f"({format_score(self.behind_after)} vs {format_score(self.ahead_after)})")


@dataclass(frozen=True, slots=True)
class ScenarioResult:
    scenario: Scenario
    band_changes: tuple[BandChange, ...]
    rank_flips: tuple[RankFlip, ...]

    @property
    def moves(self) -> bool:
        return bool(self.band_changes or self.rank_flips)

    @property
    def band_text(self) -> str:
        return "; ".join(c.text for c in self.band_changes) or "none"

    @property
    def flip_text(self) -> str:
        return "; ".join(f.text for f in self.rank_flips) or "none"


@dataclass(frozen=True, slots=True)
class Sensitivity:
    results: tuple[ScenarioResult, ...]
    skipped: tuple[str, ...]
    """Variations that could not be made, with why."""
    scored: int
    """How many partners have a score (the others take no part)."""

    @property
    def robust(self) -> bool:
        return not any(r.moves for r in self.results)

    @property
    def partners_changing_band(self) -> tuple[str, ...]:
        names: dict[str, None] = {}
        for result in self.results:
            for change in result.band_changes:
                names.setdefault(change.partner.name)
        return tuple(names)

    @property
    def sentence(self) -> str:
        if not self.scored:
            return "No partner has a score yet: nothing to test."
        if not self.results:
            return "No weight can be varied: " + "; ".join(self.skipped) + "."
        if self.robust:
            return (f"Robust: varying any weight by ±{percent_text(VARIATION * 100)} % changes no partner's band "
                    f"and no order among the top {min(TOP, self.scored)}.")
        moving = self.partners_changing_band
        flips = sum(len(r.rank_flips) for r in self.results)
        parts = []
        if moving:
            parts.append(f"{len(moving)} partner(s) change band under some variation: {', '.join(moving)}")
        else:
            parts.append("no partner changes band")
        parts.append(f"{flips} rank flip(s) among the top {min(TOP, self.scored)}" if flips
                     else f"the top {min(TOP, self.scored)} keep their order")
        return "Not robust: " + "; ".join(parts) + " — see which weight moves them."


def scenarios(weights: ScoringWeights | Weighting | None = None) -> tuple[list[Scenario], list[str]]:
    """The varied weightings (each weight +20 % then −20 %), and the variations skipped, with why."""
    base = weighting(weights)
    made: list[Scenario] = []
    skipped: list[str] = []
    for index, (field, (label, _w)) in enumerate(RATING_FIELDS.items()):
        weight = base.percents[index]
        if weight == 0:
            skipped.append(f"{label} has no weight to vary")
            continue
        if weight == 100:
            skipped.append(f"{label} carries all the weight: nothing to rescale")
            continue
        for factor in (1 + VARIATION, 1 - VARIATION):
            varied = weight * factor
            if varied > 100:
                skipped.append(f"{label} +{percent_text(VARIATION * 100)} % would exceed 100 %")
                continue
            others = (100 - varied) / (100 - weight)
            percents = tuple(varied if i == index else p * others for i, p in enumerate(base.percents))
            made.append(Scenario(field, label, factor, weighting(percents)))
    return made, skipped


def sensitivity(
    partners: Iterable[Partner], weights: ScoringWeights | Weighting | None = None,
    ranked: list[ScoredPartner] | None = None,
) -> Sensitivity:
    """``ranked``: :func:`ranked_partners` of the same partners and weights, when at hand."""
    base = weighting(weights)
    ranked = [row for row in (ranked if ranked is not None else ranked_partners(partners, base)) if row.score is not None]
    made, skipped = scenarios(base)
    fields = list(RATING_FIELDS)
    top = ranked[:TOP]
    integers = [integer_parts(row.partner.ratings, base) for row in ranked]
    if all(p is not None for p in integers) and all(type(w) is int for _f, w in base.scaled):
        return Sensitivity(tuple(_integer_results(made, ranked, integers, base)), tuple(skipped), len(ranked))  # type: ignore[arg-type]
    # each partner once: its score and each criterion's contribution (exact)
    parts = [
        (row, [as_fraction(getattr(row.partner.ratings, f)) * base.percents[i] / 100 for i, f in enumerate(fields)])
        for row in ranked
    ]
    results = []
    for scenario in made:
        index = fields.index(scenario.field)
        weight = base.percents[index]
        k = (100 - weight * scenario.factor) / (100 - weight)
        f = scenario.factor
        changes: list[BandChange] = []
        after: dict[int, Fraction] = {}
        for position, (row, contributions) in enumerate(parts):
            assert row.score is not None and row.band is not None
            new = k * row.score + (f - k) * contributions[index]
            if position < TOP:
                after[position] = new
            band = band_for(new)
            if band is not row.band and band is not None:
                changes.append(BandChange(row.partner, row.band, band, row.score, new))
        flips = _flips(top, after)
        results.append(ScenarioResult(scenario, tuple(changes), tuple(flips)))
    return Sensitivity(tuple(results), tuple(skipped), len(ranked))


def _integer_results(
    made: list[Scenario], ranked: list[ScoredPartner], integers: list[tuple[int, tuple[int, ...]]], base: Weighting
) -> list[ScenarioResult]:
    """The same results in integers (much faster on a big map): with the weights in thousandths of
    a percent (``W``), ``f = a / 5`` and ``k = P / Q`` (``P = 500000 − a·W``, ``Q = 5·(100000 − W)``),
    the varied score is ``(5·P·S + (a·Q − 5·P)·C) / (5·Q)`` in units of 1 / DENOMINATOR."""
    lines = [(BAND_MINIMUM[Band.PRIORITY], Band.PRIORITY), (BAND_MINIMUM[Band.SECONDARY], Band.SECONDARY)]
    fields = list(RATING_FIELDS)
    results = []
    for scenario in made:
        index = fields.index(scenario.field)
        weight = base.scaled[index][1]
        assert type(weight) is int
        a = int(scenario.factor * 5)
        p, q = 500_000 - a * weight, 5 * (100_000 - weight)
        scale = 5 * q
        thresholds = [(int(line) * DENOMINATOR * scale, band) for line, band in lines]
        x_s, x_c = 5 * p, a * q - 5 * p
        changes: list[BandChange] = []
        after: dict[int, int] = {}
        for position, (row, (total, parts)) in enumerate(zip(ranked, integers)):
            value = x_s * total + x_c * parts[index]
            if position < TOP:
                after[position] = value
            band = next((b for threshold, b in thresholds if value >= threshold), Band.OPPORTUNISTIC)
            if band is not row.band:
                assert row.band is not None and row.score is not None
                changes.append(BandChange(row.partner, row.band, band, row.score, Fraction(value, DENOMINATOR * scale)))
        flips = [
            RankFlip(ahead.partner, behind.partner, Fraction(after[i], DENOMINATOR * scale),
                     Fraction(after[j], DENOMINATOR * scale))
            for i, ahead in enumerate(ranked[:TOP]) for j in range(i + 1, min(TOP, len(ranked)))
            for behind in (ranked[j],)
            if ahead.score is not None and behind.score is not None and ahead.score > behind.score
            and after[i] < after[j]
        ]
        results.append(ScenarioResult(scenario, tuple(changes), tuple(flips)))
    return results


def _flips(top: list[ScoredPartner], after: dict[int, Fraction]) -> list[RankFlip]:
    flips = []
    for i, ahead in enumerate(top):
        for j in range(i + 1, len(top)):
            behind = top[j]
            assert ahead.score is not None and behind.score is not None
            if ahead.score > behind.score and after[i] < after[j]:
                flips.append(RankFlip(ahead.partner, behind.partner, after[i], after[j]))
    return flips
