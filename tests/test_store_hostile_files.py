"""Hostile session files and paths found in review: each is refused with one clear line, or saved safely."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError

from session_store import SessionError, default_sessions_dir, list_sessions, load_session
from tests.conftest import BUNDLED_DEMO
from workshop import cli
from workshop.models import Decision, ParkingNote, QuarterResult, Session

DEMO = BUNDLED_DEMO.read_text("utf-8")


def _demo_with(old: str, new: str) -> str:
    assert old in DEMO
    return DEMO.replace(old, new, 1)


# --------------------------------------------------------------------------- dates out of range

EXTREME_MOMENTS = [
    ("updated = 2026-11-25 16:10:00+00:00", "updated = 9999-12-31 23:59:59-12:00"),
    ("updated = 2026-11-25 16:10:00+00:00", "updated = 0001-01-01 00:00:00+14:00"),
    ("updated = 2026-11-25 16:10:00+00:00", "updated = 9999-12-31 23:59:59"),
    ("created = 2026-11-24 08:30:00+00:00", "created = 9999-12-31 23:59:59-12:00"),
    ("when = 2026-11-24 09:05:00+00:00", "when = 0001-01-01 00:00:00+14:00"),
    ("signed_at = 2026-11-24 11:45:00+00:00", "signed_at = 9999-12-31 23:59:59-00:01"),
]


@pytest.mark.parametrize(("old", "new"), EXTREME_MOMENTS)
def test_a_datetime_that_cannot_be_converted_to_utc_is_refused_when_loading(
    old: str, new: str, tmp_path: Path
) -> None:
    path = tmp_path / "extreme.toml"
    path.write_text(_demo_with(old, new), "utf-8")
    with pytest.raises(SessionError, match="date-time out of range") as caught:
        load_session(path)
    assert "\n" not in str(caught.value) and new.split(" = ")[1] in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("decided_on = 2026-11-25", "decided_on = 9999-12-31"),
        ("competitor_map_refreshed = 2026-09-15", "competitor_map_refreshed = 0001-01-01"),
    ],
)
def test_a_date_outside_the_sane_span_is_refused(old: str, new: str, tmp_path: Path) -> None:
    path = tmp_path / "extreme.toml"
    path.write_text(_demo_with(old, new), "utf-8")
    with pytest.raises(SessionError, match=r"date out of range: must be no (later|earlier) than"):
        load_session(path)


def test_the_edges_of_the_span_load_and_work_in_the_engine() -> None:
    """At the edges every conversion the app does (UTC, local time, months later) still works."""
    from workshop.dates import add_months, quarter_end
    from workshop.health import health_report

    edge = datetime(2200, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-12), "x"))
    assert ParkingNote(text="t", created=datetime(2200, 12, 31, 23, 59, 59, tzinfo=timezone.utc))
    with pytest.raises(ValidationError):
        ParkingNote(text="t", created=edge)  # 2201-01-01 11:59:59 UTC
    latest = datetime(2200, 12, 31, 23, 59, 59, tzinfo=timezone.utc)
    earliest = datetime(1970, 1, 2, tzinfo=timezone(timedelta(hours=14)))
    with pytest.raises(ValidationError):
        ParkingNote(text="t", created=earliest)  # 1970-01-01 10:00 UTC
    for moment in (latest, datetime(1970, 1, 2, tzinfo=timezone.utc)):
        assert moment.astimezone(timezone.utc).astimezone() is not None
    last = Decision(id="D-001", capability="c", decided_on=date(2200, 12, 31)).decided_on
    assert last is not None and add_months(last, 60).year == 2205
    assert quarter_end(QuarterResult(quarter="2200-Q4").quarter) == date(2200, 12, 31)
    session = load_session(BUNDLED_DEMO)
    session.mapping.competitor_map_refreshed = date(2200, 12, 31)
    session.roadmap.last_reviewed = date(1900, 1, 1)
    assert health_report(session, date(2200, 12, 31)).rules


@pytest.mark.parametrize("quarter", ["0000-Q1", "1899-Q4", "2201-Q1", "9999-Q4"])
def test_a_quarter_outside_the_span_is_refused(quarter: str) -> None:
    with pytest.raises(ValidationError):
        QuarterResult(quarter=quarter)


def test_an_out_of_range_assignment_is_refused_and_leaves_the_session_as_it_was() -> None:
    session = Session()
    before = session.updated
    with pytest.raises(ValidationError):
        session.updated = datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-12)))
    assert session.updated == before


def test_list_shows_a_file_with_an_extreme_date_as_unreadable_and_the_others(
    tmp_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = default_sessions_dir()
    folder.mkdir(parents=True)
    (folder / "good.toml").write_text(DEMO, "utf-8")
    for n, (old, new) in enumerate(EXTREME_MOMENTS[:2]):
        (folder / f"extreme{n}.toml").write_text(_demo_with(old, new), "utf-8")
    summaries = list_sessions()
    assert [s.path.name for s in summaries if s.error is None] == ["good.toml"]
    assert sorted(s.path.name for s in summaries if s.error) == ["extreme0.toml", "extreme1.toml"]
    assert all("date-time out of range" in (s.error or "") for s in summaries if s.path.name != "good.toml")
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert out.count("(cannot be read)") == 2 and "good.toml" in out and "internal error" not in out
