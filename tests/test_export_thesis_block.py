"""The machine-readable partnership_thesis block (issue 15 §4): in the export's appendix as
YAML, alone with ``export --format yaml`` / ``--format json``; every field checked against the
session, and any text read back exactly (PyYAML, a test dependency, reads it)."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import BUNDLED_DEMO
from tests.test_export import _fill, full_session
from tests.test_export_markdown_text import HOSTILE
from workshop import cli
from workshop.method.decision_rules import assess_decision
from workshop.method.economics import partner_economics
from workshop.export.markdown import export_markdown
from workshop.method.models import RATIONALE_FIELDS, PartnerStage, Session
from workshop.method.placeholders import tier_benefits
from workshop.export.thesis_block import partnership_thesis, to_json, to_yaml, yaml_string

FIELDS = [
    "why_partners", "partnership_model", "target_markets_via_partners", "partner_revenue_goal",
    "partner_tiers", "build_vs_partner_decisions", "okrs",
]


def _blank_is_none(text: str) -> str | None:
    return text if text.strip() else None


def check_against(block: dict, session: Session, today: date) -> None:
    """Every field of the block, compared with the session (and the engine where it computes)."""
    thesis = block["partnership_thesis"]
    assert all(name in thesis for name in FIELDS)
    assert thesis["as_of"] == today.isoformat()
    assert thesis["company"] == _blank_is_none(session.intake.company_name)
    rationale = session.thesis.rationale
    assert thesis["why_partners"] == [
        {"gap": label, "question": question, "answer": _blank_is_none(getattr(rationale, field))}
        for field, (label, question) in RATIONALE_FIELDS.items()
    ]
    selected = [m for m in session.thesis.models if m.selected]
    assert [m["name"] for m in thesis["partnership_model"]] == [m.name for m in selected]
    prioritized = {name.strip() for name in session.thesis.statement.prioritized_models}
    assert [m["prioritized"] for m in thesis["partnership_model"]] == [m.name.strip() in prioritized for m in selected]
    st_ = session.thesis.statement
    markets = thesis["target_markets_via_partners"]
    assert (markets["partner_types"], markets["icp"], markets["markets"]) == tuple(
        _blank_is_none(v) for v in (st_.partner_types, st_.icp, st_.markets)
    )
    assert markets["growth_markets"] == [m for m in session.intake.growth_markets if m.strip()]
    economics = partner_economics(session)
    sourced = thesis["partner_revenue_goal"]["sourced"]
    assert sourced["share_of_arr_pct"] == st_.partner_share_pct and sourced["horizon_years"] == st_.years
    assert sourced["partner_sourced_arr"] == economics.partner_arr_target.value
    assert sourced["pipeline_needed"] == economics.pipeline_total.value
    assert sourced["target_arr"] == session.intake.target_arr
    assert thesis["partner_revenue_goal"]["influenced"] is None  # the session records no such goal
    tiers = thesis["partner_tiers"]
    assert [t["name"] for t in tiers] == [getattr(t.name, "label", t.name) for t in session.tiers.tiers]
    for written, tier in zip(tiers, session.tiers.tiers):
        assert written["benefits"] == tier_benefits(tier.benefits, tier.mdf_per_year)
        assert written["commitments"] == tier.commitments
        assert (written["pipeline_min"], written["pipeline_max"], written["mdf_per_year"]) == (
            tier.pipeline_min, tier.pipeline_max, tier.mdf_per_year,
        )
        assert written["partners_signed"] == [
            p.name for p in session.mapping.partners if p.stage is PartnerStage.SIGNED and p.program_tier == tier.id
        ]
    decisions = thesis["build_vs_partner_decisions"]
    assert [d["id"] for d in decisions] == [d.id for d in session.decisions]
    for written, decision in zip(decisions, session.decisions):
        assessed = assess_decision(decision)
        assert written["capability"] == decision.capability
        assert written["decision"] == (decision.decision.value.upper() if decision.decision else None)
        assert written["final"] is assessed.is_final
        assert written["partner_considered"] == _blank_is_none(decision.partner_considered)
    assert [o["objective"] for o in thesis["okrs"]] == [o.text for o in session.objectives]
    for written, objective in zip(thesis["okrs"], session.objectives):
        assert [k["text"] for k in written["key_results"]] == [kr.text for kr in objective.key_results]
        assert [k["kind"] for k in written["key_results"]] == [
            kr.kind.value if kr.kind else None for kr in objective.key_results
        ]
        assert [k["owner"] for k in written["key_results"]] == [_blank_is_none(kr.owner) for kr in objective.key_results]


def test_the_demo_block_alone_in_yaml_and_json(demo_session: Session, tmp_path: Path, capsys) -> None:
    day = demo_session.updated.date()
    out = tmp_path / "thesis.yaml"
    assert cli.main(["export", str(BUNDLED_DEMO), "--format", "yaml", "-o", str(out)]) == 0
    block = yaml.safe_load(out.read_text("utf-8"))
    check_against(block, demo_session, day)
    assert block["partnership_thesis"]["signed_off"] == {"by": "Maya Okafor", "role": "CEO", "signed_on": "2026-11-24"}
    capsys.readouterr()
    assert cli.main(["export", str(BUNDLED_DEMO), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == block
    assert cli.main(["export", str(BUNDLED_DEMO), "--format", "yaml", "--template", "x.j2"]) == 1
    assert "shapes the Markdown only" in capsys.readouterr().err


def test_the_blueprint_appendix_holds_the_same_block(demo_session: Session) -> None:
    markdown = export_markdown(demo_session)
    [fenced] = re.findall(r"^```yaml\n(.*?)^```$", markdown, re.MULTILINE | re.DOTALL)
    assert yaml.safe_load(fenced) == partnership_thesis(demo_session, demo_session.updated.date())
    assert "### G. Machine-readable thesis" in export_markdown(demo_session, audience="board")


def test_hostile_text_in_every_field_reads_back_exactly() -> None:
    for offset in range(0, len(HOSTILE), 13):
        session = full_session()
        _fill(session, itertools.cycle([s for s in HOSTILE[offset:] + HOSTILE[:offset] if s.strip()]))
        data = partnership_thesis(session, date(2026, 11, 25))
        assert yaml.safe_load(to_yaml(data)) == data
        assert json.loads(to_json(data)) == data
        check_against(yaml.safe_load(to_yaml(data)), session, date(2026, 11, 25))
        # the block inside the Markdown is one fenced block: no text closes it
        markdown = export_markdown(session)
        assert len(re.findall(r"^```yaml$", markdown, re.MULTILINE)) == 1


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=80))
def test_any_string_is_one_yaml_line_that_reads_back(value: str) -> None:
    written = yaml_string(value)
    assert "\n" not in written and "\r" not in written
    assert yaml.safe_load(f"key: {written}\n") == {"key": value}


def test_strings_that_look_like_other_things_stay_strings() -> None:
    for value in ["yes", "no", "null", "~", "1e3", "0x1F", "2026-11-25", "- x", "? y", "&a", "*a", "!!python/object", "%YAML"]:
        assert yaml.safe_load(f"k: {yaml_string(value)}\n") == {"k": value}


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_every_key_is_a_plain_name_no_yaml_reads_as_something_else(demo_session: Session) -> None:
    # "on" was a key once: YAML 1.1 (PyYAML) read it as True.
    keys = _keys(partnership_thesis(demo_session, date(2026, 11, 25)))
    assert all(re.fullmatch(r"[a-z][a-z_]*", key) for key in keys)
    assert not keys & {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
