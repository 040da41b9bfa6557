"""The store's saver thread (session_store.saver): order, the undo hook, failures, waiting."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from session_store import SessionError, SessionFile, load_session, session_data
from session_store.saver import Saver
from workshop.method.defaults import new_session


def test_snapshots_are_rendered_kept_and_written_in_the_order_handed_over(tmp_path: Path):
    path = tmp_path / "s.toml"
    session = new_session("v0")
    kept: list[tuple[str, str]] = []
    saver = Saver(on_rendered=lambda text, description: kept.append((text, description)))
    saver.session_file = SessionFile.create(path, session)
    futures = []
    for n in range(1, 21):
        session.title = f"v{n}"
        futures.append(saver.save(session_data(session), f"edit {n}"))
    saver.wait()
    assert all(f.done() and f.exception() is None for f in futures)
    assert [d for _t, d in kept] == [f"edit {n}" for n in range(1, 21)]
    assert 'title = "v20"' in kept[-1][0]
    assert load_session(path).title == "v20"
    saver.close()


def test_a_failed_write_is_the_future_s_exception_and_the_file_is_untouched(tmp_path: Path):
    path = tmp_path / "s.toml"
    session = new_session("mine")
    saver = Saver()
    saver.session_file = SessionFile.create(path, session)
    before = path.read_bytes()
    path.write_text(path.read_text(encoding="utf-8").replace("mine", "theirs"), encoding="utf-8")  # changed elsewhere
    changed = path.read_bytes()
    assert changed != before
    future = saver.save(session_data(session))
    with pytest.raises(SessionError):
        future.result()
    assert path.read_bytes() == changed
    saver.close()


def test_what_was_queued_before_a_copy_is_not_written_over_it(tmp_path: Path):
    session = new_session("first")
    saver = Saver()
    gate = threading.Event()
    saver.submit(gate.wait)  # hold the thread: the next save stays queued
    original = SessionFile.create(tmp_path / "a.toml", session)
    saver.session_file = original
    queued = saver.save(session_data(session))
    session.title = "in the copy"
    saver.session_file = SessionFile.create(tmp_path / "copy.toml", session)
    saver.written_elsewhere()
    gate.set()
    queued.result()
    assert load_session(tmp_path / "copy.toml").title == "in the copy"  # the older snapshot skipped
    saver.close()


def test_close_writes_what_was_queued_then_ends_the_thread(tmp_path: Path):
    path = tmp_path / "s.toml"
    session = new_session("first")
    others = set(threading.enumerate())
    saver = Saver()
    saver.session_file = SessionFile.create(path, session)
    gate = threading.Event()
    saver.submit(gate.wait)  # hold the thread: the save stays queued while close() is called
    session.title = "last edit"
    queued = saver.save(session_data(session))
    closing = threading.Thread(target=saver.close)
    closing.start()
    gate.set()
    closing.join()
    assert queued.done() and queued.exception() is None
    assert load_session(path).title == "last edit"
    assert set(threading.enumerate()) <= others  # the saver's own thread has ended
    saver.wait()  # nothing left to wait for: returns
    with pytest.raises(RuntimeError):
        saver.save(session_data(session))
