"""The session's scoring weights (issue 18): the method's by default, the team's when changed —
adding up to 100 %, shown beside the scores and in the export, with a warning; kept in the file
(schema 3, migrated from version 2)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from pydantic import ValidationError

from session_store import SessionFile, dump_session, parse_session
from session_store.errors import SessionError
from workshop.demo.build import build_demo
from workshop.export.markdown import export_markdown
from workshop.method.health import health_report
from workshop.method.models import SCHEMA_VERSION, Partner, Ratings, ScoringWeights, Session
from workshop.method.scoring import Band, attractiveness, band_for, ranked_partners, weighting, weights_check

TODAY = date(2026, 12, 3)
FIXTURES = Path(__file__).parent / "fixtures"
EDGE = Ratings(icp_overlap=75, market_influence=74, practice_alignment=75, partnership_appetite=75, revenue_potential=77)
TEAM = dict(icp_overlap=40.0, market_influence=15.0, practice_alignment=20.0, partnership_appetite=15.0,
            revenue_potential=10.0)


def test_the_default_weights_are_the_methods() -> None:
    weights = Session().mapping.weights
    assert weights.percents() == (30.0, 25.0, 20.0, 15.0, 10.0)
    assert weights.is_method and weighting(weights).is_method
    assert attractiveness(EDGE, weights) == attractiveness(EDGE) == Fraction("74.95")


def test_team_weights_change_the_score_exactly() -> None:
    weights = ScoringWeights(**TEAM)
    # 0.40*75 + 0.15*74 + 0.20*75 + 0.15*75 + 0.10*77 = 30 + 11.1 + 15 + 11.25 + 7.7 = 75.05
    assert attractiveness(EDGE, weights) == Fraction("75.05")
    assert band_for(attractiveness(EDGE, weights)) is Band.PRIORITY
    assert not weights.is_method
    assert weighting(weights).text == "40/15/20/15/10"
    ranked = ranked_partners([Partner(name="Edge", ratings=EDGE)], weights)
    assert ranked[0].band is Band.PRIORITY and ranked[0].score_text == "75.1"


def test_weights_with_decimals_add_up_exactly() -> None:
    weights = ScoringWeights(icp_overlap=33.3, market_influence=33.3, practice_alignment=33.4,
                             partnership_appetite=0, revenue_potential=0)
    r = Ratings(icp_overlap=100, market_influence=0, practice_alignment=0, partnership_appetite=50, revenue_potential=50)
    assert attractiveness(r, weights) == Fraction("33.3")


def test_weights_must_add_up_to_100() -> None:
    with pytest.raises(ValidationError, match="must add up to 100 % \\(they add up to 110 %\\)"):
        ScoringWeights(icp_overlap=40)
    weights = ScoringWeights()
    with pytest.raises(ValidationError):
        weights.icp_overlap = 35  # one weight alone cannot change: the five move together
    assert weights.icp_overlap == 30.0 and weights.is_method


def test_weights_check_says_what_is_missing() -> None:
    applied, message = weights_check(TEAM | {"icp_overlap": 30.0})
    assert applied is None and "add up to 90 % (10 % still to place)" in message
    applied, message = weights_check(TEAM | {"icp_overlap": 50.0})
    assert applied is None and "110 % (10 % too many)" in message
    applied, message = weights_check(TEAM | {"market_influence": None})
    assert applied is None and "market influence" in message
    applied, message = weights_check(TEAM)
    assert applied == ScoringWeights(**TEAM) and "differ from the method's 30/25/20/15/10" in message


def test_team_weights_are_a_health_warning_and_in_the_export() -> None:
    session = build_demo()
    assert "mapping.weights" not in [f.key for f in health_report(session, TODAY).findings]
    text = export_markdown(session, today=TODAY)
    assert "Weights: the method's — ICP client overlap 30 %" in text
    assert "| ICP client overlap (30%) |" in text

    session.mapping.weights = ScoringWeights(**TEAM)
    found = {f.key: f for f in health_report(session, TODAY).findings}
    assert "40/15/20/15/10" in found["mapping.weights"].message
    assert found["mapping.weights"].where == "Scoring weights"
    text = export_markdown(session, today=TODAY)
    assert "**Warning: these scores use weights set by the team, not the method's.**" in text
    assert "| ICP client overlap (40%) |" in text


def test_weights_round_trip_through_the_file() -> None:
    session = Session()
    session.mapping.weights = ScoringWeights(**TEAM | {"icp_overlap": 37.5, "market_influence": 17.5})
    text = dump_session(session)
    assert "[mapping.weights]\nicp_overlap = 37.5\n" in text
    assert parse_session(text, "s.toml").mapping.weights == session.mapping.weights


def test_a_file_whose_weights_do_not_add_up_is_refused_clearly() -> None:
    text = dump_session(Session()).replace("icp_overlap = 30.0\n", "icp_overlap = 35.0\n", 1)
    with pytest.raises(SessionError, match="mapping.weights: .*must add up to 100 % \\(they add up to 105 %\\)"):
        parse_session(text, "s.toml")


def test_a_version_2_file_loads_with_the_methods_weights(tmp_path: Path) -> None:
    old = (FIXTURES / "demo_v2.toml").read_text("utf-8")
    assert "schema_version = 2\n" in old and "[mapping.weights]" not in old
    path = tmp_path / "old.toml"
    path.write_text(old, "utf-8")
    opened = SessionFile.open(path)
    assert opened.session.schema_version == SCHEMA_VERSION
    assert opened.session.mapping.weights.is_method
    assert len(opened.session.mapping.partners) == len(build_demo().mapping.partners)
    opened.save(opened.session)
    saved = path.read_text("utf-8")
    assert f"schema_version = {SCHEMA_VERSION}\n" in saved and "[mapping.weights]" in saved
    assert opened.backup.read_text("utf-8") == old


def test_the_export_summary_says_the_weights_are_the_teams() -> None:
    session = build_demo()
    assert "Scores use the team's weights" not in export_markdown(session, today=TODAY)
    session.mapping.weights = ScoringWeights(**TEAM)
    text = export_markdown(session, today=TODAY)
    summary = text[: text.index("**Decisions.**")]
    assert "Scores use the team's weights 40/15/20/15/10, not the method's 30/25/20/15/10 (see 2.2)." in summary
