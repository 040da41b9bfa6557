"""Must-pass gates (issue 15 §1): kept outside the score, they keep a partner out of Priority."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from session_store import SessionFile, dump_session, parse_session
from session_store.errors import SessionError
from workshop.demo.build import build_demo
from workshop.export.markdown import export_markdown
from workshop.method.gates import add_gate, gated, remove_gate, set_check, verdict
from workshop.method.health import health_report
from workshop.method.models import SCHEMA_VERSION, Partner, Ratings, Session
from workshop.method.scoring import Band, ranked_partners

TODAY = date(2026, 12, 3)
FIXTURES = Path(__file__).parent / "fixtures"


def rated(value: float) -> Ratings:
    return Ratings(icp_overlap=value, market_influence=value, practice_alignment=value,
                   partnership_appetite=value, revenue_potential=value)


def session_with_gates() -> Session:
    session = Session()
    session.mapping.partners = [
        Partner(name="Star", ratings=rated(90)),
        Partner(name="[bold]Locked[/] | # x", ratings=rated(80)),
        Partner(name="Middle", ratings=rated(60)),
    ]
    icp = add_gate(session.mapping, "Serves our ICP")
    free = add_gate(session.mapping, "Not locked to a competitor")
    star, locked, middle = session.mapping.partners
    for partner in (star, locked):
        set_check(session.mapping, partner, icp, True)
    set_check(session.mapping, star, free, True)
    set_check(session.mapping, locked, free, False, "locked to Veritrail")
    set_check(session.mapping, middle, free, False)
    return session


def test_a_failed_gate_holds_a_priority_partner_but_never_changes_its_score() -> None:
    session = session_with_gates()
    rows = gated(ranked_partners(session.mapping.partners), session.mapping)
    star, locked, middle = rows
    assert (star.held, star.band, star.gates.clear) == (False, Band.PRIORITY, True)
    assert locked.row.score == 80 and locked.row.band is Band.PRIORITY  # the score's band, untouched
    assert locked.held and locked.band is Band.SECONDARY
    assert locked.gates.text == "✓ Serves our ICP · ✗ Not locked to a competitor (locked to Veritrail)"
    assert locked.sentence.startswith("Held out of Priority whatever it scores — fails “Not locked to a competitor”")
    assert not middle.held and middle.band is Band.SECONDARY  # gates only hold Priority partners
    assert middle.gates.unjudged[0].condition == "Serves our ICP"
    assert middle.gates.text == "? Serves our ICP (not judged) · ✗ Not locked to a competitor"  # in the gates' order


def test_a_gate_not_judged_yet_holds_too() -> None:
    session = Session()
    session.mapping.partners = [Partner(name="Star", ratings=rated(90))]
    add_gate(session.mapping, "Has a practice that maps to our product")
    (row,) = gated(ranked_partners(session.mapping.partners), session.mapping)
    assert row.held and "not judged yet: “Has a practice that maps to our product”" in row.sentence


def test_no_gates_change_nothing() -> None:
    session = build_demo()
    session.mapping.gates = []
    for partner in session.mapping.partners:
        partner.gate_checks = []
    rows = gated(ranked_partners(session.mapping.partners), session.mapping)
    assert not any(r.held for r in rows) and all(r.band is r.row.band for r in rows)


def test_the_demo_holds_pwc_locked_to_veritrail() -> None:
    session = build_demo()
    held = [r for r in gated(ranked_partners(session.mapping.partners), session.mapping) if r.held]
    assert [(r.row.partner.name, r.row.score_text) for r in held] == [("PwC", "76.0")]


def test_set_check_and_remove_gate() -> None:
    session = session_with_gates()
    star = session.mapping.partners[0]
    icp, free = session.mapping.gates
    set_check(session.mapping, star, icp, None)
    assert [c.gate for c in star.gate_checks] == [free.id]
    set_check(session.mapping, star, icp, False, "retail only")
    assert [c.gate for c in star.gate_checks] == [icp.id, free.id]  # in the gates' order
    remove_gate(session.mapping, free)
    assert all(c.gate != free.id for p in session.mapping.partners for c in p.gate_checks)
    assert [g.condition for g in session.mapping.gates] == ["Serves our ICP"]
    assert verdict(star, session.mapping.gates).failed[0][1] == "retail only"


def test_health_and_export_show_the_held_partner() -> None:
    session = session_with_gates()
    findings = [f for f in health_report(session, TODAY).findings if f.key == "mapping.gate_held"]
    assert [f.where for f in findings] == ["Partner landscape › [bold]Locked[/] | # x"]
    assert "scores 80.0 (Priority) but fails the gate “Not locked to a competitor”" in findings[0].message
    text = export_markdown(session, today=TODAY)
    assert "#### Must-pass gates" in text and "- Serves our ICP" in text
    # hostile text literal: the pipe is escaped inside the table
    assert "| \\[bold]Locked[/] \\| # x | 80.0 |" in text
    assert "**Held out of Priority whatever it scores" in text


def test_gates_round_trip_and_a_dangling_check_is_refused() -> None:
    session = session_with_gates()
    text = dump_session(session)
    assert "gates = [" in text
    assert parse_session(text, "s.toml").mapping.gates == session.mapping.gates
    broken = text.replace(f'gate = "{session.mapping.gates[0].id}"', 'gate = "nope"', 1)
    with pytest.raises(SessionError, match="gate check for gate 'nope', which is not in mapping.gates"):
        parse_session(broken, "s.toml")


def test_blank_gate_is_refused() -> None:
    with pytest.raises(ValueError, match="a gate needs its condition in words"):
        add_gate(Session().mapping, "   ")


def test_a_version_4_file_loads_with_no_gates(tmp_path: Path) -> None:
    old = (FIXTURES / "demo_v4.toml").read_text("utf-8")
    assert "schema_version = 4\n" in old and "gates" not in old
    path = tmp_path / "old.toml"
    path.write_text(old, "utf-8")
    opened = SessionFile.open(path)
    assert opened.session.schema_version == SCHEMA_VERSION and opened.session.mapping.gates == []
    opened.save(opened.session)
    assert f"schema_version = {SCHEMA_VERSION}\n" in path.read_text("utf-8")
    assert opened.backup.read_text("utf-8") == old


def test_the_gap_list_says_a_held_partner_is_held() -> None:
    from workshop.method.competitors import ecosystem

    session = session_with_gates()
    lines = ecosystem(session.mapping).gap_lines
    assert any(line.startswith("[bold]Locked[/] | # x (available, score 80.0, priority by score, held out of "
                               "Priority by a must-pass gate)") for line in lines)
    assert any(line.startswith("Star (available, score 90.0, priority recruitment target)") for line in lines)
