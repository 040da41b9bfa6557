"""One open session file: what we read, and safe saves that never overwrite someone else's work."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from session_store import parse_cache
from session_store.atomic import (
    Fingerprint,
    atomic_write,
    backup_path,
    create_exclusive,
    real_path,
)
from session_store.codec import (
    load_bytes,
    read_session_file,
    render_session,
    session_data,
    snapshot_json,
)
from session_store.errors import SessionConflictError, SessionError
from workshop.method.models import Session

try:
    import fcntl
except ImportError:  # Windows: the fingerprint check alone guards against conflicts
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an advisory lock on the file now at ``path`` (if any) while checking and replacing it.

    Every writer locks the inode it is about to replace, so two processes cannot both pass
    the "unchanged since I read it" check and then both rename over the file.
    """
    if fcntl is None:
        yield
        return
    try:  # O_NONBLOCK: if a FIFO took the file's place, opening it must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:  # no file (nothing to lock), or not ours to read: the save will say why
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class SessionFile:
    """A session file opened for editing.

    ``open`` reads and validates it and remembers a fingerprint of the bytes; every write
    first checks the file still holds exactly those bytes (or what we last wrote), so a
    second app instance or an editor's change is reported, never silently overwritten.
    """

    def __init__(self, path: Path, session: Session, fingerprint: Fingerprint | None) -> None:
        self.path = Path(path)
        self.session = session
        self._fingerprint = fingerprint
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path) -> SessionFile:
        """Read and validate ``path``; raises :class:`SessionError` (and writes nothing) if bad."""
        path = Path(path)
        raw, stat = read_session_file(path)
        fingerprint = Fingerprint.of(raw, stat)
        session = load_bytes(raw, str(path), sha256=fingerprint.sha256)
        return cls(path, session, fingerprint)

    @classmethod
    def create(cls, path: Path, session: Session) -> SessionFile:
        """Write ``session`` to a new file; refuses to replace an existing one."""
        path = Path(path)
        snapshot = session_data(session)
        data = _encode(render_session(snapshot), path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file (not a folder) has the folder's name
            raise SessionError(f"{path.parent}: is a file, not a folder; cannot create {path.name} in it") from None
        except OSError as exc:
            raise SessionError(f"{path.parent}: cannot create the folder: {exc.strerror or exc}") from None
        try:
            stat = create_exclusive(path, data)
        except FileExistsError:
            raise SessionError(f"{path}: already exists; choose another name") from None
        except OSError as exc:
            raise SessionError(f"{path}: cannot create: {exc.strerror or exc}") from None
        fingerprint = Fingerprint.of(data, stat)
        parse_cache.store(fingerprint.sha256, lambda: snapshot_json(snapshot))
        return cls(path, session, fingerprint)

    @property
    def backup(self) -> Path:
        """Beside the file saves replace (beside a symbolic link's target, not the link)."""
        return backup_path(self.path)

    def save(self, session: Session, *, force: bool = False) -> None:
        """Write ``session`` (see :meth:`write_text`) and make it :attr:`session`."""
        snapshot = session_data(session)
        self.write_text(render_session(snapshot), force=force, snapshot=snapshot)
        self.session = session

    def write_text(self, text: str, *, force: bool = False, snapshot: dict[str, Any] | None = None) -> None:
        """Atomically replace the file with ``text``, keeping the previous one as the backup.

        Raises :class:`SessionConflictError` if the file on disk is no longer what this
        object read or last wrote (unless ``force``), :class:`SessionError` if it cannot
        be written; in both cases the file on disk is untouched. Thread-safe.

        ``snapshot``: the :func:`~session_store.codec.session_data` that ``text`` was rendered
        from, if at hand; the parse cache then learns the new bytes (so reopening the file is
        fast). The entry of the bytes they replaced is forgotten either way.
        """
        data = _encode(text, self.path)
        target = real_path(self.path)  # through a symbolic link: the file it points to
        with self._lock, _locked(target):
            try:
                if not force and self._fingerprint is not None and self._changed_on_disk():
                    raise SessionConflictError(
                        f"{self.path}: the file was changed on disk since it was opened here "
                        "(another Partner Workshop window or an editor saved it); not saved - "
                        "reopen it, or save under another name"
                    )
                stat = atomic_write(target, data, backup=self.backup)
            except OSError as exc:  # read-only file or folder, disk full, not a regular file...
                backup = str(self.backup)
                about = f" (the backup {self.backup})" if backup in (exc.filename, exc.filename2) else ""
                raise SessionError(
                    f"{self.path}: cannot save: {exc.strerror or exc}{about}; nothing was overwritten"
                ) from None
            replaced, written = self._fingerprint, Fingerprint.of(data, stat)
            self._fingerprint = written
        if snapshot is not None:
            parse_cache.store(written.sha256, lambda: snapshot_json(snapshot))
        if replaced is not None and replaced.sha256 != written.sha256:
            parse_cache.discard(replaced.sha256)

    def _changed_on_disk(self) -> bool:
        assert self._fingerprint is not None
        if not self.path.exists():
            return False  # deleted or moved away: writing it back loses nobody's work
        return not self._fingerprint.matches(self.path)


def _encode(text: str, path: Path) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SessionError(
            f"{path}: cannot save: the text contains a character that cannot be written "
            f"({exc.object[exc.start:exc.end]!r})"
        ) from None
