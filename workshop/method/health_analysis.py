"""The whole-map analysis the health report is built on (scores, tier movements, the
competitor ecosystem), computed once and shared."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workshop.method.competitors import EcosystemAnalysis, ecosystem
from workshop.method.models import Session
from workshop.method.scoring import ScoredPartner, ranked_partners
from workshop.method.tier_movement import PartnerMovement, evaluate_program


@dataclass(frozen=True)
class MapAnalysis:
    """The whole-map results the health report is built on: computed once, shared with
    whoever needs them too (the export), since each walks every partner."""

    ranked: list[ScoredPartner]
    movements: list[PartnerMovement]
    ecosystem: EcosystemAnalysis


def analyse_map(session: Session, today: date) -> MapAnalysis:
    return MapAnalysis(
        ranked=ranked_partners(session.mapping.partners, session.mapping.weights),
        movements=evaluate_program(session, today),
        ecosystem=ecosystem(session.mapping),
    )


