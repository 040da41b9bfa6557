"""One window at a time edits a session (session_store/editing_claim.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from session_store import EditingClaim, SessionError, SessionFile
from session_store.editing_claim import claim_path
from workshop.method.defaults import new_session

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock: POSIX only")


def _session(tmp_path: Path) -> Path:
    path = tmp_path / "s.toml"
    SessionFile.create(path, new_session("Offsite"))
    return path


def test_a_claimed_session_cannot_be_claimed_again_until_released(tmp_path: Path) -> None:
    path = _session(tmp_path)
    first = EditingClaim.take(path)
    with pytest.raises(SessionError, match="open in another Partner Workshop window"):
        EditingClaim.take(path)
    first.release()
    EditingClaim.take(path).release()


def test_a_claim_through_a_symbolic_link_is_the_targets_claim(tmp_path: Path) -> None:
    path = _session(tmp_path)
    link = tmp_path / "link.toml"
    link.symlink_to(path)
    claim = EditingClaim.take(path)
    with pytest.raises(SessionError):
        EditingClaim.take(link)
    claim.release()
    assert claim_path(link) == claim_path(path)


_HOLD = """
import sys, time
from session_store import EditingClaim
EditingClaim.take(sys.argv[1])
print("claimed", flush=True)
time.sleep(60)
"""


def test_another_process_holds_the_claim_until_it_dies_however_it_dies(tmp_path: Path) -> None:
    path = _session(tmp_path)
    other = subprocess.Popen([sys.executable, "-c", _HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "claimed"
        with pytest.raises(SessionError):
            EditingClaim.take(path)
    finally:
        os.kill(other.pid, signal.SIGKILL)  # no clean-up code runs: the OS drops the lock
        other.wait()
    deadline = time.monotonic() + 10
    while True:
        try:
            EditingClaim.take(path).release()
            break
        except SessionError:
            assert time.monotonic() < deadline, "the claim outlived its process"
            time.sleep(0.05)


def test_a_folder_where_no_claim_can_be_made_still_opens(tmp_path: Path) -> None:
    path = _session(tmp_path)
    claim_path(path).mkdir()  # the lock file's name is taken by a folder: no claim, no error
    EditingClaim.take(path).release()


def test_a_link_planted_under_the_lock_files_name_is_not_followed(tmp_path: Path) -> None:
    path = _session(tmp_path)
    elsewhere = tmp_path / "not-yours" / "victim"
    elsewhere.parent.mkdir()
    claim_path(path).symlink_to(elsewhere)
    EditingClaim.take(path).release()  # no claim taken, no error: the session still opens
    assert not elsewhere.exists()
