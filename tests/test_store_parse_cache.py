"""The parse cache: exact, consulted only for bytes that parsed, and never able to break a load."""

from __future__ import annotations

import hashlib
import pkgutil
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.method.models import SCHEMA_VERSION
from session_store import SessionError, SessionFile, load_session, parse_cache, toml_reader
from session_store.codec import END_MARKER, parse_session, render_session, session_data, snapshot_json
from workshop.method.defaults import new_session
from workshop.method.models import MAX_MONEY, Partner, Session
from tests.test_store_codec import sessions
from workshop.method.models import SCHEMA_VERSION

# --------------------------------------------------------------------------- exactness

offsets = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions(), offsets, st.integers(0, MAX_MONEY), st.floats(0, 100, allow_nan=False))
def test_session_json_round_trip_is_exact(session: Session, offset: timezone, money: int, rating: float) -> None:
    session.updated = datetime(2026, 11, 25, 9, 30, 15, 123456, tzinfo=offset)
    session.intake.current_arr = None
    session.intake.target_arr = money
    session.mapping.partners.append(Partner(id="edge", name="🚀\x00\r\n\t\"'\\", notes="\x7f\u202e"))
    session.mapping.partners[-1].ratings.icp_overlap = rating
    again = Session.model_validate_json(session.model_dump_json())
    assert again == session
    assert str(again.updated) == str(session.updated)  # same offset, same microseconds
    assert dump_session_text(again) == dump_session_text(session)  # the same file when saved


def dump_session_text(session: Session) -> str:
    return render_session(session_data(session))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions(), offsets)
def test_the_snapshot_cached_after_a_save_is_what_the_file_parses_to(session: Session, offset: timezone) -> None:
    session.created = datetime(1999, 12, 31, 23, 59, tzinfo=offset)
    data = session_data(session)
    from_file = parse_session(render_session(data), "saved.toml")
    from_cache = Session.model_validate_json(snapshot_json(data))
    assert from_cache == from_file
    assert dump_session_text(from_cache) == dump_session_text(from_file)


# --------------------------------------------------------------------------- behaviour


@pytest.fixture
def no_tomllib(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts full parses (TOML reader calls) from here on."""
    calls: list[int] = []
    real = toml_reader.loads

    def counting(text: str) -> dict:
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(toml_reader, "loads", counting)
    return calls


def _session() -> Session:
    session = new_session(title="Cache 🚀", facilitator="Jordan")
    session.mapping.partners = [Partner(id=f"p{i}", name=f"Partner\x1b[31m {i}") for i in range(5)]
    return session


def _file(folder: Path) -> Path:
    path = folder / "s.toml"
    SessionFile.create(path, _session())
    return path


def test_cache_lives_under_the_home_folder(tmp_home: Path) -> None:
    assert parse_cache.cache_dir() == tmp_home / "cache" / "parsed"


def test_a_file_opened_before_is_not_parsed_again(tmp_home: Path, no_tomllib: list[int]) -> None:
    path = _file(tmp_home)
    parse_cache.clear()
    first = SessionFile.open(path).session
    assert len(no_tomllib) == 1
    again = SessionFile.open(path).session
    assert len(no_tomllib) == 1  # served by the cache
    assert again == first
    assert load_session(path) == first
    assert len(no_tomllib) == 1


def test_a_saved_file_opens_from_the_cache(tmp_home: Path, no_tomllib: list[int]) -> None:
    path = _file(tmp_home)
    opened = SessionFile.open(path)
    session = opened.session
    session.title = "Renamed\r\nwith a line break"
    opened.save(session)
    assert SessionFile.open(path).session == session
    assert no_tomllib == []  # create and save both taught the cache


def test_the_app_saver_path_fills_the_cache(tmp_home: Path, no_tomllib: list[int]) -> None:
    """workshop/app.py renders on its saver thread, then calls write_text with that text and its snapshot."""
    path = _file(tmp_home)
    opened = SessionFile.open(path)
    opened.session.facilitator = "Élodie"
    data = session_data(opened.session)
    opened.write_text(render_session(data), snapshot=data)
    assert SessionFile.open(path).session.facilitator == "Élodie"
    assert no_tomllib == []


def test_text_not_rendered_here_does_not_fill_the_cache(tmp_home: Path, no_tomllib: list[int]) -> None:
    path = _file(tmp_home)
    opened = SessionFile.open(path)
    text = render_session(session_data(opened.session)).replace("Jordan", "Robin")
    opened.write_text(text)  # no snapshot it was rendered from: nothing to cache
    assert SessionFile.open(path).session.facilitator == "Robin"
    assert len(no_tomllib) == 1


def test_a_save_drops_the_entry_of_the_replaced_bytes(tmp_home: Path) -> None:
    path = _file(tmp_home)
    opened = SessionFile.open(path)
    before = {p.name for p in parse_cache.cache_dir().iterdir()}
    opened.session.title = "Next"
    opened.save(opened.session)
    after = {p.name for p in parse_cache.cache_dir().iterdir()}
    assert len(before) == len(after) == 1 and before != after


def test_an_edited_file_is_parsed_again(tmp_home: Path, no_tomllib: list[int]) -> None:
    path = _file(tmp_home)
    SessionFile.open(path)
    path.write_text(path.read_text(encoding="utf-8").replace("Cache 🚀", "Edited by hand"), encoding="utf-8")
    assert SessionFile.open(path).session.title == "Edited by hand"
    assert len(no_tomllib) == 1


def _only_entry() -> Path:
    (entry,) = [p for p in parse_cache.cache_dir().iterdir() if p.suffix == ".json"]
    return entry


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda blob: b"", id="empty"),
        pytest.param(lambda blob: blob[: len(blob) // 2], id="truncated"),
        pytest.param(lambda blob: b"\xff\xfe garbage \x00" * 50, id="garbage"),
        pytest.param(lambda blob: blob.replace(b"Cache", b"Cachf"), id="body changed"),
        pytest.param(lambda blob: blob.replace(parse_cache.FORMAT, b"other-format"), id="foreign"),
        pytest.param(lambda blob: _resign(blob, b"0" * 64, None), id="other code version"),
        pytest.param(lambda blob: _resign(blob, None, b'{"schema_version": 1, "title": 5}'), id="invalid session"),
        pytest.param(lambda blob: _resign(blob, None, f"{{\"schema_version\": {SCHEMA_VERSION + 1}}}".encode()), id="newer schema"),
    ],
)
def test_a_spoilt_entry_is_a_miss(tmp_home: Path, no_tomllib: list[int], spoil) -> None:
    path = _file(tmp_home)
    parse_cache.clear()
    expected = SessionFile.open(path).session
    entry = _only_entry()
    entry.write_bytes(spoil(entry.read_bytes()))
    assert SessionFile.open(path).session == expected
    assert len(no_tomllib) == 2


def _resign(blob: bytes, version: bytes | None, body: bytes | None) -> bytes:
    """The entry with another code version or body, its checksum made right again."""

    header, _, old_body = blob.partition(b"\n")
    fields = header.split(b" ")
    body = old_body if body is None else body
    fields[1] = version or fields[1]
    fields[3] = hashlib.sha256(body).hexdigest().encode()
    return b" ".join(fields) + b"\n" + body


def test_a_resigned_entry_is_trusted_as_the_cache_is_private(tmp_home: Path, no_tomllib: list[int]) -> None:
    """Documents the trust boundary: the cache folder is the user's own, like the file itself."""
    path = _file(tmp_home)
    parse_cache.clear()
    SessionFile.open(path)
    entry = _only_entry()
    body = entry.read_bytes().split(b"\n", 1)[1]
    entry.write_bytes(_resign(entry.read_bytes(), None, body.replace(b"Cache", b"Cachf")))
    assert SessionFile.open(path).session.title == "Cachf 🚀"


def test_bad_files_are_reported_as_before(tmp_home: Path) -> None:
    path = _file(tmp_home)
    good = path.read_bytes()
    SessionFile.open(path)  # cached
    path.write_bytes(good[: len(good) - len(END_MARKER) - 5])
    with pytest.raises(SessionError, match="incomplete"):
        SessionFile.open(path)
    path.write_bytes(good.replace(f"schema_version = {SCHEMA_VERSION}".encode(), b"schema_version = 99"))
    with pytest.raises(SessionError, match="newer Partner Workshop"):
        load_session(path)
    path.write_bytes(good + b"\n[[[")
    with pytest.raises(SessionError, match="not valid TOML"):
        SessionFile.open(path)
    assert {p.name for p in parse_cache.cache_dir().iterdir()} == {f"{_sha(good)}.json"}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_an_unwritable_cache_never_stops_a_load(tmp_home: Path) -> None:
    path = _file(tmp_home)
    folder = parse_cache.cache_dir()
    for entry in folder.iterdir():
        entry.unlink()
    folder.rmdir()
    folder.write_text("a file where the folder should be")
    assert SessionFile.open(path).session.title == "Cache 🚀"
    opened = SessionFile.open(path)
    opened.save(opened.session)


def test_the_cache_is_bounded(tmp_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_cache, "MAX_ENTRIES", 5)
    for index in range(12):
        parse_cache.store(f"{index:064x}", lambda: b"{}")
    names = sorted(p.name for p in parse_cache.cache_dir().iterdir())
    assert len(names) == 5
    assert f"{11:064x}.json" in names  # the newest stays


def test_code_version_covers_the_session_models() -> None:
    modules = parse_cache._model_modules(Session)
    # every module of the models package holds part of a session (its classes or their types)
    package = sys.modules["workshop.method.models"]
    assert {f"workshop.method.models.{m.name}" for m in pkgutil.iter_modules(package.__path__)} <= modules
    assert parse_cache.code_version() is not None
