"""The blueprint's health: the method's six quality rules, other findings, and completeness.

This module assembles the report; the parts live beside it: the six rules and the freshness
boundary they share in :mod:`workshop.method.health_rules`, the other findings in
:mod:`workshop.method.health_findings`, each phase's completeness in :mod:`workshop.method.health_completeness`,
the whole-map analysis they are built on in :mod:`workshop.method.health_analysis`.

``today`` is always a parameter.  Freshness rules share one boundary: a review "every N
months" is due on the same calendar day N months after the last one (month ends clamped);
on that day it still passes (with a warning that it is due), the day after it fails.  A
review due within the next 14 days is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workshop.method.findings import RuleResult, Status
from workshop.method.gates import gated
from workshop.method.health_analysis import MapAnalysis, analyse_map
from workshop.method.health_completeness import PhaseCompleteness, phase_completeness
from workshop.method.health_findings import gate_findings, other_findings
from workshop.method.health_rules import (
    COMPETITOR_REFRESH_MONTHS,
    DUE_SOON_DAYS,
    ROADMAP_REVIEW_MONTHS,
    competitor_rule,
    finance_rule,
    freshness,
    okr_rule,
    roadmap_rule,
    thesis_rule,
    tier_rule,
)
from workshop.method.models import Phase, Session
from workshop.method.scoring import Band

__all__ = [
    "COMPETITOR_REFRESH_MONTHS",
    "DUE_SOON_DAYS",
    "ROADMAP_REVIEW_MONTHS",
    "HealthReport",
    "MapAnalysis",
    "PhaseCompleteness",
    "RuleResult",
    "Status",
    "analyse_map",
    "freshness",
    "health_report",
]


@dataclass(frozen=True, slots=True)
class HealthReport:
    today: date
    rules: list[RuleResult]
    findings: list[RuleResult]
    completeness: dict[Phase, PhaseCompleteness] = field(default_factory=dict)

    @property
    def fails(self) -> int:
        return sum(r.status is Status.FAIL for r in (*self.rules, *self.findings))

    @property
    def warnings(self) -> int:
        return sum(r.status is Status.WARN for r in (*self.rules, *self.findings))

    @property
    def exit_code(self) -> int:
        """1 when a quality rule fails, else 0."""
        return 1 if any(r.status is Status.FAIL for r in self.rules) else 0

    def as_dict(self) -> dict:
        return {
            "today": self.today.isoformat(),
            "rules": [r.as_dict() for r in self.rules],
            "findings": [f.as_dict() for f in self.findings],
            "completeness": {
                phase.value: {
                    "title": phase.title,
                    "filled": c.filled,
                    "total": c.total,
                    "missing": list(c.missing),
                }
                for phase, c in self.completeness.items()
            },
            "fails": self.fails,
            "warnings": self.warnings,
            "exit_code": self.exit_code,
        }


def health_report(session: Session, today: date, analysis: MapAnalysis | None = None) -> HealthReport:
    """The report; ``analysis`` (from :func:`analyse_map` on the same session and day) saves
    computing it again."""
    analysis = analysis or analyse_map(session, today)
    ranked, movements = analysis.ranked, analysis.movements
    held = [g for g in gated(ranked, session.mapping) if g.held]
    held_ids = {g.row.partner.id for g in held}
    priority = [s.partner.name for s in ranked if s.band is Band.PRIORITY and s.partner.id not in held_ids]
    unscored = [s.partner.name for s in ranked if s.score is None]
    rules = [
        thesis_rule(session, priority, today),
        finance_rule(session),
        okr_rule(session),
        tier_rule(session, movements),
        roadmap_rule(session, today),
        competitor_rule(session, today),
    ]
    return HealthReport(
        today=today,
        rules=rules,
        findings=other_findings(session, today, unscored, analysis) + gate_findings(held),
        completeness=phase_completeness(session),
    )
