"""The blueprint's health: the method's six quality rules, other findings, and completeness.

``today`` is always a parameter.  Freshness rules share one boundary: a review "every N
months" is due on the same calendar day N months after the last one (month ends clamped);
on that day it still passes (with a warning that it is due), the day after it fails.  A
review due within the next 14 days is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from workshop.audit import appeal_for, audit_findings
from workshop.competitors import EcosystemAnalysis, ecosystem
from workshop.cross_checks import cross_findings
from workshop.dates import add_months
from workshop.decision_rules import assess_decision
from workshop.findings import RuleResult, Status, Target, finding, names_list, place_of
from workshop.models import (
    RATIONALE_FIELDS,
    Partner,
    Phase,
    PartnerStage,
    Session,
    Tier,
)
from workshop.okr_checks import kind_count, objectives_missing_a_kind, okr_findings
from workshop.placeholders import tier_benefits, with_placeholders
from workshop.raci_checks import raci_findings
from workshop.gates import GatedPartner, gated
from workshop.scoring import Band, ScoredPartner, ranked_partners, weighting
from workshop.tier_ladder import ladder_problems, promises_mdf
from workshop.tier_movement import Action, PartnerMovement, evaluate_program, unrecorded_commitments

ROADMAP_REVIEW_MONTHS = 3
"""The roadmap must be revisited quarterly."""
COMPETITOR_REFRESH_MONTHS = 6
"""Competitor ecosystem mapping must be refreshed every 6 months."""
DUE_SOON_DAYS = 14
MARKETS_MIN, MARKETS_MAX = 2, 3
"""The method asks for "the 2-3 markets where partnership-led growth is expected"."""


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


def _partner(phase: Phase, section: str, partner: Partner, field: str) -> Target:
    return Target(phase, section, field, records=(partner.id,), label=partner.name)


def _rule(key: str, title: str, status: Status, message: str, target: Target) -> RuleResult:
    return RuleResult(f"rule.{key}", title, status, message, target)


SIGNOFF = Target(Phase.THESIS, "Sign-off", field="signoff")


def _thesis_rule(session: Session, priority_names: list[str], today: date) -> RuleResult:
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


def _finance_rule(session: Session) -> RuleResult:
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


def _okr_rule(session: Session) -> RuleResult:
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


def _tier_rule(session: Session, movements: list[PartnerMovement]) -> RuleResult:
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


def _roadmap_rule(session: Session, today: date) -> RuleResult:
    status, message = freshness(session.roadmap.last_reviewed, ROADMAP_REVIEW_MONTHS, today, "roadmap")
    return _rule("roadmap_review", "Roadmap revisited quarterly", status, message,
                 Target(Phase.OKRS, "Roadmap", "last_reviewed", label="last reviewed"))


def _competitor_rule(session: Session, today: date) -> RuleResult:
    status, message = freshness(
        session.mapping.competitor_map_refreshed, COMPETITOR_REFRESH_MONTHS, today, "competitor map"
    )
    return _rule(
        "competitor_refresh", "Competitor map refreshed every 6 months", status, message,
        Target(Phase.MAPPING, "Competitor ecosystem", "competitor_map_refreshed", label="refreshed on"),
    )


# --------------------------------------------------------------------------- other findings


def _gate_findings(held: list[GatedPartner]) -> list[RuleResult]:
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
                             _partner(Phase.MAPPING, "Partner landscape", g.row.partner, "gates")))
    return found


def _other_findings(session: Session, today: date, unscored: list[str], analysis: MapAnalysis) -> list[RuleResult]:
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
                _partner(Phase.MAPPING, "Partner landscape", lp.partner, "lock_status"),
            ))
    for partner, competitors in analysis.ecosystem.listed_but_available:
        found.append(finding(
            "mapping.listed_but_available", "Competitor ecosystem",
            f"{partner.name} is a key partner of {names_list(list(competitors))} but marked "
            f"{partner.lock_status.label.lower()}: check its lock status.",
            _partner(Phase.MAPPING, "Partner landscape", partner, "lock_status"),
        ))
    for partner in session.mapping.partners:
        if partner.stage is PartnerStage.SIGNED and partner.program_tier is None:
            found.append(finding(
                "tiers.no_program_tier", "Tiers",
                f"{partner.name} is signed but has no program tier.",
                _partner(Phase.TIERS, "Tier movements", partner, "program_tier"),
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


# --------------------------------------------------------------------------- completeness



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


def _completeness(session: Session) -> dict[Phase, PhaseCompleteness]:
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


# --------------------------------------------------------------------------- the report


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
        _thesis_rule(session, priority, today),
        _finance_rule(session),
        _okr_rule(session),
        _tier_rule(session, movements),
        _roadmap_rule(session, today),
        _competitor_rule(session, today),
    ]
    return HealthReport(
        today=today,
        rules=rules,
        findings=_other_findings(session, today, unscored, analysis) + _gate_findings(held),
        completeness=_completeness(session),
    )
