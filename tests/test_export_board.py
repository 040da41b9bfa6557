"""What a board notices first in the export (issue 21): no raw HTML in cells, no method
placeholders passed off as content, contradictions that name their partner, and the team's
working notes in an appendix a board version leaves out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_DEMO
from tests.test_export_support import parse, tables
from workshop import cli
from workshop.method.defaults import new_session
from workshop.export.markdown import ExportError, export_markdown
from workshop.method.health import analyse_map, health_report
from workshop.method.models import Phase, Session

DAY = date(2026, 11, 25)


def test_the_demo_export_has_no_html_line_break(demo_session: Session) -> None:
    # 18 cells used <br>: renderers that drop raw HTML ran the items together.
    markdown = export_markdown(demo_session)
    assert "<br>" not in markdown
    tier_table = next(t for t in tables(parse(markdown)) if t.header[0] == "Tier")
    platinum = tier_table.rows[0]
    assert "Dedicated Partner Account Manager (PAM); Top MDF allocation ($150,000/yr); " in platinum[5]


def test_a_method_placeholder_is_still_empty_until_the_tier_figure_fills_it() -> None:
    session = new_session()
    tiers = health_report(session, DAY).completeness[Phase.TIERS]
    assert "Platinum tier (“Top MDF allocation ($[X]/yr)” still has a placeholder)" in tiers.missing
    assert "Top MDF allocation (\\$[X]/yr)" in export_markdown(session, today=DAY)  # "$[" is no money

    platinum = session.tiers.tier("platinum")
    gold = session.tiers.tier("gold")
    assert platinum is not None and gold is not None
    platinum.mdf_per_year, gold.mdf_per_year = 150_000, 40_000
    tiers = health_report(session, DAY).completeness[Phase.TIERS]
    assert not [m for m in tiers.missing if "placeholder" in m]
    markdown = export_markdown(session, today=DAY)
    assert "Top MDF allocation ($150,000/yr)" in markdown and "MDF allocation ($40,000/yr)" in markdown
    assert "[X]" not in markdown.split("### 3.1")[1].split("### 3.2")[0].replace("\\", "")
    assert platinum.benefits[1] == "Top MDF allocation ($[X]/yr)"  # the session is not changed


def test_placeholders_in_okrs_and_roadmap_count_as_empty() -> None:
    session = new_session()
    okrs = health_report(session, DAY).completeness[Phase.OKRS]
    assert any(m.startswith("an objective (“Establish a world-class") for m in okrs.missing)
    assert any(m.startswith("KR1.1: target (“Sign [N] Platinum") for m in okrs.missing)
    for objective in session.objectives:
        objective.text = "Grow the channel"
        for kr in objective.key_results:
            kr.text, kr.target, kr.owner = "Sign 3 partners", "3", "Priya"
    for quarter in session.roadmap.quarters:
        for item in quarter.items:
            item.text = item.text.replace("$[X]", "$2M").replace("[X]%", "20%")
    after = health_report(session, DAY).completeness[Phase.OKRS]
    assert after.total == okrs.total  # the same checks, now filled
    assert not [m for m in after.missing if "placeholder" in m]


def test_contradictions_name_the_partner(demo_session: Session) -> None:
    markdown = export_markdown(demo_session)
    block = markdown.split("Contradictions to resolve:\n\n")[1].split("\n\n")[0].splitlines()
    assert block and all(line.startswith("- ") for line in block)
    named = [m for m in analyse_map(demo_session, DAY).movements if m.contradiction]
    assert [line.split(":")[0] for line in block] == [f"- {m.partner.name}" for m in named]


def test_the_board_version_leaves_out_the_team_notes(demo_session: Session, tmp_path: Path, capsys) -> None:
    team = export_markdown(demo_session)
    board = export_markdown(demo_session, audience="board")
    assert demo_session.id in team and "Where to fix it" in team
    assert demo_session.id not in board and "Where to fix it" not in board
    assert "Schema version" not in board and "### H. For the team" not in board
    assert board == team[: team.index("### H. For the team")].rstrip("\n") + "\n"
    with pytest.raises(ExportError, match="no such audience"):
        export_markdown(demo_session, audience="investors")
    out = tmp_path / "board.md"
    assert cli.main(["export", str(BUNDLED_DEMO), "--for", "board", "-o", str(out)]) == 0
    assert out.read_text("utf-8") == board
