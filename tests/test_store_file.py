"""Saving: atomic with backup, conflicts between writers, crash safety."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import threading
import time
from pathlib import Path

import pytest

import session_store.atomic as atomic
from session_store import (
    SessionConflictError,
    SessionError,
    SessionFile,
    backup_path,
    dump_session,
    load_session,
)
from workshop.method.defaults import new_session
from workshop.method.models import Partner, Ratings, Session


def _create(path: Path, title: str = "First") -> SessionFile:
    return SessionFile.create(path, new_session(title))


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_backup_path_is_beside_the_file() -> None:
    assert backup_path(Path("/x/a b.toml")) == Path("/x/a b.toml.bak")


def test_create_writes_a_loadable_file_and_refuses_an_existing_one(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "s.toml"
    opened = _create(path)
    assert opened.path == path and opened.session.title == "First"
    assert load_session(path).title == "First"
    before = path.read_bytes()
    with pytest.raises(SessionError, match="already exists"):
        _create(path, "Second")
    assert path.read_bytes() == before
    assert _leftovers(path.parent) == []


def test_save_replaces_the_file_and_keeps_the_previous_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    opened = _create(path)
    first = path.read_bytes()
    second = opened.session.model_copy(update={"title": "Second"})
    opened.save(second)
    assert load_session(path).title == "Second"
    assert opened.session is second
    assert backup_path(path).read_bytes() == first
    opened.save(second.model_copy(update={"title": "Third"}))
    assert load_session(backup_path(path)).title == "Second"
    assert _leftovers(tmp_path) == []


def test_saving_twice_from_one_object_is_not_a_conflict(tmp_path: Path) -> None:
    opened = _create(tmp_path / "s.toml")
    for n in range(3):
        opened.save(new_session(f"Round {n}"))
    reopened = SessionFile.open(tmp_path / "s.toml")
    assert reopened.session.title == "Round 2"


def test_second_writer_gets_a_conflict_and_the_first_save_survives(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    _create(path)
    one, two = SessionFile.open(path), SessionFile.open(path)
    one.save(new_session("From window one"))
    saved = path.read_bytes()
    with pytest.raises(SessionConflictError) as info:
        two.save(new_session("From window two"))
    assert str(path) in str(info.value) and "changed on disk" in str(info.value)
    assert "\n" not in str(info.value)
    assert path.read_bytes() == saved
    two.save(new_session("Forced"), force=True)
    assert load_session(path).title == "Forced"


def test_an_edit_in_another_program_is_a_conflict_but_a_touch_is_not(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    opened = _create(path)
    os.utime(path, ns=(1, 1))
    opened.save(new_session("After touch"))
    path.write_text(path.read_text("utf-8").replace("After touch", "Edited"), "utf-8")
    with pytest.raises(SessionConflictError):
        opened.save(new_session("Mine"))
    assert load_session(path).title == "Edited"


def test_a_deleted_file_is_written_back(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    opened = _create(path)
    path.unlink()
    opened.save(new_session("Back"))
    assert load_session(path).title == "Back"


def test_write_text_from_several_threads(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    opened = _create(path)
    texts = [dump_session(new_session(f"Thread {n}")) for n in range(8)]
    errors: list[BaseException] = []

    def write(text: str) -> None:
        try:
            opened.write_text(text)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(t,)) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert load_session(path).title.startswith("Thread ")
    assert _leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.toml"
    opened = _create(path)
    before = path.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(SessionError, match="No space left on device"):
        opened.save(new_session("Lost?"))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []
    opened.save(new_session("Retry works"))  # our own fingerprint still matches
    assert load_session(path).title == "Retry works"


def test_unwritable_text_is_refused_before_touching_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    opened = _create(path)
    before = path.read_bytes()
    with pytest.raises(SessionError, match="cannot be written"):
        opened.write_text('title = "\ud800"')
    assert path.read_bytes() == before


def test_open_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="no such file"):
        SessionFile.open(tmp_path / "nope.toml")
    with pytest.raises(SessionError, match="is a folder"):
        SessionFile.open(tmp_path)


# --------------------------------------------------------------------------- kill during save


def _big_session(title: str) -> Session:
    session = new_session(title)
    session.mapping.partners = [
        Partner(name=f"Partner {n}", notes="x" * 300, ratings=Ratings(icp_overlap=n % 101))
        for n in range(300)
    ]
    return session


def _save_forever(path: str, ready: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    opened = SessionFile.open(Path(path))
    session = opened.session
    counter = 0
    while True:
        counter += 1
        session = session.model_copy(update={"title": f"save {os.getpid()} #{counter}"})
        opened.save(session)
        ready.set()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_save_killed_at_any_moment_leaves_a_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "kill.toml"
    SessionFile.create(path, _big_session("start"))
    context = multiprocessing.get_context("fork")
    rng = random.Random(7)
    for _ in range(20):
        ready = context.Event()
        child = context.Process(target=_save_forever, args=(str(path), ready), daemon=True)
        child.start()
        assert ready.wait(10), "the child never saved"
        time.sleep(rng.uniform(0, 0.03))
        os.kill(child.pid, signal.SIGKILL)
        child.join(5)
        session = load_session(path)  # the file itself is always whole
        assert session.title.startswith("save ") and len(session.mapping.partners) == 300
        assert load_session(backup_path(path)).title.startswith(("save ", "start"))
