"""The health report's other findings: everything beyond the six rules that the team should
look at (intake, mapping, gates, tiers, decisions, OKRs, RACI, the audit trail, cross-checks)."""

from __future__ import annotations

from datetime import date

from workshop.method.audit import audit_findings
from workshop.method.cross_checks import cross_findings
from workshop.method.decision_rules import assess_decision
from workshop.method.findings import RuleResult, Target, finding, names_list
from workshop.method.gates import GatedPartner
from workshop.method.health_analysis import MapAnalysis
from workshop.method.health_rules import partner_target
from workshop.method.models import PartnerStage, Phase, Session
from workshop.method.okr_checks import okr_findings
from workshop.method.raci_checks import raci_findings
from workshop.method.scoring import weighting
from workshop.method.tier_ladder import ladder_problems

MARKETS_MIN, MARKETS_MAX = 2, 3
"""The method asks for "the 2-3 markets where partnership-led growth is expected"."""


def gate_findings(held: list[GatedPartner]) -> list[RuleResult]:
    """A partner whose score is Priority but which has not passed every must-pass gate."""
    found = []
    for g in held:
        name = g.row.partner.name
        if g.gates.failed:
            failing = ", ".join(f"“{gate.condition}”" for gate, _n in g.gates.failed)
            message = (f"{name} scores {g.row.score_text} (Priority) but fails the gate {failing}: it is held out "
                       "of Priority whatever it scores.")
        else:
            pending = ", ".join(f"“{gate.condition}”" for gate in g.gates.unjudged)
            message = (f"{name} scores {g.row.score_text} (Priority) but the gate {pending} is not judged yet: "
                       "it is held out of Priority until every gate passes.")
        found.append(finding("mapping.gate_held", "Must-pass gates", message,
                             partner_target(Phase.MAPPING, "Partner landscape", g.row.partner, "gates")))
    return found


def other_findings(session: Session, today: date, unscored: list[str], analysis: MapAnalysis) -> list[RuleResult]:
    found: list[RuleResult] = []
    intake = session.intake
    markets = [m for m in intake.growth_markets if m.strip()]
    if markets and not MARKETS_MIN <= len(markets) <= MARKETS_MAX:
        found.append(finding(
            "intake.markets", "Intake",
            f"{len(markets)} growth market(s) listed: the method asks for the 2–3 markets where "
            "partnership-led growth is expected to accelerate.",
            Target(Phase.INTAKE, "Intake", "growth_markets", label="growth markets"),
        ))
    if intake.target_year is not None and intake.target_year < today.year:
        found.append(finding(
            "intake.target_year", "Intake",
            f"The target year {intake.target_year} is in the past.",
            Target(Phase.INTAKE, "Intake", "target_year", label="target year"),
        ))
    weights = weighting(session.mapping.weights)
    if not weights.is_method:
        found.append(finding(
            "mapping.weights", "Partner scoring",
            f"The scoring weights are the team's ({weights.text}), not the method's 30/25/20/15/10: "
            "every score and band depends on that choice.",
            Target(Phase.MAPPING, "Scoring weights", "weights"),
        ))
    if unscored:
        found.append(finding(
            "mapping.unscored", "Partner scoring",
            f"{len(unscored)} partner(s) are unscored (ratings missing): {names_list(unscored)}.",
            Target(Phase.MAPPING, "Partner landscape", "ratings", label="ratings"),
        ))
    for lp in analysis.ecosystem.locked:
        if not lp.competitors:
            found.append(finding(
                "mapping.locked_unnamed", "Competitor ecosystem",
                f"{lp.partner.name} is marked locked, but to no named competitor.",
                partner_target(Phase.MAPPING, "Partner landscape", lp.partner, "lock_status"),
            ))
    for partner, competitors in analysis.ecosystem.listed_but_available:
        found.append(finding(
            "mapping.listed_but_available", "Competitor ecosystem",
            f"{partner.name} is a key partner of {names_list(list(competitors))} but marked "
            f"{partner.lock_status.label.lower()}: check its lock status.",
            partner_target(Phase.MAPPING, "Partner landscape", partner, "lock_status"),
        ))
    for partner in session.mapping.partners:
        if partner.stage is PartnerStage.SIGNED and partner.program_tier is None:
            found.append(finding(
                "tiers.no_program_tier", "Tiers",
                f"{partner.name} is signed but has no program tier.",
                partner_target(Phase.TIERS, "Tier movements", partner, "program_tier"),
            ))
    for decision in session.decisions:
        assessment = assess_decision(decision)
        where = Target(Phase.DECISIONS, "Decision log", records=(decision.id,), label=decision.id)
        if len(assessment.matches) != 1 and (
            not assessment.matches or assessment.suggested is None
        ):
            found.append(finding(
                "decision.matrix", "Decision matrix", f"{decision.id}: {assessment.message}",
                where,
            ))
        if assessment.disagreement:
            found.append(finding(
                "decision.disagreement", "Decision matrix", f"{decision.id}: {assessment.disagreement}",
                where,
            ))
        if assessment.review_date is not None and assessment.review_date < today:
            default = " (the default: 3 months after the decision)" if assessment.review_date_is_default else ""
            found.append(finding(
                "decision.review_overdue", "Decision review",
                f"{decision.id} ({decision.capability}): its review was due {assessment.review_date.isoformat()}"
                f"{default}; decisions are reviewed quarterly — review it and set the next review date.",
                Target(Phase.DECISIONS, "Decision log", "review_date", (decision.id,), label=f"{decision.id} › review date"),
            ))
    found += okr_findings(session.objectives)
    found += cross_findings(session, today, analysis.ranked, analysis.movements)
    for problem in ladder_problems(session.tiers):
        found.append(finding(
            "tiers.ladder", "Tier ladder", problem, Target(Phase.TIERS, "Tier criteria", "tiers"),
        ))
    found += raci_findings(session.governance.raci)
    found += audit_findings(session)
    return found


