"""Crash safety: a process saving in a loop is killed with SIGKILL at random moments.

After every kill the session file (or, failing that, its backup) loads, and it holds the
last save the child reported as completed, or a later one (the save in flight may or may not
have landed): no completed save is ever lost.  The fast suite kills 10 times; ``make soak``
kills 200 times (tests/soak/test_soak_crash.py).  The child is forked from the test process,
so each round costs milliseconds rather than an interpreter start-up.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from session_store import SessionError, SessionFile, backup_path, load_session
from workshop.method.defaults import new_session
from workshop.method.models import Partner

def _save_forever(path: Path, report: int) -> None:
    """The child: open the file, then save a growing change forever, reporting each save."""
    opened = SessionFile.open(path)
    session = opened.session
    seq = int(session.facilitator or 0)
    os.write(report, f"ready {seq}\n".encode())
    while True:
        seq += 1
        session.facilitator = str(seq)  # the sequence number of this save
        session.mapping.partners.append(
            Partner(id=f"p{seq}", name=f"Partner {seq} — ünïcødé 🚀", notes="x" * (seq * 997 % 20000))
        )
        if len(session.mapping.partners) > 40:
            del session.mapping.partners[0]
        opened.save(session)
        os.write(report, f"{seq}\n".encode())  # reported only once the save has returned


def start_child(path: Path) -> tuple[int, int]:
    """Fork a child running :func:`_save_forever` (forked: no interpreter start-up per kill)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(read)
            _save_forever(path, write)
        finally:
            os._exit(1)
    os.close(write)
    return pid, read


def read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode()


def read_until_saves(fd: int, saves: int, timeout: float = 120.0) -> bytes:
    """What the child reported, read until it reported ``saves`` completed saves (after
    "ready"): a bounded wait for progress, not for time, so a loaded machine only takes longer."""
    import select

    seen = b""
    deadline = time.monotonic() + timeout
    while (lines := seen.count(b"\n")) < saves + 1:
        left = deadline - time.monotonic()
        assert left > 0, f"the child reported {lines} lines in {timeout} s, not {saves + 1}"
        if select.select([fd], [], [], min(left, 1.0))[0]:
            chunk = os.read(fd, 65536)
            assert chunk, "the child ended before it was killed"
            seen += chunk
    return seen


def kill_once(path: Path, rng: random.Random) -> tuple[int, int, int]:
    """Run the child until it has completed a random number of saves (1 to 4), then SIGKILL it
    at a random moment of the saves that follow; return (start seq, last completed seq, seq
    on disk)."""
    pid, fd = start_child(path)
    try:
        seen = read_until_saves(fd, rng.randint(1, 4))
        time.sleep(rng.uniform(0.0, 0.03))  # where in the next save the kill lands (no assert waits on it)
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    lines = (seen.decode() + read_all(fd)).splitlines()
    assert lines and lines[0].startswith("ready"), lines[:1]
    start = int(lines[0].split()[1])
    completed = [int(x) for x in lines[1:] if x.strip()]
    return start, (completed[-1] if completed else start), _on_disk(path)


def _on_disk(path: Path) -> int:
    try:
        session = load_session(path)
    except SessionError:
        session = load_session(backup_path(path))  # raises, failing the test, if both are bad
    for stray in path.parent.glob(f".{path.name}*.tmp"):
        stray.unlink()  # a temp file left by the kill is harmless; clear it for the next round
    return int(session.facilitator or 0)


def run_kills(folder: Path, kills: int, seed: int) -> None:
    path = folder / "crash.toml"
    SessionFile.create(path, new_session("Crash test"))
    rng = random.Random(seed)
    saves_seen = 0
    for round_ in range(kills):
        start, last, on_disk = kill_once(path, rng)
        assert on_disk >= last, f"round {round_}: save {last} completed but the file holds {on_disk}"
        assert on_disk <= last + 1, f"round {round_}: the file holds {on_disk}, never begun after {last}"
        saves_seen += last - start
    assert saves_seen > 0, "the child never completed a save: the test proved nothing"


def test_sigkill_while_saving_never_loses_a_completed_save(tmp_path: Path) -> None:
    run_kills(tmp_path, kills=10, seed=1)
