"""Key results' structured measure against the economics (issue 15, section 2), and its migration."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from session_store import SessionFile, dump_session, parse_session
from session_store.migrations import MIGRATIONS
from workshop.method.defaults import new_session
from workshop.method.health import health_report
from workshop.method.kr_checks import kr_economics_findings, measure_from_text, measure_text
from workshop.method.models import SCHEMA_VERSION, KeyResult, MeasureKind, Objective, Phase, Session

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 25)


def planned() -> Session:
    """The method's numbers: ARR $20M -> $50M by 2029 (3 years), 30 % from partners, win rate 25 %,
    the default tiers (Platinum $2M minimum, 50 % of the pipeline)."""
    s = new_session()
    s.intake.current_arr, s.intake.target_arr, s.intake.target_year = 20_000_000, 50_000_000, 2029
    s.thesis.statement.partner_share_pct, s.thesis.statement.years = 30, 3
    return s


def with_kr(session: Session, **fields) -> Session:
    session.objectives = [Objective(text="Partners", key_results=[KeyResult(text="KR", **fields)])]
    return session


def test_the_measure_keeps_the_text_and_round_trips() -> None:
    kr = KeyResult(text="Sign 3 Platinum partners by 2027-09-30", measure=MeasureKind.PLATINUM_PARTNERS,
                   measure_value=3, due=date(2027, 9, 30))
    assert kr.unit == "partners" and measure_text(kr) == "3 partners (platinum partners signed)"
    session = with_kr(new_session(), **kr.model_dump(exclude={"text"}))
    assert parse_session(dump_session(session), "t.toml").objectives == session.objectives
    with pytest.raises(ValidationError, match="counts in 'partners', not '\\$'"):
        KeyResult(text="x", measure=MeasureKind.PLATINUM_PARTNERS, measure_value=3, measure_unit="$")
    webinars = KeyResult(text="Run 4 webinars", measure=MeasureKind.COUNT, measure_value=4, measure_unit="webinars")
    assert measure_text(webinars) == "4 webinars (another number)"


def test_fewer_platinum_partners_than_the_economics_need_is_flagged() -> None:
    """Pipeline per year $15M / 3 / 25 % = $20M; Platinum 50 % of it / $2M = 5 partners."""
    session = with_kr(planned(), measure=MeasureKind.PLATINUM_PARTNERS, measure_value=3)
    [found] = kr_economics_findings(session)
    assert found.message.startswith("KR1.1 aims at 3 Platinum partners, but the economics need 5 partners")
    assert "annual pipeline $20,000,000, Platinum share 50%, Platinum pipeline minimum $2,000,000" in found.message
    assert (found.key, found.phase, found.where) == ("okr.economics", Phase.OKRS, "KR1.1 “KR”")
    assert kr_economics_findings(with_kr(planned(), measure=MeasureKind.PLATINUM_PARTNERS, measure_value=5)) == []
    assert kr_economics_findings(with_kr(planned(), measure=MeasureKind.PLATINUM_PARTNERS, measure_value=8)) == []


def test_pipeline_arr_and_share_against_the_plan() -> None:
    pipeline = with_kr(planned(), measure=MeasureKind.PARTNER_PIPELINE, measure_value=12_000_000, due=date(2028, 12, 31))
    [found] = kr_economics_findings(pipeline)
    assert found.message == ("KR1.1 aims at $12,000,000 of partner-sourced pipeline, but the economics need "
                             "$20,000,000 (pipeline needed, 2028).")
    arr = with_kr(planned(), measure=MeasureKind.PARTNER_ARR, measure_value=9_000_000, due=date(2028, 12, 31))
    [found] = kr_economics_findings(arr)  # the plan reaches $15M x 2/3 = $10M by the end of 2028
    assert "but the plan reaches $10,000,000 (partner-sourced arr, 2028)" in found.message
    share = with_kr(planned(), measure=MeasureKind.PARTNER_ARR_SHARE, measure_value=20, due=date(2029, 12, 31))
    [found] = kr_economics_findings(share)
    assert found.message == "KR1.1 aims at 20% of ARR from partners, but the thesis promises 30%."
    earlier = with_kr(planned(), measure=MeasureKind.PARTNER_ARR_SHARE, measure_value=10, due=date(2027, 12, 31))
    assert kr_economics_findings(earlier) == []  # a year on the way: the total ARR then is not known


def test_a_key_result_that_reads_like_a_target_but_has_no_measure() -> None:
    session = with_kr(planned())
    session.objectives[0].key_results[0].text = "Sign 3 Platinum partners by Q3"
    [found] = kr_economics_findings(session)
    assert "reads like a target of platinum partners signed but has no measure" in found.message


def test_the_demo_flags_sign_3_platinum_against_6_needed() -> None:
    from session_store import load_session
    from tests.app_harness import BUNDLED_DEMO

    report = health_report(load_session(BUNDLED_DEMO), TODAY)
    messages = [f.message for f in report.findings if f.key == "okr.economics"]
    assert messages[0].startswith("KR1.1 aims at 3 Platinum partners, but the economics need 6 partners")
    assert messages[1].startswith("KR1.2 aims at $12,000,000 of partner-sourced pipeline, but the economics need $21,000,000")


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("Sign 3 Platinum partners by Sep 30, 2027", MeasureKind.PLATINUM_PARTNERS, 3),
    ("Sign 2 Gold partners from boutique consultancy tier", MeasureKind.GOLD_PARTNERS, 2),
    ("Achieve $12M in partner-sourced pipeline by end of 2027", MeasureKind.PARTNER_PIPELINE, 12_000_000),
    ("$1,500,000 of partner-sourced ARR", MeasureKind.PARTNER_ARR, 1_500_000),
    ("Partners drive 30% of ARR", MeasureKind.PARTNER_ARR_SHARE, 30),
    ("Reach 60 certified partner individuals across all tiers", MeasureKind.CERTIFIED_INDIVIDUALS, 60),
])
def test_measures_read_from_text(text: str, kind: MeasureKind, value: float) -> None:
    read = measure_from_text(text)
    assert read is not None and (read.kind, read.value) == (kind, value)


def test_texts_with_no_measure_the_economics_check() -> None:
    for text in ("Partner NPS score ≥ 45", "Complete QBRs with 100% of Platinum and Gold partners",
                 "[bold]X[/] | # x", "Launch partner portal"):
        assert measure_from_text(text) is None


def test_a_version_3_file_gets_the_measures_its_texts_state(tmp_path: Path) -> None:
    old = (FIXTURES / "demo_v3.toml").read_text("utf-8")
    assert "schema_version = 3\n" in old and "measure" not in old
    path = tmp_path / "v3.toml"
    path.write_text(old, "utf-8")
    session = SessionFile.open(path).session
    assert session.schema_version == SCHEMA_VERSION
    krs = session.objectives[0].key_results
    assert [(kr.measure, kr.measure_value) for kr in krs] == [
        (MeasureKind.PLATINUM_PARTNERS, 3), (MeasureKind.PARTNER_PIPELINE, 12_000_000),
        (MeasureKind.CERTIFIED_INDIVIDUALS, 60), (None, None),
    ]
    assert krs[0].text == "Sign 3 Platinum partners by Sep 30, 2027"  # the text is kept
    assert len(session.audit) == 6  # the older trail is kept as it is
    # a measure set by hand in a file is never replaced by what the text says
    data = {"objectives": [{"key_results": [{"text": "Sign 3 Platinum partners", "measure": "count",
                                             "measure_value": 9.0}]}]}
    assert MIGRATIONS[3](data)["objectives"][0]["key_results"][0]["measure_value"] == 9.0
