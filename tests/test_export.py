"""The Markdown blueprint: sections, tables, empty sections, determinism, templates, hostile text."""

from __future__ import annotations

import itertools
import typing
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from tests.test_export_markdown_text import HOSTILE
from tests.test_export_support import all_text, headings, parse, tables
from workshop.method import models
from workshop.method.defaults import new_session
from workshop.method.economics import partner_economics
from workshop.export.markdown import ExportError, export_markdown
from workshop.export.markdown_text import visible_text
from workshop.method.models import (
    RATING_FIELDS,
    Change,
    Competitor,
    Decision,
    DecisionAnswers,
    DecisionChoice,
    ExecSponsor,
    LandscapeTier,
    LockStatus,
    ParkingNote,
    Participant,
    Partner,
    PartnerStage,
    PartnerType,
    Phase,
    QuarterResult,
    Ratings,
    Session,
    SignOff,
)
from workshop.method.scoring import ranked_partners

UTC = timezone.utc
TODAY = date(2026, 11, 20)

SECTIONS = [
    "Executive summary",
    "Phase 1 — Partnership Thesis",
    "Phase 2 — Market Mapping",
    "Phase 3 — Partner Tier Framework",
    "Phase 4 — Build vs. Partner vs. Acquire Decisions",
    "Phase 5 — Partnership OKRs & Roadmap",
    "Phase 6 — Partnership Governance",
    "Appendix",
]
APPENDIX = ["A. Health report", "B. Partner economics", "C. Parking lot", "D. Individual ratings",
            "E. Agenda: time spent", "F. Audit trail", "G. Machine-readable thesis", "H. For the team: where to fix it, and the session record"]


def full_session() -> Session:
    """Every section of the blueprint filled in, every kind of user text present."""
    s = new_session(title="FinServ offsite", facilitator="Fran Facilitator")
    s.created = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    s.updated = datetime(2026, 11, 20, 17, 30, tzinfo=UTC)
    s.participants = [Participant(name="Val VP", role="VP Partnerships"), Participant(name="Cy CRO")]
    s.intake = models.Intake(
        company_name="Acme Ledger",
        description="Reconciliation SaaS",
        product_category="Fintech",
        current_arr=20_000_000,
        target_arr=60_000_000,
        target_year=2029,
        icps=["Mid-market banks"],
        growth_markets=["UK", "DACH"],
        board_priorities=["Enter financial services"],
        existing_partnerships=["Snowflake"],
    )
    s.thesis.rationale.market_velocity_gap = "Bank sales cycles are 18 months"
    s.thesis.rationale.credibility_gap = "Banks buy from the Big 4"
    s.thesis.models[2].selected = True
    s.thesis.models[2].use_case = "Tier-1 banks"
    s.thesis.models[2].why = "Access"
    st_ = s.thesis.statement
    st_.partner_share_pct = 30
    st_.years = 3
    st_.partner_types = "Big 4 and boutiques"
    st_.icp = "mid-market banks"
    st_.markets = "UK and DACH"
    st_.prioritized_models = ["co-sell", "implementation"]
    st_.rationale = "banks buy through advisors"
    st_.mechanism = "warm introductions"
    st_.access_partners = "Deloitte"
    st_.product_partners = "Snowflake"
    st_.adjacent_use_cases = "audit"
    st_.north_star_metric = "partner-sourced ARR"
    s.thesis.signoff = SignOff(name="Val VP", role="VP", signed_at=datetime(2026, 10, 1, tzinfo=UTC))
    full = Ratings(
        icp_overlap=90, market_influence=80, practice_alignment=70, partnership_appetite=60,
        revenue_potential=50,
    )
    s.mapping.partners = [
        Partner(id="p1", name="Deloitte", type=PartnerType.BIG4, landscape_tier=LandscapeTier.A,
                practice="Risk", notes="Warm", ratings=full, stage=PartnerStage.SIGNED,
                program_tier="gold",
                results=[QuarterResult(quarter="2026-Q3", pipeline=600_000, certified_individuals=3,
                                       last_pipeline_activity=date(2026, 9, 1))]),
        Partner(id="p2", name="Boutique Co", landscape_tier=LandscapeTier.B,
                ratings=Ratings(icp_overlap=40, market_influence=40, practice_alignment=40,
                                partnership_appetite=40, revenue_potential=40),
                lock_status=LockStatus.LOCKED, locked_to="RivalSoft"),
        Partner(id="p3", name="Unscored LLC", landscape_tier=LandscapeTier.C),
    ]
    s.mapping.competitors = [
        Competitor(name="RivalSoft", key_partners=["Boutique Co", "KPMG"], model="Reseller",
                   perceived_strength="Price"),
    ]
    s.mapping.gap_notes = "KPMG is under-served"
    s.mapping.counter_strategy = "Approach KPMG's alliances"
    s.mapping.competitor_map_refreshed = date(2026, 9, 1)
    s.decisions = [
        Decision(id="D-001", capability="Bank connectors",
                 answers=DecisionAnswers(adjacent_complementary=True, strong_partner_serves_icp=True,
                                         partner_economics_positive=True),
                 decision=DecisionChoice.PARTNER, rationale="Faster", partner_considered="Deloitte",
                 finance_input="Margin positive", finance_reviewer="CFO",
                 decided_on=date(2026, 10, 1)),
    ]
    s.objectives[0].key_results[0].target = "3"
    s.objectives[0].key_results[0].owner = "Val"
    s.roadmap.year = 2027
    s.roadmap.last_reviewed = date(2026, 10, 15)
    s.roadmap.quarters[0].items[0].done = True
    s.governance.exec_map = [
        ExecSponsor(partner="Deloitte", partner_executive="VP Alliance", our_counterpart="CPO",
                    cadence="Monthly"),
    ]
    s.parking_lot = [
        ParkingNote(text="Ask legal about JV", phase=Phase.DECISIONS,
                    created=datetime(2026, 11, 2, tzinfo=UTC)),
    ]
    s.history = [Change(what="Scored Deloitte", who="Val", when=datetime(2026, 11, 3, tzinfo=UTC))]
    return s


# --------------------------------------------------------------------------- structure


def _sections(markdown: str) -> list[str]:
    return [text for level, text in headings(parse(markdown)) if level == 2]


# Each table's column count, in document order, for full_session().
FULL_TABLE_COLUMNS = [
    2,  # executive summary: the goal and the pipeline it needs
    4,  # executive summary: top partners, score, band, tier
    6,  # 1.2 selected models
    9,  # 2.2 scoring: rank, partner, five ratings, score, band
    10,  # 2.2 why each score: partner, five contributions, exact score, band lines, moves up and down
    4,  # 2.2 weight sensitivity: weight change, weights, band changes, rank flips
    4,  # 2.3 competitors
    7,  # 3.1 tiers
    6,  # 3.1 countable commitments, pipeline share, exit months
    5,  # 3.3 tier actions
    7,  # 6.1 RACI: decision + six roles
    4,  # 6.2 executive map
    3,  # A. quality rules (where to fix them: appendix H)
    3,  # A. other findings
    3,  # A. completeness
    5,  # B. economics by year
    4,  # B. figures with inputs
    3,  # E. agenda: phase, planned, spent
    3,  # G. where to fix it: finding, status, place
]


def test_sections_come_in_the_method_order() -> None:
    markdown = export_markdown(full_session())
    tokens = parse(markdown)
    assert headings(tokens)[0][0] == 1
    assert _sections(markdown) == SECTIONS
    level3 = [text for level, text in headings(tokens) if level == 3]
    assert level3[-len(APPENDIX):] == APPENDIX
    assert [t for t in level3 if t[:3] in ("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2",
                                            "3.3", "5.1", "5.2", "6.1", "6.2")] == [
        t for t in level3 if t[:3][0].isdigit()
    ]


def test_tables_and_their_columns() -> None:
    found = tables(parse(export_markdown(full_session())))
    assert [t.columns for t in found] == FULL_TABLE_COLUMNS
    for table in found:
        assert all(len(row) == table.columns for row in table.rows)


def test_scoring_table_is_sorted_and_matches_the_engine() -> None:
    session = full_session()
    scoring = tables(parse(export_markdown(session)))[3]
    ranked = ranked_partners(session.mapping.partners)
    assert [row[1] for row in scoring.rows] == [r.partner.name for r in ranked]
    assert [row[7] for row in scoring.rows] == ["75.0", "40.0", "—"]
    assert scoring.rows[0][8] == "Priority recruitment target"
    assert scoring.rows[0][2:7] == ["90", "80", "70", "60", "50"]


def test_numbers_are_right_aligned_and_money_is_formatted() -> None:
    markdown = export_markdown(full_session())
    assert "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |" in markdown
    economics = partner_economics(full_session())
    text = "\n".join(all_text(parse(markdown)))
    assert economics.partner_arr_target.text == "$18,000,000"
    goal = tables(parse(markdown))[0]
    assert ["Partner-sourced ARR target", economics.partner_arr_target.text] in goal.rows
    assert "$2,000,000+" in text


def test_status_final_only_when_signed_and_no_rule_fails() -> None:
    session = full_session()
    assert "**Status: FINAL**" in export_markdown(session, today=TODAY)
    session.thesis.signoff = None
    assert "**Status: DRAFT** — the thesis is not signed off" in export_markdown(session, today=TODAY)
    session = full_session()
    session.roadmap.last_reviewed = None
    assert "failing quality rule: Roadmap revisited quarterly" in export_markdown(session)


def test_roadmap_items_are_ticked_and_kr_kinds_marked() -> None:
    markdown = export_markdown(full_session())
    assert "- [x] Finalize partnership thesis and tier framework" in markdown
    assert "- [ ] Sign first Platinum partner agreement" in markdown
    assert "- Lagging: Sign [N] Platinum partners by [date]; target 3; owner Val" in markdown
    assert "- Leading: " in markdown


def test_decision_log_in_the_method_form_with_matching_rules() -> None:
    text = "\n".join(all_text(parse(export_markdown(full_session()))))
    assert "Decision D-001: Bank connectors" in text
    assert "Decision: PARTNER (final)" in text
    assert "Partner considered: Deloitte" in text
    assert "Review date: 2027-01-01 (a quarter after the decision)" in text
    assert "One rule matches" in text


def test_empty_sections_say_what_is_missing() -> None:
    markdown = export_markdown(new_session())
    assert _sections(markdown) == SECTIONS
    for sentence in [
        "No partnership model selected yet",
        "No partners mapped yet.",
        "No competitors mapped yet",
        "No signed partner holds a program tier yet.",
        "No build / partner / acquire decision logged yet.",
        "No executive sponsors mapped yet",
        "The parking lot is empty.",
        "Not signed off.",
        "_(Still to write: company name",
    ]:
        assert sentence in markdown
    assert "**Status: DRAFT**" in markdown


# --------------------------------------------------------------------------- determinism


def test_same_session_same_bytes_and_today_defaults_to_last_update() -> None:
    session = full_session()
    first = export_markdown(session)
    assert export_markdown(Session.model_validate(session.model_dump())) == first
    assert "- Judged as of: 2026-11-20 (the day the session was last updated)\n" in first
    given = export_markdown(session, today=date(2026, 11, 20))  # the same day, given: said so
    assert given == first.replace(" (the day the session was last updated)", "")
    assert first.endswith("\n") and not first.endswith("\n\n")
    assert all(line == line.rstrip() for line in first.split("\n"))


# --------------------------------------------------------------------------- custom templates


def test_a_custom_template_gets_the_same_variables_and_escaping(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "# {{ company }}\n{% for row in scored %}- {{ row.partner.name }} {{ row.score|score }}\n"
        "{% endfor %}{{ session.title }} {{ health.fails }} {{ economics.pipeline_total.text }}\n",
        encoding="utf-8",
    )
    session = full_session()
    session.mapping.partners[0].name = "*Deloitte*"
    pipeline = partner_economics(session).pipeline_total.text  # "$" before a digit: money, not math
    assert export_markdown(session, template=template) == (
        "# Acme Ledger\n- \\*Deloitte\\* 75.0\n- Boutique Co 40.0\n- Unscored LLC —\n"
        f"FinServ offsite 0 {pipeline}\n"
    )


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("line one\n{% for x in scored %}\n", "line 2"),
        ("ok\n\n{{ no_such_variable }}\n", "line 3"),
        ("{{ session.title|no_such_filter }}\n", "line 1"),
        ("a\n{{ 1 // 0 }}\n", "ZeroDivisionError"),
    ],
)
def test_a_bad_template_is_a_one_line_error(tmp_path: Path, source: str, problem: str) -> None:
    template = tmp_path / "bad.md.j2"
    template.write_text(source, encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        export_markdown(full_session(), template=template)
    message = str(caught.value)
    assert "\n" not in message
    assert "bad.md.j2" in message
    if problem.startswith("line "):
        assert f"bad.md.j2:{problem[5:]}:" in message
    else:
        assert problem in message


def test_a_missing_or_unreadable_template_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="template not found"):
        export_markdown(full_session(), template=tmp_path / "nope.j2")
    binary = tmp_path / "binary.j2"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ExportError, match="not UTF-8"):
        export_markdown(full_session(), template=binary)


def test_templates_are_sandboxed(tmp_path: Path) -> None:
    template = tmp_path / "evil.md.j2"
    template.write_text("{{ session.__class__.__mro__ }}\n", encoding="utf-8")
    with pytest.raises(ExportError, match="evil.md.j2"):
        export_markdown(full_session(), template=template)


def test_a_template_cannot_change_the_session(tmp_path: Path) -> None:
    """``{% set _ = session.mapping.partners.clear() %}`` emptied the session being exported."""
    template = tmp_path / "mutating.md.j2"
    template.write_text("{% set _ = session.mapping.partners.clear() %}{{ session.title }}\n", encoding="utf-8")
    session = full_session()
    partners = list(session.mapping.partners)
    with pytest.raises(ExportError, match="mutating.md.j2"):
        export_markdown(session, template=template)
    assert session.mapping.partners == partners and partners


# --------------------------------------------------------------------------- hostile text


def _is_text(annotation: object) -> bool:
    return typing.get_origin(annotation) is typing.Annotated and any(
        getattr(meta, "func", None) is models._valid_text for meta in annotation.__metadata__
    )


def _text_fields(model: BaseModel) -> list[tuple[BaseModel, str, bool]]:
    """Every Text field in the session tree: (owner, field name, is a list of Text)."""
    found = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        annotation = info.rebuild_annotation()
        if _is_text(annotation):
            found.append((model, name, False))
        elif typing.get_origin(annotation) is list and _is_text(typing.get_args(annotation)[0]):
            found.append((model, name, True))
        elif isinstance(value, BaseModel):
            found.extend(_text_fields(value))
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    found.extend(_text_fields(item))
    return found


def _fill(session: Session, texts: typing.Iterator[str]) -> list[str]:
    """Put the next text into every Text field; return what was put, in order."""
    used = []
    for owner, name, many in _text_fields(session):
        if many:
            values = [next(texts) for _ in getattr(owner, name)]
            setattr(owner, name, values)
            used.extend(values)
        else:
            value = next(texts)
            setattr(owner, name, value)
            used.append(value)
    return used


def _shape(markdown: str) -> tuple[list[int], list[int]]:
    tokens = parse(markdown)
    return [level for level, _ in headings(tokens)], [t.columns for t in tables(tokens)]


# Text the template does not print (fields of models not selected, per-person ratings...).
_NOT_PRINTED = {"definition", "best_for", "revenue_mechanism", "fee_basis", "participant"}


def _printed(session: Session) -> list[str]:
    return [
        getattr(owner, name)
        for owner, name, many in _text_fields(session)
        if not many and name not in _NOT_PRINTED
        and not (isinstance(owner, models.PartnershipModel) and not owner.selected)
    ]


def test_every_text_field_is_filled_by_the_helper() -> None:
    session = full_session()
    used = _fill(session, (f"T{n}" for n in itertools.count()))
    assert len(used) > 60
    assert session.mapping.partners[0].name in used
    assert session.intake.icps[0] in used
    assert session.governance.raci.roles[0] in used


BASE_SHAPE = None


def _baseline_shape() -> tuple[list[int], list[int]]:
    global BASE_SHAPE
    if BASE_SHAPE is None:
        session = full_session()
        _fill(session, (f"t{n}" for n in itertools.count()))
        BASE_SHAPE = _shape(export_markdown(session))
    return BASE_SHAPE


hostile = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20),
).filter(lambda s: s.strip())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile, min_size=1, max_size=12))
def test_hostile_text_in_every_field_keeps_the_structure(strings: list[str]) -> None:
    session = full_session()
    _fill(session, itertools.cycle(strings))
    markdown = export_markdown(session)
    assert _shape(markdown) == _baseline_shape()
    shown = "\n".join(all_text(parse(markdown)))
    for text in set(_printed(session)):
        assert visible_text(text) in shown, text


def test_every_curated_hostile_string_shows_literally_everywhere() -> None:
    for offset in range(0, len(HOSTILE), 7):
        strings = HOSTILE[offset:] + HOSTILE[:offset]
        session = full_session()
        _fill(session, itertools.cycle([s for s in strings if s.strip()]))
        markdown = export_markdown(session)
        assert _shape(markdown) == _baseline_shape()
        shown = "\n".join(all_text(parse(markdown)))
        for text in set(_printed(session)):
            assert visible_text(text) in shown, text


def test_the_appendix_shows_the_time_planned_and_spent_per_phase() -> None:
    from workshop.method import agenda
    from workshop.method.models import Phase

    session = full_session()
    agenda.timebox(session, Phase.THESIS).spent_seconds = 75 * 60 + 30
    markdown = export_markdown(session)
    assert "| Thesis | 1:15:00 | 1:15:30 |" in markdown.replace("\\:", ":")  # ":" is escaped in text


def test_why_each_score_is_in_the_export() -> None:
    """Issue 15 §1: each criterion's contribution, the distance to the band lines and the single
    rating change that crosses one, for every scored partner, from the engine."""
    session = full_session()
    found = tables(parse(export_markdown(session)))
    why = found[4]  # after the summary's two tables, the models and the scores
    scored = [r for r in ranked_partners(session.mapping.partners) if r.score is not None]
    assert [row[0] for row in why.rows] == [r.partner.name for r in scored]
    first = why.rows[0]
    assert first[1:6] == ["90 × 30 % = 27", "80 × 25 % = 20", "70 × 20 % = 14", "60 × 15 % = 9", "50 × 10 % = 5"]
    assert first[6] == "75"
    assert first[7] == "in the top band; exactly on its own line (75): any loss makes it Secondary."
    assert first[9] == "Down: ICP client overlap 90 → 89.9 would make it Secondary (74.97)."


def test_weight_sensitivity_is_in_the_export() -> None:
    """Issue 15 §1: each weight ±20 %, the others rescaled; the partner at exactly 75 on
    90/80/70/60/50 drops to Secondary when ICP weighs 24 % (73.714…)."""
    session = full_session()
    markdown = export_markdown(session)
    table = next(t for t in tables(parse(markdown)) if t.header[0] == "Weight change")
    assert [row[0] for row in table.rows][:2] == ["ICP client overlap +20 %", "ICP client overlap −20 %"]
    assert table.rows[0][1] == "36/22.9/18.3/13.7/9.1"
    assert table.rows[1][2] == "Deloitte: Priority → Secondary (75.0 → 73.7)"
    assert "**Not robust: 1 partner(s) change band under some variation" in markdown


def test_a_robust_map_says_so() -> None:
    session = full_session()
    for partner in session.mapping.partners:
        if partner.ratings.icp_overlap is not None:
            partner.ratings = Ratings(**{f: 60.0 for f in RATING_FIELDS})
    assert "**Robust: varying any weight by ±20 % changes no partner's band and no order among the top" in (
        export_markdown(session))
