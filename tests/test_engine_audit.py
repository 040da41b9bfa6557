"""The audit trail (issue 15, section 3) and the sign-off dated after today (issue 18, point 5)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError

from session_store import SessionFile, dump_session, parse_session
from workshop.method.audit import (
    audit_after_step,
    audit_findings,
    record_audit,
    record_movement,
    record_override,
    sync_decisions,
)
from workshop.method.defaults import new_session
from workshop.export.markdown import export_markdown
from workshop.method.findings import Status
from workshop.method.health import health_report
from workshop.method.models import (
    SCHEMA_VERSION,
    AuditEntry,
    AuditKind,
    Decision,
    DecisionAnswers,
    DecisionChoice,
    Partner,
    PartnerStage,
    QuarterResult,
    SignOff,
)
from workshop.method.signoff import FutureSignOffError, future_signoff, sign_thesis, signoff_moment, withdraw_signoff
from workshop.method.tier_movement import Action, apply_movement, evaluate_program

TODAY = date(2026, 12, 3)
FIXTURES = Path(__file__).parent / "fixtures"


def at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=timezone.utc)


def final_decision(**changes) -> Decision:
    values = dict(
        id="D-001", capability="Connectors",
        answers=DecisionAnswers(adjacent_complementary=True, strong_partner_serves_icp=True,
                                partner_economics_positive=True, core_differentiation=False),
        decision=DecisionChoice.PARTNER, rationale="Adjacent", finance_input="Positive",
        finance_reviewer="Tom", decided_on=date(2026, 11, 25),
    )
    values.update(changes)
    return Decision(**values)


# --------------------------------------------------------------------------- the entries


def test_entries_are_numbered_in_order_with_their_rule_and_figures() -> None:
    session = new_session()
    first = record_audit(session, AuditKind.TIER_MOVE, "Jordan", "Promotion after 2 quarters",
                         {"pipeline": "$2.4M", "quarters above": 2}, subject="Acme", summary="Acme promoted")
    second = record_audit(session, AuditKind.SIGNOFF, "Jordan", "thesis", {})
    assert (first.seq, second.seq) == (1, 2)
    assert first.figures == {"pipeline": "$2.4M", "quarters above": "2"}  # as shown, text
    assert session.audit == [first, second]
    again = parse_session(dump_session(session), "t.toml")  # and the trail round-trips
    assert again.audit == session.audit


def test_an_override_needs_its_reason() -> None:
    session = new_session()
    with pytest.raises(ValueError, match="needs its reason"):
        record_override(session, "Jordan", "Demotion after 2 misses", {"misses": 2}, "  ",
                        subject="Acme", summary="Acme kept at Platinum")
    assert session.audit == []
    with pytest.raises(ValidationError, match="needs its reason"):  # a hand edit too
        AuditEntry(seq=1, kind=AuditKind.OVERRIDE)
    entry = record_override(session, "Jordan", "Demotion after 2 misses", {"misses": 2},
                            "Signed a $3M deal last week", subject="Acme", summary="Acme kept at Platinum")
    assert entry.kind is AuditKind.OVERRIDE and entry.reason == "Signed a $3M deal last week"


def test_a_tier_move_applied_is_recorded_with_the_rules_figures() -> None:
    session = new_session()
    partner = Partner(name="Acme", stage=PartnerStage.SIGNED, program_tier="gold", results=[
        QuarterResult(quarter="2026-Q2", pipeline=2_500_000, certified_individuals=6, dedicated_practice=True,
                      last_pipeline_activity=date(2026, 6, 1)),
        QuarterResult(quarter="2026-Q3", pipeline=2_600_000, certified_individuals=6, dedicated_practice=True,
                      last_pipeline_activity=date(2026, 9, 1)),
    ])
    session.mapping.partners = [partner]
    movement = evaluate_program(session, TODAY)[0]
    assert movement.action is Action.PROMOTE
    assert apply_movement(movement)
    entry = record_movement(session, movement, "Priya")
    assert entry.kind is AuditKind.TIER_MOVE and entry.subject == "Acme" and entry.who == "Priya"
    assert entry.summary == "Acme: promote applied (Gold → Platinum)."
    assert entry.rule == movement.reason
    assert entry.figures["quarter"] == "2026-Q3" and entry.figures["annual pipeline"] == "$2,600,000"


# --------------------------------------------------------------------------- sign-off (issue 18, 5)


def test_a_sign_off_dated_after_today_is_refused_at_entry() -> None:
    session = new_session()
    with pytest.raises(FutureSignOffError, match="2026-12-04 is after today \\(2026-12-03\\)"):
        signoff_moment(date(2026, 12, 4), TODAY)
    assert signoff_moment(date(2026, 12, 1), TODAY) == at(2026, 12, 1)
    tomorrow = SignOff(name="Maya", signed_at=at(2026, 12, 4, 9))
    with pytest.raises(FutureSignOffError):
        sign_thesis(session, tomorrow, TODAY, "Jordan")
    assert session.thesis.signoff is None and session.audit == []
    entry = sign_thesis(session, SignOff(name="Maya", role="CEO", signed_at=at(2026, 12, 3, 9)), TODAY, "Jordan")
    assert entry.kind is AuditKind.SIGNOFF and entry.figures["signed by"] == "Maya (CEO)"
    with pytest.raises(ValueError, match="already signed off"):
        sign_thesis(session, SignOff(name="Sam"), TODAY, "Jordan")
    withdrawn = withdraw_signoff(session, "Jordan")
    assert withdrawn is not None and withdrawn.kind is AuditKind.WITHDRAWAL and withdrawn.seq == 2
    assert session.thesis.signoff is None
    assert withdraw_signoff(session, "Jordan") is None and len(session.audit) == 2


def test_a_file_with_a_future_sign_off_fails_the_rule_and_is_not_final() -> None:
    session = new_session()
    session.thesis.signoff = SignOff(name="Maya", role="CEO", signed_at=at(2026, 12, 10, 9))
    assert future_signoff(session, TODAY)
    report = health_report(session, TODAY)
    rule = next(r for r in report.rules if r.key == "rule.thesis_signoff")
    assert rule.status is Status.FAIL
    assert "dated 2026-12-10, after today (2026-12-03)" in rule.message
    text = export_markdown(session, today=TODAY)
    status = next(line for line in text.splitlines() if line.startswith("**Status:"))
    assert status.startswith("**Status: DRAFT**") and "Thesis signed off before recruitment" in status
    # on the day itself it counts
    on_the_day = health_report(session, date(2026, 12, 10))
    assert next(r for r in on_the_day.rules if r.key == "rule.thesis_signoff").status is Status.PASS


# --------------------------------------------------------------------------- decisions made final


def test_a_decision_made_final_is_recorded_once_and_reopening_too() -> None:
    session = new_session()
    session.decisions = [final_decision(finance_input="")]
    assert sync_decisions(session, "Jordan") == []  # not final yet: nothing to record
    session.decisions[0].finance_input = "Positive"
    [entry] = sync_decisions(session, "Jordan")
    assert entry.kind is AuditKind.DECISION_FINAL and entry.subject == "D-001"
    assert entry.figures["decision"] == "PARTNER" and entry.figures["matrix"] == "PARTNER"
    session.decisions[0].finance_input = "Positive, and more"
    assert sync_decisions(session, "Jordan") == []  # still final: no second entry
    session.decisions[0].finance_input = ""
    [reopened] = sync_decisions(session, "Jordan")
    assert reopened.kind is AuditKind.DECISION_REOPENED


def test_a_decision_against_the_matrix_is_an_override_with_its_rationale() -> None:
    session = new_session()
    session.decisions = [final_decision(decision=DecisionChoice.BUILD, rationale="Strategic control")]
    override, final = sync_decisions(session, "Jordan")
    assert override.kind is AuditKind.OVERRIDE and override.reason == "Strategic control"
    assert final.kind is AuditKind.DECISION_FINAL


# --------------------------------------------------------------------------- undo and redo


def test_undo_and_redo_never_remove_entries() -> None:
    session = new_session()
    record_audit(session, AuditKind.SIGNOFF, "J", "r", summary="Thesis signed off by Maya.")
    before = list(session.audit)
    record_audit(session, AuditKind.TIER_MOVE, "J", "r", subject="Acme", summary="Acme: promote applied.")
    after = list(session.audit)
    undone = audit_after_step(after, before, "Undone", "J")  # undo goes back to the state before
    assert [e.seq for e in undone] == [1, 2, 3]
    assert undone[2].kind is AuditKind.REVERTED and undone[2].summary == "Undone: Acme: promote applied."
    redone = audit_after_step(undone, after, "Redone", "J")  # redo goes to the state after
    assert [e.seq for e in redone] == [1, 2, 3, 4]
    assert redone[3].summary == "Redone: Acme: promote applied."


def test_undoing_a_final_decision_lets_it_be_recorded_again() -> None:
    session = new_session()
    session.decisions = [final_decision()]
    sync_decisions(session, "J")
    undone = audit_after_step(session.audit, [], "Undone", "J")
    session.audit = undone
    session.decisions = [final_decision(finance_input="")]
    assert sync_decisions(session, "J") == []  # undone: the trail says not final, as the session
    session.decisions[0].finance_input = "Yes"
    [again] = sync_decisions(session, "J")
    assert again.kind is AuditKind.DECISION_FINAL and again.seq == 3


# --------------------------------------------------------------------------- hand-deleted entries


def test_a_gap_in_the_trail_and_a_sign_off_without_its_entry_are_flagged() -> None:
    session = new_session()
    for n in range(3):
        record_audit(session, AuditKind.TIER_MOVE, "J", "r", summary=f"move {n}")
    assert audit_findings(session) == []
    del session.audit[1]
    [gap] = audit_findings(session)
    assert gap.key == "audit.gap" and "entries 2 are missing" in gap.message
    session.audit = []
    session.thesis.signoff = SignOff(name="Maya", signed_at=at(2026, 11, 1))
    [missing] = audit_findings(session)
    assert missing.key == "audit.signoff_missing" and missing.where == "Sign-off"
    assert "audit.signoff_missing" in [f.key for f in health_report(session, TODAY).findings]


# --------------------------------------------------------------------------- migration 1 -> 2


def test_a_version_1_file_loads_with_its_trail_seeded(tmp_path: Path) -> None:
    old = (FIXTURES / "demo_v1.toml").read_text("utf-8")
    assert "schema_version = 1\n" in old and "[[audit]]" not in old
    path = tmp_path / "old.toml"
    path.write_text(old, "utf-8")
    opened = SessionFile.open(path)
    session = opened.session
    assert session.schema_version == SCHEMA_VERSION
    kinds = [(e.kind, e.subject) for e in session.audit]
    assert kinds[0] == (AuditKind.SIGNOFF, "Thesis")
    assert session.audit[0].when == at(2026, 11, 24, 11).replace(minute=45)
    assert {s for k, s in kinds if k is AuditKind.DECISION_FINAL} == {"D-001", "D-002", "D-003", "D-004", "D-005"}
    assert [e.seq for e in session.audit] == list(range(1, len(session.audit) + 1))
    assert all("before the audit trail existed" in e.summary for e in session.audit)
    assert audit_findings(session) == []
    assert sync_decisions(session, "J") == []  # the seeded finals are known: nothing recorded twice
    opened.save(session)
    assert f"schema_version = {SCHEMA_VERSION}\n" in path.read_text("utf-8")
    assert opened.backup.read_text("utf-8") == old


def test_a_warning_is_recorded_once_per_qbr_and_an_override_needs_its_appeal() -> None:
    from session_store import load_session
    from tests.app_harness import BUNDLED_DEMO
    from workshop.method.audit import record_tier_override, record_warning, tier_override, warning_recorded

    session = load_session(BUNDLED_DEMO)
    movements = {m.partner.name: m for m in evaluate_program(session, date(2026, 11, 25))}
    accenture = movements["Accenture"]  # missed Platinum in 2026-Q3 only: warning
    assert accenture.action is Action.WARNING and not warning_recorded(session, accenture)
    entry = record_warning(session, accenture, "Priya")
    assert entry is not None and entry.summary == "Accenture: warning issued at the QBR (Platinum)."
    assert entry.figures["action"] == "warning" and entry.figures["quarter"] == "2026-Q3"
    assert record_warning(session, accenture, "Priya") is None  # once per QBR
    northbridge = movements["Northbridge Risk Advisory"]  # the rules say Platinum
    assert tier_override(northbridge, "Platinum") is None
    against = tier_override(northbridge, "Silver")
    assert against is not None and against.startswith("the rules put Northbridge Risk Advisory at Platinum")
    with pytest.raises(ValueError, match="needs its reason"):
        record_tier_override(session, northbridge, "Silver", " ", "Priya")
    appeal = record_tier_override(session, northbridge, "Silver", "Their practice lead left", "Priya")
    assert (appeal.kind, appeal.reason, appeal.figures["set to"]) == (AuditKind.OVERRIDE, "Their practice lead left", "Silver")
    assert appeal.summary == "Northbridge Risk Advisory: tier set to Silver by hand; the rules say Platinum."
    next(p for p in session.mapping.partners if p.name == "Northbridge Risk Advisory").program_tier = "silver"
    rule = next(r for r in health_report(session, date(2026, 11, 25)).rules if r.key == "rule.tier_enforcement")
    assert rule.status is Status.FAIL  # the criteria are still not enforced, and the appeal is on record
    assert f"Overridden on {appeal.when.date().isoformat()} by Priya: “Their practice lead left”." in rule.message
    fresh = Partner(name="New", stage=PartnerStage.SIGNED, program_tier="silver")
    session.mapping.partners.append(fresh)
    assert tier_override(evaluate_program(session, date(2026, 11, 25))[-1], "Gold") is None  # no quarters: no rule
