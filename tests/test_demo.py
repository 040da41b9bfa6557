"""The bundled demo session: valid, current, and credible in every phase."""

from __future__ import annotations

from datetime import date

from session_store import dump_session
from tests.conftest import BUNDLED_DEMO
from workshop.demo.build import TODAY, build_demo
from workshop.method.models import DecisionChoice, KRKind, PartnerStage, PartnerType, Session
from workshop.method.scoring import Band, ranked_partners
from workshop.method.tier_movement import Action, evaluate_program


def test_bundled_file_is_what_the_builder_makes() -> None:
    # if this fails, run `python -m workshop.demo.build` and commit demo.toml
    assert BUNDLED_DEMO.read_text("utf-8") == dump_session(build_demo())


def test_every_phase_is_filled(demo_session: Session) -> None:
    s = demo_session
    assert s.intake.company_name and s.intake.current_arr == 18_000_000
    assert s.intake.target_arr == 45_000_000 and len(s.intake.growth_markets) == 3
    assert all(vars(s.thesis.rationale).values())
    assert 2 <= sum(m.selected and bool(m.use_case and m.why) for m in s.thesis.models) <= 3
    assert all(v not in (None, "", []) for v in vars(s.thesis.statement).values())
    assert s.thesis.signoff is not None
    assert len(s.mapping.competitors) == 3 and all(c.key_partners for c in s.mapping.competitors)
    assert s.mapping.gap_notes and s.mapping.counter_strategy
    assert s.mapping.competitor_map_refreshed == date(2026, 9, 15)
    assert [d.id for d in s.decisions] == ["D-001", "D-002", "D-003", "D-004", "D-005"]
    assert {d.decision for d in s.decisions} == set(DecisionChoice)
    assert all(d.finance_input and d.decided_on and d.review_date for d in s.decisions)
    key_results = [kr for o in s.objectives for kr in o.key_results]
    assert {kr.kind for kr in key_results} == {KRKind.LEADING, KRKind.LAGGING}
    assert all(kr.target and kr.owner and kr.due for kr in key_results)
    assert s.roadmap.year == 2027 and s.roadmap.last_reviewed == date(2026, 10, 20)
    assert any(i.done for q in s.roadmap.quarters for i in q.items)
    assert len(s.governance.raci.rows) == 6
    platinum = {p.name for p in s.mapping.partners if p.program_tier == "platinum"}
    assert platinum <= {e.partner for e in s.governance.exec_map}
    assert len(s.participants) >= 5 and s.facilitator and len(s.parking_lot) >= 2


def test_partners_span_types_tiers_and_bands(demo_session: Session) -> None:
    partners = demo_session.mapping.partners
    assert len(partners) >= 12
    assert {p.type for p in partners} == set(PartnerType)
    assert all(None not in vars(p.ratings).values() for p in partners)
    scored = ranked_partners(partners)
    assert {s.band for s in scored} == set(Band)
    assert any(s.score == 75.0 for s in scored)
    competitors = {c.name for c in demo_session.mapping.competitors}
    assert {p.locked_to for p in partners if p.locked_to} == competitors


def test_tier_rules_produce_a_mix(demo_session: Session) -> None:
    signed = [p for p in demo_session.mapping.partners if p.stage is PartnerStage.SIGNED]
    assert len(signed) == 5 and all(4 <= len(p.results) <= 6 for p in signed)
    actions = {m.partner.name: m.action for m in evaluate_program(demo_session, TODAY)}
    assert actions == {
        "Deloitte": Action.HOLD,
        "Accenture": Action.WARNING,
        "Northbridge Risk Advisory": Action.PROMOTE,
        "Castellan Systems": Action.HOLD,
        "Fincrest Advisors": Action.EXIT,
    }


def test_the_demo_scores_are_the_teams_where_the_team_rated() -> None:
    from session_store import load_session
    from tests.conftest import BUNDLED_DEMO
    from workshop.method.team_scoring import mean_ratings

    rated = [p for p in load_session(BUNDLED_DEMO).mapping.partners if p.team_ratings]
    assert rated
    for partner in rated:
        assert partner.ratings == mean_ratings(partner), partner.name
