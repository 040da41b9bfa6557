"""What the blueprint template is given: the session and the engine's results about it.

Pure data gathering — no wording, no layout (that is the template's job) and no rule of the
method (that is the engine's).  ``docs/export.md`` lists every variable for template authors.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from workshop.method.agenda import spent_summary
from workshop.export.board_summary import board_summary
from workshop.export.diagrams import CHART_PARTNERS, blueprint_diagrams
from workshop.export.markdown_text import Markdown
from workshop.export.thesis_block import partnership_thesis, to_yaml
from workshop.method.decision_rules import assess_decision
from workshop.method.findings import Status
from workshop.method.economics import partner_economics
from workshop.method.health import analyse_map, health_report
from workshop.method.kr_checks import measure_text
from workshop.method.placeholders import tier_benefits
from workshop.method.models import (
    RATING_FIELDS,
    RATIONALE_FIELDS,
    LandscapeTier,
    Partner,
    Session,
)
from workshop.method.gates import gated
from workshop.method.score_explain import explain
from workshop.method.sensitivity import sensitivity
from workshop.method.scoring import PRIORITY_MIN, SECONDARY_MIN, Band, percent_text, weighting
from workshop.method.team_scoring import DISAGREEMENT_THRESHOLD, disagreement
from workshop.method.thesis_statement import render_thesis


RECENT_CHANGES = 10
"""How many of the latest history entries the session metadata lists."""


@dataclass(frozen=True, slots=True)
class RationaleItem:
    """One of the six gaps of Phase 1.1."""

    label: str
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class RatingColumn:
    """One of the five attractiveness ratings: its field name, label and weight in percent."""

    field: str
    label: str
    weight_pct: str
    """The session's weight as written (``"30"``, ``"27.5"``)."""


@dataclass(frozen=True, slots=True)
class LandscapeGroup:
    tier: LandscapeTier
    partners: tuple[Partner, ...]


@dataclass(frozen=True, slots=True)
class BandRule:
    band: Band
    minimum: float | None
    """The lowest score in the band; None for the bottom band."""


def blueprint_context(session: Session, today: date) -> dict[str, Any]:
    """Every variable the blueprint template (built-in or custom) can use."""
    partners = session.mapping.partners
    analysis = analyse_map(session, today)
    scored = analysis.ranked
    weights = weighting(session.mapping.weights)
    gate_rows = gated(scored, session.mapping)
    rationale = [
        RationaleItem(label, question, getattr(session.thesis.rationale, field))
        for field, (label, question) in RATIONALE_FIELDS.items()
    ]
    health = health_report(session, today, analysis)
    economics = partner_economics(session)
    failing = [rule for rule in health.rules if rule.status is Status.FAIL]
    draft_reasons = (["the thesis is not signed off"] if session.thesis.signoff is None else []) + [
        f"failing quality rule: {rule.title}" for rule in failing
    ]
    decisions = [assess_decision(decision) for decision in session.decisions]
    summary = board_summary(session, scored, analysis.movements, decisions, failing)
    drawn = blueprint_diagrams(session, scored, economics)
    return {
        "thesis_yaml": Markdown(to_yaml(partnership_thesis(session, today, economics))),
        "summary": summary,
        "diagrams": {
            "quadrant": Markdown(drawn.quadrant) if drawn.quadrant else None,
            "quadrant_axes": drawn.quadrant_axes,
            "chart_partners": CHART_PARTNERS,
            "scores": Markdown(drawn.scores) if drawn.scores else None,
            "tiers": Markdown(drawn.tiers) if drawn.tiers else None,
            "roadmap": Markdown(drawn.roadmap) if drawn.roadmap else None,
        },
        "status": "DRAFT" if draft_reasons else "FINAL",
        "status_reasons": draft_reasons,
        "session": session,
        "today": today,
        "company": session.intake.company_name.strip(),
        "intake": session.intake,
        "rationale": rationale,
        "rationale_written": any(item.answer.strip() for item in rationale),
        "models": session.thesis.models,
        "selected_models": [model for model in session.thesis.models if model.selected],
        "statement": session.thesis.statement,
        "thesis": render_thesis(session),
        "signoff": session.thesis.signoff,
        "landscape": [
            LandscapeGroup(tier, tuple(p for p in partners if p.landscape_tier is tier))
            for tier in LandscapeTier
        ],
        "rating_columns": [
            RatingColumn(field, label, percent_text(weights.of(field)))
            for field, (label, _weight) in RATING_FIELDS.items()
        ],
        "weights": weights,
        "sensitivity": sensitivity(partners, weights, scored),
        "explanations": [e for row in scored if (e := explain(row.partner, weights)) is not None],
        "bands": [
            BandRule(Band.PRIORITY, PRIORITY_MIN),
            BandRule(Band.SECONDARY, SECONDARY_MIN),
            BandRule(Band.OPPORTUNISTIC, None),
        ],
        "scored": scored,
        "priority_partners": [g.row for g in gate_rows if g.band is Band.PRIORITY],
        "gates": session.mapping.gates,
        "held_ids": {g.row.partner.id for g in gate_rows if g.held},
        # the partners the gates concern: Priority by score (held or not), or judged on a gate
        "gated": [g for g in gate_rows if g.row.band is Band.PRIORITY or g.row.partner.gate_checks],
        "competitors": session.mapping.competitors,
        "ecosystem": analysis.ecosystem,
        "tiers": session.tiers.tiers,
        "benefits": {t.name: tier_benefits(t.benefits, t.mdf_per_year) for t in session.tiers.tiers},
        "movement_rules": session.tiers.rules,
        "movements": analysis.movements,
        "decisions": decisions,
        "objectives": session.objectives,
        "roadmap": session.roadmap,
        "raci": session.governance.raci,
        "exec_map": session.governance.exec_map,
        "parking_lot": session.parking_lot,
        "agenda": spent_summary(session),
        "health": health,
        "to_fix": [r for r in (*health.rules, *health.findings) if r.status is not Status.PASS],
        "completeness": list(health.completeness.values()),
        "economics": economics,
        "economics_figures": [
            economics.partner_arr_target,
            economics.pipeline_total,
            economics.deals_total,
            *economics.partners_by_tier,
            *economics.channel_costs,
            economics.cost_per_partner_dollar,
            economics.net_per_partner_dollar,
            economics.direct_cac,
        ],
        "economics_inputs": session.economics,
        "recent_changes": session.history[-RECENT_CHANGES:],
        "audit": session.audit,
        "measure_text": measure_text,
        "team_views": [disagreement(p, weights=session.mapping.weights) for p in partners if p.team_ratings],
        "disagreement_threshold": DISAGREEMENT_THRESHOLD,
    }
