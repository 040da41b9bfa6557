"""The session editor (workshop.method.editor): every rule it enforces and what it records, as plain
pytest — no App, no Textual."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from workshop.method.defaults import new_session
from workshop.method.editor import HISTORY_LIMIT, SessionEditor
from workshop.method.edits import Edit, EditRefused, FieldSet, PartnerRated, PositionMoved, RaciCellSet, ThesisSigned
from workshop.method.models import (
    Decision,
    ParkingNote,
    Partner,
    PartnerStage,
    Phase,
    QuarterResult,
    RaciCode,
    RoadmapItem,
    Session,
    SignOff,
)


TODAY = date(2026, 12, 1)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def editor_for(session: Session, clock: Clock | None = None) -> tuple[SessionEditor, list[Edit]]:
    editor = SessionEditor(session, author=lambda: "Maya", clock=clock or Clock())
    seen: list[Edit] = []
    editor.subscribe(seen.append)
    return editor, seen


# --------------------------------------------------------------------------- recording


def test_a_change_is_made_recorded_as_data_and_announced():
    session = new_session()
    editor, seen = editor_for(session)
    assert editor.set_field(session.intake, "company_name", "Ledgerlight", label="Company name")
    assert session.intake.company_name == "Ledgerlight"
    assert seen == [FieldSet("company_name", "Company name")]
    assert [(c.what, c.who) for c in session.history] == [("Company name changed", "Maya")]
    assert session.updated == datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
    assert editor.take_undo_description() == "Company name changed"
    assert editor.take_undo_description() == ""


def test_setting_the_value_a_field_has_changes_and_records_nothing():
    session = new_session()
    editor, seen = editor_for(session)
    assert not editor.set_field(session.intake, "company_name", "", label="Company name")
    assert seen == [] and session.history == []


def test_a_refused_value_leaves_the_session_as_it_was_and_records_nothing():
    session = new_session()
    editor, seen = editor_for(session)
    partner = Partner(name="Deloitte")
    editor.add_partner(partner)
    with pytest.raises(ValidationError):
        editor.rate_partner(partner, "icp_overlap", 101)
    assert partner.ratings.icp_overlap is None
    with pytest.raises(ValueError):
        editor.rate_partner(partner, "charm", 50)
    assert len(seen) == 1  # the partner added, nothing else


def test_typing_on_in_one_field_is_one_history_line_until_a_minute_of_quiet():
    session = new_session()
    clock = Clock()
    editor, _ = editor_for(session, clock)
    for text in ("L", "Le", "Led"):
        clock.now += timedelta(seconds=5)
        editor.set_field(session.intake, "company_name", text, label="Company name")
    assert [c.what for c in session.history] == ["Company name changed"]
    assert session.history[-1].when == clock.now  # the line says when the typing ended
    clock.now += timedelta(seconds=61)
    editor.set_field(session.intake, "company_name", "Ledger", label="Company name")
    assert [c.what for c in session.history] == ["Company name changed"] * 2
    editor.set_field(session.intake, "product_category", "RegTech", label="Product category")
    assert len(session.history) == 3
    assert editor.take_undo_description() == "Company name changed; Product category changed"


def test_the_history_keeps_its_last_lines_only():
    session = new_session()
    editor, _ = editor_for(session)
    for n in range(HISTORY_LIMIT + 5):
        editor.set_field(session.intake, "company_name", f"c{n}", label=f"Field {n}")
    assert len(session.history) == HISTORY_LIMIT
    assert session.history[-1].what == f"Field {HISTORY_LIMIT + 4} changed"


def test_where_the_team_is_is_saved_but_is_no_edit():
    session = new_session()
    editor, seen = editor_for(session)
    assert editor.move_to(Phase.MAPPING, 3)
    assert not editor.move_to(Phase.MAPPING, 3)
    assert seen == [PositionMoved(Phase.MAPPING, 3)]
    assert session.history == [] and not editor.has_undo_description


# --------------------------------------------------------------------------- the thesis


def test_a_thesis_is_signed_only_when_complete_and_then_locked(demo_session: Session):
    session = new_session()
    editor, _ = editor_for(session)
    with pytest.raises(EditRefused, match="still missing .*partner types"):
        editor.sign_thesis(SignOff(name="Maya"), TODAY)
    assert session.thesis.signoff is None

    demo = demo_session
    signed = demo.thesis.signoff
    assert signed is not None
    editor, seen = editor_for(demo)
    with pytest.raises(EditRefused, match="already signed"):
        editor.sign_thesis(SignOff(name="Someone else"), TODAY)
    thesis = demo.thesis
    for target, name, value in (
        (thesis.statement, "icp", "anyone"),
        (thesis.rationale, "access", "changed"),
        (thesis.models[0], "use_case", "changed"),
    ):
        with pytest.raises(EditRefused, match="withdraw the sign-off"):
            editor.set_field(target, name, value, label=name)
    with pytest.raises(EditRefused):
        editor.select_model(thesis.models[0], not thesis.models[0].selected)
    with pytest.raises(EditRefused):
        editor.set_prioritized_models([])
    with pytest.raises(EditRefused):
        editor.delete_record(thesis.models, thesis.models[0], noun="model", title="x")
    assert seen == []

    assert not editor.withdraw_signoff(SignOff(name="Not the one who signed"))
    assert editor.withdraw_signoff(signed)
    assert thesis.signoff is None
    assert editor.set_field(thesis.statement, "icp", "anyone", label="ICP")
    editor.set_field(thesis.statement, "icp", "Tier-1 banks", label="ICP")
    tomorrow = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)
    with pytest.raises(EditRefused, match="after today"):
        editor.sign_thesis(SignOff(name="Maya Okafor", signed_at=tomorrow), TODAY)
    editor.sign_thesis(SignOff(name="Maya Okafor", signed_at=datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)), TODAY)
    assert seen[-1] == ThesisSigned("Maya Okafor")
    assert [e.kind.value for e in demo.audit[-2:]] == ["withdrawal", "signoff"]
    assert [c.what for c in demo.history[-3:]] == [
        "Thesis sign-off by Maya Okafor withdrawn", "ICP changed", "Thesis signed off by Maya Okafor",
    ]


def test_a_signoff_cannot_be_slipped_in_as_a_field():
    session = new_session()
    editor, _ = editor_for(session)
    with pytest.raises(EditRefused):
        editor.set_field(session.thesis, "signoff", SignOff(name="Maya"), label="Sign-off")
    assert session.thesis.signoff is None


# --------------------------------------------------------------------------- RACI


def test_raci_cells_stay_aligned_with_the_roles(demo_session: Session):
    editor, seen = editor_for(demo_session)
    raci = demo_session.governance.raci
    roles = len(raci.roles)
    assert not editor.add_raci_role("   ")
    assert editor.add_raci_role("Security")
    assert all(len(row.cells) == roles + 1 for row in raci.rows)
    assert not editor.add_raci_decision("")
    assert editor.add_raci_decision("Pricing")
    assert raci.rows[-1].cells == [RaciCode.NONE] * (roles + 1)
    editor.set_raci_cell(len(raci.rows) - 1, roles, RaciCode.A)
    assert seen[-1] == RaciCellSet("Pricing", "Security", RaciCode.A)
    with pytest.raises(EditRefused):
        editor.set_raci_cell(0, roles + 1, RaciCode.R)  # no such role
    with pytest.raises(EditRefused):
        editor.set_raci_cell(len(raci.rows), 0, RaciCode.R)  # no such row
    assert not editor.delete_raci_role(roles, "Not its name")  # renamed meanwhile: not deleted
    assert editor.rename_raci_role(roles, "InfoSec")
    assert not editor.rename_raci_role(roles, "InfoSec")
    assert editor.delete_raci_role(roles, "InfoSec")
    assert all(len(row.cells) == roles for row in raci.rows)
    row = raci.rows[-1]
    assert editor.move_raci_decision(len(raci.rows) - 1, -1)
    assert not editor.move_raci_decision(0, -1)
    assert editor.rename_raci_decision(len(raci.rows) - 2, "Pricing and packaging")
    assert editor.delete_raci_decision(row)
    assert not editor.delete_raci_decision(row)
    assert [c.what for c in demo_session.history[-3:]] == [
        "RACI: moved a decision", "RACI: renamed a decision", "RACI: deleted a decision",
    ]


# --------------------------------------------------------------------------- records and the rest


def test_records_are_added_moved_and_deleted_by_identity():
    session = new_session()
    editor, _ = editor_for(session)
    a, b = Partner(name="A"), Partner(name="A")  # equal, not the same
    editor.add_partner(a)
    editor.add_partner(b)
    assert editor.move_record(session.mapping.partners, 0, 1, noun="partner", title_of=lambda p: p.name)
    assert session.mapping.partners[1] is a
    assert not editor.move_record(session.mapping.partners, 1, 1, noun="partner", title_of=lambda p: p.name)
    assert editor.delete_partner(a)
    assert session.mapping.partners == [b] and session.mapping.partners[0] is b
    assert not editor.delete_partner(a)
    assert [c.what for c in session.history] == ["Added partner", "Moved partner A", "Deleted partner A"]


def test_ratings_tiers_quarters_and_the_team():
    session = new_session()
    session.participants = []
    editor, seen = editor_for(session)
    partner = Partner(name="PwC")
    editor.add_partner(partner)
    editor.rate_partner(partner, "icp_overlap", 80)
    assert seen[-1] == PartnerRated("PwC", "icp_overlap")
    assert editor.rate_for_participant(partner, "Ana", "market_influence", 60)
    assert not editor.rate_for_participant(partner, "Ana", "market_influence", 60)
    assert partner.ratings.market_influence == 60  # the team mean
    editor.set_program_tier(partner, "gold")
    assert partner.stage is PartnerStage.SIGNED
    editor.add_quarter_result(partner, QuarterResult(quarter="2026-Q3"))
    editor.add_quarter_result(partner, QuarterResult(quarter="2026-Q1"))
    with pytest.raises(ValidationError):
        editor.set_quarter(partner, partner.results[1], "2026-Q3")  # that quarter is recorded
    assert partner.results[1].quarter == "2026-Q1"
    assert editor.order_quarters(partner)
    assert not editor.order_quarters(partner)
    assert [r.quarter for r in partner.results] == ["2026-Q1", "2026-Q3"]
    assert [c.what for c in session.history[-4:]] == [
        "PwC: program tier set to Gold (signed)", "PwC: added quarter 2026-Q3",
        "PwC: added quarter 2026-Q1", "PwC: quarters in order",
    ]


def test_decisions_roadmap_stamps_and_notes():
    session = new_session()
    editor, _ = editor_for(session)
    decision = Decision(id="D-001", capability="Payments")
    editor.add_record(session.decisions, decision, noun="decision", title="D-001")
    assert editor.answer(decision, "core_differentiation", True)
    assert not editor.answer(decision, "core_differentiation", True)
    editor.answer(decision, "build_time_months", 9)
    with pytest.raises(ValidationError):
        editor.answer(decision, "build_time_months", -1)
    items = session.roadmap.quarters[0].items
    launch = RoadmapItem(text="Launch")
    editor.add_record(items, launch, noun="Q1 roadmap item")
    editor.set_roadmap_item_done(0, launch, True)
    assert editor.move_roadmap_item(0, len(items) - 1, 2)
    assert session.roadmap.quarters[2].items[-1] is launch
    assert not editor.move_roadmap_item(0, 99, 2)  # no such item
    assert not editor.move_roadmap_item(2, 0, 4)  # there is no fifth quarter
    editor.mark_roadmap_reviewed(date(2026, 12, 1))
    editor.mark_competitor_map_refreshed(date(2026, 12, 1))
    note = ParkingNote(text="Ask Finance", phase=Phase.DECISIONS)
    editor.park_note(note)
    editor.set_note_resolved(note, True)
    assert session.roadmap.last_reviewed == session.mapping.competitor_map_refreshed == date(2026, 12, 1)
    assert [c.what for c in session.history] == [
        "Added decision D-001",
        "Decision D-001: core differentiation answered yes",
        "Decision D-001: build time months answered 9 months",
        "Added Q1 roadmap item",
        "Q1 item done",
        "Moved roadmap item from Q1 to Q3",
        "Roadmap reviewed",
        "Competitor map refreshed",
        "Parked a note",
        "Resolved a parked note",
    ]


def test_undo_restores_the_session_but_keeps_history_time_and_place():
    session = new_session()
    editor, seen = editor_for(session)
    earlier = session.model_copy(deep=True)
    editor.set_field(session.intake, "company_name", "Ledgerlight", label="Company name")
    editor.move_to(Phase.TIERS, 2)
    session.agenda[0].spent_seconds = 600
    restored = editor.restore(earlier, verb="Undone", description="Company name changed")
    assert editor.session is restored
    assert restored.intake.company_name == ""
    assert restored.position.phase is Phase.TIERS and restored.agenda[0].spent_seconds == 600
    assert [c.what for c in restored.history] == ["Company name changed", "Undone: Company name changed"]
    assert not editor.has_undo_description  # an undo is not itself an undo step
    assert seen[-1].describe() == "Undone: Company name changed"
