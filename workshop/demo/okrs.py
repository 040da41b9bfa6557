"""The demo's objectives and key results, and its roadmap (phase 5)."""

from __future__ import annotations

from datetime import date

from workshop.method.models import KRKind, KeyResult, MeasureKind, Objective, RoadmapItem, Session

def objectives() -> list[Objective]:
    lead, lag = KRKind.LEADING, KRKind.LAGGING
    return [
        Objective(
            text="Establish a world-class partner ecosystem that drives 35% of ARR",
            key_results=[
                KeyResult(text="Sign 3 Platinum partners by Sep 30, 2027", kind=lag, target="3",
                          owner="Priya Natarajan", due=date(2027, 9, 30),
                          measure=MeasureKind.PLATINUM_PARTNERS, measure_value=3),
                KeyResult(text="Achieve $12M in partner-sourced pipeline by end of 2027", kind=lead,
                          target="$12M", owner="Sarah Whitfield", due=date(2027, 12, 31),
                          measure=MeasureKind.PARTNER_PIPELINE, measure_value=12_000_000),
                KeyResult(text="Reach 60 certified partner individuals across all tiers", kind=lag,
                          target="60", owner="Director, Partner Ops", due=date(2027, 12, 31),
                          measure=MeasureKind.CERTIFIED_INDIVIDUALS, measure_value=60),
                KeyResult(text="Partner NPS score ≥ 45", kind=lag, target="45",
                          owner="Priya Natarajan", due=date(2027, 12, 31)),
            ],
        ),
        Objective(
            text="Build market credibility through alliance thought leadership",
            key_results=[
                KeyResult(text="Publish 2 co-authored reports with Platinum partners", kind=lead,
                          target="2", owner="Daniel Reyes", due=date(2027, 10, 31)),
                KeyResult(text="Appear on 6 partner-hosted stages or events", kind=lead, target="6",
                          owner="Priya Natarajan", due=date(2027, 12, 31)),
                KeyResult(text="Generate 10 joint press mentions featuring partner relationships",
                          kind=lag, target="10", owner="Daniel Reyes", due=date(2027, 12, 31)),
            ],
        ),
        Objective(
            text="Operationalize the partner program for scale",
            key_results=[
                KeyResult(text="Launch partner portal with self-serve training and deal registration",
                          kind=lead, target="Live", owner="Director, Partner Ops", due=date(2027, 3, 31)),
                KeyResult(text="Achieve 48-hour deal registration response SLA at 95%+ compliance",
                          kind=lead, target="95%", owner="Director, Partner Ops", due=date(2027, 6, 30)),
                KeyResult(text="Complete QBRs with 100% of Platinum and Gold partners", kind=lead,
                          target="100%", owner="Priya Natarajan", due=date(2027, 12, 31)),
            ],
        ),
    ]


def roadmap(session: Session) -> None:
    plan = session.roadmap
    plan.year = 2027
    plan.last_reviewed = date(2026, 10, 20)
    done = {
        "Finalize partnership thesis and tier framework",
        "Stand up partner portal (self-serve training + deal registration)",
        "Sign first Platinum partner agreement",
    }
    replacements = {
        "Launch outreach to top 5 priority partners (Big 4 + 1 GSI)":
            "Launch outreach to top 5 priority partners (EY, KPMG, Cognizant, Corebank Cloud, Infosys implementation arm)",
        "Partner-sourced pipeline > $[X] (first meaningful contribution)":
            "Partner-sourced pipeline > $6M (first meaningful contribution)",
        "Partner-sourced ARR hits [X]% of total ARR": "Partner-sourced ARR hits 20% of total ARR",
    }
    for quarter in plan.quarters:
        quarter.items = [
            RoadmapItem(text=replacements.get(item.text, item.text), done=item.text in done)
            for item in quarter.items
        ]
    plan.quarters[1].items.append(RoadmapItem(text="Promote Northbridge to Platinum at its QBR"))
