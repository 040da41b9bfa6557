"""Phase 3.2: tier movements — what the rules say each signed partner's tier should be.

The ladder is the session's own (:class:`workshop.method.models.TierFramework`, highest tier first;
the rules climb it lowest first, one step at a time, whatever the tiers' names and number).
For each signed partner (one with a ``program_tier``) the engine replays its quarterly
results in order, starting from the recorded tier:

* **qualifies for** a tier: annual (trailing-twelve-months) pipeline >= the tier's minimum,
  certified individuals >= the tier's requirement, a dedicated practice if the tier requires
  one, and the tier's countable commitments the quarter records (business reviews and joint
  go-to-market activities in twelve months at least the tier's number, deal registration
  within its business days); the highest tier met counts.  The lowest tier always qualifies:
  it is the program's floor.
* **promote** one step when the partner has qualified above the held tier for
  ``promotion_quarters`` consecutive quarters, this one included.  Quarters already counted
  for an earlier promotion count again: a Silver partner meeting Platinum for three quarters
  goes Silver → Gold at the second and Gold → Platinum at the third (one step per review).
* **warning** after ``warning_misses`` consecutive quarters below the held tier; **demote** one
  step after ``demotion_misses`` consecutive misses.  The miss count restarts after a move (a
  demoted partner is warned at its new tier before it can fall further) and when a quarter
  meets the held tier.  A quarter with no results recorded restarts every count.
* **exit** when the records show no pipeline activity for the held tier's ``exit_months``
  (the method: 12, 6 for Registered), due on the same calendar day that many months after the
  last activity date.  A quarter with $0 pipeline and no activity date is a quarter without
  activity: with no activity date before it, the months run from the start of that quarter.
  A lapse longer than the limit between two activity dates gives the exit on the day it fell
  due, even when a later activity is recorded; the replay stops there.

The tier the replay ends on is what the rules say the partner holds now; a recorded tier
that differs — or a partner still in the program when exit is due — is a contradiction.
Every number comes from ``session.tiers``.  See docs/method.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache

from workshop.method.dates import add_months, money, quarter_end, quarter_index
from workshop.method.models import (
    Partner,
    PartnerStage,
    QuarterResult,
    Session,
    Tier,
    TierFramework,
)

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
    """One quarter's QBR verdict; tiers are tier ids (:attr:`workshop.method.models.Tier.id`)."""

    quarter: str
    pipeline: int
    """Annual pipeline (trailing twelve months) measured at this QBR."""
    qualifies_for: str
    tier_held: str
    """The tier held going into this QBR."""
    action: Action
    tier_after: str
    """The tier held after this QBR's action."""
    reason: str
    misses: int
    """Consecutive quarters below the held tier, this one included (0 after a move)."""
    quarters_above: int
    """Consecutive quarters qualifying above the held tier, this one included."""


@dataclass(frozen=True, slots=True)
class PartnerMovement:
    """A signed partner's tier history and what to do about it today."""

    partner: Partner
    recorded_tier: str
    rules_tier: str
    """The tier the rules give the partner after its recorded quarters."""
    quarters: tuple[QuarterMovement, ...]
    action: Action
    """The current recommended action."""
    action_tier: str | None
    """The tier to move to, for PROMOTE and DEMOTE."""
    reason: str
    contradiction: str | None
    """Set when the recorded tier contradicts the rules."""
    last_activity: date | None
    """The latest pipeline activity date recorded (None when none is)."""
    exit_due: date | None
    """The day exit is (or was) due without pipeline activity before it."""
    labels: dict[str, str]
    """Tier id -> name, as the framework named them when this was computed."""

    def label(self, tier_id: str | None) -> str:
        return self.labels.get(tier_id or "", tier_id or "none")


def _criteria_gaps(result: QuarterResult, tier: Tier) -> list[str]:
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
    if (
        tier.reviews_per_year is not None
        and result.business_reviews is not None
        and result.business_reviews < tier.reviews_per_year
    ):
        gaps.append(
            f"{_plural(result.business_reviews, 'business review')} in twelve months of "
            f"{tier.reviews_per_year} committed"
        )
    if (
        tier.joint_gtm_per_year is not None
        and result.joint_gtm_activities is not None
        and result.joint_gtm_activities < tier.joint_gtm_per_year
    ):
        gaps.append(
            f"{_plural(result.joint_gtm_activities, 'joint go-to-market activity', 'joint go-to-market activities')} "
            f"in twelve months of {tier.joint_gtm_per_year} committed"
        )
    if (
        tier.deal_registration_days is not None
        and result.deal_registration_days is not None
        and result.deal_registration_days > tier.deal_registration_days
    ):
        gaps.append(
            f"deal registration took {_plural(result.deal_registration_days, 'business day')}, "
            f"committed within {tier.deal_registration_days}"
        )
    return gaps


def shortfalls(result: QuarterResult, tier: Tier) -> list[str]:
    """What a quarter's results lack for a tier, in words; empty when the tier is met.

    The criteria (pipeline, certified individuals, dedicated practice) always count; the
    countable commitments (business reviews, joint go-to-market activities, deal registration
    days) count when the tier sets a number and the quarter records one."""
    return _criteria_gaps(result, tier)


def unrecorded_commitments(result: QuarterResult, tier: Tier) -> list[str]:
    """The tier's countable commitments the quarter does not record (so could not be counted)."""
    missing: list[str] = []
    if tier.reviews_per_year is not None and result.business_reviews is None:
        missing.append("business reviews")
    if tier.joint_gtm_per_year is not None and result.joint_gtm_activities is None:
        missing.append("joint go-to-market activities")
    if tier.deal_registration_days is not None and result.deal_registration_days is None:
        missing.append("deal registration days")
    return missing


def _meets(result: QuarterResult, tier: Tier) -> bool:
    return not _criteria_gaps(result, tier)


def _highest_met(result: QuarterResult, ladder: list[Tier]) -> int:
    """The rank (0 = the lowest tier) of the highest tier the quarter meets; the lowest tier
    always counts as met: it is the program's floor."""
    for rank in range(len(ladder) - 1, 0, -1):
        if _meets(result, ladder[rank]):
            return rank
    return 0


def qualifying_tier(result: QuarterResult, framework: TierFramework) -> str:
    """The id of the highest tier whose criteria the quarter meets (the lowest tier always)."""
    ladder = framework.ladder
    if not ladder:
        raise ValueError("the tier framework has no tiers")
    return ladder[_highest_met(result, ladder)].id


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


@dataclass(frozen=True, slots=True)
class _Clock:
    """Since when the records show no pipeline activity."""

    since: date
    """The last day with pipeline activity (or the day before a quarter without any began)."""
    dated: bool
    """True: ``since`` is a recorded activity date; False: it starts a run of $0 quarters."""
    words: str
    """"since 2025-04-20" or "recorded from 2025-Q1 on ($0 pipeline, no activity date)"."""


def _exit_sentence(tier: Tier, words: str, due: date) -> str:
    return (
        f"No pipeline activity {words} — {tier.exit_months} months for "
        f"{tier.name} ran out on {due.isoformat()}: exit, terminate the partnership agreement."
    )


def _quarter_start(label: str) -> date:
    end = quarter_end(label)
    return date(end.year, end.month - 2, 1)


def evaluate_partner(partner: Partner, framework: TierFramework, today: date) -> PartnerMovement:
    """Replay a signed partner's quarters from its recorded tier; see the module docstring."""
    return _evaluate(partner, framework, framework.ladder, today)


def _evaluate(partner: Partner, framework: TierFramework, ladder: list[Tier], today: date) -> PartnerMovement:
    recorded = partner.program_tier
    if recorded is None:
        raise ValueError(f"{partner.name} has no program tier: only signed partners are evaluated")
    ranks = {tier.id: rank for rank, tier in enumerate(ladder)}
    if recorded not in ranks:
        raise ValueError(f"{partner.name} holds tier {recorded!r}, which the framework does not define")
    rules = framework.rules
    results = sorted(partner.results, key=lambda r: quarter_index(r.quarter))

    held = ranks[recorded]
    misses = 0
    streak: list[int] = []
    """The qualifying ranks of the consecutive quarters up to this one (a gap restarts it)."""
    previous_index: int | None = None
    clock: _Clock | None = None
    last_activity: date | None = None
    exited: tuple[date, str] | None = None
    """When exit fell due, and why: the replay stops there."""
    quarters: list[QuarterMovement] = []
    moves: list[str] = []

    for result in results:
        quarter = result.quarter
        if exited is not None:
            quarters.append(QuarterMovement(
                quarter=quarter, pipeline=result.pipeline, qualifies_for=ladder[held].id,
                tier_held=ladder[held].id, action=Action.EXIT, tier_after=ladder[held].id,
                reason=f"After the exit that fell due on {exited[0].isoformat()}: not evaluated.",
                misses=0, quarters_above=0,
            ))
            continue
        index = quarter_index(quarter)
        gap_note = ""
        if previous_index is not None and index != previous_index + 1:
            misses = 0
            streak = []
            gap_note = " (no results recorded for the quarter before, so the counts restart)"
        previous_index = index
        as_of = min(quarter_end(quarter), today)
        tier = ladder[held]
        limit = tier.exit_months
        activity = result.last_pipeline_activity

        # --- the inactivity clock (exit): a lapse before this quarter's activity, then as of its QBR
        exit_reason: str | None = None
        if activity is not None and (clock is None or activity > clock.since):
            if clock is not None:
                due = _months_after(clock.since, limit)
                if due <= activity and due <= today:
                    words = (f"between {clock.since.isoformat()} and {activity.isoformat()}"
                             if clock.dated else f"{clock.words}, until {activity.isoformat()}")
                    exit_reason, exited = _exit_sentence(tier, words, due), (due, words)
            if exit_reason is None:
                clock = _Clock(activity, True, f"since {activity.isoformat()}")
            if last_activity is None or activity > last_activity:
                last_activity = activity
        elif activity is None and clock is not None and not clock.dated and result.pipeline > 0:
            clock = None  # pipeline again: the run of quarters without activity ended
        if exit_reason is None and activity is None and result.pipeline == 0 and clock is None:
            start = _quarter_start(quarter)
            clock = _Clock(date.fromordinal(start.toordinal() - 1), False,
                           f"recorded from {quarter} on ($0 pipeline, no activity date)")
        if exit_reason is None and clock is not None:
            due = _months_after(clock.since, limit)
            if as_of >= due:
                exit_reason, exited = _exit_sentence(tier, clock.words, due), (due, clock.words)

        qualifies = _highest_met(result, ladder)
        streak.append(qualifies)
        above = 0
        for rank in reversed(streak):
            if rank <= held:
                break
            above += 1
        before = held
        action = Action.HOLD
        if exit_reason is not None:
            action, reason = Action.EXIT, exit_reason
            above = 0
        elif qualifies < held:
            misses += 1
            missed = "; ".join(shortfalls(result, tier)) or "criteria not met"
            if misses >= rules.demotion_misses:
                held -= 1
                action = Action.DEMOTE
                reason = (
                    f"Missed {tier.name} criteria for {_plural(misses, 'consecutive quarter')} "
                    f"({missed}): demote {tier.name} → {ladder[held].name}."
                )
                moves.append(f"{quarter}: {reason}")
                misses = 0
            elif misses >= rules.warning_misses:
                action = Action.WARNING
                reason = (
                    f"Missed {tier.name} criteria ({missed}) — "
                    f"{_plural(misses, 'quarter')} in a row: warning; demotion after "
                    f"{_plural(rules.demotion_misses, 'consecutive miss', 'consecutive misses')}."
                )
            else:
                reason = (
                    f"Missed {tier.name} criteria ({missed}) — {_plural(misses, 'quarter')} "
                    f"in a row; a warning comes after {rules.warning_misses}."
                )
        elif qualifies > held:
            misses = 0
            target = ladder[qualifies]
            if above >= rules.promotion_quarters:
                held += 1
                action = Action.PROMOTE
                reason = (
                    f"Qualified above {tier.name} for {_plural(above, 'consecutive quarter')} "
                    f"(this quarter: {target.name}): promote {tier.name} → {ladder[held].name} "
                    "(one step at a time)."
                )
                moves.append(f"{quarter}: {reason}")
            else:
                reason = (
                    f"Qualifies for {target.name} — {_plural(above, 'quarter')} of "
                    f"{rules.promotion_quarters} needed for promotion: hold {tier.name}."
                )
        else:
            misses = 0
            reason = f"Meets {tier.name} criteria: hold {tier.name}."
        if action is not Action.EXIT:
            unrecorded = unrecorded_commitments(result, ladder[before])
            if unrecorded:
                reason += f" Not recorded, so not counted: {', '.join(unrecorded)}."
        quarters.append(
            QuarterMovement(
                quarter=quarter,
                pipeline=result.pipeline,
                qualifies_for=ladder[qualifies].id,
                tier_held=ladder[before].id,
                action=action,
                tier_after=ladder[held].id,
                reason=reason + gap_note,
                misses=misses,
                quarters_above=above,
            )
        )

    rules_tier = ladder[held]
    recorded_tier = ladder[ranks[recorded]]
    contradiction: str | None = None
    action_tier: str | None = None
    if exited is not None:
        exit_due: date | None = exited[0]
        words = exited[1]
    elif clock is not None:
        exit_due = _months_after(clock.since, rules_tier.exit_months)
        words = clock.words
    else:
        exit_due, words = None, ""

    if exit_due is not None and (exited is not None or today >= exit_due):
        action = Action.EXIT
        reason = _exit_sentence(rules_tier, words, exit_due)
        contradiction = (
            f"Recorded {recorded_tier.name}, but the rules say exit: no pipeline activity "
            f"{words} (exit was due {exit_due.isoformat()})."
        )
    elif rules_tier.id != recorded:
        action = Action.PROMOTE if held > ranks[recorded] else Action.DEMOTE
        action_tier = rules_tier.id
        reason = (
            f"{action.label} {recorded_tier.name} → {rules_tier.name}: " + " ".join(
                move.split(": ", 1)[1] for move in moves
            )
        )
        contradiction = (
            f"Recorded {recorded_tier.name}, but the rules put it at {rules_tier.name}: "
            + " ".join(moves)
        )
    elif quarters:
        latest = quarters[-1]
        action = Action.WARNING if latest.action is Action.WARNING else Action.HOLD
        reason = f"At the {latest.quarter} QBR: {latest.reason}"
    else:
        action = Action.HOLD
        reason = f"No quarterly results recorded yet: hold {recorded_tier.name}."

    return PartnerMovement(
        partner=partner,
        recorded_tier=recorded,
        rules_tier=rules_tier.id,
        quarters=tuple(quarters),
        action=action,
        action_tier=action_tier,
        reason=reason,
        contradiction=contradiction,
        last_activity=last_activity,
        exit_due=exit_due,
        labels={tier.id: tier.name for tier in ladder},
    )


def evaluate_program(session: Session, today: date) -> list[PartnerMovement]:
    """Every partner with a program tier that has not exited, in map order."""
    framework = session.tiers
    ladder = framework.ladder
    return [
        _evaluate(partner, framework, ladder, today)
        for partner in session.mapping.partners
        if partner.program_tier is not None and partner.stage is not PartnerStage.EXITED
    ]


def sign_partner(partner: Partner, tier: str | None) -> None:
    """Record a partner's program tier (a tier id); holding a tier means the partner is signed."""
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
