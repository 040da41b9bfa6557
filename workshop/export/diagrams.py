"""The blueprint's diagrams, as Mermaid text: partners on two ratings, scores against the band
lines, the tier pyramid with its counts, and the roadmap by quarter.

Data from the session and the engine, drawn with :mod:`workshop.export.mermaid` (which quotes every
user text).  ``None`` for a diagram with nothing to show yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.export import mermaid
from workshop.method.economics import Economics
from workshop.method.models import RATING_FIELDS, PartnerStage, Session
from workshop.method.scoring import PRIORITY_MIN, SECONDARY_MIN, ScoredPartner, format_score, weighting

CHART_PARTNERS = 15
"""Partners drawn in the quadrant and score charts: the best scored (the table has them all)."""


@dataclass(frozen=True, slots=True)
class Diagrams:
    quadrant: str | None
    quadrant_axes: tuple[str, str]
    """The labels of the two ratings on the quadrant chart's x and y axes."""
    scores: str | None
    tiers: str | None
    roadmap: str | None


def _two_heaviest(session: Session) -> list[tuple[str, str]]:
    """The two ratings the session weighs most (ties: the method's order)."""
    weights = weighting(session.mapping.weights)
    ranked = sorted(RATING_FIELDS.items(), key=lambda item: -weights.of(item[0]))
    return [(field, label) for field, (label, _weight) in ranked[:2]]


def blueprint_diagrams(session: Session, scored: list[ScoredPartner], economics: Economics) -> Diagrams:
    (x_field, x_label), (y_field, y_label) = _two_heaviest(session)
    charted = [row for row in scored if row.score is not None][:CHART_PARTNERS]
    points = [
        mermaid.QuadrantPoint(
            row.partner.name,
            float(getattr(row.partner.ratings, x_field)),
            float(getattr(row.partner.ratings, y_field)),
            row.band.value if row.band is not None else "opportunistic",
        )
        for row in charted
        if getattr(row.partner.ratings, x_field) is not None and getattr(row.partner.ratings, y_field) is not None
    ]
    quadrant = (
        mermaid.quadrant_chart(
            f"Top partners by {x_label} and {y_label}",
            x_label,
            y_label,
            points,
            ("Strong on both", f"{y_label} only", "Weak on both", f"{x_label} only"),
        )
        if points
        else None
    )
    scores = (
        mermaid.score_chart(
            "Attractiveness score and the band lines",
            [row.partner.name for row in charted],
            [format_score(row.score) for row in charted],
            [PRIORITY_MIN, SECONDARY_MIN],
        )
        if charted
        else None
    )
    needed = {figure.key: figure.value for figure in economics.partners_by_tier}
    levels = []
    for tier in session.tiers.tiers:
        signed = sum(
            1 for p in session.mapping.partners if p.stage is PartnerStage.SIGNED and p.program_tier == tier.id
        )
        need = needed.get(f"partners_{tier.id}")
        wanted = f", {need:g} needed" if isinstance(need, (int, float)) else ""
        levels.append(f"{tier.name} ({signed} signed{wanted})")
    tiers = mermaid.pyramid(levels) if levels else None
    quarters = session.roadmap.quarters
    roadmap = (
        mermaid.timeline(
            f"Partnership roadmap {session.roadmap.year}" if session.roadmap.year else "Partnership roadmap",
            [
                (
                    f"{q.name} {q.theme}".strip(),
                    [mermaid.shorten(item.text, 52) + (" (done)" if item.done else "") for item in q.items if item.text.strip()],
                )
                for q in quarters
            ],
        )
        if any(q.items for q in quarters)
        else None
    )
    return Diagrams(quadrant, (x_label, y_label), scores, tiers, roadmap)
