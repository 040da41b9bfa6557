"""Findings carry where to fix them as data (workshop.method.findings.Target); the words people read
("fix in: …") are derived from it."""

from __future__ import annotations

from datetime import date

from workshop.method.defaults import new_session
from workshop.method.findings import Target
from workshop.method.findings import place_of
from workshop.method.health import health_report
from workshop.method.models import (
    Decision,
    KeyResult,
    LockStatus,
    Objective,
    Partner,
    Phase,
    RaciCode,
    RaciRow,
)
from workshop.method.okr_checks import okr_findings
from workshop.method.raci_checks import raci_findings

TODAY = date(2026, 12, 1)


def by_key(report, key):  # noqa: ANN001, ANN201
    return next(f for f in (*report.rules, *report.findings) if f.key == key)


def test_the_words_come_from_the_target():
    assert Target(Phase.MAPPING, "Partner landscape", records=("p1",), label="Deloitte").words == "Partner landscape › Deloitte"
    assert Target(Phase.GOVERNANCE, "Executive relationship map", "exec_map").words == "Executive relationship map"
    assert Target(Phase.OKRS, index=(0, 1), label="KR1.2 “x”").words == "KR1.2 “x”"


def test_findings_name_records_by_id_and_fields_by_name():
    session = new_session()
    locked = Partner(name="Deloitte", lock_status=LockStatus.LOCKED)
    unscored = Partner(name="PwC")
    session.mapping.partners = [locked, unscored]
    session.decisions = [Decision(id="D-001", capability="Payments")]
    report = health_report(session, TODAY)
    lock = by_key(report, "mapping.locked_unnamed")
    assert lock.target.records == (locked.id,) and lock.where == "Partner landscape › Deloitte"
    assert by_key(report, "mapping.unscored").target.field == "ratings"
    finance = by_key(report, "rule.finance_input")
    assert finance.target.records == ("D-001",) and finance.where == "Decision log › D-001"
    assert by_key(report, "rule.roadmap_review").target.field == "last_reviewed"
    assert by_key(report, "rule.thesis_signoff").target.field == "signoff"
    assert by_key(report, "rule.competitor_refresh").target == Target(
        Phase.MAPPING, "Competitor ecosystem", "competitor_map_refreshed", label="refreshed on"
    )
    assert report.as_dict()["findings"][0]["target"]["phase"] == report.findings[0].phase.value


def test_okr_and_raci_findings_name_their_row_by_position():
    objectives = [Objective(text="Grow"), Objective(text="Win", key_results=[KeyResult(text="a"), KeyResult(text="b")])]
    found = okr_findings(objectives)
    assert {f.target.index for f in found} >= {(0,), (1, 0), (1, 1)}
    assert next(f for f in found if f.target.index == (1, 1)).where.startswith("KR2.2 ")
    session = new_session()
    raci = session.governance.raci
    raci.rows = [RaciRow(decision="MDF", cells=[RaciCode.NONE] * len(raci.roles))]
    (no_a,) = [f for f in raci_findings(raci) if f.key == "raci.no_accountable"]
    assert no_a.target.index == (0,) and no_a.where == "RACI › MDF"


def test_a_missing_item_points_at_the_field_that_fills_it():
    session = new_session()
    places = health_report(session, TODAY).completeness[Phase.THESIS].places
    assert places[0].field == "market_velocity_gap"
    assert place_of(Phase.THESIS, "partner types").field == "partner_types"
    assert place_of(Phase.THESIS, "sign-off").field == "signoff"
    assert place_of(Phase.MAPPING, "every partner scored").field == "ratings"
    assert place_of(Phase.OKRS, "roadmap Q3 items").field == "items-q3"
    assert place_of(Phase.TIERS, "Gold tier").field == ""  # no single field: the phase's first row
