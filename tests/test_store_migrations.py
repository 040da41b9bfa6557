"""The tier framework's migration (schema 5 -> 6), tested on files of the versions before it.

tests/fixtures/demo_v1.toml … demo_v5.toml are the bundled demo as schema versions 1 to 5
wrote it; the older ones go through the earlier steps first (audit trail, scoring weights,
key-result measures, must-pass gates).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from session_store.codec import dump_session, parse_session
from session_store.errors import SessionError
from session_store.session_file import SessionFile
from workshop.method.tier_movement import evaluate_program

FIXTURES = Path(__file__).parent / "fixtures"
DEMOS = {
    version: (FIXTURES / f"demo_v{version}.toml").read_text("utf-8") for version in (1, 2, 3, 4, 5)
}
PREVIOUS = 5
DEMO_PREVIOUS = DEMOS[PREVIOUS]
TODAY = date(2026, 11, 25)


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_an_old_demo_loads_with_the_methods_four_tiers(version: int) -> None:
    text = DEMOS[version]
    assert f"schema_version = {version}\n" in text
    session = parse_session(text, f"demo_v{version}.toml")
    assert session.schema_version >= 6
    tiers = session.tiers.tiers
    assert [(t.id, t.name) for t in tiers] == [
        ("platinum", "Platinum"), ("gold", "Gold"), ("silver", "Silver"), ("registered", "Registered"),
    ]
    assert [t.exit_months for t in tiers] == [12, 12, 12, 6]
    assert [t.pipeline_share_pct for t in tiers] == [50, 30, 20, 0]
    assert [t.mdf_per_year for t in tiers] == [150_000, 40_000, None, None]
    # the versions before 6 had no countable commitments: none are invented
    assert all(t.reviews_per_year is None and t.joint_gtm_per_year is None for t in tiers)
    partners = {p.name: p.program_tier for p in session.mapping.partners if p.program_tier}
    assert partners["Northbridge Risk Advisory"] == "gold" and partners["Fincrest Advisors"] == "registered"


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_the_migrated_demo_moves_partners_as_before(version: int) -> None:
    session = parse_session(DEMOS[version], f"demo_v{version}.toml")
    verdicts = {m.partner.name: (m.action.value, m.action_tier) for m in evaluate_program(session, TODAY)}
    assert verdicts == {
        "Deloitte": ("hold", None),
        "Accenture": ("warning", None),
        "Northbridge Risk Advisory": ("promote", "platinum"),
        "Castellan Systems": ("hold", None),
        "Fincrest Advisors": ("exit", None),
    }


def test_saving_a_migrated_file_writes_the_new_version_and_keeps_the_old(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    path.write_text(DEMO_PREVIOUS, "utf-8")
    opened = SessionFile.open(path)
    opened.save(opened.session)
    text = path.read_text("utf-8")
    assert f"schema_version = {PREVIOUS}\n" not in text and "exit_months_registered" not in text
    assert "platinum_pipeline_share_pct" not in text and 'id = "platinum"' in text
    assert opened.backup.read_text("utf-8") == DEMO_PREVIOUS
    assert parse_session(text, "again.toml") == opened.session


def _edit(old: str, new: str, text: str = DEMO_PREVIOUS) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_custom_exit_months_and_mix_are_carried_to_each_tier() -> None:
    text = _edit("exit_months = 12\nexit_months_registered = 6\n", "exit_months = 9\nexit_months_registered = 3\n")
    text = _edit("platinum_pipeline_share_pct = 50.0\ngold_pipeline_share_pct = 30.0\nsilver_pipeline_share_pct = 20.0\n",
                 "platinum_pipeline_share_pct = 60.0\ngold_pipeline_share_pct = 40.0\nsilver_pipeline_share_pct = 0.0\n", text)
    session = parse_session(text, "custom.toml")
    assert [t.exit_months for t in session.tiers.tiers] == [9, 9, 9, 3]
    assert [t.pipeline_share_pct for t in session.tiers.tiers] == [60, 40, 0, 0]


def test_an_old_ladder_without_registered_gets_it_back() -> None:
    # the versions before 6 always treated Registered as the floor, defined or not
    start = DEMO_PREVIOUS.index('[[tiers.tiers]]\nname = "registered"')
    end = DEMO_PREVIOUS.index("[tiers.rules]")
    session = parse_session(DEMO_PREVIOUS[:start] + DEMO_PREVIOUS[end:], "no_registered.toml")
    assert [t.id for t in session.tiers.tiers][-1] == "registered"
    assert session.tiers.tiers[-1].exit_months == 6


def test_an_old_file_without_tiers_stays_without() -> None:
    session = parse_session(
        '# Partner Workshop session\nschema_version = 2\ntitle = "Bare"\n\n# end of session\n', "bare.toml"
    )
    assert session.tiers.tiers == []


def test_an_unknown_old_tier_is_a_clear_error() -> None:
    text = _edit('name = "silver"', 'name = "bronze"')
    with pytest.raises(SessionError, match=f"cannot migrate from schema version {PREVIOUS}: tier 'bronze' is not one of"):
        parse_session(text, "bronze.toml")


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5])
def test_a_migrated_session_round_trips(version: int) -> None:
    session = parse_session(DEMOS[version], f"demo_v{version}.toml")
    assert parse_session(dump_session(session), "again.toml") == session
