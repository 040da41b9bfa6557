"""One window at a time edits a session: a claim held while the app has it open.

Two Partner Workshop windows on one file would each refuse the other's saves (the store never
overwrites a file changed since it was read): the second window would show NOT SAVED after a
mere change of phase. So the app *claims* a session before showing it, and a second window is
told at once that the session is open elsewhere.

The claim is an advisory lock (``flock``) on a hidden file beside the session,
``.<name>.editing``, held for as long as the window has the session open. The operating system
drops it when the process ends, however it ends (a crash, SIGKILL, a power cut), so a claim is
never stale. The hidden file itself stays (removing it could let two windows lock two different
files); it is empty and harmless. Where ``flock`` does not exist (Windows) no claim is taken and
the store's conflict check alone protects the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from session_store.atomic import real_path
from session_store.errors import SessionError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def claim_path(path: Path) -> Path:
    """The hidden lock file of session ``path`` (beside the file a symbolic link points to)."""
    target = real_path(Path(path))
    return target.with_name(f".{target.name}.editing")


class EditingClaim:
    """This process edits the session at ``path``; :meth:`release` when it stops."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    @classmethod
    def take(cls, path: Path) -> EditingClaim:
        """Claim ``path`` for editing; :class:`SessionError` if another window has it.

        A claim that cannot be taken for another reason (a read-only folder, say) is not an
        error: the session opens, and its saves will say what is wrong.
        """
        if fcntl is None:
            return cls(path, None)
        try:  # never through a link someone planted under the lock file's name
            fd = os.open(claim_path(path), os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except OSError:
            return cls(path, None)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise SessionError(
                f"{path}: is open in another Partner Workshop window; close it there first "
                "(two windows on one session would refuse each other's saves)"
            ) from None
        except OSError:
            os.close(fd)
            return cls(path, None)
        return cls(path, fd)

    @classmethod
    def held_elsewhere(cls, path: Path) -> bool:
        """Whether another window has ``path`` open now (a moment's look: take, release)."""
        try:
            cls.take(path).release()
        except SessionError:
            return True
        return False

    def release(self) -> None:
        """Let another window edit the session (also done by the OS when the process ends)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the file drops its lock
