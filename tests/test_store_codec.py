"""TOML round trip, hand edits, and one-line errors for bad files."""

from __future__ import annotations

import random
from datetime import date, datetime, timezone
from enum import Enum
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.method.models import SCHEMA_VERSION
import workshop.method.models as models
from session_store import (
    NewerVersionError,
    SessionError,
    SessionFile,
    dump_session,
    load_session,
    parse_session,
)
from session_store.codec import END_MARKER, field_path
from session_store.migrations import MIGRATIONS
from workshop.method.defaults import new_session
from workshop.method.models import (
    Competitor,
    Decision,
    DecisionChoice,
    KeyResult,
    KRKind,
    LandscapeTier,
    LockStatus,
    ParkingNote,
    Participant,
    Partner,
    PartnerType,
    Phase,
    QuarterResult,
    Ratings,
    Session,
    SignOff,
)

# --------------------------------------------------------------------------- strategies

HOSTILE = [
    "",
    '"quoted" and \'single\'',
    "back\\slash\\",
    "line\nbreak",
    "windows\r\nline",
    "lone\rreturn",
    "tab\there",
    "nul\x00bell\x07esc\x1b[31mred",
    "del\x7f",
    "emoji 🚀👩‍👩‍👧",
    "RTL \u202eעברית العربية\u202c",
    "[bold]markup[/] [@click=app.quit]x[/]",
    '""" triple \'\'\'',
    "# not a comment\n[table]\nkey = 1",
    END_MARKER,
]

texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
    st.builds(lambda s, n: s * n, st.sampled_from(HOSTILE[1:]), st.integers(500, 1200)),
)
ratings = st.one_of(st.none(), st.floats(0, 100, allow_nan=False), st.integers(0, 100).map(float))
dates = st.dates(date(1990, 1, 1), date(2100, 12, 31))
datetimes = st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1)).map(
    lambda d: d.replace(tzinfo=timezone.utc)
)
quarters = st.lists(
    st.builds(
        QuarterResult,
        quarter=st.sampled_from([f"{y}-Q{q}" for y in (2025, 2026) for q in (1, 2, 3, 4)]),
        pipeline=st.integers(0, 10**9),
        certified_individuals=st.integers(0, 50),
        dedicated_practice=st.booleans(),
        last_pipeline_activity=st.none() | dates,
    ),
    max_size=4,
    unique_by=lambda r: r.quarter,
)
partners = st.builds(
    Partner,
    name=texts.filter(lambda t: t.strip() != ""),
    type=st.sampled_from(PartnerType),
    landscape_tier=st.sampled_from(LandscapeTier),
    practice=texts,
    notes=texts,
    ratings=st.builds(
        Ratings,
        icp_overlap=ratings,
        market_influence=ratings,
        practice_alignment=ratings,
        partnership_appetite=ratings,
        revenue_potential=ratings,
    ),
    lock_status=st.sampled_from(LockStatus),
    locked_to=texts,
    program_tier=st.none() | st.sampled_from(["platinum", "gold", "silver", "registered"]),
    results=quarters,
)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    session = new_session(title=draw(texts), facilitator=draw(texts))
    session.created = draw(datetimes)
    session.updated = draw(datetimes)
    session.participants = draw(st.lists(st.builds(Participant, name=texts, role=texts), max_size=3))
    session.parking_lot = draw(
        st.lists(
            st.builds(ParkingNote, text=texts, phase=st.none() | st.sampled_from(Phase), created=datetimes),
            max_size=3,
        )
    )
    session.intake.company_name = draw(texts)
    session.intake.icps = draw(st.lists(texts, max_size=3))
    session.intake.current_arr = draw(st.none() | st.integers(0, 10**8))
    session.thesis.rationale.delivery_gap = draw(texts)
    session.thesis.statement.partner_share_pct = draw(ratings)
    if draw(st.booleans()):
        session.thesis.signoff = SignOff(name=draw(texts.filter(str.strip)), signed_at=draw(datetimes))
    session.mapping.partners = draw(st.lists(partners, max_size=4, unique_by=lambda p: p.id))
    session.mapping.competitors = draw(
        st.lists(st.builds(Competitor, name=texts, key_partners=st.lists(texts, max_size=3)), max_size=2)
    )
    session.mapping.gap_notes = draw(texts)
    session.mapping.competitor_map_refreshed = draw(st.none() | dates)
    decisions = draw(st.lists(texts, max_size=3))
    session.decisions = [
        Decision(
            id=f"D-{n:03d}",
            capability=text,
            decision=draw(st.none() | st.sampled_from(DecisionChoice)),
            rationale=draw(texts),
            review_date=draw(st.none() | dates),
        )
        for n, text in enumerate(decisions, start=1)
    ]
    session.objectives[0].key_results.append(
        KeyResult(text=draw(texts), kind=draw(st.none() | st.sampled_from(KRKind)), due=draw(st.none() | dates))
    )
    session.roadmap.quarters[1].theme = draw(texts)
    return session


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_any_valid_session_round_trips_equal(session: Session) -> None:
    text = dump_session(session)
    assert parse_session(text, "round-trip.toml") == session
    assert text.endswith(END_MARKER + "\n")


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    session = new_session("Offsite — \"Q1\"\r\n\\ 🚀")
    path = tmp_path / "s.toml"
    SessionFile.create(path, session)
    assert load_session(path) == session


def test_every_enum_of_the_model_is_a_str_enum() -> None:
    # dump_session relies on tomli-w writing str enums as their plain value
    enums = [v for v in vars(models).values() if isinstance(v, type) and issubclass(v, Enum) and v is not Enum]
    assert enums and all(issubclass(e, str) for e in enums)


def test_file_is_human_readable_and_in_model_order() -> None:
    session = new_session("Readable")
    session.mapping.partners = [Partner(name="Deloitte", ratings=Ratings(icp_overlap=90))]
    text = dump_session(session)
    assert text.startswith("# Partner Workshop session")
    body = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert body[0] == f"schema_version = {SCHEMA_VERSION}"
    assert body[2] == 'title = "Readable"'
    assert text.index("[intake]") < text.index("[[mapping.partners]]") < text.index("[economics]")
    assert 'name = "Deloitte"' in text and "icp_overlap = 90.0" in text
    assert "None" not in text  # absent values are left out


def test_a_person_fixes_a_typo_and_loads_it_again(tmp_path: Path) -> None:
    session = new_session("Partnr offsite")
    session.mapping.partners = [Partner(name="Delloite", type=PartnerType.BIG4)]
    path = tmp_path / "typo.toml"
    SessionFile.create(path, session)
    edited = path.read_text("utf-8").replace("Partnr", "Partner").replace("Delloite", "Deloitte")
    edited = edited.replace('type = "big4"', 'type = "gsi"')
    path.write_text(edited, "utf-8")
    loaded = load_session(path)
    assert loaded.title == "Partner offsite"
    assert loaded.mapping.partners[0].name == "Deloitte"
    assert loaded.mapping.partners[0].type is PartnerType.GSI


def test_windows_line_endings_and_byte_order_mark_are_accepted() -> None:
    text = dump_session(new_session("CRLF"))
    crlf = "\ufeff" + text.replace("\n", "\r\n")
    assert parse_session(crlf, "crlf.toml").title == "CRLF"


# --------------------------------------------------------------------------- bad files

VALID = dump_session(new_session("Valid"))


def _replace(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


BAD_FILES = {
    "not toml": ("this is { not TOML", "line 1, column"),
    "json": ('{"title": "x"}\n', "line 1, column 1"),
    "garbled": (VALID[:200] + "\x00\x01 = = \n" + VALID[200:], "line"),
    "empty": ("", "empty"),
    "unclosed string": (_replace('title = "Valid"', 'title = "Valid'), "line 6"),
    "no end marker": (VALID.replace(END_MARKER, ""), "incomplete"),
    "newer version": (_replace(f"schema_version = {SCHEMA_VERSION}", "schema_version = 99"), "newer"),
    "version missing": (_replace(f"schema_version = {SCHEMA_VERSION}\n", ""), "schema_version"),
    "version not int": (_replace(f"schema_version = {SCHEMA_VERSION}", 'schema_version = "1"'), "schema_version"),
    "rating out of range": (
        _replace("partners = []", 'partners = [{ name = "Acme", ratings = { icp_overlap = 120.0 } }]'),
        "mapping.partners[0].ratings.icp_overlap",
    ),
    "unknown field": (_replace('title = "Valid"', 'title = "Valid"\ntitel = "typo"'), "titel: unknown field"),
    "wrong type": (_replace("row = 0", 'row = "first"'), "position.row"),
    "bad enum": (_replace('phase = "intake"\nrow', 'phase = "lunch"\nrow'), "position.phase"),
    "bad date": (_replace("[economics]", "[economics]\n").replace("[intake]", "[intake]\ntarget_year = 3000"), "intake.target_year"),
    "target below current": (
        _replace("[intake]", "[intake]\ncurrent_arr = 500\ntarget_arr = 100"),
        "target ARR ($100) must be above current ARR ($500)",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_refused_with_one_line_and_left_unchanged(tmp_path: Path, case: str) -> None:
    text, expected = BAD_FILES[case]
    path = tmp_path / f"bad {case}.toml"
    path.write_bytes(text.encode("utf-8"))
    before = path.read_bytes()
    for opener in (load_session, SessionFile.open):
        with pytest.raises(SessionError) as info:
            opener(path)
        message = str(info.value)
        assert "\n" not in message and "\r" not in message
        assert message.startswith(str(path) + ":")
        assert expected in message
    assert path.read_bytes() == before


def test_newer_version_raises_its_own_error() -> None:
    with pytest.raises(NewerVersionError, match="schema version 99"):
        parse_session(VALID.replace(f"schema_version = {SCHEMA_VERSION}", "schema_version = 99"), "new.toml")


def test_not_utf8_names_the_place(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID.encode("utf-8").replace(b'"Valid"', b'"Caf\xe9"'))
    with pytest.raises(SessionError, match=r"line 6, column \d+: not UTF-8"):
        load_session(path)


def test_truncated_files_are_refused_wherever_they_are_cut() -> None:
    text = dump_session(new_session("Truncate me"))
    last = text.rindex(END_MARKER) + len(END_MARKER)
    cuts = random.Random(2).sample(range(1, last), 40) + [last - 1, last - len(END_MARKER)]
    for cut in cuts:
        with pytest.raises(SessionError):
            parse_session(text[:cut], "cut.toml")
    assert parse_session(text[:last], "whole.toml").title == "Truncate me"


def test_validation_message_names_the_list_entry() -> None:
    session = new_session("Named")
    session.mapping.partners = [Partner(name="Deloitte"), Partner(name="Acme")]
    head, tail = dump_session(session).rsplit('stage = "prospect"', 1)
    text = head + 'stage = "married"' + tail
    with pytest.raises(SessionError) as info:
        parse_session(text, "named.toml")
    assert "mapping.partners[1].stage (in 'Acme')" in str(info.value)


def test_hostile_text_in_an_error_stays_on_one_line() -> None:
    text = VALID.replace('title = "Valid"', 'title = "Valid"\n"bad\\nkey\\u001b[31m" = 1')
    with pytest.raises(SessionError) as info:
        parse_session(text, "evil\nname.toml")
    message = str(info.value)
    assert "\n" not in message and "\x1b" not in message
    assert "evil\\nname.toml" in message


def test_field_path() -> None:
    assert field_path(("mapping", "partners", 3, "ratings", "icp_overlap")) == (
        "mapping.partners[3].ratings.icp_overlap"
    )
    assert field_path(()) == ""


# --------------------------------------------------------------------------- migrations


def test_older_version_is_migrated_on_load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    current = models.SCHEMA_VERSION

    def version_0_to_1(data: dict) -> dict:
        data["facilitator"] = data.pop("host")
        return data

    # a file of version 0 goes through the made-up step 0 -> 1, then every real one
    monkeypatch.setitem(MIGRATIONS, 0, version_0_to_1)
    old = VALID.replace(f"schema_version = {current}", "schema_version = 0").replace(
        'facilitator = ""', 'host = "Ana"'
    )
    path = tmp_path / "old.toml"
    path.write_text(old, "utf-8")
    opened = SessionFile.open(path)
    assert opened.session.facilitator == "Ana"
    assert opened.session.schema_version == current
    opened.save(opened.session)
    assert f"schema_version = {current}" in path.read_text("utf-8")
    assert opened.backup.read_text("utf-8") == old  # the old-format file is kept


def test_chain_of_migrations_runs_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    current = models.SCHEMA_VERSION
    monkeypatch.setattr(models, "SCHEMA_VERSION", current + 2)
    monkeypatch.setitem(MIGRATIONS, current, lambda d: {**d, "title": d["title"] + " v+1"})
    monkeypatch.setitem(MIGRATIONS, current + 1, lambda d: {**d, "title": d["title"] + " v+2"})
    session = parse_session(VALID, "chain.toml")
    assert session.title == "Valid v+1 v+2" and session.schema_version == current + 2


def test_missing_or_failing_migration_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    old = VALID.replace(f"schema_version = {models.SCHEMA_VERSION}", "schema_version = 0")
    with pytest.raises(SessionError, match="schema version 0 is not supported"):
        parse_session(old, "old.toml")
    monkeypatch.setitem(MIGRATIONS, 0, lambda d: d["nothing"])
    with pytest.raises(SessionError, match="cannot migrate from schema version 0: 'nothing'"):
        parse_session(old, "old.toml")