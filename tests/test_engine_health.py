"""The six quality rules, the other findings, completeness — with explicit dates."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from workshop.method.defaults import new_session
from workshop.method.findings import Status
from workshop.method.health import freshness, health_report
from workshop.method.models import (
    Competitor,
    Decision,
    DecisionAnswers,
    DecisionChoice,
    ExecSponsor,
    KeyResult,
    KRKind,
    Objective,
    Partner,
    PartnerStage,
    Phase,
    QuarterResult,
    RaciCode,
    Ratings,
    Session,
    SignOff,
)

TODAY = date(2025, 6, 15)
TOP = Ratings(icp_overlap=90, market_influence=90, practice_alignment=90, partnership_appetite=90, revenue_potential=90)
MID = Ratings(icp_overlap=60, market_influence=60, practice_alignment=60, partnership_appetite=60, revenue_potential=60)


def rule(session: Session, key: str, today: date = TODAY):
    report = health_report(session, today)
    return next(r for r in report.rules if r.key == f"rule.{key}")


def signed() -> SignOff:
    return SignOff(name="Dana", role="CEO", signed_at=datetime(2025, 1, 2, tzinfo=timezone.utc))


def test_exactly_the_six_rules_in_the_methods_order() -> None:
    report = health_report(new_session(), TODAY)
    assert [r.key for r in report.rules] == [
        "rule.thesis_signoff",
        "rule.finance_input",
        "rule.okr_indicators",
        "rule.tier_enforcement",
        "rule.roadmap_review",
        "rule.competitor_refresh",
    ]
    assert [r.phase for r in report.rules] == [
        Phase.THESIS, Phase.DECISIONS, Phase.OKRS, Phase.TIERS, Phase.OKRS, Phase.MAPPING,
    ]
    assert all(r.message and r.where for r in report.rules)


# ---------------------------------------------------------------- thesis before recruitment


@pytest.mark.parametrize("stage", [PartnerStage.RECRUITING, PartnerStage.SIGNED])
def test_recruiting_without_signoff_fails(stage: PartnerStage) -> None:
    s = new_session()
    s.mapping.partners = [Partner(name="Acme", stage=stage)]
    r = rule(s, "thesis_signoff")
    assert r.status is Status.FAIL and "Acme" in r.message
    s.thesis.signoff = signed()
    r = rule(s, "thesis_signoff")
    assert r.status is Status.PASS and "Dana (CEO)" in r.message and "2025-01-02" in r.message


def test_priority_targets_without_signoff_fail_secondary_do_not() -> None:
    s = new_session()
    s.mapping.partners = [Partner(name="Mid", ratings=MID)]
    assert rule(s, "thesis_signoff").status is Status.WARN
    s.mapping.partners.append(Partner(name="Top", ratings=TOP))
    r = rule(s, "thesis_signoff")
    assert r.status is Status.FAIL and "Top" in r.message and "Mid" not in r.message


# ---------------------------------------------------------------- finance input


def test_decisions_without_finance_input_fail_and_are_named() -> None:
    s = new_session()
    assert rule(s, "finance_input").status is Status.WARN
    s.decisions = [
        Decision(id="D-001", capability="Payments", finance_input="Margin positive"),
        Decision(id="D-002", capability="Risk", finance_input="  "),
    ]
    r = rule(s, "finance_input")
    assert r.status is Status.FAIL and "D-002" in r.message and "D-001" not in r.message
    s.decisions[1].finance_input = "OK by CFO"
    assert rule(s, "finance_input").status is Status.PASS


# ---------------------------------------------------------------- OKRs


def test_okrs_need_both_kinds() -> None:
    s = new_session()
    s.objectives = [Objective(text="Grow", key_results=[KeyResult(text="Meetings", kind=KRKind.LEADING)])]
    r = rule(s, "okr_indicators")
    assert r.status is Status.FAIL and "no lagging" in r.message
    s.objectives = []
    assert "no leading and no lagging" in rule(s, "okr_indicators").message
    s.objectives = [
        Objective(text="A", key_results=[KeyResult(text="x", kind=KRKind.LEADING), KeyResult(text="y", kind=KRKind.LAGGING)]),
        Objective(text="B", key_results=[KeyResult(text="z", kind=KRKind.LAGGING)]),
    ]
    r = rule(s, "okr_indicators")
    assert r.status is Status.WARN and "O2" in r.message and "O1" not in r.message
    s.objectives[1].key_results.append(KeyResult(text="w", kind=KRKind.LEADING))
    assert rule(s, "okr_indicators").status is Status.PASS


# ---------------------------------------------------------------- tier enforcement


def test_platinum_missing_two_quarters_fails_tier_rule() -> None:
    s = new_session()
    gold = dict(pipeline=600_000, certified_individuals=3, last_pipeline_activity=date(2025, 3, 1),
                business_reviews=4, joint_gtm_activities=4, deal_registration_days=3)
    p = Partner(name="BigCo", stage=PartnerStage.SIGNED, program_tier="platinum",
                results=[QuarterResult(quarter="2024-Q4", **gold)])
    s.mapping.partners = [p]
    r = rule(s, "tier_enforcement")
    assert r.status is Status.WARN and "BigCo" in r.message
    p.results = [*p.results, QuarterResult(quarter="2025-Q1", **gold)]
    r = rule(s, "tier_enforcement")
    assert r.status is Status.FAIL and "BigCo" in r.message and "Gold" in r.message
    assert r.phase is Phase.TIERS and "BigCo" in r.where
    p.program_tier = "gold"
    assert rule(s, "tier_enforcement").status is Status.PASS


# ---------------------------------------------------------------- freshness


def test_roadmap_review_boundary() -> None:
    s = new_session()
    assert rule(s, "roadmap_review").status is Status.FAIL
    s.roadmap.last_reviewed = date(2025, 3, 15)
    assert rule(s, "roadmap_review", date(2025, 5, 31)).status is Status.PASS
    assert rule(s, "roadmap_review", date(2025, 6, 1)).status is Status.WARN  # due within 14 days
    due = rule(s, "roadmap_review", date(2025, 6, 15))
    assert due.status is Status.WARN and "due today" in due.message
    late = rule(s, "roadmap_review", date(2025, 6, 16))
    assert late.status is Status.FAIL and "2025-06-15" in late.message


def test_competitor_map_six_months() -> None:
    s = new_session()
    assert rule(s, "competitor_refresh").status is Status.FAIL
    s.mapping.competitor_map_refreshed = date(2024, 12, 15)
    assert rule(s, "competitor_refresh", date(2025, 6, 15)).status is Status.WARN
    assert rule(s, "competitor_refresh", date(2025, 6, 16)).status is Status.FAIL
    s.mapping.competitor_map_refreshed = date(2025, 5, 1)
    assert rule(s, "competitor_refresh").status is Status.PASS


def test_future_review_date_warns() -> None:
    assert freshness(date(2026, 1, 1), 3, TODAY, "roadmap")[0] is Status.WARN


# ---------------------------------------------------------------- findings


def keys(session: Session) -> list[str]:
    return [f.key for f in health_report(session, TODAY).findings]


def test_findings_are_warnings_not_failures() -> None:
    report = health_report(new_session(), TODAY)
    assert report.findings and all(f.status is Status.WARN for f in report.findings)


def test_markets_must_be_two_or_three() -> None:
    s = new_session()
    s.intake.growth_markets = ["EU"]
    assert "intake.markets" in keys(s)
    s.intake.growth_markets = ["EU", "US"]
    assert "intake.markets" not in keys(s)
    s.intake.growth_markets = ["EU", "US", "APAC", "LATAM"]
    assert "intake.markets" in keys(s)


def test_unscored_partners_are_named() -> None:
    s = new_session()
    s.mapping.partners = [Partner(name="Nope"), Partner(name="Yes", ratings=MID)]
    f = next(f for f in health_report(s, TODAY).findings if f.key == "mapping.unscored")
    assert "Nope" in f.message and "Yes" not in f.message


def test_decision_matrix_findings() -> None:
    s = new_session()
    both = DecisionAnswers(core_differentiation=True, engineering_capacity=True, critical_to_market_position=True,
                           build_time_months=24, acquisition_target_in_budget=True)
    s.decisions = [
        Decision(id="D-001", capability="x"),
        Decision(id="D-002", capability="y", answers=both),
        Decision(id="D-003", capability="z", decision=DecisionChoice.PARTNER,
                 answers=DecisionAnswers(core_differentiation=True, engineering_capacity=True)),
    ]
    found = [(f.key, f.where) for f in health_report(s, TODAY).findings if f.key.startswith("decision.")]
    assert ("decision.matrix", "Decision log › D-001") in found
    assert ("decision.matrix", "Decision log › D-002") in found
    assert ("decision.disagreement", "Decision log › D-003") in found


def test_raci_and_okr_findings_are_included() -> None:
    s = new_session()
    s.governance.raci.rows[0].cells[0] = RaciCode.C
    assert "raci.no_accountable" in keys(s)
    assert "okr.kr_incomplete" in keys(s)


def test_platinum_needs_an_exec_sponsor() -> None:
    s = new_session()
    s.mapping.partners = [Partner(name="Deloitte", stage=PartnerStage.SIGNED, program_tier="platinum")]
    assert "governance.exec_map" in keys(s)
    s.governance.exec_map = [ExecSponsor(partner="deloitte", partner_executive="VP", our_counterpart="CPO", cadence="Monthly")]
    assert "governance.exec_map" not in keys(s)


def test_locked_competitor_findings() -> None:
    s = new_session()
    s.mapping.partners = [Partner(name="PwC")]
    s.mapping.competitors = [Competitor(name="Rival", key_partners=["PwC"])]
    assert "mapping.listed_but_available" in keys(s)


# ---------------------------------------------------------------- completeness and counts


def test_completeness_counts_and_names_what_is_missing() -> None:
    s = new_session()
    c = health_report(s, TODAY).completeness
    assert list(c) == list(Phase)
    assert c[Phase.INTAKE].filled == 0 and "company name" in c[Phase.INTAKE].missing
    s.intake.company_name = "Acme"
    s.intake.growth_markets = ["EU", "US"]
    c = health_report(s, TODAY).completeness[Phase.INTAKE]
    assert c.filled == 2 and "company name" not in c.missing and c.total == 8
    assert c.label == "2/8" and c.percent == 25
    assert "sign-off" in health_report(s, TODAY).completeness[Phase.THESIS].missing
    s.thesis.signoff = signed()
    assert "sign-off" not in health_report(s, TODAY).completeness[Phase.THESIS].missing


def test_counts_and_exit_code() -> None:
    s = new_session()
    report = health_report(s, TODAY)
    assert report.fails == 2  # roadmap and competitor map never reviewed
    assert report.exit_code == 1
    assert report.warnings == sum(r.status is Status.WARN for r in (*report.rules, *report.findings))
    s.roadmap.last_reviewed = date(2025, 5, 1)
    s.mapping.competitor_map_refreshed = date(2025, 5, 1)
    assert health_report(s, TODAY).exit_code == 0
    data = health_report(s, TODAY).as_dict()
    assert data["exit_code"] == 0 and data["completeness"]["intake"]["total"] == 8


def test_a_thousand_signed_partners() -> None:
    # Speed is measured by `make bench`; this checks the report on a large program.
    s = new_session()
    s.mapping.partners = [
        Partner(
            name=f"P{i}", ratings=MID, stage=PartnerStage.SIGNED, program_tier="gold",
            results=[QuarterResult(quarter=f"2024-Q{n}", pipeline=600_000, certified_individuals=3) for n in (1, 2)],
        )
        for i in range(1_000)
    ]
    s.thesis.signoff = signed()
    report = health_report(s, TODAY)
    assert len(report.rules) == 6


def test_a_shared_map_analysis_gives_the_same_report(demo_session):
    from workshop.method.health import analyse_map

    today = date(2026, 11, 25)
    analysis = analyse_map(demo_session, today)
    assert health_report(demo_session, today, analysis) == health_report(demo_session, today)
    assert analysis.ranked and analysis.movements


def test_a_decision_whose_review_date_has_passed_is_a_warning_with_its_place() -> None:
    session = new_session()
    session.decisions = [
        Decision(id="D-001", capability="Connectors", decision=DecisionChoice.PARTNER, finance_input="ok",
                 decided_on=date(2025, 1, 10), review_date=date(2025, 6, 14)),
        Decision(id="D-002", capability="Screening", decided_on=date(2025, 2, 1)),  # default: 2025-05-01
        Decision(id="D-003", capability="Engine", decided_on=date(2025, 3, 15)),  # default 2025-06-15: today
    ]
    overdue = [f for f in health_report(session, TODAY).findings if f.key == "decision.review_overdue"]
    assert [f.where for f in overdue] == ["Decision log › D-001 › review date", "Decision log › D-002 › review date"]
    assert overdue[0].status is Status.WARN and overdue[0].phase is Phase.DECISIONS
    assert "review was due 2025-06-14;" in overdue[0].message
    assert "due 2025-05-01 (the default: 3 months after the decision)" in overdue[1].message
