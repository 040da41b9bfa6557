"""The method's six quality rules of the blueprint's health (thesis, Finance, OKRs, tiers,
roadmap, competitors) and the freshness boundary they share.

Freshness rules share one boundary: a review "every N months" is due on the same calendar day
N months after the last one (month ends clamped); on that day it still passes (with a warning
that it is due), the day after it fails.  A review due within the next 14 days is a warning.
"""

from __future__ import annotations

from datetime import date, timedelta

from workshop.method.audit import appeal_for
from workshop.method.dates import add_months
from workshop.method.findings import RuleResult, Status, Target, names_list
from workshop.method.models import Partner, PartnerStage, Phase, Session
from workshop.method.okr_checks import kind_count, objectives_missing_a_kind
from workshop.method.tier_movement import Action, PartnerMovement, unrecorded_commitments

ROADMAP_REVIEW_MONTHS = 3
"""The roadmap must be revisited quarterly."""
COMPETITOR_REFRESH_MONTHS = 6
"""Competitor ecosystem mapping must be refreshed every 6 months."""
DUE_SOON_DAYS = 14


# --------------------------------------------------------------------------- freshness


def freshness(
    last: date | None, months: int, today: date, what: str
) -> tuple[Status, str]:
    """Pass / warn / fail for "revisited every ``months`` months", with the sentence."""
    if last is None:
        return Status.FAIL, f"The {what} has never been reviewed: record the date of its review."
    if last > today:
        return Status.WARN, f"The {what} review date {last.isoformat()} is in the future: check it."
    due = add_months(last, months)
    if today > due:
        return (
            Status.FAIL,
            f"The {what} was last reviewed on {last.isoformat()}; the review was due "
            f"{due.isoformat()} (every {months} months).",
        )
    if today >= due - timedelta(days=DUE_SOON_DAYS):
        when = "today" if today == due else f"on {due.isoformat()}"
        return Status.WARN, f"The {what} was reviewed on {last.isoformat()}; the next review is due {when}."
    return Status.PASS, f"The {what} was reviewed on {last.isoformat()}; next review due {due.isoformat()}."


# --------------------------------------------------------------------------- the six rules


def partner_target(phase: Phase, section: str, partner: Partner, field: str) -> Target:
    """The place of a finding about one partner: its row, and the field to fix."""
    return Target(phase, section, field, records=(partner.id,), label=partner.name)


def _rule(key: str, title: str, status: Status, message: str, target: Target) -> RuleResult:
    return RuleResult(f"rule.{key}", title, status, message, target)


SIGNOFF = Target(Phase.THESIS, "Sign-off", field="signoff")


def thesis_rule(session: Session, priority_names: list[str], today: date) -> RuleResult:
    title = "Thesis signed off before recruitment"
    signoff = session.thesis.signoff
    if signoff is not None and signoff.signed_at.date() > today:
        return _rule(
            "thesis_signoff", title, Status.FAIL,
            f"The sign-off by {signoff.name} is dated {signoff.signed_at.date().isoformat()}, after "
            f"today ({today.isoformat()}): a sign-off that has not happened yet does not count. "
            "Withdraw it and sign off on the day it happens.",
            SIGNOFF,
        )
    if signoff is not None:
        by = f"{signoff.name}" + (f" ({signoff.role})" if signoff.role.strip() else "")
        return _rule(
            "thesis_signoff", title, Status.PASS,
            f"Thesis signed off by {by} on {signoff.signed_at.date().isoformat()}.",
            SIGNOFF,
        )
    recruiting = [
        p.name for p in session.mapping.partners
        if p.stage in (PartnerStage.RECRUITING, PartnerStage.SIGNED)
    ]
    if recruiting or priority_names:
        parts = []
        if recruiting:
            parts.append(f"{len(recruiting)} partner(s) are being recruited or signed ({names_list(recruiting)})")
        if priority_names:
            parts.append(f"{len(priority_names)} priority recruitment target(s) exist ({names_list(priority_names)})")
        return _rule(
            "thesis_signoff", title, Status.FAIL,
            "The thesis is not signed off, yet " + " and ".join(parts)
            + ": sign off the thesis before recruiting.",
            SIGNOFF,
        )
    return _rule(
        "thesis_signoff", title, Status.WARN,
        "The thesis is not signed off yet: sign it off before any recruitment starts.",
        SIGNOFF,
    )


def finance_rule(session: Session) -> RuleResult:
    title = "Decisions have Finance input"
    decisions = session.decisions
    if not decisions:
        return _rule(
            "finance_input", title, Status.WARN,
            "No build / partner / acquire decisions recorded yet.",
            Target(Phase.DECISIONS, "Decision log"),
        )
    lacking = [d.id for d in decisions if not d.finance_input.strip()]
    if lacking:
        return _rule(
            "finance_input", title, Status.FAIL,
            f"{len(lacking)} decision(s) have no Finance input and are not final: {names_list(lacking)}.",
            Target(Phase.DECISIONS, "Decision log", "finance_input",
                   records=tuple(lacking), label=names_list(lacking)),
        )
    return _rule(
        "finance_input", title, Status.PASS,
        f"All {len(decisions)} decision(s) include Finance input.",
        Target(Phase.DECISIONS, "Decision log"),
    )


def okr_rule(session: Session) -> RuleResult:
    title = "OKRs have leading and lagging indicators"
    counts = kind_count(session.objectives)
    missing = [name for name, n in (("leading", counts.leading), ("lagging", counts.lagging)) if n == 0]
    if missing:
        return _rule(
            "okr_indicators", title, Status.FAIL,
            f"The OKRs have no {' and no '.join(missing)} key results: never measure only one kind.",
            Target(Phase.OKRS, "OKRs", "key_results", label="key results"),
        )
    one_kind = objectives_missing_a_kind(session.objectives)
    if one_kind:
        indexes = [session.objectives.index(o) for o, _k in one_kind]
        numbers = [f"O{index + 1}" for index in indexes]
        return _rule(
            "okr_indicators", title, Status.WARN,
            f"The program has both kinds ({counts.leading} leading, {counts.lagging} lagging), "
            f"but {names_list(numbers)} {'measures' if len(numbers) == 1 else 'measure'} only one kind.",
            Target(Phase.OKRS, "OKRs", index=indexes[:1], label=names_list(numbers)),
        )
    return _rule(
        "okr_indicators", title, Status.PASS,
        f"{counts.leading} leading and {counts.lagging} lagging key results; every objective has both.",
        Target(Phase.OKRS, "OKRs"),
    )


def _appealed(session: Session, movement: PartnerMovement) -> str:
    """" Overridden on D by W: “reason”." when the team overrode the rules for this tier."""
    entry = appeal_for(
        session, movement.partner.name, movement.label(movement.recorded_tier), movement.recorded_tier
    )
    if entry is None:
        return ""
    by = f" by {entry.who}" if entry.who.strip() else ""
    return f" Overridden on {entry.when.date().isoformat()}{by}: “{entry.reason}”."


def _commitments_counted(
    session: Session, movements: list[PartnerMovement]
) -> tuple[int, list[str], list[PartnerMovement]]:
    """How many countable commitments the quarters recorded (and the engine counted), and the
    partners whose latest quarter leaves out one its tier sets ("Acme (2026-Q3: business reviews)")."""
    counted = 0
    unrecorded: list[str] = []
    unrecorded_moves: list[PartnerMovement] = []
    by_quarter = {}
    for movement in movements:
        by_quarter = {r.quarter: r for r in movement.partner.results}
        for verdict in movement.quarters:
            tier = session.tiers.tier(verdict.tier_held)
            result = by_quarter.get(verdict.quarter)
            if tier is None or result is None or verdict.action is Action.EXIT:
                continue
            counted += sum(
                1 for wanted, got in (
                    (tier.reviews_per_year, result.business_reviews),
                    (tier.joint_gtm_per_year, result.joint_gtm_activities),
                    (tier.deal_registration_days, result.deal_registration_days),
                ) if wanted is not None and got is not None
            )
        if movement.quarters and movement.quarters[-1].action is not Action.EXIT:
            latest = movement.quarters[-1]
            tier = session.tiers.tier(latest.tier_held)
            result = by_quarter.get(latest.quarter)
            missing = unrecorded_commitments(result, tier) if tier and result else []
            if missing:
                unrecorded.append(f"{movement.partner.name} ({latest.quarter}: {', '.join(missing)})")
                unrecorded_moves.append(movement)
    return counted, unrecorded, unrecorded_moves


def tier_rule(session: Session, movements: list[PartnerMovement]) -> RuleResult:
    title = "Tier criteria enforced"
    counted, unrecorded, unrecorded_moves = _commitments_counted(session, movements)
    counted_note = (
        f" {counted} countable commitment(s) recorded in the quarterly results were counted."
        if counted else ""
    )
    unrecorded_note = (
        " Commitments not recorded, so not counted: " + "; ".join(unrecorded[:5])
        + (f" (and {len(unrecorded) - 5} more)" if len(unrecorded) > 5 else "") + "."
        if unrecorded else ""
    )
    wrong = [m for m in movements if m.contradiction]
    if wrong:
        return _rule(
            "tier_enforcement", title, Status.FAIL,
            " ".join(f"{m.partner.name}: {m.contradiction}{_appealed(session, m)}" for m in wrong[:5])
            + (f" (and {len(wrong) - 5} more)" if len(wrong) > 5 else "") + unrecorded_note,
            Target(Phase.TIERS, "Tier movements", records=tuple(m.partner.id for m in wrong),
                   label=names_list([m.partner.name for m in wrong])),
        )
    warned_moves = [m for m in movements if m.action is Action.WARNING]
    warned = [m.partner.name for m in warned_moves]
    if warned:
        return _rule(
            "tier_enforcement", title, Status.WARN,
            f"{len(warned)} partner(s) missed their tier's criteria last quarter — issue the "
            f"warning at the QBR: {names_list(warned)}." + unrecorded_note,
            Target(Phase.TIERS, "Tier movements", records=tuple(m.partner.id for m in warned_moves),
                   label=names_list(warned)),
        )
    if unrecorded:
        names = [m.partner.name for m in unrecorded_moves]
        ids = [m.partner.id for m in unrecorded_moves]
        return _rule(
            "tier_enforcement", title, Status.WARN,
            f"All {len(movements)} signed partner(s) hold the tier the rules give them, but the "
            "tiers' countable commitments cannot be enforced unrecorded:"
            + unrecorded_note.removeprefix(" Commitments not recorded, so not counted:")
            + counted_note,
            Target(Phase.TIERS, "Tier movements", records=tuple(ids), label=names_list(names)),
        )
    return _rule(
        "tier_enforcement", title, Status.PASS,
        (f"All {len(movements)} signed partner(s) hold the tier the rules give them." + counted_note)
        if movements else "No partners in the program yet: nothing to enforce.",
        Target(Phase.TIERS, "Tier movements"),
    )


def roadmap_rule(session: Session, today: date) -> RuleResult:
    status, message = freshness(session.roadmap.last_reviewed, ROADMAP_REVIEW_MONTHS, today, "roadmap")
    return _rule("roadmap_review", "Roadmap revisited quarterly", status, message,
                 Target(Phase.OKRS, "Roadmap", "last_reviewed", label="last reviewed"))


def competitor_rule(session: Session, today: date) -> RuleResult:
    status, message = freshness(
        session.mapping.competitor_map_refreshed, COMPETITOR_REFRESH_MONTHS, today, "competitor map"
    )
    return _rule(
        "competitor_refresh", "Competitor map refreshed every 6 months", status, message,
        Target(Phase.MAPPING, "Competitor ecosystem", "competitor_map_refreshed", label="refreshed on"),
    )


