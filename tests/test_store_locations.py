"""Where sessions live: default folder, listing, resolving names, new names, the demo copy."""

from __future__ import annotations

from datetime import datetime, timezone
import os
import sys
from pathlib import Path

import pytest

from session_store import (
    SessionError,
    SessionFile,
    backup_path,
    default_sessions_dir,
    demo_copy,
    list_sessions,
    load_session,
    new_session_path,
    resolve_session,
)
from session_store.locations import slugify
from tests.conftest import BUNDLED_DEMO
from workshop.method.defaults import new_session
from workshop.method.models import Phase


def _save(folder: Path, stem: str, title: str, updated: datetime, company: str = "") -> Path:
    session = new_session(title)
    session.updated = updated
    session.intake.company_name = company
    session.position.phase = Phase.MAPPING
    path = folder / f"{stem}.toml"
    SessionFile.create(path, session)
    return path


def test_default_folder_follows_the_environment(tmp_home: Path) -> None:
    assert default_sessions_dir() == tmp_home / "sessions"


def test_list_is_newest_first_and_shows_unreadable_files(tmp_home: Path) -> None:
    folder = default_sessions_dir()
    old = _save(folder, "old", "Old one", datetime(2026, 1, 1, tzinfo=timezone.utc), "Acme")
    new = _save(folder, "new", "New one", datetime(2026, 11, 1, tzinfo=timezone.utc), "Ledgerlight")
    (folder / "broken.toml").write_text("not = [toml", "utf-8")
    (folder / "notes.txt").write_text("ignored", "utf-8")
    (folder / ".new.toml.1234.tmp").write_text("ignored", "utf-8")
    summaries = list_sessions()
    readable = [s for s in summaries if s.error is None]
    assert [s.path for s in readable] == [new, old]
    assert (readable[0].title, readable[0].company, readable[0].phase) == ("New one", "Ledgerlight", Phase.MAPPING)
    broken = [s for s in summaries if s.error]
    assert len(broken) == 1 and "broken.toml: line 1" in broken[0].error
    assert list_sessions(folder / "missing") == []


def test_resolve_by_path_stem_name_and_title(tmp_home: Path, tmp_path: Path) -> None:
    folder = default_sessions_dir()
    path = _save(folder, "q1-offsite", "Q1 Offsite", datetime(2026, 1, 1, tzinfo=timezone.utc))
    elsewhere = _save(tmp_path, "anywhere", "Anywhere", datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert resolve_session(str(elsewhere)) == elsewhere
    assert resolve_session("q1-offsite") == path
    assert resolve_session("q1-offsite.toml") == path
    assert resolve_session("q1 OFFSITE") == path
    with pytest.raises(SessionError, match="no such session"):
        resolve_session("nothing-here")
    with pytest.raises(SessionError, match="is a folder"):
        resolve_session(str(tmp_path))


def test_resolve_a_title_with_a_slash_and_an_unknown_home(tmp_home: Path) -> None:
    """"EMEA/APAC offsite" was taken for a path and never looked up as a title; "~nobody/x"
    was an internal error (no such home folder)."""
    path = _save(default_sessions_dir(), "emea-apac", "EMEA/APAC offsite", datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert resolve_session("emea/apac OFFSITE") == path
    with pytest.raises(SessionError, match="no such session"):
        resolve_session("~no-such-user-here/x.toml")


def test_new_session_path_is_a_unique_slug(tmp_path: Path) -> None:
    assert slugify("Q1 Offsite: Partners & Growth!") == "q1-offsite-partners-growth"
    assert slugify("Müller Strategie") == "muller-strategie"
    assert slugify("🚀 ! 🚀") == "session"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("CON") == "con-session"  # no file can have that name on Windows
    first = new_session_path("Offsite", tmp_path)
    assert first == tmp_path / "offsite.toml"
    SessionFile.create(first, new_session("Offsite"))
    assert new_session_path("Offsite", tmp_path) == tmp_path / "offsite-2.toml"


def test_demo_copy_is_fresh_and_the_bundled_file_is_never_written(tmp_home: Path) -> None:
    bundled = BUNDLED_DEMO.read_bytes()
    copy = demo_copy()
    assert copy.is_relative_to(tmp_home) and copy.read_bytes() == bundled
    opened = SessionFile.open(copy)
    opened.save(opened.session.model_copy(update={"title": "Spoiled"}))
    again = demo_copy()
    assert again == copy and load_session(again).title != "Spoiled"
    assert BUNDLED_DEMO.read_bytes() == bundled
    assert copy not in [s.path for s in list_sessions()]


def test_a_fresh_demo_copy_is_not_written_again(tmp_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each `partner-workshop demo` start replaced an identical copy (two fsyncs, ~12 ms)."""
    import session_store.locations as locations

    copy = demo_copy()
    writes: list[Path] = []
    real = locations.atomic_write
    monkeypatch.setattr(locations, "atomic_write", lambda path, data, **kw: writes.append(path) or real(path, data, **kw))
    assert demo_copy() == copy and writes == []  # already the bundled bytes: left alone
    copy.write_bytes(copy.read_bytes().replace(b'facilitator = "', b'facilitator = "Edited ', 1))
    assert demo_copy() == copy and writes == [copy]  # edited: replaced, the edit kept as backup
    assert copy.read_bytes() == BUNDLED_DEMO.read_bytes()
    assert b"Edited " in backup_path(copy).read_bytes()
    copy.chmod(0o444)  # read-only: not silently reused (the copy must be writable)
    try:
        with pytest.raises(SessionError):
            demo_copy()
    finally:
        copy.chmod(0o644)


@pytest.mark.parametrize("empty", ["", "   "])
def test_an_empty_session_name_says_so_not_that_the_current_folder_is_a_folder(tmp_home: Path, empty: str) -> None:
    with pytest.raises(SessionError, match="no session given"):
        resolve_session(empty)


@pytest.mark.skipif(sys.platform == "win32", reason="flock: POSIX only")
def test_the_demo_open_in_another_window_is_not_replaced_under_it(tmp_home: Path) -> None:
    from session_store import EditingClaim

    first = demo_copy()
    first.write_bytes(first.read_bytes().replace(b'facilitator = "', b'facilitator = "Typed in window 1 ', 1))
    typed = first.read_bytes()
    claim = EditingClaim.take(first)  # window 1 has the demo open
    try:
        second = demo_copy()
        assert second != first and second.name == "demo-2.toml"
        assert first.read_bytes() == typed  # window 1's work untouched
    finally:
        claim.release()
    assert demo_copy() == first  # nobody has it open: the usual copy is refreshed again


def test_a_file_where_a_folder_should_be_is_named_as_such(tmp_home: Path) -> None:
    """Not "already exists; choose another name", "File exists": the folder is the problem."""
    (tmp_home / "demo").write_text("not a folder", encoding="utf-8")
    with pytest.raises(SessionError, match="demo: is a file, not a folder"):
        demo_copy()
    sessions = tmp_home / "sessions-file"
    sessions.write_text("not a folder", encoding="utf-8")
    with pytest.raises(SessionError, match="sessions-file: is a file, not a folder"):
        SessionFile.create(sessions / "x.toml", new_session("X"))


def test_a_link_to_nowhere_and_a_pipe_are_listed_with_the_reason(tmp_home: Path) -> None:
    """They were skipped by `list` (the docs promise the reason) and `open` said only "no such session"."""
    folder = default_sessions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gone.toml").symlink_to(folder / "moved-away.toml")
    os.mkfifo(folder / "pipe.toml")
    reasons = {s.path.name: s.error for s in list_sessions(folder)}
    assert "a link to" in reasons["gone.toml"] and "moved-away.toml, which does not exist" in reasons["gone.toml"]
    assert "not a session file" in reasons["pipe.toml"] or "not a regular file" in reasons["pipe.toml"]
    with pytest.raises(SessionError, match="which does not exist"):
        resolve_session(str(folder / "gone.toml"))


def test_a_title_in_another_script_makes_a_readable_file_name(tmp_path: Path) -> None:
    """"2027年 パートナー戦略" was saved as 2027.toml: every non-Latin letter was dropped."""
    assert slugify("2027年 パートナー戦略 🚀") == "2027年-パートナー戦略"
    assert slugify("ガイド") == "ガイド"  # the voicing mark is kept, not split off and dropped
    assert slugify("हिन्दी योजना") == "हिन्दी-योजना"  # vowel signs stay with their letters
    assert slugify("Straße") == "straße"
    long = slugify("戦略" * 100)
    assert len(long.encode("utf-8")) <= 120 and long.startswith("戦略")
    path = new_session_path("2027年 パートナー戦略", tmp_path)
    SessionFile.create(path, new_session("2027年 パートナー戦略"))
    assert path.name == "2027年-パートナー戦略.toml" and path.is_file()


def test_letters_the_file_system_cannot_name_fall_back_to_ascii(monkeypatch: pytest.MonkeyPatch) -> None:
    import session_store.locations as locations

    monkeypatch.setattr(locations.sys, "getfilesystemencoding", lambda: "ascii")
    assert slugify("2027年 Müller 戦略") == "2027-muller"
