"""Ended from outside — `kill` (SIGTERM) or the terminal window closed (SIGHUP) — the app
writes the last changes first. Run for real: the app in a pseudo-terminal, keys typed into it."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from session_store import SessionFile, load_session
from workshop.method.defaults import new_session
from workshop.method.models import Phase

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals and signals")

MARKER = "Typedjustnow"
TIMEOUT = 60.0  # start-up on a loaded CI machine; a pass takes 1-3 s


def _start_in_terminal(path: Path, home: Path, program: tuple[str, ...] = ("-m", "workshop")) -> tuple[int, int]:
    """``partner-workshop open path`` (or ``python *program open path``) in a new pseudo-terminal
    of 100×30; (pid, terminal fd)."""
    import pty

    env = {**os.environ, "TERM": "xterm-256color", "PARTNER_WORKSHOP_HOME": str(home)}
    env.pop("TEXTUAL", None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the app, and never returns into pytest
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
            os.execve(sys.executable, [sys.executable, *program, "open", str(path)], env)
        finally:
            os._exit(127)
    return pid, fd


_MOVE = re.compile(rb"\x1b\[(\d+);\d+H")
_STYLE = re.compile(rb"\x1b\[[0-9;]*m")
_CURSOR_ON_ROW_5 = re.compile(rb"\x1b\[5;(?!1H)\d+H(?=\x1b\[\d+;\d+H|\x1b\[\?|\Z)")
"""The terminal's cursor placed on row 5 (where a focused input's cursor is), not to write there."""


def _on_first_row(wanted: str) -> Callable[[bytes], bool]:
    """Whether the terminal output has painted ``wanted`` on its first row (the header)."""

    def painted(output: bytes) -> bool:
        parts = _MOVE.split(output)  # text, row, text, row, text…: each text starts at that row
        return any(
            row == b"1" and wanted in _STYLE.sub(b"", text).decode("utf-8", "replace")
            for row, text in zip(parts[1::2], parts[2::2])
        )

    return painted


def _read_until(fd: int, wanted: str | Callable[[bytes], bool], seen: bytearray) -> None:
    done = wanted if callable(wanted) else (lambda output: wanted.encode() in output)
    deadline = time.monotonic() + TIMEOUT
    while not done(bytes(seen)):
        if time.monotonic() > deadline:
            raise AssertionError(f"{wanted!r} never appeared on the terminal; last output: {bytes(seen[-400:])!r}")
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # the app ended
                raise AssertionError(f"the app ended before {wanted!r} appeared") from None


def _exit_status(pid: int) -> int:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError("the app did not end")


@pytest.mark.parametrize("ending", ["kill", "window closed"])
def test_the_last_keystrokes_are_saved_when_the_app_is_ended_from_outside(tmp_path: Path, ending: str) -> None:
    session = new_session("Offsite")
    session.position.phase = Phase.INTAKE  # Tab from the phase list: the session title field
    path = tmp_path / "session.toml"
    SessionFile.create(path, session)
    pid, fd = _start_in_terminal(path, tmp_path / "home")
    seen = bytearray()
    try:
        _read_until(fd, "Session title", seen)
        before_tab = len(seen)
        os.write(fd, b"\t")
        # The focus has moved once the terminal's cursor is put in the title field, on row 5
        # (a cursor move with no text after it): wait for that, not a fixed time.  Its column
        # depends on the layout (the stepper is narrow below 100 columns), so it is not asked.
        _read_until(fd, lambda output: _CURSOR_ON_ROW_5.search(output, before_tab) is not None, seen)
        os.write(fd, MARKER.encode())
        # The header shows the new title once the edit is in the session; the autosave that
        # would write it is still ~0.15 s away (it waits 0.3 s after the edit).
        _read_until(fd, _on_first_row(f"Offsite{MARKER}"), seen)
        if ending == "kill":
            os.kill(pid, signal.SIGTERM)
            expected = 128 + signal.SIGTERM
        else:
            os.close(fd)  # the window closes: the kernel hangs up the terminal (SIGHUP)
            fd = -1
            expected = 128 + signal.SIGHUP
        code = _exit_status(pid)
    finally:
        if fd >= 0:
            os.close(fd)
    assert load_session(path).title == f"Offsite{MARKER}"
    assert code == expected


_HANGS_ON_EXIT = """
import sys, time
from textual.drivers.linux_driver import LinuxDriver
LinuxDriver.close = lambda self: time.sleep(3600)  # as Textual can when the terminal vanished
import workshop.signals
workshop.signals.EXIT_WATCHDOG_SECONDS = 0.5  # the test need not wait the real 5 s
from workshop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_an_exit_that_hangs_in_textual_still_ends_the_process(tmp_path: Path) -> None:
    """Otherwise the process would live on unseen, holding its claim on the session."""
    path = tmp_path / "session.toml"
    SessionFile.create(path, new_session("Offsite"))
    pid, fd = _start_in_terminal(path, tmp_path / "home", ("-c", _HANGS_ON_EXIT))
    try:
        _read_until(fd, "Offsite", bytearray())
        os.kill(pid, signal.SIGTERM)
        assert _exit_status(pid) == 128 + signal.SIGTERM  # not before TIMEOUT: it would have hung
    finally:
        os.close(fd)
