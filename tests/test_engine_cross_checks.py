"""Cross-phase consistency findings (issue 15, section 2), each with its place to fix."""

from __future__ import annotations

from datetime import date, datetime, timezone

from session_store import load_session
from tests.app_harness import BUNDLED_DEMO
from workshop.method.competitors import ecosystem
from workshop.method.defaults import new_session
from workshop.method.findings import Status
from workshop.method.health import health_report
from workshop.method.models import (
    Decision,
    ExecSponsor,
    LandscapeTier,
    Objective,
    Partner,
    PartnerStage,
    PartnerType,
    Phase,
    QuarterResult,
    Ratings,
    RoadmapItem,
    Session,
)

TODAY = date(2026, 11, 25)
LOW = Ratings(icp_overlap=35, market_influence=40, practice_alignment=50, partnership_appetite=55, revenue_potential=30)
HIGH = Ratings(icp_overlap=90, market_influence=90, practice_alignment=90, partnership_appetite=90, revenue_potential=90)


def findings(session: Session, key: str, today: date = TODAY):
    return [f for f in health_report(session, today).findings if f.key == key]


def choose(session: Session, *keys: str) -> None:
    for model in session.thesis.models:
        model.selected = model.key in keys


# --------------------------------------------------------------------------- named partners


def test_a_decision_naming_a_partner_missing_from_the_landscape() -> None:
    session = new_session()
    session.mapping.partners = [Partner(name="KPMG", ratings=HIGH), Partner(name="Deloitte", ratings=HIGH)]
    session.decisions = [Decision(id="D-001", capability="UK entry", partner_considered="KPMG UK, Acme Advisory and deloitte")]
    [found] = findings(session, "cross.decision_partner_unmapped")
    assert found.message.startswith("D-001 names Acme Advisory as partner considered, but it is not in the partner landscape")
    assert (found.phase, found.where) == (Phase.DECISIONS, "Decision log › D-001 › partner considered")
    assert found.status is Status.WARN


def test_a_decision_counting_on_an_opportunistic_partner() -> None:
    """The demo's D-005 counts on Meridian Compliance Partners at 41.8 (ratings 35/40/50/55/30)."""
    session = new_session()
    session.mapping.partners = [Partner(name="Meridian Compliance Partners", ratings=LOW)]
    session.decisions = [Decision(id="D-005", capability="UK", partner_considered="Meridian Compliance Partners")]
    [found] = findings(session, "cross.decision_opportunistic")
    assert "scores 41.8: opportunistic only — do not invest unless inbound" in found.message
    assert found.where == "Decision log › D-005 › partner considered"


def test_the_roadmap_naming_a_partner_missing_from_the_landscape() -> None:
    session = new_session()
    session.mapping.partners = [Partner(name="Deloitte")]
    session.roadmap.quarters[0].items = [RoadmapItem(text="Kick-off with Deloitte and Accenture")]
    session.roadmap.quarters[2].items = [RoadmapItem(text="Accenture joint webinar")]
    [found] = findings(session, "cross.roadmap_partner_unmapped")
    assert found.message.startswith("The roadmap names Accenture (Q1: Kick-off with Deloitte and Accenture, Q3: Accenture")
    assert (found.phase, found.where) == (Phase.OKRS, "Roadmap › Q1")
    session.roadmap.quarters[0].items = [RoadmapItem(text="Accentured is not a name")]
    session.roadmap.quarters[2].items = []
    assert findings(session, "cross.roadmap_partner_unmapped") == []


# --------------------------------------------------------------------------- sponsors


def test_every_platinum_partner_recorded_or_due_has_a_sponsor() -> None:
    session = new_session()
    platinum_results = [
        QuarterResult(quarter=q, pipeline=2_500_000, certified_individuals=6, dedicated_practice=True,
                      last_pipeline_activity=date(2026, 9, 1))
        for q in ("2026-Q2", "2026-Q3")
    ]
    session.mapping.partners = [
        Partner(name="Held", stage=PartnerStage.SIGNED, program_tier="platinum", results=platinum_results),
        Partner(name="Rising", stage=PartnerStage.SIGNED, program_tier="gold", results=platinum_results),
        Partner(name="Sponsored", stage=PartnerStage.SIGNED, program_tier="platinum", results=platinum_results),
    ]
    session.governance.exec_map = [
        ExecSponsor(partner="sponsored", partner_executive="Ana", our_counterpart="CPO"),
    ]
    [found] = findings(session, "governance.exec_map")
    assert found.message.startswith(
        "Platinum partner(s) without an executive sponsor: Held (Platinum), Rising (due for promotion to Platinum)."
    )
    assert (found.phase, found.where) == (Phase.GOVERNANCE, "Executive relationship map")
    session.governance.exec_map += [ExecSponsor(partner="Held", partner_executive="Bo", our_counterpart="CEO"),
                                    ExecSponsor(partner="Rising")]
    assert [f.message for f in findings(session, "governance.exec_map")] == []
    [incomplete] = findings(session, "governance.exec_map_incomplete")
    assert "Rising (due for promotion to Platinum)" in incomplete.message


# --------------------------------------------------------------------------- models


def test_co_sell_chosen_without_a_co_selling_partner_in_tier_a() -> None:
    session = new_session()
    choose(session, "co_sell")
    session.economics.referral_share_pct = session.economics.reseller_share_pct = 0
    session.mapping.partners = [
        Partner(name="Boutique A", type=PartnerType.BOUTIQUE, landscape_tier=LandscapeTier.A),
        Partner(name="Big4 in B", type=PartnerType.BIG4, landscape_tier=LandscapeTier.B),
    ]
    [found] = findings(session, "cross.co_sell_no_partner")
    assert (found.phase, found.where) == (Phase.MAPPING, "Partner landscape › tier A")
    assert findings(session, "cross.model_unfollowed") == []  # said once, not twice
    session.mapping.partners.append(Partner(name="GSI", type=PartnerType.GSI, landscape_tier=LandscapeTier.A))
    assert findings(session, "cross.co_sell_no_partner") == []


def test_reseller_economics_without_the_reseller_model() -> None:
    session = new_session()
    assert findings(session, "cross.reseller_economics_no_model") == []  # nothing chosen yet: no noise
    choose(session, "implementation")
    session.mapping.partners = [Partner(name="SI", type=PartnerType.REGIONAL_SI)]
    session.economics.referral_share_pct, session.economics.reseller_share_pct = 0, 20
    [found] = findings(session, "cross.reseller_economics_no_model")
    assert found.message == ("The economics count 20% of partner-sourced ARR through resale, but the Reseller "
                             "model is not chosen: choose it, or set that share to 0.")
    assert (found.phase, found.where) == (Phase.THESIS, "Partnership models")
    choose(session, "implementation", "reseller")
    assert findings(session, "cross.reseller_economics_no_model") == []


def test_a_model_chosen_that_no_partner_follows() -> None:
    session = new_session()
    session.economics.referral_share_pct = session.economics.reseller_share_pct = 0
    choose(session, "oem_embed", "implementation")
    session.mapping.partners = [Partner(name="Boutique", type=PartnerType.BOUTIQUE),
                                Partner(name="ISV gone", type=PartnerType.ISV, stage=PartnerStage.EXITED)]
    [found] = findings(session, "cross.model_unfollowed")
    assert found.message.startswith("OEM / Embed is chosen, but no mapped partner is of a type that follows it (ISV / product)")


# --------------------------------------------------------------------------- share and horizon


def test_the_thesis_horizon_and_share_match_the_intake_and_objectives() -> None:
    session = new_session()
    session.created = datetime(2026, 3, 1, tzinfo=timezone.utc)  # the thesis is written in 2026
    session.intake.current_arr, session.intake.target_arr, session.intake.target_year = 20_000_000, 50_000_000, 2030
    session.thesis.statement.partner_share_pct, session.thesis.statement.years = 30, 3
    [horizon] = findings(session, "cross.horizon")
    assert horizon.message.startswith("The thesis promises its share within 3 years (by 2029), but the intake's "
                                      "target year is 2030: the economics plan 2028–2030.")
    assert horizon.where == "Thesis statement › years"
    session.intake.target_year = 2029
    assert findings(session, "cross.horizon") == []
    assert findings(session, "cross.horizon", today=date(2028, 1, 5)) == []  # judged later: the same thesis
    session.roadmap.year = 2026
    [roadmap] = findings(session, "cross.roadmap_year")
    assert "outside the economics' horizon 2027–2029" in roadmap.message
    session.objectives = [Objective(text="A partner ecosystem that drives 25% of ARR"),
                          Objective(text="Drives 30% of total ARR")]
    [share] = findings(session, "cross.share")
    assert share.message.startswith("O1 says 25% of ARR, but the thesis promises 30% of ARR within 3 years")
    assert share.where == "OKRs › O1"


# --------------------------------------------------------------------------- the demo


def test_the_demo_flags_meridian_and_nothing_it_does_not_deserve() -> None:
    report = health_report(load_session(BUNDLED_DEMO), TODAY)
    cross = [f for f in report.findings if f.key.startswith("cross.")]
    assert [f.key for f in cross] == ["cross.decision_opportunistic"]
    assert "Meridian Compliance Partners, which scores 41.8" in cross[0].message
    gap = "\n".join(ecosystem(load_session(BUNDLED_DEMO).mapping).gap_lines)
    assert "Meridian Compliance Partners (available, score 41.8): opportunistic only — not unless inbound." in gap
    assert "Meridian Compliance Partners (available, score 41.8, " not in gap


def test_the_new_domain_modules_import_neither_textual_nor_screens_nor_the_store() -> None:
    import subprocess
    import sys

    code = ("import sys, workshop.method.audit, workshop.method.cross_checks, workshop.method.kr_checks, workshop.method.signoff; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'screens', 'session_store')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
