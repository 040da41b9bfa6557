"""Phase 3.2: tier movements — what the rules say each signed partner's tier should be.

For each signed partner (one with a ``program_tier``) the engine replays its quarterly
results in order, starting from the recorded tier:

* **qualifies for** a tier: annual (trailing-twelve-months) pipeline >= the tier's minimum,
  certified individuals >= the tier's requirement, and a dedicated practice if the tier requires
  one; the highest tier met counts.  Registered always qualifies.
* **promote** one step after ``promotion_quarters`` consecutive quarters qualifying above the
  held tier; **warning** after ``warning_misses`` consecutive quarters below it; **demote** one
  step after ``demotion_misses`` consecutive misses (Platinum -> Gold); a quarter that meets
  the held tier resets both counts, and so does a move or a quarter with no results recorded.
* **exit** when there has been no pipeline activity for ``exit_months`` months
  (``exit_months_registered`` for Registered): due on the same calendar day that many months
  after the last activity.

The tier the replay ends on is what the rules say the partner holds now; a recorded tier
that differs — or a partner still in the program when exit is due — is a contradiction.
Every number comes from ``session.tiers``.  See docs/method.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache

from workshop.dates import add_months, money, quarter_end, quarter_index
from workshop.models import (
    TIER_ORDER,
    Partner,
    PartnerStage,
    QuarterResult,
    Session,
    Tier,
    TierFramework,
    TierName,
)


_RANK = {name: position for position, name in enumerate(TIER_ORDER)}

_months_after = lru_cache(maxsize=16_384)(add_months)
"""``add_months`` for the replay, which asks for the same (last activity, limit) every quarter."""


class Action(str, Enum):
    PROMOTE = "promote"
    WARNING = "warning"
    DEMOTE = "demote"
    EXIT = "exit"
    HOLD = "hold"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True, slots=True)
class QuarterMovement:
    """One quarter's QBR verdict."""

    quarter: str
    pipeline: int
    """Annual pipeline (trailing twelve months) measured at this QBR."""
    qualifies_for: TierName
    tier_held: TierName
    """The tier held going into this QBR."""
    action: Action
    tier_after: TierName
    """The tier held after this QBR's action."""
    reason: str
    misses: int
    """Consecutive quarters below the held tier, this one included (0 after a move)."""
    quarters_above: int
    """Consecutive quarters qualifying above the held tier (0 after a move)."""


@dataclass(frozen=True, slots=True)
class PartnerMovement:
    """A signed partner's tier history and what to do about it today."""

    partner: Partner
    recorded_tier: TierName
    rules_tier: TierName
    """The tier the rules give the partner after its recorded quarters."""
    quarters: tuple[QuarterMovement, ...]
    action: Action
    """The current recommended action."""
    action_tier: TierName | None
    """The tier to move to, for PROMOTE and DEMOTE."""
    reason: str
    contradiction: str | None
    """Set when the recorded tier contradicts the rules."""
    last_activity: date | None
    exit_due: date | None
    """The day exit is due if there is no pipeline activity before it."""


def _tier_ladder(framework: TierFramework) -> list[TierName]:
    """Tiers that exist in this framework, lowest first; Registered is always the floor."""
    return [
        name
        for name in TIER_ORDER
        if name is TierName.REGISTERED or framework.tier(name) is not None
    ]


def shortfalls(result: QuarterResult, tier: Tier) -> list[str]:
    """What a quarter's results lack for a tier, in words; empty when the tier is met."""
    gaps: list[str] = []
    minimum = tier.pipeline_min or 0
    if result.pipeline < minimum:
        gaps.append(f"annual pipeline {money(result.pipeline)} below the {money(minimum)} minimum")
    if result.certified_individuals < tier.certified_individuals:
        gaps.append(
            f"{result.certified_individuals} certified individuals of "
            f"{tier.certified_individuals} required"
        )
    if tier.dedicated_practice and not result.dedicated_practice:
        gaps.append("no dedicated practice")
    return gaps


def _meets(result: QuarterResult, tier: Tier) -> bool:
    return (
        result.pipeline >= (tier.pipeline_min or 0)
        and result.certified_individuals >= tier.certified_individuals
        and (result.dedicated_practice or not tier.dedicated_practice)
    )


def _highest_met(result: QuarterResult, descending: list[Tier]) -> TierName:
    for tier in descending:
        if _meets(result, tier):
            return tier.name
    return TierName.REGISTERED


def _descending(framework: TierFramework) -> list[Tier]:
    """The framework's tiers above Registered, highest first."""
    by_name = {tier.name: tier for tier in framework.tiers}
    return [by_name[n] for n in reversed(TIER_ORDER) if n in by_name and n is not TierName.REGISTERED]


def qualifying_tier(result: QuarterResult, framework: TierFramework) -> TierName:
    """The highest tier whose criteria the quarter meets (Registered always)."""
    return _highest_met(result, _descending(framework))


def _step(ladder: list[TierName], tier: TierName, direction: int) -> TierName:
    if tier not in ladder:  # a recorded tier the framework no longer defines
        below = [t for t in ladder if _RANK[t] < _RANK[tier]]
        above = [t for t in ladder if _RANK[t] > _RANK[tier]]
        if direction < 0:
            return below[-1] if below else ladder[0]
        return above[0] if above else tier
    position = ladder.index(tier) + direction
    return ladder[max(0, min(position, len(ladder) - 1))]


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


def _exit_limit(framework: TierFramework, tier: TierName) -> int:
    rules = framework.rules
    return rules.exit_months_registered if tier is TierName.REGISTERED else rules.exit_months


def _exit_sentence(tier: TierName, months: int, last: date, due: date) -> str:
    return (
        f"No pipeline activity since {last.isoformat()} — {months} months for "
        f"{tier.label} ran out on {due.isoformat()}: exit, terminate the partnership agreement."
    )


def evaluate_partner(partner: Partner, framework: TierFramework, today: date) -> PartnerMovement:
    """Replay a signed partner's quarters from its recorded tier; see the module docstring."""
    return _evaluate(partner, framework, _tier_ladder(framework), _descending(framework), today)


def _evaluate(
    partner: Partner,
    framework: TierFramework,
    ladder: list[TierName],
    descending: list[Tier],
    today: date,
) -> PartnerMovement:
    recorded = partner.program_tier
    if recorded is None:
        raise ValueError(f"{partner.name} has no program tier: only signed partners are evaluated")
    rules = framework.rules
    tiers = {tier.name: tier for tier in descending}
    results = sorted(partner.results, key=lambda r: quarter_index(r.quarter))

    held = recorded
    misses = above = 0
    previous_index: int | None = None
    last_activity: date | None = None
    quarters: list[QuarterMovement] = []
    moves: list[str] = []

    for result in results:
        index = quarter_index(result.quarter)
        gap_note = ""
        if previous_index is not None and index != previous_index + 1:
            misses = above = 0
            gap_note = " (no results recorded for the quarter before, so the counts restart)"
        previous_index = index
        as_of = min(quarter_end(result.quarter), today)
        if result.last_pipeline_activity is not None and (
            last_activity is None or result.last_pipeline_activity > last_activity
        ):
            last_activity = result.last_pipeline_activity
        qualifies = _highest_met(result, descending)
        before = held
        action = Action.HOLD

        limit = _exit_limit(framework, held)
        if last_activity is not None and as_of >= _months_after(last_activity, limit):
            action = Action.EXIT
            reason = _exit_sentence(held, limit, last_activity, _months_after(last_activity, limit))
        elif _RANK[qualifies] < _RANK[held]:
            misses, above = misses + 1, 0
            tier = tiers.get(held)
            missed = "; ".join(shortfalls(result, tier)) if tier else "criteria not defined"
            if misses >= rules.demotion_misses:
                held = _step(ladder, held, -1)
                action = Action.DEMOTE
                reason = (
                    f"Missed {before.label} criteria for {_plural(misses, 'consecutive quarter')} "
                    f"({missed}): demote {before.label} → {held.label}."
                )
                moves.append(f"{result.quarter}: {reason}")
                misses = 0
            elif misses >= rules.warning_misses:
                action = Action.WARNING
                reason = (
                    f"Missed {before.label} criteria ({missed}) — "
                    f"{_plural(misses, 'quarter')} in a row: warning; demotion after "
                    f"{_plural(rules.demotion_misses, 'consecutive miss', 'consecutive misses')}."
                )
            else:
                reason = (
                    f"Missed {before.label} criteria ({missed}) — {_plural(misses, 'quarter')} "
                    f"in a row; a warning comes after {rules.warning_misses}."
                )
        elif _RANK[qualifies] > _RANK[held]:
            above, misses = above + 1, 0
            if above >= rules.promotion_quarters:
                held = _step(ladder, held, +1)
                action = Action.PROMOTE
                reason = (
                    f"Qualified for {qualifies.label} for "
                    f"{_plural(above, 'consecutive quarter')}: promote {before.label} → "
                    f"{held.label} (one step at a time)."
                )
                moves.append(f"{result.quarter}: {reason}")
                above = 0
            else:
                reason = (
                    f"Qualifies for {qualifies.label} — {_plural(above, 'quarter')} of "
                    f"{rules.promotion_quarters} needed for promotion: hold {held.label}."
                )
        else:
            misses = above = 0
            reason = f"Meets {held.label} criteria: hold {held.label}."
        quarters.append(
            QuarterMovement(
                quarter=result.quarter,
                pipeline=result.pipeline,
                qualifies_for=qualifies,
                tier_held=before,
                action=action,
                tier_after=held,
                reason=reason + gap_note,
                misses=misses,
                quarters_above=above,
            )
        )

    rules_tier = held
    limit = _exit_limit(framework, rules_tier)
    exit_due = _months_after(last_activity, limit) if last_activity is not None else None
    contradiction: str | None = None
    action_tier: TierName | None = None

    if exit_due is not None and today >= exit_due:
        assert last_activity is not None
        action = Action.EXIT
        reason = _exit_sentence(rules_tier, limit, last_activity, exit_due)
        contradiction = (
            f"Recorded {recorded.label}, but the rules say exit: no pipeline activity since "
            f"{last_activity.isoformat()} (exit was due {exit_due.isoformat()})."
        )
    elif rules_tier is not recorded:
        action = Action.PROMOTE if _RANK[rules_tier] > _RANK[recorded] else Action.DEMOTE
        action_tier = rules_tier
        reason = (
            f"{action.label} {recorded.label} → {rules_tier.label}: " + " ".join(
                move.split(": ", 1)[1] for move in moves
            )
        )
        contradiction = (
            f"Recorded {recorded.label}, but the rules put it at {rules_tier.label}: "
            + " ".join(moves)
        )
    elif quarters:
        latest = quarters[-1]
        action = Action.WARNING if latest.action is Action.WARNING else Action.HOLD
        reason = f"At the {latest.quarter} QBR: {latest.reason}"
    else:
        action = Action.HOLD
        reason = f"No quarterly results recorded yet: hold {recorded.label}."

    return PartnerMovement(
        partner=partner,
        recorded_tier=recorded,
        rules_tier=rules_tier,
        quarters=tuple(quarters),
        action=action,
        action_tier=action_tier,
        reason=reason,
        contradiction=contradiction,
        last_activity=last_activity,
        exit_due=exit_due,
    )


def evaluate_program(session: Session, today: date) -> list[PartnerMovement]:
    """Every partner with a program tier that has not exited, in map order."""
    framework = session.tiers
    ladder, descending = _tier_ladder(framework), _descending(framework)
    return [
        _evaluate(partner, framework, ladder, descending, today)
        for partner in session.mapping.partners
        if partner.program_tier is not None and partner.stage is not PartnerStage.EXITED
    ]


def sign_partner(partner: Partner, tier: TierName | None) -> None:
    """Record a partner's program tier; holding a tier means the partner is signed."""
    partner.program_tier = tier
    if tier is not None:
        partner.stage = PartnerStage.SIGNED


def apply_movement(movement: PartnerMovement) -> bool:
    """Record what the rules recommend (promote/demote: the new tier; exit: the stage).

    Returns False when the recommendation changes nothing (hold, warning).
    """
    partner = movement.partner
    if movement.action in (Action.PROMOTE, Action.DEMOTE) and movement.action_tier is not None:
        partner.program_tier = movement.action_tier
        return True
    if movement.action is Action.EXIT:
        partner.stage = PartnerStage.EXITED
        return True
    return False
