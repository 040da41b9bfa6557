"""How complete each phase of the blueprint is: what is filled in, what is missing, and where."""

from __future__ import annotations

from dataclasses import dataclass

from workshop.method.findings import Target, place_of
from workshop.method.models import RATIONALE_FIELDS, PartnerStage, Phase, Session, Tier
from workshop.method.placeholders import tier_benefits, with_placeholders
from workshop.method.tier_ladder import promises_mdf


@dataclass(frozen=True, slots=True)
class PhaseCompleteness:
    phase: Phase
    filled: int
    total: int
    missing: list[str]

    @property
    def places(self) -> list[Target]:
        """Where each missing item is filled in (as :attr:`missing`, in order)."""
        return [place_of(self.phase, label) for label in self.missing]

    @property
    def done(self) -> bool:
        return self.filled == self.total

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else round(100 * self.filled / self.total)

    @property
    def label(self) -> str:
        return f"{self.filled}/{self.total}"


def _hole(text: str) -> str:
    short = " ".join(text.split())
    return short if len(short) <= 60 else short[:59] + "…"


def _items_check(label: str, texts: list[str]) -> tuple[str, bool]:
    """A list is filled when it has an item and none of its items holds a placeholder."""
    holes = with_placeholders(texts)
    if holes:
        return f"{label} (“{_hole(holes[0])}” still has a placeholder)", False
    return label, bool(texts)


def _tier_check(label: str, tier: Tier | None) -> tuple[str, bool]:
    """A tier is filled when it exists and its benefits and commitments hold no placeholder
    once the tier's own figures fill theirs (an MDF benefit's ``$[X]/yr``: its MDF per year)."""
    if tier is None:
        return f"{label} tier", False
    return _items_check(f"{label} tier", [*tier_benefits(tier.benefits, tier.mdf_per_year), *tier.commitments])


def phase_completeness(session: Session) -> dict[Phase, PhaseCompleteness]:
    checks: dict[Phase, list[tuple[str, bool]]] = {}
    intake = session.intake
    checks[Phase.INTAKE] = [
        ("company name", bool(intake.company_name.strip())),
        ("company description", bool(intake.description.strip())),
        ("product category", bool(intake.product_category.strip())),
        ("current ARR", intake.current_arr is not None),
        ("target ARR", intake.target_arr is not None),
        ("target year", intake.target_year is not None),
        ("primary ICPs", any(s.strip() for s in intake.icps)),
        ("growth markets", any(s.strip() for s in intake.growth_markets)),
    ]
    thesis = session.thesis
    st = thesis.statement
    checks[Phase.THESIS] = [
        *((label, bool(getattr(thesis.rationale, key).strip())) for key, (label, _h) in RATIONALE_FIELDS.items()),
        ("a partnership model selected", any(m.selected for m in thesis.models)),
        ("partner share of ARR", st.partner_share_pct is not None),
        ("years", st.years is not None),
        ("partner types", bool(st.partner_types.strip())),
        ("ICP", bool(st.icp.strip())),
        ("markets", bool(st.markets.strip())),
        ("prioritized models", any(s.strip() for s in st.prioritized_models)),
        ("model rationale", bool(st.rationale.strip())),
        ("mechanism", bool(st.mechanism.strip())),
        ("access partners", bool(st.access_partners.strip())),
        ("product partners", bool(st.product_partners.strip())),
        ("adjacent use cases", bool(st.adjacent_use_cases.strip())),
        ("north star metric", bool(st.north_star_metric.strip())),
        ("sign-off", thesis.signoff is not None),
    ]
    mapping = session.mapping
    partners = mapping.partners
    checks[Phase.MAPPING] = [
        ("partners mapped", bool(partners)),
        ("every partner scored", bool(partners) and all(
            None not in (p.ratings.icp_overlap, p.ratings.market_influence, p.ratings.practice_alignment,
                         p.ratings.partnership_appetite, p.ratings.revenue_potential)
            for p in partners
        )),
        ("competitors", bool(mapping.competitors)),
        ("competitors' key partners", bool(mapping.competitors) and all(c.key_partners for c in mapping.competitors)),
        ("gap notes", bool(mapping.gap_notes.strip())),
        ("counter-strategy", bool(mapping.counter_strategy.strip())),
        ("competitor map refresh date", mapping.competitor_map_refreshed is not None),
    ]
    framework = session.tiers
    # each tier of the session's ladder; an empty framework (not designed yet) is one gap
    tier_checks = [_tier_check(tier.name, tier) for tier in framework.tiers] or [
        ("a tier ladder (2 to 8 tiers)", False)
    ]
    for tier in framework.tiers:
        if promises_mdf(tier):
            tier_checks.append((f"{tier.name} MDF per year", tier.mdf_per_year is not None))
    signed = [p for p in partners if p.stage is PartnerStage.SIGNED]
    tier_checks += [(f"{p.name}: program tier", p.program_tier is not None) for p in signed]
    checks[Phase.TIERS] = tier_checks
    decision_checks = [("a decision recorded", bool(session.decisions))]
    for d in session.decisions:
        decision_checks += [
            (f"{d.id}: decision", d.decision is not None),
            (f"{d.id}: rationale", bool(d.rationale.strip())),
            (f"{d.id}: Finance input", bool(d.finance_input.strip())),
            (f"{d.id}: decided on", d.decided_on is not None),
        ]
    checks[Phase.DECISIONS] = decision_checks
    # A placeholder in an objective or a key result leaves a check it belongs to unfilled
    # (the count stays the same: "drives [X]% of ARR" is an objective not yet set).
    okr_checks = [_items_check("an objective", [o.text for o in session.objectives])]
    for o_number, objective in enumerate(session.objectives, start=1):
        okr_checks.append((f"O{o_number}: key results", bool(objective.key_results)))
        for k_number, kr in enumerate(objective.key_results, start=1):
            label = f"KR{o_number}.{k_number}"
            target_label, no_hole = _items_check(f"{label}: target", [kr.text])
            okr_checks += [
                (f"{label}: leading/lagging", kr.kind is not None),
                (target_label, no_hole and bool(kr.target.strip())),
                (f"{label}: owner", bool(kr.owner.strip())),
            ]
    roadmap = session.roadmap
    okr_checks.append(("roadmap year", roadmap.year is not None))
    okr_checks += [_items_check(f"roadmap {q.name} items", [item.text for item in q.items]) for q in roadmap.quarters]
    okr_checks.append(("roadmap review date", roadmap.last_reviewed is not None))
    checks[Phase.OKRS] = okr_checks
    raci = session.governance.raci
    gov_checks = [("RACI rows", bool(raci.rows))]
    gov_checks += [
        (f"RACI “{row.decision}”: an A and an R", "A" in {c.value for c in row.cells} and "R" in {c.value for c in row.cells})
        for row in raci.rows
    ]
    sponsored = {e.partner.strip().casefold(): e for e in session.governance.exec_map}
    top = framework.highest
    for p in partners:
        if top is not None and p.program_tier == top.id:
            entry = sponsored.get(p.name.strip().casefold())
            gov_checks.append((
                f"{p.name}: executive sponsor",
                entry is not None and all(
                    s.strip() for s in (entry.partner_executive, entry.our_counterpart, entry.cadence)
                ),
            ))
    checks[Phase.GOVERNANCE] = gov_checks

    return {
        phase: PhaseCompleteness(
            phase,
            sum(ok for _l, ok in items),
            len(items),
            [label for label, ok in items if not ok],
        )
        for phase, items in checks.items()
    }


